import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { assertSameOrigin } from "@/lib/http/same-origin";

const post = (headers: Record<string, string>) =>
  new Request("http://localhost:3000/api/agent/x", { method: "POST", headers });

describe("assertSameOrigin", () => {
  it("accepts the site's own origin, by Host or by APP_URL", () => {
    expect(() =>
      assertSameOrigin(post({ origin: "http://localhost:3000", host: "localhost:3000" })),
    ).not.toThrow();
    expect(() =>
      assertSameOrigin(
        post({ origin: "https://nota.example", host: "10.0.0.5:3000" }),
        "https://nota.example/",
      ),
    ).not.toThrow();
    expect(() =>
      assertSameOrigin(
        post({ referer: "http://localhost:3000/agent/invoices/1", host: "localhost:3000" }),
      ),
    ).not.toThrow();
  });

  it("refuses other sites, missing and malformed origins", () => {
    for (const headers of <Array<Record<string, string>>>[
      { origin: "https://evil.example", host: "localhost:3000" },
      { origin: "http://localhost:3000.evil.example", host: "localhost:3000" },
      { origin: "null", host: "localhost:3000" },
      { host: "localhost:3000" },
    ]) {
      expect(() => assertSameOrigin(post(headers))).toThrow(AppError);
    }
  });
});
