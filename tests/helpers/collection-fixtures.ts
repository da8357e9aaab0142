import { parseCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { Prisma } from "@/lib/db/generated/client";
import { createCustomer, createIssuedInvoice, createOrganization } from "./fixtures";

/**
 * An organisation with one collection policy (the default) for the customer's side of collections:
 * a reminder a week after the due date with the agreed fee, a final reminder two weeks later,
 * 14 days of self-service respite, and payment plans when `plans` are asked for.
 */
const day = parseCalendarDate;

export async function organizationWithPolicy(
  db: Db,
  policy: Partial<Prisma.CollectionPolicyUncheckedCreateInput> = {},
) {
  const organization = await createOrganization(db, { reminderFeeOre: 6_000 });
  await db.collectionPolicy.create({
    data: {
      organizationId: organization.id,
      name: "Standard",
      position: 0,
      isDefault: true,
      targeting: { all: [] },
      feeMinimumAmountDueOre: 10_000,
      respiteMaxDays: 14,
      agencyName: "Inkasso AB",
      agencyContact: "08-123 45 67",
      steps: {
        create: [
          {
            position: 0,
            kind: "REMINDER",
            anchor: "DUE_DATE",
            offsetDays: 7,
            channel: "EMAIL",
            chargeFee: true,
          },
          {
            position: 1,
            kind: "FINAL_REMINDER",
            anchor: "PREVIOUS_STEP",
            offsetDays: 14,
            channel: "EMAIL",
          },
        ],
      },
      ...policy,
    },
  });
  const customer = await createCustomer(db, organization.id, {
    reminderFeeAgreedOn: day("2024-03-01"),
    reminderFeeAgreementSource: "Allmänna villkor 8.2",
  });
  return { organization, customer, organizationId: organization.id, customerId: customer.id };
}

/** An invoice of 500 kr (4 × 100 kr + 25 % VAT), issued 20 November, due Thursday 10 December 2026. */
export async function decemberInvoice(
  db: Db,
  options: { organizationId: string; customerId: string },
) {
  const invoice = await createIssuedInvoice(db, {
    ...options,
    issueDate: day("2026-11-20"),
    dueDate: day("2026-12-10"),
    lines: [
      {
        kind: "SUBSCRIPTION",
        description: "Bredband",
        quantityMilli: 4000,
        unit: "mån",
        unitPriceCentiOre: 1_000_000,
        vatRate: 25,
      },
    ],
  });
  const row = await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
  return { ...invoice, invoiceId: invoice.id, number: row.number!, ocr: row.ocr! };
}

/** What a refused change must not have touched: the invoice row and its collection records. */
export async function collectionState(db: Db, invoiceId: string) {
  const [invoice, events, plans, pauses, fees] = await Promise.all([
    db.invoice.findUniqueOrThrow({
      where: { id: invoiceId },
      select: { version: true, dueDate: true, status: true },
    }),
    db.invoiceEvent.count({ where: { invoiceId } }),
    db.paymentPlan.count({ where: { invoiceId } }),
    db.collectionPause.count({ where: { invoiceId } }),
    db.ledgerEntry.count({ where: { invoiceId, kind: "FEE" } }),
  ]);
  return { invoice, events, plans, pauses, fees };
}
