import { offerSettingsSchema } from "@/lib/content/blocks/block-settings";
import { addMonths } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { roundDiv } from "@/lib/money/rounding";
import {
  annualSavingOf,
  isComparable,
  type LoadedBestPlan,
  loadBestPlan,
  type PricedPlan,
} from "@/lib/offers/best-plan";
import { type PriceBasis, priceBasisOf } from "@/lib/usage/price-basis";

export interface BlockOffer {
  planId: string;
  planName: string;
  /** Including VAT, as consumers compare prices. */
  monthlyFeeOre: number;
  currentPlanName: string | null;
  /**
   * What the plan would have saved this customer a year on their usage, on their price basis
   * (incl. VAT for a consumer, excl. VAT for a business, which deducts it); negative when it
   * would have cost more (then the offer says so); null when their usage is not known.
   */
  annualSavingOre: number | null;
  /** Which prices annualSavingOre is in: a business reads its saving excl. VAT, labelled. */
  priceBasis: PriceBasis;
  /** The marketer's title already states the saving ({{saving}}): no headline is added for it. */
  isSavingInTitle: boolean;
  effectiveFrom: Date;
  acceptedAt: Date | null;
}

type InvoiceRef = { id: string; organizationId: string; customerId: string };

interface CurrentPlan {
  id: string;
  name: string;
  /** Net, as stored. */
  monthlyFeeOre: number;
  vatRate: number;
}

/**
 * What every offer on one invoice is priced against, read at most once per page however many
 * offer blocks compete for it: the customer's best plan (with their usage), their current plan
 * and whether a plan change is already on its way.
 */
export function createOfferContext(db: Db, invoice: InvoiceRef, today: Date) {
  let best: Promise<LoadedBestPlan | null> | undefined;
  let current: Promise<CurrentPlan | null> | undefined;
  let pending: Promise<boolean> | undefined;
  let basis: Promise<PriceBasis> | undefined;
  const loadBest = () => {
    best ??= loadBestPlan(db, { invoiceId: invoice.id });
    return best;
  };
  return {
    db,
    invoice,
    today,
    best: loadBest,
    currentPlan: () => {
      current ??= loadBest().then(
        async (loaded) => loaded?.currentPlan ?? (await currentPlanOf(db, invoice, today)),
      );
      return current;
    },
    /** Consumers compare prices with VAT, businesses without (they deduct it). */
    priceBasis: () => {
      basis ??= db.customer
        .findUniqueOrThrow({ where: { id: invoice.customerId }, select: { isBusiness: true } })
        .then(priceBasisOf);
      return basis;
    },
    hasPendingPlanChange: () => {
      pending ??= hasPendingPlanChange(db, invoice.customerId, today);
      return pending;
    },
  };
}
export type OfferContext = ReturnType<typeof createOfferContext>;

const PRICED_PLAN_SELECT = {
  id: true,
  code: true,
  name: true,
  kind: true,
  monthlyFeeOre: true,
  unitPriceCentiOre: true,
  usageUnit: true,
  includedQuantityMilli: true,
  vatRate: true,
} as const;

export interface PricedOffer {
  plan: PricedPlan;
  currentPlan: CurrentPlan | null;
  /** As BlockOffer.annualSavingOre. */
  annualSavingOre: number | null;
  priceBasis: PriceBasis;
  monthsConsidered: number | null;
}

/**
 * The plan an offer block offers this customer and what it would have saved them a year: the best
 * plan for them, or the marketer's fixed plan priced on the same usage — so a fixed plan that
 * would have cost more is known as such. Null when the settings name no active plan.
 */
export async function priceOffer(
  context: OfferContext,
  settings: unknown,
): Promise<PricedOffer | null> {
  const parsed = offerSettingsSchema.safeParse(settings);
  if (!parsed.success) return null;
  const [best, currentPlan, priceBasis] = await Promise.all([
    context.best(),
    context.currentPlan(),
    context.priceBasis(),
  ]);
  const monthsConsidered = best?.monthsConsidered ?? null;
  const onBasis = (saving: { netOre: number; inclVatOre: number }) =>
    priceBasis === "excl-vat" ? saving.netOre : saving.inclVatOre;
  if (parsed.data.plan.mode === "best") {
    if (!best?.bestPlan) return null;
    return {
      plan: best.bestPlan,
      currentPlan,
      annualSavingOre: onBasis({
        netOre: best.annualSavingOre,
        inclVatOre: best.annualSavingInclVatOre,
      }),
      priceBasis,
      monthsConsidered,
    };
  }
  const plan = await context.db.plan.findFirst({
    where: {
      organizationId: context.invoice.organizationId,
      code: parsed.data.plan.planCode,
      isActive: true,
    },
    select: PRICED_PLAN_SELECT,
  });
  if (!plan) return null;
  const saving =
    best && isComparable(best.currentPlan, plan)
      ? annualSavingOf({
          currentPlan: best.currentPlan,
          plan,
          monthlyUsageMilli: best.monthlyUsageMilli,
        })
      : null;
  return {
    plan,
    currentPlan,
    annualSavingOre: saving ? onBasis(saving) : null,
    priceBasis,
    monthsConsidered,
  };
}

