import { z } from "zod";
import { feeReasonText, interestReasonText, pauseReasonText } from "@/lib/collections/charge-words";
import {
  applyVariant,
  type FeeKind,
  type FeeReason,
  type InterestReason,
  type PlannedStep,
  type PolicyTerms,
  planCollection,
  type VariantChoice,
} from "@/lib/collections/engine";
import { loadCollectionInvoices } from "@/lib/collections/load-cases";
import { mergeVariantTemplates, type RenderedMessage } from "@/lib/collections/messages";
import {
  MAX_STEPS,
  type PolicyInput,
  policyInputSchema,
  VARIANT_KEYS,
} from "@/lib/collections/policies";
import { STEP_KIND_WORDS } from "@/lib/collections/policy-words";
import { evaluateInvoices, evaluationContext, loadReferenceRates } from "@/lib/collections/run";
import { composeMessage } from "@/lib/collections/send-step";
import { formatCalendarDate, todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type {
  CollectionChannel,
  CollectionStepKind,
  InvoiceStatus,
  Locale,
} from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * The editor's preview: one step of a policy as it stands in the editor (saved or not), for one
 * real invoice of the organisation — the message in the customer's language exactly as the send
 * job would compose it, and what the engine would charge at that step and why. Nothing is written
 * and no link is made: the link in the text is a placeholder.
 */
export const previewInputSchema = z.strictObject({
  /** The policy being edited, when it is stored (the invoice may already be tied to it). */
  policyId: z.uuid().optional(),
  policy: policyInputSchema,
  stepIndex: z
    .number({ error: "choose a step" })
    .int("choose a step")
    .min(0, "choose a step")
    .max(MAX_STEPS - 1, "choose a step"),
  invoiceNumber: z
    .number({ error: "an invoice number is a whole number" })
    .int("an invoice number is a whole number")
    .min(1, "an invoice number is at least 1")
    .max(2_147_483_647, "no such invoice number"),
  /** A variant of the step to preview (its tone, texts and overrides); none: the step as written. */
  variantKey: z
    .enum(VARIANT_KEYS, { error: `variantKey is one of ${VARIANT_KEYS.join(", ")}` })
    .optional(),
});
export type PreviewInput = z.output<typeof previewInputSchema>;

/** What the link in a previewed message says instead of a real link. */
export const PREVIEW_LINK_TEXT: Record<Locale, string> = {
  sv: "<länk skapas vid utskick>",
  en: "<link made when sent>",
};

export type PreviewStatus = "planned" | "paused" | "taken" | "not-planned";

export interface StepPreview {
  invoice: {
    id: string;
    number: number;
    customerName: string;
    locale: Locale;
    dueDate: string;
    amountDueOre: number;
  };
  step: { index: number; kind: CollectionStepKind; channel: CollectionChannel };
  /** The variant previewed; null for the step as written. */
  variant: { key: string; name: string } | null;
  status: PreviewStatus;
  /** The step's day: planned, or when it was taken; null when paused or not planned. */
  date: string | null;
  /** Why the step is paused, already taken or will not be taken, in words; null when planned. */
  note: string | null;
  amountDueOre: number;
  feeOre: number;
  feeKind: FeeKind | null;
  feeReason: string | null;
  interestOre: number;
  interestReason: string | null;
  interestRateBasisPoints: number | null;
  payBy: string | null;
  message: RenderedMessage;
  /** The policy the invoice falls under now (with the policies as stored). */
  currentPolicy: { id: string; name: string };
}

const issue = (path: string, message: string) =>
  new AppError("BAD_INPUT", `${path}: ${message}`, {
    issues: [{ path, pointer: `/${path.split(".").join("/")}`, message }],
  });

const STATUS_WORDS: Partial<Record<InvoiceStatus, string>> = {
  DRAFT: "a draft",
  PAID: "paid",
  CREDITED: "credited",
};

/** The step of `input.policy` at `stepIndex`, for invoice `invoiceNumber`, as the customer would get it. */
export async function previewPolicyStep(options: {
  db: Db;
  organizationId: string;
  input: PreviewInput;
  /** The address links start with (the send job's appUrl). */
  appUrl: string;
  today?: Date;
}): Promise<StepPreview> {
  const { db, organizationId } = options;
  const { policy, stepIndex, invoiceNumber } = options.input;
  const today = options.today ?? todayInSweden();
  const chosen = policy.steps[stepIndex];
  if (!chosen) throw issue("stepIndex", "the policy has no such step");
  const row = await db.invoice.findFirst({
    where: { organizationId, number: invoiceNumber, kind: "INVOICE" },
    select: { id: true, status: true },
  });
  if (!row) throw new AppError("NOT_FOUND", `No invoice number ${invoiceNumber}`);
  const [invoice] = await loadCollectionInvoices(db, {
    organizationId,
    invoiceIds: [row.id],
    includeHandedOver: true,
  });
  if (!invoice) {
    const status = STATUS_WORDS[row.status] ?? "not unpaid";
    throw issue(
      "invoiceNumber",
      `invoice ${invoiceNumber} is ${status}; the preview needs an unpaid invoice`,
    );
  }
  const terms = termsOf(policy, options.input.policyId);
  const stepId = terms.steps[stepIndex]!.id;
  const { variantKey } = options.input;
  const variant = variantKey
    ? chosen.variants.find((candidate) => candidate.key === variantKey)
    : undefined;
  if (variantKey && !variant) {
    throw issue("variantKey", `step ${stepIndex + 1} has no variant ${variantKey}`);
  }
  // The engine plans the step with the variant applied (the law still its own: a courtesy
  // charges nothing, a fee only as agreed and once); the other steps as written.
  const choice: VariantChoice | null = variant
    ? {
        key: variant.key,
        offsetDays: variant.offsetDays,
        channel: variant.channel,
        tone: variant.tone,
        chargeFee: variant.chargeFee,
        offerPaymentPlan: variant.offerPaymentPlan,
        assignment: { method: "preview" },
      }
    : null;
  const applied = applyVariant(terms.steps[stepIndex]!, choice);
  const [rates, context, organization] = await Promise.all([
    loadReferenceRates(db),
    evaluationContext(db, organizationId, today),
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } }),
  ]);
  const [current] = await evaluateInvoices(db, context, [invoice]);
  const plan = planCollection({
    collectionCase: invoice.collectionCase,
    policy: terms,
    today,
    rates,
    chooseVariant: (step) => (step.id === stepId ? choice : null),
  });
  const { collectionCase } = invoice;
  const locale = invoice.customer.locale;

  let status: PreviewStatus;
  let note: string | null = null;
  let date: Date | null = null;
  let charges: Pick<
    PlannedStep,
    | "amountDueOre"
    | "feeOre"
    | "feeKind"
    | "interestOre"
    | "interestFrom"
    | "interestThrough"
    | "interestRateBasisPoints"
    | "payBy"
  > & { feeReason: FeeReason | null; interestReason: InterestReason | null } = {
    amountDueOre: collectionCase.amountDueOre,
    feeOre: 0,
    feeKind: null,
    feeReason: null,
    interestOre: 0,
    interestFrom: null,
    interestThrough: null,
    interestReason: null,
    interestRateBasisPoints: null,
    payBy: null,
  };
  const planned = plan.steps.find((step) => step.stepId === stepId);
  const taken = collectionCase.performed.find((step) => step.stepId === stepId);
  if (planned) {
    charges = planned;
    date = planned.date;
    status = planned.pausedBy ? "paused" : "planned";
    if (planned.pausedBy) {
      note = `${pauseReasonText(planned.pausedBy.reason, "sv")} Sedan ${formatCalendarDate(planned.pausedBy.since)}.`;
    }
  } else if (taken) {
    const action = await db.collectionAction.findFirst({
      where: { organizationId, invoiceId: invoice.collectionCase.invoiceId, stepId },
    });
    status = "taken";
    date = taken.performedOn;
    note = `Steget togs ${formatCalendarDate(taken.performedOn)}${action?.variantKey ? ` (variant ${action.variantKey})` : ""}; texten nedan är policyns text nu, med det steget tog ut då.`;
    if (action) {
      charges = {
        amountDueOre: action.amountDueOre,
        feeOre: action.feeOre,
        feeKind: (action.feeKind as FeeKind | null) ?? null,
        feeReason: null,
        interestOre: action.interestOre,
        interestFrom: action.interestFrom,
        interestThrough: action.interestThrough,
        interestReason: null,
        interestRateBasisPoints: action.interestRateBasisPoints,
        payBy: action.payBy,
      };
    }
  } else {
    status = "not-planned";
    note = whyNotPlanned(plan, terms, stepIndex, collectionCase.performed.length > 0);
  }

  // As the send job does: a variant's offer of a payment plan where the policy offers one.
  const offersPlan =
    variant?.offerPaymentPlan === true &&
    policy.paymentPlanMinOre !== null &&
    charges.amountDueOre >= policy.paymentPlanMinOre;
  const message = composeMessage({
    kind: chosen.kind,
    tone: applied.tone,
    templates: variant
      ? mergeVariantTemplates(chosen.templates, variant.templates)
      : chosen.templates,
    locale,
    customerName: invoice.customer.name,
    organizationName: organization.name,
    invoiceNumber: invoice.number,
    amountDueOre: charges.amountDueOre,
    dueDate: collectionCase.dueDate,
    payBy: charges.payBy,
    charges: {
      feeOre: charges.feeOre,
      feeKind: charges.feeKind,
      interestOre: charges.interestOre,
      interestFrom: charges.interestFrom,
      interestThrough: charges.interestThrough,
      interestRateBasisPoints: charges.interestRateBasisPoints,
    },
    link: `${options.appUrl.replace(/\/+$/, "")}/i/${PREVIEW_LINK_TEXT[locale]}`,
    agencyName: policy.agencyName,
    agencyContact: policy.agencyContact,
    paymentPlanParts: offersPlan ? policy.paymentPlanMaxParts : null,
  });

  return {
    invoice: {
      id: collectionCase.invoiceId,
      number: invoice.number,
      customerName: invoice.customer.name,
      locale,
      dueDate: formatCalendarDate(collectionCase.dueDate),
      amountDueOre: collectionCase.amountDueOre,
    },
    step: { index: stepIndex, kind: chosen.kind, channel: applied.channel },
    variant: variant ? { key: variant.key, name: variant.name } : null,
    status,
    date: date ? formatCalendarDate(date) : null,
    note,
    amountDueOre: charges.amountDueOre,
    feeOre: charges.feeOre,
    feeKind: charges.feeKind,
    feeReason: charges.feeReason ? feeReasonText(charges.feeReason, "sv") : null,
    interestOre: charges.interestOre,
    interestReason: charges.interestReason
      ? interestReasonText(charges.interestReason, "sv")
      : null,
    interestRateBasisPoints: charges.interestRateBasisPoints,
    payBy: charges.payBy ? formatCalendarDate(charges.payBy) : null,
    message,
    currentPolicy: current
      ? { id: current.policy.terms.id, name: current.policy.terms.name }
      : { id: "", name: "" },
  };
}

