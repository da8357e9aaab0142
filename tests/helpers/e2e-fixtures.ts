import { randomBytes } from "node:crypto";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { receiveBankFile } from "@/lib/bank-files/receive-bank-file";
import { postChatMessage } from "@/lib/chat/post-chat-message";
import { ensureDefaultPolicy } from "@/lib/collections/policies";
import { runCollections } from "@/lib/collections/run";
import { contentBlockInputSchema } from "@/lib/content/blocks/block-input";
import { saveContentBlock, setContentBlockStatus } from "@/lib/content/blocks/manage-blocks";
import {
  addDays,
  addMonths,
  formatCalendarDate,
  parseCalendarDate,
  todayInSweden,
} from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { Prisma } from "@/lib/db/generated/client";
import { DEMO_ORGANIZATIONS, DEMO_STAFF, DEMO_STAFF_PASSWORD } from "@/lib/demo/demo-catalogue";
import { DEMO_POLICIES } from "@/lib/demo/demo-collections";
import {
  createDemoCustomer,
  type DemoOutcome,
  seedDemoInvoice,
  seedDemoReadings,
} from "@/lib/demo/demo-customer-history";
import { createDemoOrganization, mainPlansOf } from "@/lib/demo/demo-organization";
import { createPerson, createRandom, SEGMENTS } from "@/lib/demo/demo-people";
import { createDraftInvoice } from "@/lib/invoices/create-draft-invoice";
import { markOverdueInvoices } from "@/lib/invoices/mark-overdue-invoices";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { generateCamt054 } from "./bank-file-generator";

/**
 * Data for one end-to-end test, built with the demo's own builders (which go through the domain
 * functions): a company of its own with its staff, customers with a history of invoices, a
 * waiting question. Dates are relative to the server's today, so a test never depends on what the
 * calendar gives, and a test never shares (or hunts for) data another test changes.
 */
export const organizationFixtureSchema = z.strictObject({
  catalogue: z.enum(["energy", "broadband"]),
});

export const customerFixtureSchema = z.strictObject({
  organizationId: z.uuid(),
  /** The state of the customer's latest invoice. */
  latest: z.enum(["open", "overdue", "paid", "partly-paid", "credited"]),
  /** Paid invoices before the latest one (the page lists them as earlier invoices). */
  earlier: z.number().int().min(0).max(12).default(2),
  name: z.string().min(1).max(120).optional(),
  locale: z.enum(["sv", "en"]).default("sv"),
  segment: z.enum(SEGMENTS).optional(),
  birthYear: z.number().int().min(1900).max(2015).optional(),
  planCode: z.string().max(40).optional(),
  monthsAsCustomer: z.number().int().min(1).max(400).default(40),
  hourly: z.boolean().default(false),
  /** Whether the contract has the reminder-fee clause (agreed when they signed). */
  agreedToReminderFee: z.boolean().default(false),
});

export const questionFixtureSchema = z.strictObject({
  invoiceId: z.uuid(),
  body: z.string().min(1).max(2000),
});

let serial = 0;
const nextRandom = () => createRandom(0x5eed + ++serial);

export async function createOrganizationFixture(db: Db, input: unknown) {
  const { catalogue } = organizationFixtureSchema.parse(input);
  const demo = DEMO_ORGANIZATIONS[catalogue === "energy" ? 0 : 1]!;
  const suffix = randomBytes(4).toString("hex");
  const identity = {
    slug: `e2e-${catalogue}-${suffix}`,
    name: `${demo.name.replace(/ AB$/, "")} ${suffix} AB`,
    emailDomain: `e2e-${suffix}.example`,
  };
  const organization = await createDemoOrganization({
    db,
    demo,
    passwordHash: await hashPassword(DEMO_STAFF_PASSWORD),
    identity,
  });
  return {
    id: organization.id,
    name: organization.name,
    slug: organization.slug,
    catalogue,
    /** The organisation's bankgiro number: bank files for it name it as the receiving account. */
    bankgiro: organization.bankgiro,
    password: DEMO_STAFF_PASSWORD,
    staff: Object.fromEntries(
      DEMO_STAFF.map((staff) => [
        staff.key,
        { email: `${staff.key}@${identity.emailDomain}`, name: staff.name },
      ]),
    ) as Record<(typeof DEMO_STAFF)[number]["key"], { email: string; name: string }>,
    plans: organization.plans.map((plan) => ({
      code: plan.code,
      name: plan.name,
      kind: plan.kind,
    })),
  };
}

