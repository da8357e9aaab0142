import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { type ApiScope, apiScopeSchema } from "@/lib/api/scopes";
import type { Db } from "@/lib/db/database";
import type { ApiKeyMode } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * API keys: `nota_live_` or `nota_test_` and 32 random bytes (base64url). The fixed prefix lets
 * secret scanners find a leaked key; the key is shown once and stored only as its SHA-256 (a fast
 * hash is right for a full-entropy secret, as for invoice links). What is shown in lists is the
 * prefix and the first six characters of the secret.
 */
const KEY_PATTERN = /^nota_(live|test)_([A-Za-z0-9_-]{43})$/;

export const createApiKeyInputSchema = z.strictObject({
  name: z.string().trim().min(1, "give the key a name").max(80),
  mode: z.enum(["LIVE", "TEST"]).default("LIVE"),
  scopes: z
    .array(apiScopeSchema)
    .min(1, "choose at least one scope")
    .transform((scopes) => [...new Set(scopes)]),
});
export type CreateApiKeyInput = z.output<typeof createApiKeyInputSchema>;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export interface ApiPrincipal {
  keyId: string;
  organizationId: string;
  mode: ApiKeyMode;
  scopes: readonly ApiScope[];
}

export interface ApiKeyView {
  id: string;
  name: string;
  mode: ApiKeyMode;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const viewSelect = {
  id: true,
  name: true,
  mode: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

/** Makes a key; the returned `key` is the only time it exists outside its holder's hands. */
export async function createApiKey(options: {
  db: Db;
  organizationId: string;
  input: CreateApiKeyInput;
  createdByStaffId?: string | null;
}): Promise<ApiKeyView & { key: string }> {
  const secret = randomBytes(32).toString("base64url");
  const key = `nota_${options.input.mode === "LIVE" ? "live" : "test"}_${secret}`;
  const row = await options.db.apiKey.create({
    data: {
      organizationId: options.organizationId,
      name: options.input.name,
      mode: options.input.mode,
      prefix: key.slice(0, "nota_live_".length + 6),
      keyHash: hashApiKey(key),
      scopes: options.input.scopes,
      createdByStaffId: options.createdByStaffId ?? null,
    },
    select: viewSelect,
  });
  return { ...row, key };
}

export async function listApiKeys(db: Db, organizationId: string): Promise<ApiKeyView[]> {
  return db.apiKey.findMany({
    where: { organizationId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: viewSelect,
  });
}

/** Revokes a key of the organisation at once; another organisation's key is NOT_FOUND. */
export async function revokeApiKey(options: {
  db: Db;
  organizationId: string;
  keyId: string;
}): Promise<ApiKeyView> {
  const updated = await options.db.apiKey.updateMany({
    where: { id: options.keyId, organizationId: options.organizationId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  const row = await options.db.apiKey.findFirst({
    where: { id: options.keyId, organizationId: options.organizationId },
    select: viewSelect,
  });
  if (!row) throw new AppError("NOT_FOUND", "No such API key");
  if (updated.count === 0 && !row.revokedAt) throw new AppError("CONFLICT", "Try again");
  return row;
}

// lastUsedAt is a hint for admins ("is this key still in use?"), not an audit log: written at
// most once a minute per key, so a busy integration does not write on every request.
const LAST_USED_EVERY_MS = 60_000;

/**
 * Who is asking, for API v1: the organisation and scopes of the `Authorization: Bearer` key. A
 * missing, malformed, unknown or revoked key is the same UNAUTHENTICATED.
 */
export async function authenticateApiKey(
  db: Db,
  authorization: string | null,
  now = new Date(),
): Promise<ApiPrincipal> {
  const refused = () =>
    new AppError(
      "UNAUTHENTICATED",
      "Send an API key of this organisation as Authorization: Bearer nota_live_… or nota_test_…",
    );
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const key = match?.[1];
  if (!key || !KEY_PATTERN.test(key)) throw refused();
  const row = await db.apiKey.findUnique({
    where: { keyHash: hashApiKey(key) },
    select: {
      id: true,
      organizationId: true,
      mode: true,
      scopes: true,
      revokedAt: true,
      lastUsedAt: true,
    },
  });
  if (!row || row.revokedAt) throw refused();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return {
    keyId: row.id,
    organizationId: row.organizationId,
    mode: row.mode,
    scopes: row.scopes.filter(
      (scope): scope is ApiScope => apiScopeSchema.safeParse(scope).success,
    ),
  };
}

export function requireScope(principal: ApiPrincipal, scope: ApiScope): void {
  if (!principal.scopes.includes(scope)) {
    throw new AppError("FORBIDDEN", `This API key lacks the scope ${scope}`, { scope });
  }
}
