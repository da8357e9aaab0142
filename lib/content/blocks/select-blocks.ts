import type { BlockContent } from "@/lib/content/blocks/block-content";
import {
  offerSettingsSchema,
  surveyRange,
  surveySettingsSchema,
} from "@/lib/content/blocks/block-settings";
import {
  fillPlaceholders,
  hasUnfilledPlaceholder,
  loadPlaceholderValues,
} from "@/lib/content/blocks/placeholders";
import { assignVariant } from "@/lib/content/blocks/variant-assignment";
import { evaluateRule, explainUnknown } from "@/lib/content/targeting/evaluate-rule";
import { loadTargetingFacts } from "@/lib/content/targeting/facts";
import { parseRuleDocument } from "@/lib/content/targeting/parse-rule";
import { addMonths, todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { ContentBlockKind, ContentSlot, Locale } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";
import { isAllowedImageUrl, parseImageHosts } from "@/lib/http/image-hosts";
import { createLogger } from "@/lib/log";
import { BoundedMap } from "@/lib/memory/bounded-map";
import { roundDiv } from "@/lib/money/rounding";
import { loadBestPlan } from "@/lib/offers/best-plan";

const log = createLogger("content");

export interface SelectedBlock {
  blockId: string;
  variantId: string;
  variantKey: string;
  kind: ContentBlockKind;
  slot: ContentSlot;
  content: BlockContent["sv"];
  offer?: {
    planId: string;
    planName: string;
    /** Including VAT, as consumers compare prices. */
    monthlyFeeOre: number;
    currentPlanName: string | null;
    annualSavingOre: number | null;
    effectiveFrom: Date;
    acceptedAt: Date | null;
  };
  survey?: { scale: "NPS" | "CSAT"; min: number; max: number; answer: number | null };
}

/** A block as stored, or as the console's unsaved draft in a preview. */
export interface CandidateBlock {
  id: string;
  kind: ContentBlockKind;
  slot: ContentSlot;
  priority: number;
  targeting: unknown;
  frequencyCap: number | null;
  settings: unknown;
  variants: Array<{ id: string; key: string; weight: number; content: unknown }>;
}

const PROBLEM_REPORT_INTERVAL_MS = 10 * 60_000;
// Per block id, bounded: ids come from the database, but nothing is kept per key without a bound.
const reportedAt = new BoundedMap<string, number>(10_000);

/**
 * The marketing blocks one invoice page shows: published and within their dates, selected by their
 * rule for this customer (a rule that cannot be evaluated fails closed and is reported to the
 * console), within their frequency cap, with the customer's own variant, by priority, at most the
 * organisation's maximum. Nothing here can hide legal content: blocks only fill the page's slots.
 */
export async function selectBlocksForInvoice(
  db: Db,
  options: {
    invoice: { id: string; organizationId: string; customerId: string };
    locale: Locale;
    now?: Date;
    /** The console's preview: this draft in place of (or beside) the published blocks. */
    preview?: CandidateBlock;
  },
): Promise<SelectedBlock[]> {
  const now = options.now ?? new Date();
  const { invoice } = options;
  const published = await db.contentBlock.findMany({
    where: {
      organizationId: invoice.organizationId,
      status: "PUBLISHED",
      AND: [
        { OR: [{ startsAt: null }, { startsAt: { lte: now } }] },
        { OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
      ],
    },
    select: {
      id: true,
      kind: true,
      slot: true,
      priority: true,
      targeting: true,
      frequencyCap: true,
      settings: true,
      variants: { select: { id: true, key: true, weight: true, content: true } },
    },
  });
  const candidates: CandidateBlock[] = published.filter(
    (block) => block.id !== options.preview?.id,
  );
  if (options.preview) candidates.push(options.preview);
  // Most invoices of most organisations have no blocks: no facts are read for them.
  if (candidates.length === 0) return [];
  candidates.sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));

  const today = todayInSweden(now);
  const facts = await loadTargetingFacts(db, { invoiceId: invoice.id, today });
  const chosen: CandidateBlock[] = [];
  for (const block of candidates) {
    const parsed = parseRuleDocument(block.targeting);
    const verdict = parsed.ok ? evaluateRule(parsed.rule, facts) : "unknown";
    if (verdict === "unknown") {
      const reason = parsed.ok
        ? `missing facts: ${[explainUnknown(parsed.rule, facts)].flat().join(", ")}`
        : `invalid rule: ${parsed.message}`;
      if (block.id !== options.preview?.id) void reportRuleProblem(db, block.id, reason, now);
    }
    if (verdict === true) chosen.push(block);
  }
  if (chosen.length === 0) return [];

  const ids = chosen.map((block) => block.id);
  const imageHosts = parseImageHosts(getEnv().CONTENT_IMAGE_HOSTS);
  const [organization, shownElsewhere, acceptances, answers, values] = await Promise.all([
    db.organization.findUnique({
      where: { id: invoice.organizationId },
      select: { maxContentBlocksPerInvoice: true },
    }),
    db.contentEvent.groupBy({
      by: ["blockId"],
      where: {
        customerId: invoice.customerId,
        blockId: { in: ids },
        type: "IMPRESSION",
        invoiceId: { not: invoice.id },
      },
      _count: { _all: true },
    }),
    db.offerAcceptance.findMany({
      where: { customerId: invoice.customerId, blockId: { in: ids } },
      select: { blockId: true, acceptedAt: true, toPlanId: true, effectiveFrom: true },
    }),
    db.surveyAnswer.findMany({
      where: { invoiceId: invoice.id, blockId: { in: ids } },
      select: { blockId: true, score: true },
    }),
    loadPlaceholderValues(db, { customerId: invoice.customerId, locale: options.locale, today }),
  ]);
  const impressions = new Map(shownElsewhere.map((row) => [row.blockId, row._count._all]));
  const max = organization?.maxContentBlocksPerInvoice ?? 3;
  const selected: SelectedBlock[] = [];
  for (const block of chosen) {
    if (selected.length >= max) break;
    if (block.frequencyCap !== null && (impressions.get(block.id) ?? 0) >= block.frequencyCap)
      continue;
    const variant = assignVariant(invoice.customerId, block.id, block.variants);
    if (!variant) continue;
    const full = block.variants.find((v) => v.id === variant.id);
    const written = (full?.content as Record<Locale, BlockContent["sv"]> | undefined)?.[
      options.locale
    ];
    if (!full || !written) continue;
    // A text that needs a value this customer lacks (no campaign to end …) is not for them.
    const texts = [written.title, written.body, written.cta ?? ""];
    if (texts.some((text) => hasUnfilledPlaceholder(text, values))) continue;
    const content = {
      ...written,
      title: fillPlaceholders(written.title, values),
      body: fillPlaceholders(written.body, values),
      cta: written.cta ? fillPlaceholders(written.cta, values) : written.cta,
      // An image from a host no longer allowed (CONTENT_IMAGE_HOSTS changed) is left out, not
      // shown broken by the page's CSP.
      imageUrl:
        written.imageUrl && isAllowedImageUrl(written.imageUrl, imageHosts)
          ? written.imageUrl
          : undefined,
    };
    const base = {
      blockId: block.id,
      variantId: full.id,
      variantKey: full.key,
      kind: block.kind,
      slot: block.slot,
      content,
    };
    if (block.kind === "OFFER") {
      const accepted = acceptances.find((a) => a.blockId === block.id) ?? null;
      const offer = await offerFor(db, block, invoice, today, accepted);
      if (offer) selected.push({ ...base, offer });
      continue;
    }
    if (block.kind === "SURVEY") {
      const settings = surveySettingsSchema.safeParse(block.settings);
      if (!settings.success) continue;
      const answer = answers.find((a) => a.blockId === block.id)?.score ?? null;
      selected.push({
        ...base,
        survey: { scale: settings.data.scale, ...surveyRange(settings.data.scale), answer },
      });
      continue;
    }
    selected.push(base);
  }
  return selected;
}

