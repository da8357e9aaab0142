import { z } from "zod";
import { decoyPasswordHash, verifyPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/database";
import type { StaffRole } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import {
  clearRateLimit,
  hitRateLimit,
  type RateLimitRule,
  releaseRateLimit,
} from "@/lib/rate-limit/rate-limit";

export const signInInputSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email("enter an email address")),
  password: z.string().min(1, "enter your password").max(200),
});

export interface StaffIdentity {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  organizationId: string;
}

// Failures are counted per account *and* address, per address, and per account overall. The first
// two stop guessing from one place (one account's password, or many accounts' from one address;
// an IPv6 /64 is one address, see clientNetwork); the third, much higher, bounds guessing one
// account from many places. None lets a stranger lock a colleague out: their failures from
// elsewhere do not count against the colleague's address, the overall ceiling is far above what
// a few addresses can reach, and an address the account signed in from before (a known address,
// remembered for 90 days) is never held to the overall ceiling at all.
export const SIGN_IN_LIMITS = {
  perEmailAndClient: { limit: 5, windowMs: 15 * 60_000 },
  perClient: { limit: 30, windowMs: 15 * 60_000 },
  perEmail: { limit: 100, windowMs: 15 * 60_000 },
} as const;

const KNOWN_ADDRESS_MS = 90 * 24 * 60 * 60_000;
const knownAddressKey = (email: string, clientKey: string) => `signin:known:${email}:${clientKey}`;

const GENERIC_FAILURE = "Wrong email or password";

function rules(email: string, clientKey: string): RateLimitRule[] {
  return [
    { key: `signin:email-client:${email}:${clientKey}`, ...SIGN_IN_LIMITS.perEmailAndClient },
    { key: `signin:client:${clientKey}`, ...SIGN_IN_LIMITS.perClient },
    { key: `signin:email:${email}`, ...SIGN_IN_LIMITS.perEmail },
  ];
}

/**
 * Checks a staff sign-in. A wrong password and an unknown email fail the same way, after the same
 * amount of work; failures are counted and a locked account or address is refused before checking.
 * Every attempt takes its place in the count *before* its password is checked (and gives it back
 * when it succeeds): checking the count first and counting the failure afterwards would let any
 * number of parallel guesses pass the same check.
 */
export async function verifyStaffSignIn(options: {
  db: Db;
  credentials: unknown;
  clientKey: string;
}): Promise<StaffIdentity> {
  const parsed = signInInputSchema.safeParse(options.credentials);
  if (!parsed.success) throw new AppError("UNAUTHENTICATED", GENERIC_FAILURE);
  const { email, password } = parsed.data;
  const limits = rules(email, options.clientKey);
  const known = await options.db.rateLimitBucket.findUnique({
    where: { key: knownAddressKey(email, options.clientKey) },
    select: { resetAt: true },
  });
  const isKnownAddress = Boolean(known && known.resetAt > new Date());
  for (const rule of isKnownAddress ? limits.slice(0, 2) : limits) {
    const current = await hitRateLimit(options.db, rule);
    if (current.limited) {
      const minutes = Math.ceil(current.retryAfterSeconds / 60);
      throw new AppError(
        "RATE_LIMITED",
        `Too many failed sign-ins. Try again in ${minutes} minutes.`,
        {
          retryAfterMinutes: minutes,
        },
      );
    }
  }
  const user = await options.db.staffUser.findUnique({ where: { email } });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !ok || user.disabledAt) throw new AppError("UNAUTHENTICATED", GENERIC_FAILURE);
  // A success is not a failure: this address's count for the account starts over, and the
  // address and the account get this attempt back (others' failures stay counted).
  await clearRateLimit(options.db, limits[0]!.key);
  await releaseRateLimit(options.db, limits[1]!.key);
  if (!isKnownAddress) await releaseRateLimit(options.db, limits[2]!.key);
  const rememberUntil = new Date(Date.now() + KNOWN_ADDRESS_MS);
  await options.db.rateLimitBucket.upsert({
    where: { key: knownAddressKey(email, options.clientKey) },
    create: { key: knownAddressKey(email, options.clientKey), count: 0, resetAt: rememberUntil },
    update: { resetAt: rememberUntil },
  });
  await options.db.staffUser.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organizationId: user.organizationId,
  };
}