export async function createCustomerFixture(db: Db, input: unknown, now = new Date()) {
  const spec = customerFixtureSchema.parse(input);
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: spec.organizationId },
    include: { plans: true },
  });
  const demo = organization.slug.startsWith("e2e-energy-")
    ? DEMO_ORGANIZATIONS[0]
    : organization.slug.startsWith("e2e-broadband-")
      ? DEMO_ORGANIZATIONS[1]
      : undefined;
  if (!demo) throw new Error("fixtures only build customers for fixture organisations");
  const row = { ...organization, planByCode: new Map(organization.plans.map((p) => [p.code, p])) };
  const random = nextRandom();
  const today = todayInSweden(now);
  const generated = createPerson(random, serial);
  const person = {
    ...generated,
    name: spec.name ?? `${generated.name} ${serial}`,
    locale: spec.locale,
    segment: spec.segment ?? generated.segment,
    birthYear: spec.birthYear ?? generated.birthYear,
  };
  const plan =
    mainPlansOf(demo).find((p) => p.code === spec.planCode) ??
    (spec.planCode ? undefined : mainPlansOf(demo)[0]);
  if (!plan) throw new Error(`no plan ${spec.planCode} in the ${demo.name} catalogue`);
  const customerSince = addMonths(today, -spec.monthsAsCustomer);
  const customer = await createDemoCustomer({
    db,
    organization: row,
    demo,
    person,
    customerNumber: String(200_000 + serial),
    customerSince,
    plan,
    agreedToReminderFee: spec.agreedToReminderFee,
    random,
  });
  // The latest invoice bills last month (open until this month's end) or, when it is to be
  // overdue, three months back (due at the end of the month before last): past its last day to
  // pay whatever the date. Due at last month's end would not do: a due date on a weekend or
  // holiday moves to the next banking day, which early in a month (or on 1 January) is not past.
  const thisMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  const latestPeriod = addMonths(thisMonth, spec.latest === "overdue" ? -3 : -1);
  for (let m = -12; m < -spec.earlier; m++) {
    await seedDemoReadings({
      db,
      organization: row,
      demo,
      customer,
      periodStart: addMonths(latestPeriod, m),
      random,
    });
  }
  const invoices = [];
  for (let m = -spec.earlier; m <= 0; m++) {
    const periodStart = addMonths(latestPeriod, m);
    const isLatest = m === 0;
    const outcome: DemoOutcome = !isLatest
      ? { kind: "paid", paidOn: addDays(addMonths(periodStart, 2), -5), method: "bank_transfer" }
      : spec.latest === "open" || spec.latest === "overdue"
        ? { kind: "unpaid" }
        : spec.latest === "paid"
          ? { kind: "paid", paidOn: today, method: "card" }
          : { kind: spec.latest };
    const invoice = await seedDemoInvoice({
      db,
      organization: row,
      demo,
      customer,
      periodStart,
      today,
      now,
      outcome,
      hourly: isLatest && spec.hourly,
      random,
    });
    invoices.push({ ...invoice, issueDate: undefined, dueDate: undefined });
  }
  await markOverdueInvoices({ db, today });
  const latest = invoices.at(-1)!;
  const { status, ocr } = await db.invoice.findUniqueOrThrow({
    where: { id: latest.invoiceId },
    select: { status: true, ocr: true },
  });
  // A fixture that is not what it says would let a test pass on the wrong data: checked here.
  const wanted = { open: "OPEN", overdue: "OVERDUE" } as Record<string, string>;
  if (wanted[spec.latest] && status !== wanted[spec.latest]) {
    throw new Error(`the ${spec.latest} fixture invoice is ${status} on ${today.toISOString()}`);
  }
  return {
    customerId: customer.id,
    customerName: customer.name,
    locale: customer.locale,
    planCode: plan.code,
    invoiceId: latest.invoiceId,
    number: latest.number,
    /** The OCR a customer pays the latest invoice with from their bank. */
    ocr: ocr!,
    token: latest.token,
    totalOre: latest.totalOre,
    earlier: invoices
      .slice(0, -1)
      .map(({ invoiceId, number, token }) => ({ invoiceId, number, token })),
  };
}