async function offerFor(
  db: Db,
  block: CandidateBlock,
  invoice: { id: string; organizationId: string; customerId: string },
  today: Date,
  accepted: { acceptedAt: Date; toPlanId: string; effectiveFrom: Date } | null,
): Promise<SelectedBlock["offer"] | null> {
  const settings = offerSettingsSchema.safeParse(block.settings);
  if (!settings.success) return null;
  const best = await loadBestPlan(db, { invoiceId: invoice.id });
  const currentPlan = best?.currentPlan ?? (await currentPlanOf(db, invoice, today));
  let plan: { id: string; name: string; monthlyFeeOre: number; vatRate: number } | null;
  let annualSavingOre: number | null = null;
  if (settings.data.plan.mode === "best") {
    if (!best?.bestPlan) return null;
    plan = best.bestPlan;
    // Consumers compare prices with VAT, as the invoice shows them.
    annualSavingOre = best.annualSavingInclVatOre;
  } else {
    plan = await db.plan.findFirst({
      where: {
        organizationId: invoice.organizationId,
        code: settings.data.plan.planCode,
        isActive: true,
      },
      select: { id: true, name: true, monthlyFeeOre: true, vatRate: true },
    });
  }
  if (!plan) return null;
  // Offering the plan the customer already has is no offer (unless they just accepted it).
  if (!accepted && currentPlan && currentPlan.id === plan.id) return null;
  // Nor is another plan while a change the customer chose is still on its way.
  if (!accepted && (await hasPendingPlanChange(db, invoice.customerId, today))) return null;
  const firstOfMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  return {
    planId: plan.id,
    planName: plan.name,
    monthlyFeeOre: roundDiv(plan.monthlyFeeOre * (100 + plan.vatRate), 100),
    currentPlanName: currentPlan?.name ?? null,
    annualSavingOre,
    effectiveFrom: accepted?.effectiveFrom ?? addMonths(firstOfMonth, 1),
    acceptedAt: accepted?.acceptedAt ?? null,
  };
}

