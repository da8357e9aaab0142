import type { CollectionPlan } from "@/lib/collections/engine";
import { loadCollectionInvoices } from "@/lib/collections/load-cases";
import { evaluateInvoices, evaluationContext } from "@/lib/collections/run";
import { addDays } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";

/**
 * One invoice's collection as its page shows it: the engine's plan (the same call the daily run
 * makes, so "what happens next" is what will happen), the policy's offers to the customer, and a
 * payment plan or handover in force.
 */
export interface InvoiceCollection {
  plan: CollectionPlan;
  policy: {
    id: string;
    name: string;
    agencyName: string | null;
    agencyContact: string | null;
  };
  handedOverAt: Date | null;
  /** The latest due date the customer may choose themselves; null when not offered. */
  respiteUntil: Date | null;
  /** The payment plan the customer may choose; null when not offered. */
  paymentPlanOffer: { maxParts: number; feeOre: number } | null;
  activePlan: {
    id: string;
    feeOre: number;
    parts: Array<{
      position: number;
      dueDate: Date;
      amountOre: number;
      ocr: string;
      paid: boolean;
    }>;
  } | null;
}

export async function loadInvoiceCollection(
  db: Db,
  options: { organizationId: string; invoiceId: string; today: Date },
): Promise<InvoiceCollection | null> {
  const [invoice] = await loadCollectionInvoices(db, {
    organizationId: options.organizationId,
    invoiceIds: [options.invoiceId],
    includeHandedOver: true,
    limit: 1,
  });
  if (!invoice) return null;
  const context = await evaluationContext(db, options.organizationId, options.today);
  const [evaluated] = await evaluateInvoices(db, context, [invoice]);
  if (!evaluated) return null;
  const { policy, plan } = evaluated;
  const [respiteTaken, plans] = await Promise.all([
    db.invoiceEvent.count({
      where: { invoiceId: options.invoiceId, type: "RESPITE_GRANTED", actorType: "CUSTOMER" },
    }),
    db.paymentPlan.findMany({
      where: { invoiceId: options.invoiceId, organizationId: options.organizationId },
      include: { parts: { orderBy: { position: "asc" } } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const active = plans.find((p) => p.status === "ACTIVE") ?? null;
  const hadPlan = plans.length > 0;
  const { collectionCase } = invoice;
  const open = !invoice.handedOverAt && collectionCase.amountDueOre > 0 && !active;
  const respiteUntil =
    open && respiteTaken === 0
      ? selfServiceRespiteUntil({
          dueDate: collectionCase.dueDate,
          today: options.today,
          maxDays: policy.respiteMaxDays,
          performed: collectionCase.performed,
        })
      : null;
  const paymentPlanOffer =
    open &&
    !hadPlan &&
    policy.paymentPlanMinOre !== null &&
    collectionCase.amountDueOre >= policy.paymentPlanMinOre
      ? { maxParts: policy.paymentPlanMaxParts, feeOre: policy.paymentPlanFeeOre }
      : null;
  let activePlan: InvoiceCollection["activePlan"] = null;
  if (active) {
    const paidSince = paidOre(collectionCase.entries) - active.paidBeforeOre;
    let covered = 0;
    activePlan = {
      id: active.id,
      feeOre: active.feeOre,
      parts: active.parts.map((part) => {
        covered += part.amountOre;
        return {
          position: part.position,
          dueDate: part.dueDate,
          amountOre: part.amountOre,
          ocr: part.ocr,
          paid: paidSince >= covered,
        };
      }),
    };
  }
  return {
    plan,
    policy: {
      id: policy.terms.id,
      name: policy.terms.name,
      agencyName: policy.agencyName,
      agencyContact: policy.agencyContact,
    },
    handedOverAt: invoice.handedOverAt,
    respiteUntil,
    paymentPlanOffer,
    activePlan,
  };
}

/**
 * The latest due date a customer may pick on the page: up to the policy's days from the due date
 * (or from today, when it has passed), once per invoice, and not after a final reminder or a
 * handover (then it is support's to give, with a reason). Null when not offered.
 */
export function selfServiceRespiteUntil(options: {
  dueDate: Date;
  today: Date;
  maxDays: number;
  performed: ReadonlyArray<{ kind: string }>;
}): Date | null {
  if (options.maxDays <= 0) return null;
  if (
    options.performed.some((s) => s.kind === "FINAL_REMINDER" || s.kind === "COLLECTION_HANDOVER")
  ) {
    return null;
  }
  const from = options.dueDate > options.today ? options.dueDate : options.today;
  return addDays(from, options.maxDays);
}

function paidOre(entries: ReadonlyArray<{ kind: string; amountOre: number }>): number {
  return entries.reduce(
    (sum, entry) => (entry.kind === "payment" ? sum + entry.amountOre : sum),
    0,
  );
}