/** A customer's question on an invoice, waiting for support. */
export async function createQuestionFixture(db: Db, input: unknown) {
  const spec = questionFixtureSchema.parse(input);
  const posted = await postChatMessage({
    db,
    input: { invoiceId: spec.invoiceId, body: spec.body },
    author: { type: "CUSTOMER" },
  });
  return { conversationId: posted.conversationId, seq: posted.message.seq };
}

export const blockFixtureSchema = z.strictObject({
  organizationId: z.uuid(),
  /**
   * A published plan offer for every customer instead of a draft: "best" offers each customer the
   * plan that would have cost them least, a plan's code offers that plan.
   */
  offer: z.string().trim().min(1).max(40).optional(),
});

/**
 * A draft information block of the organisation (drafts show nowhere but in the console), or a
 * published plan offer in the offers slot (without {{saving}} in its title, so the page's own
 * headline states the saving).
 */
export async function createBlockFixture(db: Db, input: unknown) {
  const { organizationId, offer } = blockFixtureSchema.parse(input);
  const marketer = await db.staffUser.findFirstOrThrow({
    where: { organizationId, role: "MARKETER" },
    select: { id: true },
  });
  const who = { staffId: marketer.id, organizationId };
  if (offer) {
    const saved = await saveContentBlock({
      db,
      marketer: who,
      input: contentBlockInputSchema.parse({
        name: `Fixture offer ${offer} ${randomBytes(3).toString("hex")}`,
        kind: "OFFER",
        slot: "OFFERS",
        targeting: { all: [] },
        settings: {
          plan: offer === "best" ? { mode: "best" } : { mode: "fixed", planCode: offer },
        },
        variants: [
          {
            key: "A",
            weight: 1,
            content: {
              sv: { title: "Ett avtal som passar dig bättre", body: "Byt när du vill." },
              en: { title: "A plan that fits you better", body: "Switch whenever you like." },
            },
          },
        ],
      }),
    });
    await setContentBlockStatus({ db, marketer: who, blockId: saved.id, status: "PUBLISHED" });
    return { blockId: saved.id };
  }
  const text = { title: "Fixturblock", body: "Text" };
  const saved = await saveContentBlock({
    db,
    marketer: who,
    input: contentBlockInputSchema.parse({
      name: `Fixture ${randomBytes(3).toString("hex")}`,
      kind: "INFORMATION",
      slot: "AFTER_SUMMARY",
      targeting: { all: [] },
      variants: [{ key: "A", weight: 1, content: { sv: text, en: text } }],
    }),
  });
  return { blockId: saved.id };
}

export const draftFixtureSchema = z.strictObject({ invoiceId: z.uuid() });

/** A draft for the same customer as an issued invoice (a draft is staff-only until issued). */
export async function createDraftFixture(db: Db, input: unknown) {
  const { invoiceId } = draftFixtureSchema.parse(input);
  const invoice = await db.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    select: { organizationId: true, customerId: true, periodStart: true, periodEnd: true },
  });
  const draft = await createDraftInvoice({
    db,
    actor: { type: "SYSTEM" },
    input: {
      organizationId: invoice.organizationId,
      customerId: invoice.customerId,
      periodStart: formatCalendarDate(invoice.periodStart),
      periodEnd: formatCalendarDate(invoice.periodEnd),
      lines: [
        {
          kind: "USAGE",
          description: "Elförbrukning",
          quantityMilli: 250_000,
          unit: "kWh",
          unitPriceCentiOre: 10_937,
          vatRate: 25,
        },
      ],
    },
  });
  return { draftId: draft.id };
}

