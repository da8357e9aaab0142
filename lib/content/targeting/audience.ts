import { z } from "zod";
import type { TargetingFacts } from "@/lib/content/targeting/catalogue";
import { evaluateRule } from "@/lib/content/targeting/evaluate-rule";
import { loadTargetingFacts } from "@/lib/content/targeting/facts";
import { parseRuleDocument } from "@/lib/content/targeting/parse-rule";
import type { Rule } from "@/lib/content/targeting/rule";
import { formatCalendarDate, todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { AppError } from "@/lib/errors/app-error";
import { BoundedMap } from "@/lib/memory/bounded-map";

/**
 * How many of an organisation's customers a targeting rule selects: the audience size the block
 * editor shows while the marketer writes the rule.
 *
 * Each customer is judged as their page judges them: the facts of their latest issued invoice
 * (loadTargetingFacts, the very loader the page uses) under the same three-valued evaluation, so
 * a customer counts only where the rule is true. The facts are read once per organisation and day
 * and kept for a minute, so each change to the rule is only an evaluation in memory. The work is
 * bounded: up to MAX_EVALUATED customers are read, in chunks; a larger organisation is judged on
 * a fixed pseudo-random sample of that many (by a hash of the customer's id, the same sample
 * every time) and the count is scaled up and marked as an estimate.
 */

export const MAX_EVALUATED = 2_000;
const CHUNK = 10;
/**
 * Facts change with invoices and payments, not by the minute, and reading them costs a few
 * thousand small queries: a marketer editing rules for an hour reads them six times, not sixty.
 */
const CACHE_TTL_MS = 10 * 60_000;

export const audienceInputSchema = z.object({
  /** The rule document as the editor holds it; checked by the targeting module. */
  targeting: z.unknown(),
});

export interface AudienceSize {
  /** Customers the rule selects (scaled up from the sample when isEstimate). */
  matching: number;
  /** Customers it cannot decide for (a fact it asks about is unknown): not shown the block. */
  undecided: number;
  /** Customers with an issued invoice: the ones a block can reach. */
  customers: number;
  /** Customers whose facts were read. */
  evaluated: number;
  isEstimate: boolean;
}

interface AudienceFacts {
  customers: number;
  facts: TargetingFacts[];
}

// Per organisation and day; bounded, since organisation ids come from sessions.
const cache = new BoundedMap<string, { expiresAt: number; facts: Promise<AudienceFacts> }>(50);

/** Parses the editor's rule like the block's own schema does; BAD_INPUT names the bad part. */
export function parseAudienceRule(targeting: unknown): Rule {
  const parsed = parseRuleDocument(targeting);
  if (!parsed.ok) {
    throw new AppError("BAD_INPUT", `The rule cannot be counted: ${parsed.message}`);
  }
  return parsed.rule;
}

async function loadAudienceFacts(
  db: Db,
  organizationId: string,
  today: Date,
  maxEvaluated: number,
): Promise<AudienceFacts> {
  // Each customer's latest issued invoice: what their page would be judged on now.
  const latest = await db.$queryRaw<Array<{ id: string }>>`
    SELECT DISTINCT ON (i."customerId") i."id"
    FROM "Invoice" i
    WHERE i."organizationId" = ${organizationId} AND i."kind" = 'INVOICE'
      AND i."status" <> 'DRAFT'
    ORDER BY i."customerId", i."issueDate" DESC NULLS LAST, i."number" DESC NULLS LAST`;
  const sample =
    latest.length > maxEvaluated
      ? await db.$queryRaw<Array<{ id: string }>>`
          SELECT l."id" FROM unnest(${latest.map((row) => row.id)}::text[]) AS l("id")
          JOIN "Invoice" i ON i."id" = l."id"
          ORDER BY md5(i."customerId"), i."customerId" LIMIT ${maxEvaluated}`
      : latest;
  const facts: TargetingFacts[] = [];
  for (let start = 0; start < sample.length; start += CHUNK) {
    const chunk = sample.slice(start, start + CHUNK);
    facts.push(
      ...(await Promise.all(
        chunk.map((row) => loadTargetingFacts(db, { invoiceId: row.id, today })),
      )),
    );
  }
  return { customers: latest.length, facts };
}

function cachedFacts(db: Db, organizationId: string, today: Date, now: number) {
  const key = `${organizationId}:${formatCalendarDate(today)}`;
  const hit = cache.get(key);
  if (hit && hit.expiresAt > now) return hit.facts;
  const facts = loadAudienceFacts(db, organizationId, today, MAX_EVALUATED);
  cache.set(key, { expiresAt: now + CACHE_TTL_MS, facts });
  // A failed read is not kept: the next request tries again.
  facts.catch(() => cache.delete(key));
  return facts;
}

/** Counts the customers of the organisation the rule selects, as of `now` (default: now). */
export async function countAudience(
  db: Db,
  options: {
    organizationId: string;
    rule: Rule;
    now?: Date;
    /** Read the facts now, past the minute's cache, at most this many (tests). */
    fresh?: { maxEvaluated?: number };
  },
): Promise<AudienceSize> {
  const now = options.now ?? new Date();
  const today = todayInSweden(now);
  const { customers, facts } = options.fresh
    ? await loadAudienceFacts(
        db,
        options.organizationId,
        today,
        options.fresh.maxEvaluated ?? MAX_EVALUATED,
      )
    : await cachedFacts(db, options.organizationId, today, now.getTime());
  let matching = 0;
  let undecided = 0;
  for (const customer of facts) {
    const truth = evaluateRule(options.rule, customer);
    if (truth === true) matching += 1;
    else if (truth === "unknown") undecided += 1;
  }
  const isEstimate = facts.length < customers;
  const scale = (count: number) =>
    isEstimate ? Math.round((count * customers) / Math.max(1, facts.length)) : count;
  return {
    matching: scale(matching),
    undecided: scale(undecided),
    customers,
    evaluated: facts.length,
    isEstimate,
  };
}
