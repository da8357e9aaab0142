import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { linkify } from "@/lib/chat/linkify";

describe("linkify", () => {
  it("turns http(s) addresses into links and leaves the sentence's punctuation outside", () => {
    expect(linkify("Se https://example.se/faq?a=1. Tack!")).toEqual([
      { text: "Se " },
      { text: "https://example.se/faq?a=1", href: "https://example.se/faq?a=1" },
      { text: ". Tack!" },
    ]);
  });

  it("shows text stored with bidi controls without them", () => {
    expect(linkify("faktura_\u202Efdp.exe")).toEqual([{ text: "faktura_fdp.exe" }]);
    expect(linkify("\u2067https://example.se/\u2069")).toEqual([
      { text: "https://example.se/", href: "https://example.se/" },
    ]);
  });

  it("never makes a link of other schemes or markup", () => {
    for (const text of [
      "javascript:alert(1)",
      'klicka <a href="javascript:alert(1)">här</a>',
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
      "<img src=x onerror=alert(1)>",
      "vbscript:msgbox",
    ]) {
      expect(linkify(text).every((segment) => !("href" in segment))).toBe(true);
    }
  });

  it("keeps every character of the text, in order", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.webUrl(),
        fc.string({ maxLength: 50 }),
        (a, url, b) => {
          const text = `${a} ${url} ${b}`;
          expect(
            linkify(text)
              .map((segment) => segment.text)
              .join(""),
          ).toBe(text);
          for (const segment of linkify(text)) {
            if ("href" in segment) expect(segment.href).toMatch(/^https?:\/\//);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
