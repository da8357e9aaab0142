import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  BankFileUpload,
  BankFileUploadView,
  bankFileContentType,
  type UploadedBankFile,
  type UploadState,
  uploadBankFile,
} from "@/components/finance/bank-file-upload";

// Rendered outside Next: the form's router is only used when it has uploaded.
vi.mock("next/navigation", () => ({
  useRouter: () => ({ refresh() {}, push() {}, replace() {} }),
}));

const MAX = 128 * 1024 * 1024;
const view = (state: UploadState) =>
  renderToStaticMarkup(
    createElement(BankFileUploadView, { maxBytes: MAX, locale: "en", state, onSubmit: () => {} }),
  );
const received: UploadedBankFile = {
  id: "00000000-0000-4000-8000-0000000000f1",
  fileName: "camt054.xml",
  format: "CAMT054",
  status: "RECEIVED",
  duplicate: false,
  receivedAt: "2026-12-11T07:15:00.000Z",
};

afterEach(() => vi.unstubAllGlobals());

describe("the bank file upload", () => {
  it("is a labelled file input that says what it takes", () => {
    const html = renderToStaticMarkup(
      createElement(BankFileUpload, { maxBytes: MAX, locale: "en" }),
    );
    const input = /<input [^>]*type="file"[^>]*>/.exec(html)?.[0] ?? "";
    const id = /\sid="([^"]+)"/.exec(input)?.[1];
    expect(id).toBeTruthy();
    expect(html).toContain(`<label for="${id}" class="font-medium">Bank file</label>`);
    expect(html).toContain("camt.054");
    expect(html).toContain("BgMax");
    expect(html).toContain("up to 128 MB");
    expect(html).toContain(">Upload<");
  });

  it("says the file was received, and links its report", () => {
    const html = view({ kind: "done", file: received });
    expect(html).toContain("Received camt054.xml (camt.054). It is being checked and imported.");
    expect(html).toContain('href="/finance/bank-files/00000000-0000-4000-8000-0000000000f1"');
    expect(html).not.toContain("already received");
  });

  it("says when the same file was already received", () => {
    const html = view({ kind: "done", file: { ...received, duplicate: true, status: "IMPORTED" } });
    expect(html).toContain("This file was already received");
    expect(html).toContain("2026-12-11 08:15:00");
    expect(html).toContain("nothing in it is booked twice");
  });

  it("shows the problem the server answered, and marks the field", () => {
    const html = view({
      kind: "failed",
      problem: {
        code: "UNSUPPORTED_MEDIA_TYPE",
        message: "This is neither an ISO 20022 camt.054 file (XML) nor a BgMax file",
        status: 415,
        details: {},
        issues: [],
      },
    });
    expect(html).toContain(
      "The file was not received: This is neither an ISO 20022 camt.054 file (XML) nor a BgMax file",
    );
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('role="alert"');
  });

  it("sends .xml as application/xml and anything else as text/plain", () => {
    expect(bankFileContentType("camt054.XML")).toBe("application/xml");
    expect(bankFileContentType("BGMAX.TXT")).toBe("text/plain");
    expect(bankFileContentType("bgmax")).toBe("text/plain");
  });

  it("posts the file's bytes as the body, its name in the query, and reads the answer", async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) =>
      Response.json({ ...received, duplicate: true }, { status: 200 }),
    );
    vi.stubGlobal("fetch", fetch);
    const file = new File(["<Document/>"], "dec 11 camt.xml");
    const result = await uploadBankFile(file, MAX, "en");
    expect(result).toEqual({ ok: true, file: { ...received, duplicate: true } });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe("/api/finance/bank-files?name=dec%2011%20camt.xml");
    expect(init.method).toBe("POST");
    expect(init.headers).toEqual({ "content-type": "application/xml" });
    expect(init.body).toBe(file);
  });

  it("gives the server's problem, and refuses an empty or too large file without sending it", async () => {
    const fetch = vi.fn(async () =>
      Response.json(
        { code: "BAD_INPUT", detail: "The file is empty", status: 400 },
        { status: 400, headers: { "content-type": "application/problem+json" } },
      ),
    );
    vi.stubGlobal("fetch", fetch);
    const refused = await uploadBankFile(new File(["01BGMAX"], "bgmax.txt"), MAX, "en");
    expect(refused).toMatchObject({ ok: false, problem: { message: "The file is empty" } });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await uploadBankFile(new File([], "empty.txt"), MAX, "en")).toMatchObject({ ok: false });
    expect(await uploadBankFile(new File(["01BGMAX"], "big.txt"), 3, "en")).toMatchObject({
      ok: false,
      problem: { code: "PAYLOAD_TOO_LARGE" },
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("says so when the server cannot be reached", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("fetch failed");
      }),
    );
    expect(await uploadBankFile(new File(["01BGMAX"], "bgmax.txt"), MAX, "en")).toMatchObject({
      ok: false,
      problem: { code: "NETWORK", message: "Could not reach the server" },
    });
  });
});
