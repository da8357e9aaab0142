/** An offer a customer could be shown, with what it would save them a year (see best-plan.ts). */
export interface OfferCandidate {
  blockId: string;
  /** The customer already said yes to it. */
  isAccepted: boolean;
  /** Incl. VAT; negative when the plan would have cost more; null when unknown. */
  annualSavingOre: number | null;
}

/**
 * The one plan offer an invoice shows. Two offers for two plans contradict each other ("switch to
 * A", "switch to B"), so at most one is shown: the one the customer already accepted (their choice
 * stands), else the one that saves them most; an unknown saving ranks as none, above a plan that
 * would have cost more. Ties keep the order given (the blocks' priority order), so the same
 * invoice always shows the same offer.
 */
export function pickOneOffer<C extends OfferCandidate>(candidates: readonly C[]): C | null {
  let best: C | null = null;
  for (const candidate of candidates) {
    if (best === null || ranksAbove(candidate, best)) best = candidate;
  }
  return best;
}

function ranksAbove(candidate: OfferCandidate, other: OfferCandidate): boolean {
  if (candidate.isAccepted !== other.isAccepted) return candidate.isAccepted;
  return (candidate.annualSavingOre ?? 0) > (other.annualSavingOre ?? 0);
}
