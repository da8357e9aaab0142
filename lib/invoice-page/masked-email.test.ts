import { describe, expect, it } from "vitest";
import { maskEmail } from "@/lib/invoice-page/masked-email";

describe("maskEmail", () => {
  it("shows the first character and the domain, enough to recognise, not to read off", () => {
    expect(maskEmail("anna.svensson@example.se")).toBe("a…@example.se");
    expect(maskEmail("a@example.se")).toBe("a…@example.se");
    expect(maskEmail("Erik@Post.Example.COM")).toBe("E…@Post.Example.COM");
  });

  it("keeps a first character that is more than one UTF-16 unit whole", () => {
    expect(maskEmail("örjan@example.se")).toBe("ö…@example.se");
    expect(maskEmail("😀smile@example.se")).toBe("😀…@example.se");
  });

  it("splits at the last @, so a quoted local part's @ stays hidden", () => {
    expect(maskEmail('"a@b"@example.se')).toBe('"…@example.se');
  });

  it("shows nothing rather than something wrong", () => {
    for (const value of [
      null,
      undefined,
      "",
      "no-at-sign",
      "@example.se",
      "anna@",
      "anna@ ",
      "anna@exa mple.se",
    ]) {
      expect(maskEmail(value)).toBeNull();
    }
  });

  it("trims white space around the domain", () => {
    expect(maskEmail("anna@example.se ")).toBe("a…@example.se");
  });
});
