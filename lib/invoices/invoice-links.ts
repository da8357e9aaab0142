import type { Prisma } from "@/lib/db/generated/client";
import { generateAccessToken, hashAccessToken } from "./access-token";

/**
 * Links to an invoice for its customer. Each is a fresh 256-bit secret, returned once and stored
 * only as its hash; an invoice may have several (the one returned when issuing, one per email or
 * text message, a renewed one), so a link sent by one channel never has to be the same secret as
 * another's, and each can be revoked (or expire) on its own.
 */
export type LinkPurpose =
  | "ISSUED"
  | "EMAIL"
  | "SMS"
  | "RENEWED"
  | "API"
  /** A collection step's message (reminder, courtesy) by email or SMS. */
  | "REMINDER"
  /** A collection step's printed letter. */
  | "LETTER";

export async function createInvoiceLink(
  tx: Prisma.TransactionClient,
  target: { invoiceId: string; organizationId: string; purpose: LinkPurpose; expiresAt?: Date },
): Promise<string> {
  const token = generateAccessToken();
  await tx.invoiceLink.create({
    data: {
      invoiceId: target.invoiceId,
      organizationId: target.organizationId,
      tokenHash: hashAccessToken(token),
      purpose: target.purpose,
      expiresAt: target.expiresAt ?? null,
    },
  });
  return token;
}

/** Every live link of an invoice stops working (they are kept, revoked, for the record). */
export async function revokeInvoiceLinks(
  tx: Prisma.TransactionClient,
  invoiceId: string,
  at: Date = new Date(),
): Promise<number> {
  const { count } = await tx.invoiceLink.updateMany({
    where: { invoiceId, revokedAt: null },
    data: { revokedAt: at },
  });
  return count;
}
