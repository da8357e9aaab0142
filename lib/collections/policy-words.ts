import type { PolicyStep } from "@/lib/collections/engine";
import type {
  CollectionAnchor,
  CollectionChannel,
  CollectionStepKind,
  CollectionTone,
  Locale,
} from "@/lib/db/generated/client";

/**
 * A policy in words, for the console: the step kinds, channels and tones by name, and the steps
 * as one line ("Vänlig påminnelse 3 dagar före · Påminnelse +7 d (avgift) · Sista påminnelse
 * +14 d efter föregående · Inkasso +14 d efter föregående"). Swedish first, English beside it.
 */
export const STEP_KIND_WORDS: Record<Locale, Record<CollectionStepKind, string>> = {
  sv: {
    COURTESY: "Vänlig påminnelse",
    REMINDER: "Påminnelse",
    FINAL_REMINDER: "Sista påminnelse",
    COLLECTION_HANDOVER: "Inkasso",
  },
  en: {
    COURTESY: "Courtesy reminder",
    REMINDER: "Reminder",
    FINAL_REMINDER: "Final reminder",
    COLLECTION_HANDOVER: "Handover to collection",
  },
};

export const CHANNEL_WORDS: Record<Locale, Record<CollectionChannel, string>> = {
  sv: { EMAIL: "E-post", SMS: "SMS", LETTER: "Brev", PAGE: "Bara fakturasidan" },
  en: { EMAIL: "Email", SMS: "SMS", LETTER: "Letter", PAGE: "Invoice page only" },
};

export const TONE_WORDS: Record<Locale, Record<CollectionTone, string>> = {
  sv: { FRIENDLY: "Vänlig", NEUTRAL: "Neutral", FIRM: "Bestämd" },
  en: { FRIENDLY: "Friendly", NEUTRAL: "Neutral", FIRM: "Firm" },
};

export const ANCHOR_WORDS: Record<Locale, Record<CollectionAnchor, string>> = {
  sv: { DUE_DATE: "förfallodagen", PREVIOUS_STEP: "föregående steg" },
  en: { DUE_DATE: "the due date", PREVIOUS_STEP: "the previous step" },
};

type StepShape = Pick<PolicyStep, "kind" | "anchor" | "offsetDays" | "chargeFee">;

const MINUS = "\u2212";

/** When one step falls, in words: "3 dagar före", "på förfallodagen", "+7 d", "+14 d efter föregående". */
export function stepTiming(step: StepShape, locale: Locale): string {
  const sv = locale === "sv";
  const days = Math.abs(step.offsetDays);
  if (step.kind === "COURTESY" || step.offsetDays < 0) {
    if (step.offsetDays === 0) return sv ? "på förfallodagen" : "on the due date";
    if (step.offsetDays < 0 && step.anchor === "DUE_DATE") {
      const unit = sv ? (days === 1 ? "dag" : "dagar") : days === 1 ? "day" : "days";
      return sv ? `${days} ${unit} före` : `${days} ${unit} before`;
    }
  }
  const sign = step.offsetDays < 0 ? MINUS : "+";
  const offset = `${sign}${days} d`;
  if (step.anchor === "PREVIOUS_STEP") {
    return sv ? `${offset} efter föregående` : `${offset} after the previous`;
  }
  return offset;
}

/** One step in words: kind, timing, and "(avgift)" when it charges what the law allows. */
export function describeStep(step: StepShape, locale: Locale): string {
  const fee = step.chargeFee ? (locale === "sv" ? " (avgift)" : " (fee)") : "";
  return `${STEP_KIND_WORDS[locale][step.kind]} ${stepTiming(step, locale)}${fee}`;
}

/** A step's experiment in play, in words: "test A/B 50/50", "lär sig A/B/C". */
export function describeExperiment(
  experiment: {
    mode: "SPLIT" | "LEARNING";
    variants: ReadonlyArray<{ key: string; weight: number }>;
  },
  locale: Locale,
): string {
  if (experiment.mode === "SPLIT") {
    const keys = experiment.variants.map((variant) => variant.key).join("/");
    const weights = experiment.variants.map((variant) => variant.weight).join("/");
    return `test ${keys} ${weights}`;
  }
  // The learner chooses among the variants in play (weight above 0).
  const keys = experiment.variants
    .filter((variant) => variant.weight > 0)
    .map((variant) => variant.key)
    .join("/");
  return `${locale === "sv" ? "lär sig" : "learning"} ${keys}`;
}

/** A policy's steps as one line, in order, each with its experiment when one is in play. */
export function describeSteps(
  steps: ReadonlyArray<
    StepShape & { experiment?: Parameters<typeof describeExperiment>[0] | null }
  >,
  locale: Locale,
): string {
  if (steps.length === 0) return locale === "sv" ? "Inga steg" : "No steps";
  return steps
    .map((step) =>
      step.experiment
        ? `${describeStep(step, locale)} · ${describeExperiment(step.experiment, locale)}`
        : describeStep(step, locale),
    )
    .join(" · ");
}

/** A step kind from its wire name (the forecast's "final_reminder"), in words. */
export function stepKindWord(wireName: string, locale: Locale): string {
  const kind = wireName.toUpperCase() as CollectionStepKind;
  return STEP_KIND_WORDS[locale][kind] ?? wireName;
}

/** A channel from its wire name ("letter"), in words. */
export function channelWord(wireName: string, locale: Locale): string {
  const channel = wireName.toUpperCase() as CollectionChannel;
  return CHANNEL_WORDS[locale][channel] ?? wireName;
}
