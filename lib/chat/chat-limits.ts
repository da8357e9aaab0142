/**
 * Longest chat message accepted; longer text is refused with a message, never cut. Kept apart
 * from the zod schemas so the browser's chat can show the limit without loading zod.
 */
export const MAX_MESSAGE_LENGTH = 2000;
