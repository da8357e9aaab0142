import type { Db } from "@/lib/db/database";
import { hashAccessToken, isWellFormedAccessToken } from "./access-token";

/**
 * Resolves a link token to its invoice id, or null. Unknown, malformed and revoked tokens are
 * indistinguishable: every token is hashed and looked up the same way (an index lookup on the
 * hash, so timing says nothing about how close a guess was).
 */
export async function findInvoiceIdByToken(db: Db, token: string): Promise<string | null> {
  const wellFormed = isWellFormedAccessToken(token);
  const hash = hashAccessToken(wellFormed ? token : `malformed:${token.slice(0, 64)}`);
  const invoice = await db.invoice.findUnique({
    where: { accessTokenHash: hash },
    select: { id: true, status: true },
  });
  if (!wellFormed || !invoice || invoice.status === "DRAFT") return null;
  return invoice.id;
}