/** The engine's terms of the edited policy: stored steps keep their ids, new ones get one here. */
function termsOf(policy: PolicyInput, policyId: string | undefined): PolicyTerms {
  return {
    id: policyId ?? "preview",
    name: policy.name,
    feeMinimumAmountDueOre: policy.feeMinimumAmountDueOre,
    chargeInterest: policy.chargeInterest,
    interestMinimumOre: policy.interestMinimumOre,
    steps: policy.steps.map((step, index) => ({
      id: step.id ?? `new-step-${index}`,
      position: index,
      kind: step.kind,
      anchor: step.anchor,
      offsetDays: step.offsetDays,
      channel: step.channel,
      tone: step.tone,
      chargeFee: step.chargeFee,
    })),
  };
}

function whyNotPlanned(
  plan: ReturnType<typeof planCollection>,
  terms: PolicyTerms,
  stepIndex: number,
  anyTaken: boolean,
): string {
  if (plan.state === "handed-over") {
    return "Fakturan är lämnad till inkasso: inga fler steg tas.";
  }
  if (plan.state === "nothing-due") return "Inget är kvar att betala på fakturan.";
  const step = terms.steps[stepIndex]!;
  const paused = plan.steps.find((planned) => planned.pausedBy);
  if (paused && paused.position < stepIndex) {
    return `Ett tidigare steg (${STEP_KIND_WORDS.sv[paused.kind]}) väntar: ${pauseReasonText(paused.pausedBy!.reason, "sv")}`;
  }
  if (step.kind === "COURTESY") {
    return "En vänlig påminnelse skickas före eller på förfallodagen, aldrig senare: den här fakturan är förbi den.";
  }
  const handover = plan.steps.find((planned) => planned.kind === "COLLECTION_HANDOVER");
  if (handover && handover.position < stepIndex) {
    return "Fakturan lämnas till inkasso i ett tidigare steg.";
  }
  if (anyTaken) return "Ett senare steg är redan taget för fakturan: det här hoppas över.";
  return "Steget tas inte för den här fakturan.";
}