export const webhookEndpointFixtureSchema = z.strictObject({ organizationId: z.uuid() });

/**
 * A webhook endpoint of the organisation, at an address that can never answer (`.invalid`), so
 * nothing leaves the machine even if an event it wants happens during the test.
 */
export async function createWebhookEndpointFixture(db: Db, input: unknown) {
  const { organizationId } = webhookEndpointFixtureSchema.parse(input);
  const endpoint = await createWebhookEndpoint({
    db,
    organizationId,
    input: {
      url: `https://erp-${randomBytes(3).toString("hex")}.nota-e2e.invalid/hooks/nota`,
      events: ["invoice.paid"],
      description: "Fixture endpoint",
    },
    allowPrivateNetworks: false,
  });
  return { webhookEndpointId: endpoint.id };
}

export const bankFileFixtureSchema = z.strictObject({ organizationId: z.uuid() });

/**
 * A bank file of the organisation, received as if uploaded: a camt.054 for its bankgiro with one
 * payment that names no invoice (its import, a job, queues it as unmatched). Its own references,
 * so it is never a duplicate of another.
 */
export async function createBankFileFixture(db: Db, input: unknown) {
  const { organizationId } = bankFileFixtureSchema.parse(input);
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { bankgiro: true },
  });
  if (!organization.bankgiro) throw new Error("the organisation has no bankgiro number");
  const suffix = randomBytes(4).toString("hex");
  const file = generateCamt054(
    [
      {
        amountOre: 12_300,
        reference: { kind: "none", value: null },
        payerName: "Fixtur Betalare",
        bookingDate: formatCalendarDate(todayInSweden(new Date())),
        entryReference: `E2E-${suffix}`,
      },
    ],
    { account: { bankgiro: organization.bankgiro.replace(/\D/g, "") }, messageId: `E2E-${suffix}` },
  );
  const received = await receiveBankFile({
    db,
    organizationId,
    source: "UPLOAD",
    fileName: `fixture-${suffix}.xml`,
    bytes: file.bytes,
    declaredFormat: "CAMT054",
  });
  return { bankFileId: received.id };
}

export const collectionPolicyFixtureSchema = z.strictObject({
  organizationId: z.uuid(),
  /** The demo's standard policy (courtesy, reminder, final reminder, handover) as the default. */
  standard: z.boolean().default(false),
});

/** The organisation's default collection policy (made, as the console would, if it has none). */
export async function createCollectionPolicyFixture(db: Db, input: unknown) {
  const { organizationId, standard } = collectionPolicyFixtureSchema.parse(input);
  if (standard) {
    const existing = await db.collectionPolicy.findFirst({
      where: { organizationId, isDefault: true },
    });
    if (!existing) {
      // The demo's standard policy as written: its steps without the demo's A/B test.
      const policy = DEMO_POLICIES.find((p) => p.isDefault)!;
      const steps = (policy.steps!.create as Prisma.CollectionStepCreateWithoutPolicyInput[]).map(
        ({ variants: _variants, experimentMode: _mode, ...step }) => step,
      );
      await db.collectionPolicy.create({
        data: { ...policy, organizationId, steps: { create: steps } },
      });
    }
  }
  await ensureDefaultPolicy(db, organizationId);
  const policy = await db.collectionPolicy.findFirstOrThrow({
    where: { organizationId, isDefault: true },
    select: { id: true },
  });
  return { collectionPolicyId: policy.id };
}

export const collectionRunFixtureSchema = z.strictObject({
  organizationId: z.uuid(),
  /** The day the run is for (the morning job runs for today); default today. */
  today: z.iso.date().optional(),
});

/** The organisation's collection run, as the morning job does it (for a day, to walk a schedule). */
export async function runCollectionsFixture(db: Db, input: unknown) {
  const { organizationId, today } = collectionRunFixtureSchema.parse(input);
  const summary = await runCollections({
    db,
    organizationId,
    today: today ? parseCalendarDate(today) : todayInSweden(),
  });
  return { performed: summary.performed, byKind: summary.byKind, deferred: summary.deferred };
}
