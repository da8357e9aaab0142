import { hashPassword } from "@/lib/auth/password";
import { addDays, addMonths, formatCalendarDate, todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { createDraftInvoice } from "@/lib/invoices/create-draft-invoice";
import { issueFullCreditNote } from "@/lib/invoices/issue-credit-note";
import { issueInvoice } from "@/lib/invoices/issue-invoice";
import { markOverdueInvoices } from "@/lib/invoices/mark-overdue-invoices";
import { recordPayment } from "@/lib/ledger/record-payment";
import {
  DEMO_ORGANIZATIONS,
  DEMO_STAFF,
  DEMO_STAFF_PASSWORD,
  DEMO_SUPPORT_HOURS,
  type DemoOrganization,
} from "./demo-catalogue";
import {
  broadbandInvoiceContent,
  type DemoInvoiceContent,
  energyInvoiceContent,
} from "./demo-invoice-content";
import { between, createPerson, createRandom, pick } from "./demo-people";
import { seedContent } from "./seed-content";
import { seedSupport } from "./seed-support";

export const CUSTOMERS_PER_ORGANIZATION = 30;
const MONTHS_OF_HISTORY = 12;

/** "spare" links are further open invoices, for trying payments without touching the showcase. */
export type ShowcaseKind = "open" | "overdue" | "paid" | "spare";

export interface DemoLink {
  organization: string;
  kind: ShowcaseKind;
  invoiceId: string;
  customerName: string;
  token: string;
}

export interface SeedResult {
  seeded: boolean;
  invoices: number;
  links: DemoLink[];
}

export async function isDemoSeeded(db: Db): Promise<boolean> {
  return (
    (await db.organization.count({
      where: { slug: { in: DEMO_ORGANIZATIONS.map((o) => o.slug) } },
    })) > 0
  );
}

/**
 * Seeds the two demo billers with a year of invoices each, through the same domain functions the
 * product uses (drafts, issuing, payments, credit notes), so demo data obeys every rule real data
 * does. Idempotent: an already seeded database is left alone.
 */
export async function seedDemo(options: {
  db: Db;
  today?: Date;
  log?: (line: string) => void;
}): Promise<SeedResult> {
  const { db } = options;
  if (await isDemoSeeded(db)) return { seeded: false, invoices: 0, links: [] };
  const today = options.today ?? todayInSweden();
  const passwordHash = await hashPassword(DEMO_STAFF_PASSWORD);
  const links: DemoLink[] = [];
  let invoices = 0;
  for (const [index, demo] of DEMO_ORGANIZATIONS.entries()) {
    const result = await seedOrganization({
      db,
      demo,
      today,
      passwordHash,
      random: createRandom(2026 + index),
    });
    invoices += result.invoices;
    links.push(...result.links);
    options.log?.(
      `Seeded ${demo.name}: ${CUSTOMERS_PER_ORGANIZATION} customers, ${result.invoices} invoices`,
    );
  }
  await markOverdueInvoices({ db, today });
  // After the links are chosen, so the showcase and spare invoices start without a conversation.
  for (const organization of await db.organization.findMany({ select: { id: true, slug: true } })) {
    await seedContent({
      db,
      organizationId: organization.id,
      isEnergy: organization.slug === DEMO_ORGANIZATIONS[0]!.slug,
    });
    await seedSupport({
      db,
      organizationId: organization.id,
      avoidInvoiceIds: links.map((link) => link.invoiceId),
      now: new Date(),
    });
  }
  return { seeded: true, invoices, links };
}

async function seedOrganization(options: {
  db: Db;
  demo: DemoOrganization;
  today: Date;
  passwordHash: string;
  random: () => number;
}) {
  const { db, demo, today, random } = options;
  const isEnergy = demo.plans[0]!.kind === "ENERGY";
  const organization = await db.organization.create({
    data: {
      slug: demo.slug,
      name: demo.name,
      orgNumber: demo.orgNumber,
      vatNumber: demo.vatNumber,
      addressLine1: demo.addressLine1,
      postalCode: demo.postalCode,
      city: demo.city,
      bankgiro: demo.bankgiro,
      plusgiro: demo.plusgiro,
      swishNumber: demo.swishNumber,
      supportEmail: demo.supportEmail,
      supportPhone: demo.supportPhone,
      brandColor: demo.brandColor,
      reminderFeeOre: demo.reminderFeeOre,
      supportHours: isEnergy ? DEMO_SUPPORT_HOURS.norrsken : DEMO_SUPPORT_HOURS.fiberlank,
      staffUsers: {
        create: DEMO_STAFF.map((staff) => ({
          email: `${staff.key}@${demo.emailDomain}`,
          name: staff.name,
          role: staff.role,
          passwordHash: options.passwordHash,
        })),
      },
      plans: { create: demo.plans },
    },
    include: { plans: true },
  });
  const planByCode = new Map(organization.plans.map((plan) => [plan.code, plan]));
  const mainPlans = demo.plans.filter((plan) => plan.kind !== "MOBILE");
  const mobilePlan = demo.plans.find((plan) => plan.kind === "MOBILE");
  const tokens = new Map<string, { token: string; customerName: string }>();
  const firstPeriod = addMonths(
    new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)),
    -MONTHS_OF_HISTORY,
  );
  let invoiceCount = 0;

  for (let c = 0; c < CUSTOMERS_PER_ORGANIZATION; c++) {
    const person = createPerson(random, c + 1);
    // Tenure from a few months to fourteen years, so some customers have fewer than 12 invoices.
    const monthsAsCustomer = c % 7 === 3 ? between(random, 2, 8) : between(random, 13, 170);
    const customerSince = addMonths(
      new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), between(random, 1, 28))),
      -monthsAsCustomer,
    );
    const plan = pick(random, mainPlans);
    const campaign = random() < 0.3;
    const customer = await db.customer.create({
      data: {
        organizationId: organization.id,
        customerNumber: String(100_000 + c * 37 + 1),
        name: person.name,
        email: `${person.emailLocalPart}@example.se`,
        phone: person.phone,
        addressLine1: person.addressLine1,
        postalCode: person.postalCode,
        city: person.city,
        locale: person.locale,
        customerSince,
        segment: person.segment,
        birthYear: person.birthYear,
        isBusiness: person.segment === "small-business",
        contracts: {
          create: {
            organizationId: organization.id,
            planId: planByCode.get(plan.code)!.id,
            startsOn: customerSince,
            campaignMonthlyFeeOre: campaign ? Math.round(plan.monthlyFeeOre / 2) : null,
            campaignEndsOn: campaign ? addDays(today, between(random, 10, 120)) : null,
          },
        },
      },
      include: { contracts: true },
    });
    const profile = {
      dailyBase: isEnergy
        ? person.segment === "family" || person.segment === "small-business"
          ? between(random, 25, 55)
          : between(random, 5, 16)
        : between(random, 4, 40),
      hasMobile: !isEnergy && random() < 0.4,
      hasGreenPlan: plan.code === "EL-GRON",
    };
    // Most pay on time, some late, a few fall behind on the latest invoices.
    const behaviour = c % 10 === 4 ? "behind" : random() < 0.25 ? "late" : "punctual";
    const creditMonth = c % 9 === 5 ? between(random, 2, 8) : -1;
    const contentFor = (
      periodStart: Date,
      periodEnd: Date,
      options: { hourly: boolean; welcomeDiscount: boolean },
    ) =>
      isEnergy
        ? energyInvoiceContent({
            random,
            plan,
            listPlan: demo.plans[1]!,
            profile,
            periodStart,
            periodEnd,
            ...options,
          })
        : broadbandInvoiceContent({
            random,
            plan,
            mobilePlan: mobilePlan!,
            profile,
            periodStart,
            periodEnd,
          });
    const saveReadings = (readings: DemoInvoiceContent["readings"], invoiceId: string | null) =>
      db.usageReading.createMany({
        data: readings.map((reading) => ({
          ...reading,
          organizationId: organization.id,
          customerId: customer.id,
          invoiceId,
          unit: isEnergy ? ("KWH" as const) : ("GB" as const),
        })),
      });

    // Meter readings from the year before the first invoice shown, so the oldest invoices too can
    // be compared with the same period a year earlier.
    for (let m = -12; m < 0; m++) {
      const periodStart = addMonths(firstPeriod, m);
      const periodEnd = addDays(addMonths(periodStart, 1), -1);
      if (periodStart < customerSince) continue;
      const content = contentFor(periodStart, periodEnd, { hourly: false, welcomeDiscount: false });
      await saveReadings(content.readings, null);
    }

    for (let m = 0; m < MONTHS_OF_HISTORY; m++) {
      const periodStart = addMonths(firstPeriod, m);
      const periodEnd = addDays(addMonths(periodStart, 1), -1);
      const issueDate = addDays(addMonths(periodStart, 1), 2);
      if (periodEnd < customerSince || issueDate > today) continue;
      const dueDate = addDays(addMonths(periodStart, 2), -1);
      const content = contentFor(periodStart, periodEnd, {
        hourly: c % 6 === 0 && m === MONTHS_OF_HISTORY - 1,
        welcomeDiscount: customerSince > addMonths(periodStart, -3),
      });
      const draft = await createDraftInvoice({
        db,
        actor: { type: "API", label: "demo seed" },
        input: {
          organizationId: organization.id,
          customerId: customer.id,
          contractId: customer.contracts[0]!.id,
          periodStart: formatCalendarDate(periodStart),
          periodEnd: formatCalendarDate(periodEnd),
          lines: content.lines,
          valueFacts: content.valueFacts,
        },
      });
      await saveReadings(content.readings, draft.id);
      const issued = await issueInvoice({
        db,
        invoiceId: draft.id,
        organizationId: organization.id,
        actor: { type: "API", label: "demo seed" },
        issueDate,
        dueDate,
        // Invoices go out in the morning run, 06:00 Swedish time.
        issuedAt: new Date(issueDate.getTime() + 5 * 3_600_000),
      });
      invoiceCount++;
      tokens.set(draft.id, { token: issued.accessToken, customerName: customer.name });

      const isLatest = m === MONTHS_OF_HISTORY - 1;
      if (m === creditMonth) {
        await issueFullCreditNote({
          db,
          actor: { type: "SYSTEM" },
          issueDate: addDays(issueDate, 6),
          creditedAt: new Date(
            addDays(issueDate, 6).getTime() + between(random, 7, 15) * 3_600_000,
          ),
          input: {
            invoiceId: draft.id,
            organizationId: organization.id,
            reason:
              "Mätaren rapporterade fel värden; korrigerad faktura skickas inte (förbrukningen bjuds på).",
            customerText:
              person.locale === "sv"
                ? "Vi har krediterat fakturan eftersom mätvärdena var fel. Du behöver inte betala den."
                : "We have credited this invoice because the meter readings were wrong. You do not need to pay it.",
          },
        });
        invoiceCount++;
        continue;
      }
      const unpaid =
        (behaviour === "behind" && m >= MONTHS_OF_HISTORY - 2) || (isLatest && random() < 0.7);
      if (unpaid) {
        // A few customers have paid part of their latest invoice.
        if (isLatest && c % 8 === 1) {
          await recordPayment({
            db,
            actor: { type: "SYSTEM" },
            input: {
              invoiceId: draft.id,
              organizationId: organization.id,
              amountOre: Math.floor(issued.totalOre / 200) * 100,
              method: "swish",
              externalRef: `demo-partial-${draft.id}`,
              occurredAt: new Date(
                addDays(issueDate, 5).getTime() + between(random, 6, 21) * 3_600_000,
              ),
            },
          });
        }
        continue;
      }
      const paidOn =
        behaviour === "late"
          ? addDays(dueDate, between(random, 2, 20))
          : addDays(dueDate, -between(random, 0, 14));
      await recordPayment({
        db,
        actor: { type: "SYSTEM" },
        input: {
          invoiceId: draft.id,
          organizationId: organization.id,
          amountOre: issued.totalOre,
          method: pick(random, ["bank_transfer", "bank_transfer", "card", "swish"] as const),
          externalRef: `demo-payment-${draft.id}`,
          occurredAt: new Date(
            Math.min(
              Date.now(),
              (paidOn > today ? today : paidOn).getTime() + between(random, 6, 21) * 3_600_000,
            ),
          ),
        },
      });
    }
  }
  await markOverdueInvoices({ db, today });
  return {
    invoices: invoiceCount,
    links: await pickShowcase(db, organization.id, demo.name, tokens),
  };
}

