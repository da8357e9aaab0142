import {
  customersWithChatContact,
  mean,
  netPromoterScore,
  type OutcomeInvoice,
  type OutcomeSummary,
  summarizeOutcomes,
} from "@/lib/content/analytics/outcomes";
import { type Rate, rateOf } from "@/lib/content/analytics/wilson-interval";
import { surveySettingsSchema } from "@/lib/content/blocks/block-settings";
import { formatCalendarDate, todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { ContentBlockKind, ContentBlockStatus } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

export interface VariantAnalytics {
  variantId: string;
  key: string;
  weight: number;
  /** Distinct invoices on which the variant was actually on screen. */
  impressions: number;
  clicks: number;
  accepts: number;
  clickRate: Rate;
  acceptRate: Rate;
  survey: { answers: number; mean: number | null; nps: number | null };
  outcomes: OutcomeSummary & {
    customers: number;
    /** Customers who wrote to support within 30 days after seeing the variant. */
    chatContacts: number;
    /** Customers who accepted any offer (of any block) after seeing the variant. */
    planChanges: number;
  };
}

export interface DailyPoint {
  /** Swedish calendar day, YYYY-MM-DD. */
  day: string;
  variantKey: string;
  impressions: number;
  accepts: number;
}

export interface BlockAnalytics {
  block: { id: string; name: string; kind: ContentBlockKind; status: ContentBlockStatus };
  surveyScale: "NPS" | "CSAT" | null;
  variants: VariantAnalytics[];
  /** Every day from the first to the last event (gaps as zeros), each variant on each day. */
  daily: DailyPoint[];
}

/** The chart and table show at most this many days (the latest), to keep the page light. */
export const MAX_DAILY_DAYS = 366;
// PostgreSQL takes at most 65,535 bind parameters per statement; stay far below it.
const ID_CHUNK = 5_000;

async function inChunks<T>(ids: string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let index = 0; index < ids.length; index += ID_CHUNK) {
    rows.push(...(await load(ids.slice(index, index + ID_CHUNK))));
  }
  return rows;
}

/**
 * Everything the analytics page and its CSV show about one block of the marketer's organisation.
 * Outcomes are read among the invoices that showed each variant, so a variant is compared with its
 * siblings on the same population (the assignment is random by customer), not with the past.
 */
export async function loadBlockAnalytics(
  db: Db,
  options: { organizationId: string; blockId: string; now?: Date },
): Promise<BlockAnalytics> {
  const today = todayInSweden(options.now);
  const block = await db.contentBlock.findFirst({
    where: { id: options.blockId, organizationId: options.organizationId },
    select: {
      id: true,
      name: true,
      kind: true,
      status: true,
      settings: true,
      variants: { select: { id: true, key: true, weight: true }, orderBy: { key: "asc" } },
    },
  });
  if (!block) throw new AppError("NOT_FOUND", "No such content block");
  const [events, acceptances, answers] = await Promise.all([
    db.contentEvent.findMany({
      where: { blockId: block.id, type: { in: ["IMPRESSION", "CLICK"] } },
      select: { variantId: true, invoiceId: true, customerId: true, type: true, occurredAt: true },
    }),
    db.offerAcceptance.findMany({
      where: { blockId: block.id },
      select: { variantId: true, acceptedAt: true },
    }),
    db.surveyAnswer.findMany({
      where: { blockId: block.id },
      select: { variantId: true, score: true },
    }),
  ]);
  const impressions = events.filter((event) => event.type === "IMPRESSION");
  const invoiceIds = [...new Set(impressions.map((event) => event.invoiceId))];
  const customerIds = [...new Set(impressions.map((event) => event.customerId))];
  const firstSeen = impressions.reduce<Date | null>(
    (first, event) => (!first || event.occurredAt < first ? event.occurredAt : first),
    null,
  );
  const [invoices, messages, planChanges] = await Promise.all([
    loadOutcomeInvoices(db, invoiceIds),
    firstSeen ? loadCustomerMessages(db, options.organizationId, customerIds, firstSeen) : [],
    firstSeen
      ? inChunks(customerIds, (chunk) =>
          db.offerAcceptance.findMany({
            where: {
              organizationId: options.organizationId,
              customerId: { in: chunk },
              acceptedAt: { gte: firstSeen },
            },
            select: { customerId: true, acceptedAt: true },
          }),
        )
      : [],
  ]);
  const invoiceById = new Map(invoices.map((invoice) => [invoice.id, invoice]));
  const settings = surveySettingsSchema.safeParse(block.settings);
  const surveyScale = block.kind === "SURVEY" && settings.success ? settings.data.scale : null;

  const variants = block.variants.map((variant): VariantAnalytics => {
    const seen = impressions.filter((event) => event.variantId === variant.id);
    const shownOn = new Set(seen.map((event) => event.invoiceId));
    const clicks = new Set(
      events
        .filter((e) => e.type === "CLICK" && e.variantId === variant.id)
        .map((e) => e.invoiceId),
    ).size;
    const accepts = acceptances.filter((a) => a.variantId === variant.id).length;
    const scores = answers.filter((a) => a.variantId === variant.id).map((a) => a.score);
    const customers = new Set(seen.map((event) => event.customerId));
    const firstSeenBy = new Map<string, Date>();
    for (const event of seen) {
      const earlier = firstSeenBy.get(event.customerId);
      if (!earlier || event.occurredAt < earlier)
        firstSeenBy.set(event.customerId, event.occurredAt);
    }
    const changed = new Set(
      planChanges
        .filter((change) => {
          const first = firstSeenBy.get(change.customerId);
          return first !== undefined && change.acceptedAt >= first;
        })
        .map((change) => change.customerId),
    );
    const shownInvoices = [...shownOn].flatMap((id) => invoiceById.get(id) ?? []);
    return {
      variantId: variant.id,
      key: variant.key,
      weight: variant.weight,
      impressions: shownOn.size,
      clicks,
      accepts,
      clickRate: rateOf(clicks, shownOn.size),
      acceptRate: rateOf(accepts, shownOn.size),
      survey: {
        answers: scores.length,
        mean: mean(scores),
        nps: surveyScale === "NPS" ? netPromoterScore(scores) : null,
      },
      outcomes: {
        ...summarizeOutcomes(shownInvoices, today),
        customers: customers.size,
        chatContacts: customersWithChatContact(seen, messages).size,
        planChanges: changed.size,
      },
    };
  });
  return {
    block: { id: block.id, name: block.name, kind: block.kind, status: block.status },
    surveyScale,
    variants,
    daily: dailySeries(block.variants, impressions, acceptances),
  };
}

