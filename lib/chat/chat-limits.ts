/**
 * Longest chat message accepted; longer text is refused with a message, never cut. Kept apart
 * from the zod schemas so the browser's chat can show the limit without loading zod.
 */
export const MAX_MESSAGE_LENGTH = 2000;

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): invisible,
 * and able to make text read differently from what it says (a link or an amount shown reversed).
 * Chat text has them taken out, as rich text does; the words themselves are kept.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}
