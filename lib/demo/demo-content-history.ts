import { selectBlocksForInvoice } from "@/lib/content/blocks/select-blocks";
import { addDays, todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { ContentEventType, ContentSlot } from "@/lib/db/generated/client";
import { between, createRandom } from "@/lib/demo/demo-people";

/** How far back the demo's marketing history reaches: the last two or three invoices of each. */
export const CONTENT_HISTORY_DAYS = 63;
const MINUTE = 60_000;

// Not everyone opens their invoice, and a block lower down the page is seen by fewer of those who
// do (an impression counts only once the block was on screen).
const OPENS_INVOICE = 0.85;
const SEES_SLOT: Record<ContentSlot, number> = {
  AFTER_SUMMARY: 0.9,
  OFFERS: 0.75,
  BEFORE_CHAT: 0.5,
};
// Offer variants that differ, so the A/B comparison has something to say.
const CLICKS_OFFER: Record<string, number> = { A: 0.18, B: 0.1 };
const ANSWERS_SURVEY = 0.35;

/**
 * A few weeks of what customers did with the demo's published blocks, so the marketers'
 * analytics (impressions, clicks, survey answers by variant and by day) have something to show on
 * first start. Each invoice of those weeks gets exactly the blocks and variant the page would have
 * shown its customer that day (selectBlocksForInvoice, frequency caps included), and rows exactly
 * as the customer's page writes them (content-events.ts). No offer is accepted: an acceptance is a
 * plan change, which the demo's contracts and invoices would contradict. The showcase invoices are
 * left untouched, and an organisation that already has events is left alone.
 */
export async function seedContentHistory(options: {
  db: Db;
  organizationId: string;
  avoidInvoiceIds: string[];
  now: Date;
  seed: number;
}): Promise<{ events: number }> {
  const { db, organizationId, now } = options;
  if ((await db.contentEvent.count({ where: { organizationId } })) > 0) return { events: 0 };
  const random = createRandom(options.seed);
  const invoices = await db.invoice.findMany({
    where: {
      organizationId,
      kind: "INVOICE",
      status: { not: "DRAFT" },
      issueDate: { gte: addDays(todayInSweden(now), -CONTENT_HISTORY_DAYS) },
      id: { notIn: options.avoidInvoiceIds },
    },
    // In the order they went out, so each frequency cap counts the impressions before it.
    orderBy: [{ issueDate: "asc" }, { number: "asc" }],
    select: {
      id: true,
      customerId: true,
      issueDate: true,
      customer: { select: { locale: true } },
    },
  });
  let events = 0;
  for (const invoice of invoices) {
    if (random() >= OPENS_INVOICE) continue;
    // Sent in the morning run (06:00 in Sweden) and opened some time in the days after, never
    // after now.
    const sent = invoice.issueDate!.getTime() + 5 * 60 * MINUTE;
    const opened = Math.min(
      sent + between(random, 60, 9 * 24 * 60) * MINUTE,
      now.getTime() - between(random, 5, 60) * MINUTE,
    );
    if (opened <= sent) continue;
    const at = (minutes: number) => new Date(Math.min(opened + minutes * MINUTE, now.getTime()));
    const shown = await selectBlocksForInvoice(db, {
      invoice: { id: invoice.id, organizationId, customerId: invoice.customerId },
      locale: invoice.customer.locale,
      now: new Date(opened),
    });
    for (const block of shown) {
      if (random() >= SEES_SLOT[block.slot]) continue;
      const row = {
        organizationId,
        blockId: block.blockId,
        variantId: block.variantId,
        customerId: invoice.customerId,
        invoiceId: invoice.id,
      };
      const rows: Array<typeof row & { type: ContentEventType; occurredAt: Date }> = [
        { ...row, type: "IMPRESSION", occurredAt: at(1) },
      ];
      if (block.offer && random() < (CLICKS_OFFER[block.variantKey] ?? 0.12)) {
        rows.push({ ...row, type: "CLICK", occurredAt: at(between(random, 2, 6)) });
      }
      if (block.survey && block.survey.answer === null && random() < ANSWERS_SURVEY) {
        const answeredAt = at(between(random, 2, 4));
        await db.surveyAnswer.create({
          data: { ...row, score: surveyScore(random, block.survey), answeredAt },
        });
        rows.push({ ...row, type: "SURVEY_ANSWER", occurredAt: answeredAt });
      }
      const { count } = await db.contentEvent.createMany({ data: rows, skipDuplicates: true });
      events += count;
    }
  }
  return { events };
}

/** Mostly content customers, some lukewarm, a few unhappy (an NPS around +30). */
function surveyScore(random: () => number, survey: { min: number; max: number }): number {
  const span = survey.max - survey.min;
  const roll = random();
  const share =
    roll < 0.5 ? 0.9 + random() * 0.1 : roll < 0.8 ? 0.7 + random() * 0.2 : random() * 0.6;
  return Math.min(survey.max, survey.min + Math.round(share * span));
}