async function loadOutcomeInvoices(db: Db, ids: string[]): Promise<OutcomeInvoice[]> {
  return inChunks(ids, (chunk) =>
    db.invoice.findMany({
      where: { id: { in: chunk } },
      select: {
        id: true,
        kind: true,
        issueDate: true,
        dueDate: true,
        ledgerEntries: { select: { kind: true, amountOre: true, occurredAt: true } },
      },
    }),
  ).then((rows) =>
    rows.map(({ ledgerEntries, ...invoice }) => ({ ...invoice, entries: ledgerEntries })),
  );
}

/** The customers' own chat messages (not staff replies, not internal notes) since `from`. */
async function loadCustomerMessages(
  db: Db,
  organizationId: string,
  customerIds: string[],
  from: Date,
): Promise<Array<{ customerId: string; createdAt: Date }>> {
  const rows = await inChunks(customerIds, (chunk) =>
    db.chatMessage.findMany({
      where: {
        organizationId,
        authorType: "CUSTOMER",
        kind: "MESSAGE",
        createdAt: { gte: from },
        conversation: { customerId: { in: chunk } },
      },
      select: { createdAt: true, conversation: { select: { customerId: true } } },
    }),
  );
  return rows.map((row) => ({ customerId: row.conversation.customerId, createdAt: row.createdAt }));
}

function dailySeries(
  variants: Array<{ id: string; key: string }>,
  impressions: Array<{ variantId: string; occurredAt: Date }>,
  acceptances: Array<{ variantId: string; acceptedAt: Date }>,
): DailyPoint[] {
  const dayOf = (at: Date) => formatCalendarDate(todayInSweden(at));
  const counts = new Map<string, { impressions: number; accepts: number }>();
  const bump = (variantId: string, at: Date, field: "impressions" | "accepts") => {
    const key = `${dayOf(at)}|${variantId}`;
    const entry = counts.get(key) ?? { impressions: 0, accepts: 0 };
    entry[field] += 1;
    counts.set(key, entry);
  };
  for (const event of impressions) bump(event.variantId, event.occurredAt, "impressions");
  for (const acceptance of acceptances)
    bump(acceptance.variantId, acceptance.acceptedAt, "accepts");
  if (counts.size === 0) return [];
  const days = [...counts.keys()].map((key) => key.slice(0, 10)).sort();
  const last = new Date(`${days.at(-1)}T00:00:00Z`).getTime();
  const first = Math.max(
    new Date(`${days[0]}T00:00:00Z`).getTime(),
    last - (MAX_DAILY_DAYS - 1) * 86_400_000,
  );
  const points: DailyPoint[] = [];
  for (let time = first; time <= last; time += 86_400_000) {
    const day = new Date(time).toISOString().slice(0, 10);
    for (const variant of variants) {
      const entry = counts.get(`${day}|${variant.id}`);
      points.push({
        day,
        variantKey: variant.key,
        impressions: entry?.impressions ?? 0,
        accepts: entry?.accepts ?? 0,
      });
    }
  }
  return points;
}