/** The offer an offer block makes this customer, or null when it makes none. */
export async function offerFor(
  context: OfferContext,
  block: { settings: unknown },
  accepted: { acceptedAt: Date; effectiveFrom: Date } | null,
): Promise<Omit<BlockOffer, "isSavingInTitle"> | null> {
  const priced = await priceOffer(context, block.settings);
  if (!priced) return null;
  const { plan, currentPlan } = priced;
  // Offering the plan the customer already has is no offer (unless they just accepted it).
  if (!accepted && currentPlan && currentPlan.id === plan.id) return null;
  // Nor is another plan while a change the customer chose is still on its way.
  if (!accepted && (await context.hasPendingPlanChange())) return null;
  const { today } = context;
  const firstOfMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  return {
    planId: plan.id,
    planName: plan.name,
    monthlyFeeOre: withVat(plan.monthlyFeeOre, plan.vatRate),
    currentPlanName: currentPlan?.name ?? null,
    annualSavingOre: priced.annualSavingOre,
    priceBasis: priced.priceBasis,
    effectiveFrom: accepted?.effectiveFrom ?? addMonths(firstOfMonth, 1),
    acceptedAt: accepted?.acceptedAt ?? null,
  };
}

export function withVat(netOre: number, vatRate: number): number {
  return roundDiv(netOre * (100 + vatRate), 100);
}

/** The plan the customer is on: the invoice's contract's, else the contract running today. */
async function currentPlanOf(
  db: Db,
  invoice: InvoiceRef,
  today: Date,
): Promise<CurrentPlan | null> {
  const plan = { select: { id: true, name: true, monthlyFeeOre: true, vatRate: true } } as const;
  const row = await db.invoice.findUnique({
    where: { id: invoice.id },
    select: { contract: { select: { plan } } },
  });
  if (row?.contract) return row.contract.plan;
  const running = await db.contract.findFirst({
    where: {
      customerId: invoice.customerId,
      startsOn: { lte: today },
      OR: [{ endsOn: null }, { endsOn: { gte: today } }],
    },
    orderBy: { startsOn: "desc" },
    select: { plan },
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

/** An offer beside the plan a customer has, for the console's preview (monthly fees incl. VAT). */
export interface OfferComparison {
  planName: string;
  isCurrentPlan: boolean;
  currentPlanName: string | null;
  /** As BlockOffer.annualSavingOre: negative when the offered plan would have cost more. */
  annualSavingOre: number | null;
  monthsConsidered: number | null;
  monthlyFeeOre: number;
  currentMonthlyFeeOre: number | null;
}

/**
 * What an offer block's settings would offer one customer, compared with their current plan,
 * whether or not the page would show it: the console warns a marketer before a dearer plan goes
 * out. Reads only; null when the settings name no active plan.
 */
export async function compareOfferWithCurrentPlan(
  db: Db,
  options: { invoice: InvoiceRef; settings: unknown; today: Date },
): Promise<OfferComparison | null> {
  const priced = await priceOffer(
    createOfferContext(db, options.invoice, options.today),
    options.settings,
  );
  if (!priced) return null;
  const { plan, currentPlan } = priced;
  return {
    planName: plan.name,
    isCurrentPlan: currentPlan?.id === plan.id,
    currentPlanName: currentPlan?.name ?? null,
    annualSavingOre: priced.annualSavingOre,
    monthsConsidered: priced.monthsConsidered,
    monthlyFeeOre: withVat(plan.monthlyFeeOre, plan.vatRate),
    currentMonthlyFeeOre: currentPlan
      ? withVat(currentPlan.monthlyFeeOre, currentPlan.vatRate)
      : null,
  };
}
