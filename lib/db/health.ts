import type { Database } from "@/lib/db/database";

/** /api/health answers within this, whatever the database does. */
export const HEALTH_TIMEOUT_MS = 1_500;

/**
 * Whether the database answers a trivial query within the time: a database that hangs makes
 * this false after `timeoutMs`, never a health check that hangs with it (load balancers give up
 * on a check that does not answer, and take the process out for the wrong reason).
 */
export async function databaseAnswers(
  open: () => Promise<Database>,
  timeoutMs: number = HEALTH_TIMEOUT_MS,
): Promise<{ ok: true; kind: Database["kind"] } | { ok: false; error: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the database did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    const database = await Promise.race([open(), timeout]);
    await Promise.race([database.prisma.$queryRaw`SELECT 1`, timeout]);
    return { ok: true, kind: database.kind };
  } catch (error) {
    return { ok: false, error };
  } finally {
    clearTimeout(timer);
  }
}
