import { hashPassword } from "@/lib/auth/password";
import { addDays, addMonths, todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import {
  DEMO_ORGANIZATIONS,
  DEMO_STAFF_PASSWORD,
  type DemoOrganization,
} from "@/lib/demo/demo-catalogue";
import { seedCollections } from "@/lib/demo/demo-collections";
import { seedContentHistory } from "@/lib/demo/demo-content-history";
import {
  createDemoCustomer,
  type DemoOutcome,
  pickPaymentMethod,
  seedDemoInvoice,
  seedDemoReadings,
} from "@/lib/demo/demo-customer-history";
import { createDemoOrganization, mainPlansOf } from "@/lib/demo/demo-organization";
import { between, createPerson, createRandom, pick } from "@/lib/demo/demo-people";
import { seedContent } from "@/lib/demo/seed-content";
import { seedSupport } from "@/lib/demo/seed-support";
import { markOverdueInvoices } from "@/lib/invoices/mark-overdue-invoices";
import { requestReceivablesRefresh } from "@/lib/jobs/receivables-refresh";

export const CUSTOMERS_PER_ORGANIZATION = 30;
const MONTHS_OF_HISTORY = 12;

/** The showcase the demo prints per organisation: one invoice in each of these states. */
export const SHOWCASE_KINDS = ["open", "overdue", "paid", "credited"] as const;
export type ShowcaseKind = (typeof SHOWCASE_KINDS)[number];

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
 * Seeds the two demo billers with a year of invoices each (see demo-customer-history.ts), then
 * their content blocks with weeks of analytics history and their support inbox. Idempotent: an
 * already seeded database is left alone. Whatever the date, each company has an open (not yet
 * due), an overdue, a paid and a credited invoice to show, and customers waiting in its inbox.
 */
export async function seedDemo(options: {
  db: Db;
  /** The moment the demo is seeded at (tests pin it; see seedClock). Default: now. */
  now?: Date;
  /** Smaller demos for tests; the showcase needs at least 6 customers per organisation. */
  customersPerOrganization?: number;
  log?: (line: string) => void;
}): Promise<SeedResult> {
  const { db } = options;
  if (await isDemoSeeded(db)) return { seeded: false, invoices: 0, links: [] };
  const now = options.now ?? new Date();
  const today = todayInSweden(now);
  const passwordHash = await hashPassword(DEMO_STAFF_PASSWORD);
  const links: DemoLink[] = [];
  let invoices = 0;
  for (const [index, demo] of DEMO_ORGANIZATIONS.entries()) {
    const customers = options.customersPerOrganization ?? CUSTOMERS_PER_ORGANIZATION;
    const result = await seedOrganization({
      db,
      demo,
      today,
      now,
      passwordHash,
      customers,
      random: createRandom(2026 + index),
    });
    invoices += result.invoices;
    links.push(...result.links);
    options.log?.(`Seeded ${demo.name}: ${customers} customers, ${result.invoices} invoices`);
  }
  await markOverdueInvoices({ db, today });
  // After the links are chosen, so the showcase invoices start without a conversation, an
  // impression or a survey answer.
  const avoidInvoiceIds = links.map((link) => link.invoiceId);
  for (const organization of await db.organization.findMany({ select: { id: true, slug: true } })) {
    await seedContent({
      db,
      organizationId: organization.id,
      isEnergy: organization.slug === DEMO_ORGANIZATIONS[0]!.slug,
    });
    // The marketers' analytics have weeks of history from the first start.
    await seedContentHistory({
      db,
      organizationId: organization.id,
      avoidInvoiceIds,
      now,
      seed: 7_000 + DEMO_ORGANIZATIONS.findIndex((demo) => demo.slug === organization.slug),
    });
    await seedSupport({
      db,
      organizationId: organization.id,
      avoidInvoiceIds,
      now,
    });
    // The receivables dashboard has figures as soon as the server's workers take this.
    await requestReceivablesRefresh(db, organization.id);
  }
  return { seeded: true, invoices, links };
}

async function seedOrganization(options: {
  db: Db;
  demo: DemoOrganization;
  today: Date;
  now: Date;
  passwordHash: string;
  customers: number;
  random: () => number;
}) {
  const { db, demo, today, now, random } = options;
  const organization = await createDemoOrganization({
    db,
    demo,
    passwordHash: options.passwordHash,
  });
  const tokens = new Map<string, { token: string; customerName: string }>();
  const firstPeriod = addMonths(
    new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)),
    -MONTHS_OF_HISTORY,
  );
  let invoiceCount = 0;

  for (let c = 0; c < options.customers; c++) {
    const person = createPerson(random, c + 1);
    // Tenure from a few months to fourteen years, so some customers have fewer than 12 invoices.
    const monthsAsCustomer = c % 7 === 3 ? between(random, 2, 8) : between(random, 13, 170);
    const customerSince = addMonths(
      new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), between(random, 1, 28))),
      -monthsAsCustomer,
    );
    const plan = pick(random, mainPlansOf(demo));
    const campaign = random() < 0.3;
    const customer = await createDemoCustomer({
      db,
      organization,
      demo,
      person,
      customerNumber: String(100_000 + c * 37 + 1),
      customerSince,
      plan,
      campaignEndsOn: campaign ? addDays(today, between(random, 10, 120)) : null,
      // Older contracts (one in four) were signed before the reminder-fee clause existed.
      agreedToReminderFee: demo.reminderFeeOre > 0 && c % 4 !== 2,
      random,
    });
    // Most pay on time, some late, a few fall behind on the latest invoices.
    const behaviour = c % 10 === 4 ? "behind" : random() < 0.25 ? "late" : "punctual";
    const creditMonth = c % 9 === 5 ? between(random, 2, 8) : -1;

    // Meter readings from the year before the first invoice shown, so the oldest invoices too can
    // be compared with the same period a year earlier.
    for (let m = -12; m < 0; m++) {
      const periodStart = addMonths(firstPeriod, m);
      if (periodStart < customerSince) continue;
      await seedDemoReadings({ db, organization, demo, customer, periodStart, random });
    }

    for (let m = 0; m < MONTHS_OF_HISTORY; m++) {
      const periodStart = addMonths(firstPeriod, m);
      const periodEnd = addDays(addMonths(periodStart, 1), -1);
      if (periodEnd < customerSince) continue;
      const isLatest = m === MONTHS_OF_HISTORY - 1;
      // Every fifth customer leaves the latest invoice unpaid, so an open (not yet due) invoice
      // exists whatever the date; most others too, at random.
      // Behind on the three latest: whatever the date, one of them is past its last banking day
      // to pay (the one before the latest may be due on nyårsafton and still in time).
      const unpaid =
        (behaviour === "behind" && m >= MONTHS_OF_HISTORY - 3) ||
        (isLatest && (c % 5 === 0 || random() < 0.7));
      const dueDate = addDays(addMonths(periodStart, 2), -1);
      const outcome: DemoOutcome =
        m === creditMonth
          ? { kind: "credited" }
          : unpaid
            ? // A few customers have paid part of their latest invoice.
              isLatest && c % 8 === 1
              ? { kind: "partly-paid" }
              : { kind: "unpaid" }
            : {
                kind: "paid",
                paidOn:
                  behaviour === "late"
                    ? addDays(dueDate, between(random, 2, 20))
                    : addDays(dueDate, -between(random, 0, 14)),
                method: pickPaymentMethod(random),
              };
      const invoice = await seedDemoInvoice({
        db,
        organization,
        demo,
        customer,
        periodStart,
        today,
        now,
        outcome,
        hourly: c % 6 === 0 && isLatest,
        random,
      });
      invoiceCount += outcome.kind === "credited" ? 2 : 1;
      tokens.set(invoice.invoiceId, { token: invoice.token, customerName: customer.name });
    }
  }
  await markOverdueInvoices({ db, today });
  await seedCollections({ db, organizationId: organization.id, today, now });
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
  for (const kind of SHOWCASE_KINDS) {
    const invoice = await db.invoice.findFirst({
      where: {
        organizationId,
        status: kind.toUpperCase() as Uppercase<ShowcaseKind>,
        kind: "INVOICE",
      },
      orderBy: [{ issueDate: "desc" }, { number: "asc" }],
      select: { id: true },
    });
    const entry = invoice ? tokens.get(invoice.id) : undefined;
    if (invoice && entry)
      links.push({ organization: organizationName, kind, invoiceId: invoice.id, ...entry });
  }
  return links;
}