/** Keeps the console's "could not be evaluated" note current, without a write on every page view. */
async function reportRuleProblem(
  db: Db,
  blockId: string,
  reason: string,
  now: Date,
): Promise<void> {
  const last = reportedAt.get(blockId) ?? 0;
  if (now.getTime() - last < PROBLEM_REPORT_INTERVAL_MS) return;
  reportedAt.set(blockId, now.getTime());
  try {
    await db.contentBlock.update({
      where: { id: blockId },
      data: { ruleProblem: reason.slice(0, 500), ruleProblemAt: now },
    });
  } catch (error) {
    log.warn("could not record a rule problem", { blockId, error });
  }
}

/** The plan the customer is on: the invoice's contract's, else the contract running today. */
async function currentPlanOf(db: Db, invoice: { id: string; customerId: string }, today: Date) {
  const row = await db.invoice.findUnique({
    where: { id: invoice.id },
    select: { contract: { select: { plan: { select: { id: true, name: true } } } } },
  });
  if (row?.contract) return row.contract.plan;
  const running = await db.contract.findFirst({
    where: {
      customerId: invoice.customerId,
      startsOn: { lte: today },
      OR: [{ endsOn: null }, { endsOn: { gte: today } }],
    },
    orderBy: { startsOn: "desc" },
    select: { plan: { select: { id: true, name: true } } },
  });
  return running?.plan ?? null;
}

/** Whether the customer's plan is already set to change (a contract starting after today). */
async function hasPendingPlanChange(db: Db, customerId: string, today: Date): Promise<boolean> {
  const upcoming = await db.contract.findFirst({
    where: { customerId, startsOn: { gt: today } },
    select: { id: true },
  });
  return upcoming !== null;
}
