import type { ParsedContentBlock } from "@/lib/content/blocks/block-input";
import type { CandidateBlock } from "@/lib/content/blocks/select-blocks";

/**
 * The console's unsaved block travels to the preview page in its URL (the iframe can only GET):
 * JSON → UTF-8 → base64url. The page parses the result with contentBlockInputSchema like any
 * other untrusted input, so the encoding carries no trust of its own.
 */

/** Node's default header limit is 16 KiB; a longer URL would be refused before it reached us. */
export const MAX_PREVIEW_DRAFT_LENGTH = 12_000;

export const PREVIEW_BLOCK_ID = "preview";

export function encodePreviewDraft(draft: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(draft));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** The decoded JSON, or undefined when the text is not base64url of JSON. */
export function decodePreviewDraft(encoded: string): unknown {
  if (encoded.length > MAX_PREVIEW_DRAFT_LENGTH || !/^[A-Za-z0-9_-]*$/.test(encoded))
    return undefined;
  try {
    const binary = atob(encoded.replaceAll("-", "+").replaceAll("_", "/"));
    const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

/**
 * The parsed draft as a selection candidate. A new block's id is one nothing real can have; a
 * stored block's draft takes the stored block's id, so it stands in place of the published
 * version (never beside it, as a second offer) and its customers get the variant they really get.
 */
export function previewCandidate(
  draft: ParsedContentBlock,
  blockId: string = PREVIEW_BLOCK_ID,
): CandidateBlock {
  return {
    id: blockId,
    kind: draft.kind,
    slot: draft.slot,
    priority: draft.priority,
    targeting: draft.targeting,
    frequencyCap: draft.frequencyCap,
    settings: draft.settings,
    variants: draft.variants.map((variant) => ({
      id: `preview-${variant.key}`,
      key: variant.key,
      weight: variant.weight,
      content: variant.content,
    })),
  };
}
