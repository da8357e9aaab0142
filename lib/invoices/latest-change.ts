import type { ActorType, Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { formatStaffMoney } from "@/lib/money/staff-money";

/**
 * Who changed an invoice last, and what they did, in the words an agent reads when their own
 * change is refused as stale: "Erik Admin changed this invoice first: credited 125,00 kr (credit
 * note 1043)". Read from the invoice's timeline, which every change writes in its own transaction.
 */
export interface LatestChange {
  /** "Erik Admin", "the customer", "the system", "the billing system (API)". */
  actor: string;
  /** "credited 125,00 kr (credit note 1043)". */
  what: string;
  occurredAt: string;
}

/**
 * Events that record something happening around the invoice without changing it (its version
 * stays): never the reason a change was refused as stale.
 */
const NOT_A_CHANGE = new Set([
  "OPENED",
  "SENT",
  "REPLY_EMAILED",
  "CREDIT_NOTE_EMAILED",
  "ACCESS_LINK_SENT",
  "COLLECTION_CHOICE_EMAILED",
  "LETTER_PRINTED",
  "DELIVERY_FAILED",
]);

export function actorLabel(actorType: ActorType, staffName: string | null): string {
  switch (actorType) {
    case "STAFF":
      return staffName ?? "a colleague";
    case "CUSTOMER":
      return "the customer";
    case "API":
      return "the billing system (API)";
    case "SYSTEM":
      return "the system";
  }
}

/** What one timeline event did, for staff, in English with the console's money format. */
export function describeInvoiceEvent(event: { type: string; data: unknown }): string {
  const data = (event.data && typeof event.data === "object" ? event.data : {}) as Record<
    string,
    unknown
  >;
  const amount = (field: string) => {
    const value = data[field];
    return typeof value === "number" && Number.isSafeInteger(value)
      ? formatStaffMoney(value)
      : null;
  };
  const text = (field: string) =>
    typeof data[field] === "string" ? (data[field] as string) : null;
  const note =
    typeof data.creditNoteNumber === "number" ? ` (credit note ${data.creditNoteNumber})` : "";
  switch (event.type) {
    case "CREDITED":
    case "CREDIT_NOTE_ISSUED": {
      const credited = amount("creditedOre");
      return data.mode === undefined || credited === null
        ? `credited the invoice in full${note}`
        : `credited ${credited}${note}`;
    }
    case "COMPENSATION_CREDITED":
      return `gave ${amount("creditedOre") ?? "an amount"} in compensation${note}`;
    case "PAYMENT_RECEIVED":
      return `recorded a payment of ${amount("amountOre") ?? "an amount"}`;
    case "PAYMENT_REFUNDED":
      return `refunded ${amount("amountOre") ?? "a payment"}`;
    case "REFUND_COMPLETED":
      return `paid out a refund of ${amount("amountOre") ?? "an amount"}`;
    case "REFUND_FAILED":
    case "REFUND_FAILURE_NOTED":
      return "recorded that a refund failed";
    case "PAYMENT_FAILED":
      return "recorded a failed payment";
    case "PAYMENT_CANCELED":
      return "cancelled a payment";
    case "RESPITE_GRANTED":
    case "DUE_DATE_CHANGED":
      return text("dueDate") ? `moved the due date to ${text("dueDate")}` : "moved the due date";
    case "FEE_WAIVED":
    case "FEE_WAIVER_BOOKED":
      return `waived a fee${amount("amountOre") ? ` of ${amount("amountOre")}` : ""}`;
    case "LINES_EDITED":
      return "edited the draft's lines";
    case "ISSUED":
      return "issued the invoice";
    case "CREATED":
      return "created the invoice";
    case "REMINDER_SENT":
      return "sent a reminder";
    case "STATUS_CHANGED":
      return text("to")
        ? `changed its status to ${text("to")!.toLowerCase()}`
        : "changed its status";
    case "ACCESS_LINK_REVOKED":
      return "revoked the invoice's links";
    case "ACCESS_LINK_RENEWED":
      return "renewed the invoice's link";
    case "OFFER_ACCEPTED":
      return "accepted an offer";
    case "PAYMENT_PLAN_AGREED":
      return "agreed a payment plan";
    case "PAYMENT_PLAN_ENDED":
      return "ended the payment plan";
    case "DISPUTE_OPENED":
      return "marked the invoice as disputed";
    case "DISPUTE_CLOSED":
      return "closed the dispute";
    default:
      return `changed it (${event.type.toLowerCase().replaceAll("_", " ")})`;
  }
}

/** The invoice's latest change by its timeline, or null when the timeline says nothing. */
export async function findLatestChange(
  db: Pick<Prisma.TransactionClient, "invoiceEvent" | "staffUser">,
  invoiceId: string,
): Promise<LatestChange | null> {
  const events = await db.invoiceEvent.findMany({
    where: { invoiceId, type: { notIn: [...NOT_A_CHANGE] } },
    orderBy: { occurredAt: "desc" },
    take: 2,
    select: { type: true, data: true, actorType: true, actorStaffId: true, occurredAt: true },
  });
  // A credit writes a customer's and a staff event at the same instant: the staff one says more.
  const latest =
    events.find(
      (event) =>
        event.occurredAt.getTime() === events[0]?.occurredAt.getTime() &&
        event.type === "CREDIT_NOTE_ISSUED",
    ) ?? events[0];
  if (!latest) return null;
  const staff = latest.actorStaffId
    ? await db.staffUser.findUnique({
        where: { id: latest.actorStaffId },
        select: { name: true },
      })
    : null;
  return {
    actor: actorLabel(latest.actorType, staff?.name ?? null),
    what: describeInvoiceEvent(latest),
    occurredAt: latest.occurredAt.toISOString(),
  };
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The refusal of a change based on an older version: it says who changed the invoice meanwhile
 * and what they did, so the agent knows what to look at before deciding again.
 */
export async function staleVersionError(
  db: Pick<Prisma.TransactionClient, "invoiceEvent" | "staffUser">,
  invoice: { id: string; version: number },
): Promise<AppError> {
  const latest = await findLatestChange(db, invoice.id);
  const message = latest
    ? `${capitalized(latest.actor)} changed this invoice first: ${latest.what}. Look at the newest state and decide again`
    : "The invoice was changed by someone else; reload it";
  return new AppError("STALE_VERSION", message, {
    currentVersion: invoice.version,
    ...(latest
      ? { changedBy: latest.actor, change: latest.what, changedAt: latest.occurredAt }
      : {}),
  });
}
