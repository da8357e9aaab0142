import { z } from "zod";

import { MAX_MESSAGE_LENGTH, withoutBidiControls } from "@/lib/chat/chat-limits";

export { MAX_MESSAGE_LENGTH, withoutBidiControls };

export const messageBodySchema = z
  .string()
  .max(MAX_MESSAGE_LENGTH * 2, `a message can be at most ${MAX_MESSAGE_LENGTH} characters`)
  .transform(withoutBidiControls)
  .pipe(
    z
      .string()
      .trim()
      .min(1, "write a message")
      .max(MAX_MESSAGE_LENGTH, `a message can be at most ${MAX_MESSAGE_LENGTH} characters`)
      .refine((text) => ![...text].some(isForbiddenControl), {
        message: "the message contains control characters",
      }),
  );

/** Control characters other than tab and line breaks have no place in a chat message. */
function isForbiddenControl(character: string): boolean {
  const code = character.charCodeAt(0);
  return (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127;
}

/** The sender's own id for a message, so that a resend after a lost acknowledgement is stored once. */
export const clientMessageIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "clientMessageId must be 8–64 letters, digits, - or _");

export const seqSchema = z.number().int().min(0).max(2_000_000_000);

export type ChatAuthor =
  | { type: "CUSTOMER" }
  | { type: "STAFF"; staffId: string; organizationId: string };

export type ChatSide = "customer" | "staff";
