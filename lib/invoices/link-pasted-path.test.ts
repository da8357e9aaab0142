import { describe, expect, it } from "vitest";
import { generateAccessToken } from "@/lib/invoices/access-token";
import { cleanPastedLinkPath } from "@/lib/invoices/link-pasted-path";

const token = generateAccessToken();
// A token may end in "-" or "_": they are the token's own, never cut.
const dashToken = `${"a".repeat(42)}-`;

describe("cleanPastedLinkPath", () => {
  it.each([
    [`/i/${token}.`, `/i/${token}`],
    [`/i/${token}%20`, `/i/${token}`],
    [`/i/${token}%2E`, `/i/${token}`],
    [`/i/${token}%2e`, `/i/${token}`],
    [`/i/${token}),`, `/i/${token}`],
    [`/i/${token}!`, `/i/${token}`],
    [`/i/${token};`, `/i/${token}`],
    [`/i/${token}:`, `/i/${token}`],
    [`/i/${token}'`, `/i/${token}`],
    [`/i/${token}%22`, `/i/${token}`],
    [`/i/${token}%3E`, `/i/${token}`],
    [`/i/${token}%E2%80%9D`, `/i/${token}`],
    [`/i/${token}%C2%BB`, `/i/${token}`],
    [`/i/${token}%C2%A0`, `/i/${token}`],
    [`/i/${token}%E2%80%A6`, `/i/${token}`],
    [`/i/${token}.%20%20`, `/i/${token}`],
    [`/i/${token}%09%0A`, `/i/${token}`],
    [`/i/${token}/%20`, `/i/${token}`],
    [`/i/${token}/pdf.`, `/i/${token}/pdf`],
    [`/i/${token}/n/12).`, `/i/${token}/n/12`],
    [`/i/${dashToken}.`, `/i/${dashToken}`],
  ])("%s opens as %s", (pasted, clean) => {
    expect(cleanPastedLinkPath(pasted)).toBe(clean);
  });

  it.each([
    [`/i/${token}`, "a clean link"],
    [`/i/${token}/pdf`, "a clean sub-path"],
    [`/i/${dashToken}`, "a token ending in its own dash"],
    [`/i/${token}x`, "one character too many (never guessed away)"],
    [`/i/${token.slice(0, -1)}.`, "a truncated token"],
    [`/i/${token}..x`, "punctuation inside, not at the end"],
    [`/i/${token}./pdf`, "junk inside the path, not at its end"],
    [`/i/${token}/pdf%2F.`, "a cleaned segment that is no link segment"],
    [`/i/${token}%ZZ`, "a broken escape"],
    ["/i/.", "no token at all"],
    ["/i/%20", "only junk"],
    [`/x/${token}.`, "not an invoice link"],
    [`/i/${token}/`, "a trailing slash (Next's own redirect)"],
  ])("%s is left alone: %s", (path) => {
    expect(cleanPastedLinkPath(path)).toBeNull();
  });
});
