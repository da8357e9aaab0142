import type { BlockContent } from "@/lib/content/blocks/block-content";
import { type BlockOffer, createOfferContext, offerFor } from "@/lib/content/blocks/block-offer";
import { surveyRange, surveySettingsSchema } from "@/lib/content/blocks/block-settings";
import {
  fillPlaceholders,
  hasUnfilledPlaceholder,
  loadPlaceholderValues,
  usesPlaceholder,
} from "@/lib/content/blocks/placeholders";
import { assignVariant } from "@/lib/content/blocks/variant-assignment";
import { evaluateRule, explainUnknown } from "@/lib/content/targeting/evaluate-rule";
import { loadTargetingFacts } from "@/lib/content/targeting/facts";
import { parseRuleDocument } from "@/lib/content/targeting/parse-rule";
import { todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { ContentBlockKind, ContentSlot, Locale } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";
import { isAllowedImageUrl, parseImageHosts } from "@/lib/http/image-hosts";
import { createLogger } from "@/lib/log";
import { BoundedMap } from "@/lib/memory/bounded-map";
import { pickOneOffer } from "@/lib/offers/offer-choice";
import { savingPlaceholderValue } from "@/lib/offers/offer-figures";

const log = createLogger("content");

export interface SelectedBlock {
  blockId: string;
  variantId: string;
  variantKey: string;
  kind: ContentBlockKind;
  slot: ContentSlot;
  content: BlockContent["sv"];
  offer?: BlockOffer;
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
 * organisation's maximum and at most one plan offer (the one that saves this customer most).
 * Nothing here can hide legal content: blocks only fill the page's slots.
 */
export async function selectBlocksForInvoice(
  db: Db,
  options: {
    invoice: { id: string; organizationId: string; customerId: string };
    locale: Locale;
    now?: Date;
    /** The console's preview: this draft in place of (or beside) the published blocks. */
    preview?: CandidateBlock;
    /** The console's preview of chosen variants (block id → key), not the assigned ones. */
    chosenVariants?: ReadonlyMap<string, string>;
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

  // Each block within its cap, with this customer's variant (or the one a preview asks for).
  const prepared: PreparedBlock[] = [];
  for (const block of chosen) {
    if (block.frequencyCap !== null && (impressions.get(block.id) ?? 0) >= block.frequencyCap)
      continue;
    const wanted = options.chosenVariants?.get(block.id);
    const variant =
      (wanted === undefined ? undefined : block.variants.find((v) => v.key === wanted)) ??
      assignVariant(invoice.customerId, block.id, block.variants);
    if (!variant) continue;
    const full = block.variants.find((v) => v.id === variant.id);
    const written = (full?.content as Record<Locale, BlockContent["sv"]> | undefined)?.[
      options.locale
    ];
    if (!full || !written) continue;
    prepared.push({
      block,
      variant: full,
      written,
      texts: [written.title, written.body, written.cta ?? ""],
    });
  }

  // One plan offer per invoice: two would contradict each other ("switch to A", "switch to B").
  const offers = await offersFor(db, {
    prepared,
    invoice,
    today,
    locale: options.locale,
    acceptances,
    values,
  });
  const shownOffer = pickOneOffer(offers);

  const selected: SelectedBlock[] = [];
  for (const { block, variant, written, texts } of prepared) {
    if (selected.length >= max) break;
    const offer = block.kind === "OFFER" ? offers.find((o) => o.blockId === block.id) : undefined;
    if (block.kind === "OFFER" && (!offer || offer !== shownOffer)) continue;
    const filled = offer ? { ...values, saving: offer.saving } : values;
    // A text that needs a value this customer lacks (no campaign to end …) is not for them.
    if (!offer && texts.some((text) => hasUnfilledPlaceholder(text, filled))) continue;
    const content = {
      ...written,
      title: fillPlaceholders(written.title, filled),
      body: fillPlaceholders(written.body, filled),
      cta: written.cta ? fillPlaceholders(written.cta, filled) : written.cta,
      // An image from a host no longer allowed (CONTENT_IMAGE_HOSTS changed) is left out, not
      // shown broken by the page's CSP.
      imageUrl:
        written.imageUrl && isAllowedImageUrl(written.imageUrl, imageHosts)
          ? written.imageUrl
          : undefined,
    };
    const base = {
      blockId: block.id,
      variantId: variant.id,
      variantKey: variant.key,
      kind: block.kind,
      slot: block.slot,
      content,
    };
    if (offer) {
      selected.push({ ...base, offer: offer.offer });
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

interface PreparedBlock {
  block: CandidateBlock;
  variant: CandidateBlock["variants"][number];
  written: BlockContent["sv"];
  texts: string[];
}

/**
 * Every offer the customer could be shown, in the blocks' order, each with the saving that fills
 * its {{saving}}. An offer whose text needs a saving it does not have (the plan would cost this
 * customer more, or their usage is unknown) is left out rather than shown with a claim it
 * cannot make.
 */
async function offersFor(
  db: Db,
  options: {
    prepared: PreparedBlock[];
    invoice: { id: string; organizationId: string; customerId: string };
    today: Date;
    locale: Locale;
    acceptances: Array<{ blockId: string; acceptedAt: Date; effectiveFrom: Date }>;
    values: Partial<Record<string, string>>;
  },
) {
  const context = createOfferContext(db, options.invoice, options.today);
  const offers: Array<{
    blockId: string;
    isAccepted: boolean;
    annualSavingOre: number | null;
    saving: string | undefined;
    offer: BlockOffer;
  }> = [];
  for (const { block, written, texts } of options.prepared) {
    if (block.kind !== "OFFER") continue;
    const accepted = options.acceptances.find((a) => a.blockId === block.id) ?? null;
    const offer = await offerFor(context, block, accepted);
    if (!offer) continue;
    const saving = savingPlaceholderValue(offer.annualSavingOre, options.locale, offer.priceBasis);
    const values = { ...options.values, saving };
    if (texts.some((text) => hasUnfilledPlaceholder(text, values))) continue;
    offers.push({
      blockId: block.id,
      isAccepted: accepted !== null,
      annualSavingOre: offer.annualSavingOre,
      saving,
      offer: { ...offer, isSavingInTitle: usesPlaceholder(written.title, "saving") },
    });
  }
  return offers;
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
