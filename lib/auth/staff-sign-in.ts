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

// Both an account and a client address get a budget of failures per window, so neither one
// account's password nor many accounts from one address can be guessed at speed.
export const SIGN_IN_LIMITS = {
  perEmail: { limit: 5, windowMs: 15 * 60_000 },
  perClient: { limit: 30, windowMs: 15 * 60_000 },
} as const;

const GENERIC_FAILURE = "Wrong email or password";

function rules(email: string, clientKey: string): RateLimitRule[] {
  return [
    { key: `signin:email:${email}`, ...SIGN_IN_LIMITS.perEmail },
    { key: `signin:client:${clientKey}`, ...SIGN_IN_LIMITS.perClient },
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
  for (const rule of limits) {
    const current = await hitRateLimit(options.db, rule);
    if (current.limited) {
      throw new AppError(
        "RATE_LIMITED",
        `Too many failed sign-ins. Try again in ${Math.ceil(current.retryAfterSeconds / 60)} minutes.`,
      );
    }
  }
  const user = await options.db.staffUser.findUnique({ where: { email } });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !ok || user.disabledAt) throw new AppError("UNAUTHENTICATED", GENERIC_FAILURE);
  // A success is not a failure: the account's count starts over, the address gets its attempt back.
  await clearRateLimit(options.db, limits[0]!.key);
  await releaseRateLimit(options.db, limits[1]!.key);
  await options.db.staffUser.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organizationId: user.organizationId,
  };
}