async function pickShowcase(
  db: Db,
  organizationId: string,
  organizationName: string,
  tokens: Map<string, { token: string; customerName: string }>,
): Promise<DemoLink[]> {
  const links: DemoLink[] = [];
  for (const [kind, status] of [
    ["open", "OPEN"],
    ["overdue", "OVERDUE"],
    ["paid", "PAID"],
  ] as const) {
    const invoice = await db.invoice.findFirst({
      where: { organizationId, status, kind: "INVOICE" },
      orderBy: [{ issueDate: "desc" }, { number: "asc" }],
      select: { id: true },
    });
    const entry = invoice ? tokens.get(invoice.id) : undefined;
    if (invoice && entry)
      links.push({ organization: organizationName, kind, invoiceId: invoice.id, ...entry });
  }
  const spare = await db.invoice.findMany({
    where: {
      organizationId,
      status: "OPEN",
      kind: "INVOICE",
      id: { notIn: links.map((l) => l.invoiceId) },
    },
    orderBy: [{ issueDate: "desc" }, { number: "asc" }],
    take: 3,
    select: { id: true },
  });
  for (const invoice of spare) {
    const entry = tokens.get(invoice.id);
    if (entry)
      links.push({
        organization: organizationName,
        kind: "spare",
        invoiceId: invoice.id,
        ...entry,
      });
  }
  return links;
}
