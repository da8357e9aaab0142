import { describe, expect, it } from "vitest";
import {
  decodePreviewDraft,
  encodePreviewDraft,
  MAX_PREVIEW_DRAFT_LENGTH,
} from "@/lib/content/blocks/preview-draft";

describe("preview drafts in a URL", () => {
  it("round-trips JSON with Swedish letters and emoji through base64url", () => {
    const draft = {
      name: "Vårkampanj 🌷",
      variants: [{ key: "A", content: { sv: { title: "Åäö/+=" } } }],
    };
    const encoded = encodePreviewDraft(draft);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePreviewDraft(encoded)).toEqual(draft);
  });

  it("gives undefined for anything that is not base64url of UTF-8 JSON", () => {
    expect(decodePreviewDraft("not base64!")).toBeUndefined();
    expect(decodePreviewDraft(encodePreviewDraft("x").slice(0, -1))).toBeUndefined();
    expect(decodePreviewDraft(btoa("\xff\xfe").replace(/=+$/, ""))).toBeUndefined();
    expect(decodePreviewDraft("A".repeat(MAX_PREVIEW_DRAFT_LENGTH + 1))).toBeUndefined();
  });
});
