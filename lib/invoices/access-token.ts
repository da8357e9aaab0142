import { createHash, randomBytes } from "node:crypto";

/**
 * An invoice link's secret. 256 random bits (the rule is at least 128), base64url, shown once in
 * the link and stored only as its SHA-256: a leaked database does not leak working links. A
 * fast hash is right here (unlike passwords) because the token has full entropy.
 */
export const ACCESS_TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function generateAccessToken(): string {
  return randomBytes(ACCESS_TOKEN_BYTES).toString("base64url");
}

export function hashAccessToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function isWellFormedAccessToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
