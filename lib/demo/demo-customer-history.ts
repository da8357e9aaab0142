import { addDays, addMonths, formatCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { DemoOrganization, DemoPlan } from "@/lib/demo/demo-catalogue";
import {
  broadbandInvoiceContent,
  type DemoInvoiceContent,
  type DemoUsageProfile,
  energyInvoiceContent,
} from "@/lib/demo/demo-invoice-content";
import { type DemoOrganizationRow, isEnergyCatalogue } from "@/lib/demo/demo-organization";
import { between, type DemoPerson, pick } from "@/lib/demo/demo-people";
import { createDraftInvoice } from "@/lib/invoices/create-draft-invoice";
import { issueFullCreditNote } from "@/lib/invoices/issue-credit-note";
import { issueInvoice } from "@/lib/invoices/issue-invoice";
import { recordPayment } from "@/lib/ledger/record-payment";

/**
 * One demo customer and their invoices, month by month, through the product's own functions
 * (drafts, issuing, payments, credit notes), so demo data obeys every rule real data does. The
 * seed and the end-to-end fixtures both build customers with these.
 */
const SEED_ACTOR = { type: "API", label: "demo seed" } as const;

export interface DemoCustomer {
  id: string;
  name: string;
  locale: "sv" | "en";
  contractId: string;
  plan: DemoPlan;
  profile: DemoUsageProfile;
  customerSince: Date;
}

export async function createDemoCustomer(options: {
  db: Db;
  organization: DemoOrganizationRow;
  demo: DemoOrganization;
  person: DemoPerson;
  customerNumber: string;
  customerSince: Date;
  plan: DemoPlan;
  /** A campaign price (half the monthly fee) until this date. */
  campaignEndsOn?: Date | null;
  /** Whether the customer's contract has the reminder-fee clause (agreed when they signed). */
  agreedToReminderFee?: boolean;
  random: () => number;
}): Promise<DemoCustomer> {
  const { db, organization, person, plan, random } = options;
  const customer = await db.customer.create({
    data: {
      organizationId: organization.id,
      customerNumber: options.customerNumber,
      name: person.name,
      email: `${person.emailLocalPart}@example.se`,
      phone: person.phone,
      addressLine1: person.addressLine1,
      postalCode: person.postalCode,
      city: person.city,
      locale: person.locale,
      customerSince: options.customerSince,
      segment: person.segment,
      birthYear: person.birthYear,
      isBusiness: person.segment === "small-business",
      ...(options.agreedToReminderFee
        ? {
            reminderFeeAgreedOn: options.customerSince,
            reminderFeeAgreementSource:
              "Allmänna avtalsvillkor, punkt 8.2, godkända vid tecknandet",
          }
        : {}),
      contracts: {
        create: {
          organizationId: organization.id,
          planId: organization.planByCode.get(plan.code)!.id,
          startsOn: options.customerSince,
          campaignMonthlyFeeOre: options.campaignEndsOn ? Math.round(plan.monthlyFeeOre / 2) : null,
          campaignEndsOn: options.campaignEndsOn ?? null,
        },
      },
    },
    include: { contracts: true },
  });
  const isEnergy = isEnergyCatalogue(options.demo);
  const bigHousehold = person.segment === "family" || person.segment === "small-business";
  return {
    id: customer.id,
    name: customer.name,
    locale: customer.locale,
    contractId: customer.contracts[0]!.id,
    plan,
    customerSince: options.customerSince,
    profile: {
      dailyBase: isEnergy
        ? bigHousehold
          ? between(random, 25, 55)
          : between(random, 5, 16)
        : between(random, 4, 40),
      hasMobile: !isEnergy && random() < 0.4,
      hasGreenPlan: plan.code === "EL-GRON",
    },
  };
}

/** What happened to one demo invoice after it was issued. */
export type DemoOutcome =
  | { kind: "unpaid" }
  | { kind: "partly-paid" }
  | { kind: "paid"; paidOn: Date; method: "bank_transfer" | "card" | "swish" }
  | { kind: "credited" };

export interface DemoInvoice {
  invoiceId: string;
  number: number;
  token: string;
  totalOre: number;
  issueDate: Date;
  dueDate: Date;
}

/**
 * A period's invoice goes out on the 3rd of the next month and is due at that month's end. The
 * latest period is issued no later than today, so on the 1st and 2nd of a month (and on 1 January)
 * the invoice for the month just ended is already out and not yet due.
 */
export function demoInvoiceDates(
  periodStart: Date,
  today: Date,
): { issueDate: Date; dueDate: Date } {
  const scheduled = addDays(addMonths(periodStart, 1), 2);
  const issueDate = scheduled > today ? today : scheduled;
  return { issueDate, dueDate: addDays(addMonths(periodStart, 2), -1) };
}

function invoiceContent(options: {
  demo: DemoOrganization;
  customer: DemoCustomer;
  random: () => number;
  periodStart: Date;
  hourly: boolean;
  welcomeDiscount: boolean;
}): DemoInvoiceContent {
  const { demo, customer, random, periodStart } = options;
  const periodEnd = addDays(addMonths(periodStart, 1), -1);
  return isEnergyCatalogue(demo)
    ? energyInvoiceContent({
        random,
        plan: customer.plan,
        listPlan: demo.plans[1]!,
        profile: customer.profile,
        periodStart,
        periodEnd,
        hourly: options.hourly,
        welcomeDiscount: options.welcomeDiscount,
      })
    : broadbandInvoiceContent({
        random,
        plan: customer.plan,
        mobilePlan: demo.plans.find((plan) => plan.kind === "MOBILE")!,
        profile: customer.profile,
        periodStart,
        periodEnd,
      });
}

async function saveReadings(
  db: Db,
  target: { organizationId: string; customerId: string; invoiceId: string | null; energy: boolean },
  readings: DemoInvoiceContent["readings"],
) {
  await db.usageReading.createMany({
    data: readings.map((reading) => ({
      ...reading,
      organizationId: target.organizationId,
      customerId: target.customerId,
      invoiceId: target.invoiceId,
      unit: target.energy ? ("KWH" as const) : ("GB" as const),
    })),
  });
}

/** Meter readings of a month no invoice shows (the year before the first one, for comparisons). */
export async function seedDemoReadings(options: {
  db: Db;
  organization: DemoOrganizationRow;
  demo: DemoOrganization;
  customer: DemoCustomer;
  periodStart: Date;
  random: () => number;
}): Promise<void> {
  const content = invoiceContent({ ...options, hourly: false, welcomeDiscount: false });
  await saveReadings(
    options.db,
    {
      organizationId: options.organization.id,
      customerId: options.customer.id,
      invoiceId: null,
      energy: isEnergyCatalogue(options.demo),
    },
    content.readings,
  );
}

/** One month's invoice of a demo customer: drafted, issued, then paid, part-paid or credited. */
export async function seedDemoInvoice(options: {
  db: Db;
  organization: DemoOrganizationRow;
  demo: DemoOrganization;
  customer: DemoCustomer;
  periodStart: Date;
  today: Date;
  now: Date;
  outcome: DemoOutcome;
  hourly?: boolean;
  random: () => number;
}): Promise<DemoInvoice> {
  const { db, organization, customer, periodStart, now, random } = options;
  const { issueDate, dueDate } = demoInvoiceDates(periodStart, options.today);
  const content = invoiceContent({
    ...options,
    hourly: options.hourly ?? false,
    welcomeDiscount: customer.customerSince > addMonths(periodStart, -3),
  });
  const draft = await createDraftInvoice({
    db,
    actor: SEED_ACTOR,
    input: {
      organizationId: organization.id,
      customerId: customer.id,
      contractId: customer.contractId,
      periodStart: formatCalendarDate(periodStart),
      periodEnd: formatCalendarDate(addDays(addMonths(periodStart, 1), -1)),
      lines: content.lines,
      valueFacts: content.valueFacts,
    },
  });
  await saveReadings(
    db,
    {
      organizationId: organization.id,
      customerId: customer.id,
      invoiceId: draft.id,
      energy: isEnergyCatalogue(options.demo),
    },
    content.readings,
  );
  const issued = await issueInvoice({
    db,
    invoiceId: draft.id,
    organizationId: organization.id,
    actor: SEED_ACTOR,
    issueDate,
    dueDate,
    // Invoices go out in the morning run, 06:00 Swedish time (or at once, if that is later).
    issuedAt: new Date(Math.min(issueDate.getTime() + 5 * 3_600_000, now.getTime())),
  });
  const target = { invoiceId: draft.id, organizationId: organization.id };
  // Never later than the seed's now: demo history has no future in it.
  const at = (day: Date, hours: number) =>
    new Date(Math.min(day.getTime() + hours * 3_600_000, now.getTime()));
  const { outcome } = options;
  if (outcome.kind === "credited") {
    const creditDay = addDays(issueDate, 6);
    await issueFullCreditNote({
      db,
      actor: { type: "SYSTEM" },
      issueDate: creditDay > options.today ? options.today : creditDay,
      creditedAt: at(creditDay, between(random, 7, 15)),
      // History: the customer was told back then; no email goes out for it now.
      notify: false,
      input: {
        ...target,
        reason:
          "Mätaren rapporterade fel värden; korrigerad faktura skickas inte (förbrukningen bjuds på).",
        customerText:
          customer.locale === "sv"
            ? "Vi har krediterat fakturan eftersom mätvärdena var fel. Du behöver inte betala den."
            : "We have credited this invoice because the meter readings were wrong. You do not need to pay it.",
      },
    });
  } else if (outcome.kind === "partly-paid") {
    await recordPayment({
      db,
      actor: { type: "SYSTEM" },
      input: {
        ...target,
        amountOre: Math.floor(issued.totalOre / 200) * 100,
        method: "swish",
        externalRef: `demo-partial-${draft.id}`,
        occurredAt: at(addDays(issueDate, 5), between(random, 6, 21)),
      },
    });
  } else if (outcome.kind === "paid") {
    const day = outcome.paidOn > options.today ? options.today : outcome.paidOn;
    await recordPayment({
      db,
      actor: { type: "SYSTEM" },
      input: {
        ...target,
        amountOre: issued.totalOre,
        method: outcome.method,
        externalRef: `demo-payment-${draft.id}`,
        occurredAt: at(day, between(random, 6, 21)),
      },
    });
  }
  return {
    invoiceId: draft.id,
    number: issued.number,
    token: issued.accessToken,
    totalOre: issued.totalOre,
    issueDate,
    dueDate,
  };
}

export const pickPaymentMethod = (random: () => number) =>
  pick(random, ["bank_transfer", "bank_transfer", "card", "swish"] as const);
