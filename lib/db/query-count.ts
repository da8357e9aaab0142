import type { PrismaClient } from "@/lib/db/generated/client";

/**
 * How many SQL statements Prisma has sent in this process, for the benchmarks' "queries per view"
 * (npm run bench:invoice-page reads it through the bench build's /bench/stats). Counting is on
 * only when NOTA_COUNT_QUERIES=1: Prisma then emits an event per statement, which costs a little.
 * The count lives on globalThis because server.ts and Next's bundle load this module separately.
 */
const countKey = Symbol.for("nota.query-count");
type Holder = { [countKey]?: number };

export function queryCountingEnabled(): boolean {
  return process.env.NOTA_COUNT_QUERIES === "1";
}

/** The PrismaClient `log` option that makes it emit a query event per statement, when counting. */
export function queryLogOption(): { log?: Array<{ level: "query"; emit: "event" }> } {
  return queryCountingEnabled() ? { log: [{ level: "query", emit: "event" }] } : {};
}

export function countQueries(prisma: PrismaClient): void {
  if (!queryCountingEnabled()) return;
  (prisma as unknown as { $on(event: "query", listener: () => void): void }).$on("query", () => {
    const holder = globalThis as Holder;
    holder[countKey] = (holder[countKey] ?? 0) + 1;
  });
}

/** Statements sent so far (0 when counting is off). */
export function queriesSent(): number {
  return (globalThis as Holder)[countKey] ?? 0;
}
