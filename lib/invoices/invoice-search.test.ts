import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import {
  DEFAULT_INVOICE_SEARCH,
  INVOICE_STATUSES,
  type InvoiceSearchParams,
  type InvoiceSearchRow,
  searchInvoices,
} from "@/lib/invoices/invoice-search";
import { markOverdueInvoices } from "@/lib/invoices/mark-overdue-invoices";
import { recordPayment } from "@/lib/ledger/record-payment";
import {
  createCustomer,
  createDraft,
  createIssuedInvoice,
  createOrganization,
} from "@/tests/helpers/fixtures";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

const TODAY = parseCalendarDate("2026-03-01");
const day = parseCalendarDate;
/** One line at 25 % VAT that totals `kronor` exactly (no öre rounding). */
const linesFor = (kronor: number) => [
  {
    kind: "SUBSCRIPTION" as const,
    description: "Abonnemang",
    quantityMilli: 1000,
    unit: "mån",
    unitPriceCentiOre: kronor * 8000,
    vatRate: 25,
  },
];

let db: TestDatabase;
const ids: Record<string, string> = {};
let orgA: string;
let orgB: string;
let orgC: string;

async function issue(
  prisma: Db,
  key: string,
  options: { org: string; customer: string; kronor: number; issued: string },
) {
  const invoice = await createIssuedInvoice(prisma, {
    organizationId: options.org,
    customerId: options.customer,
    lines: linesFor(options.kronor),
    issueDate: day(options.issued),
  });
  ids[key] = invoice.id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const prisma = db.prisma;
  orgA = (await createOrganization(prisma)).id;
  orgB = (await createOrganization(prisma)).id;
  orgC = (await createOrganization(prisma)).id;
  const customer = async (org: string, name: string, customerNumber: string) =>
    (await createCustomer(prisma, org, { name, customerNumber })).id;
  const oberg = await customer(orgA, "Astrid Öberg", "K-1001");
  const lindqvist = await customer(orgA, "Erik Lindqvist", "K-2002");
  const rabatt = await customer(orgA, "50% Rabatt AB", "K-3003");
  const underscore = await customer(orgA, "A_B Konsult", "K-4004");
  const lookalike = await customer(orgA, "AxB Konsult", "K-5005");

  await issue(prisma, "paid", { org: orgA, customer: oberg, kronor: 100, issued: "2026-01-10" });
  await issue(prisma, "open", { org: orgA, customer: oberg, kronor: 250, issued: "2026-02-10" });
  await issue(prisma, "marked", {
    org: orgA,
    customer: lindqvist,
    kronor: 500,
    issued: "2026-01-15",
  });
  await recordPayment({
    db: prisma,
    actor: { type: "SYSTEM" },
    input: {
      invoiceId: ids.paid!,
      organizationId: orgA,
      amountOre: 10_000,
      method: "bank_transfer",
      externalRef: `search-test-${ids.paid}`,
    },
  });
  await markOverdueInvoices({ db: prisma, today: TODAY });
  // Past due but not yet moved by the overdue job: overdue all the same.
  await issue(prisma, "pastDue", {
    org: orgA,
    customer: lindqvist,
    kronor: 1000,
    issued: "2026-01-20",
  });
  await issue(prisma, "rabatt", {
    org: orgA,
    customer: rabatt,
    kronor: 2000,
    issued: "2026-02-20",
  });
  await issue(prisma, "ab", { org: orgA, customer: underscore, kronor: 300, issued: "2026-02-01" });
  await issue(prisma, "axb", { org: orgA, customer: lookalike, kronor: 300, issued: "2026-02-01" });
  ids.draft = (await createDraft(prisma, { organizationId: orgA, customerId: oberg })).id;

  // Another organisation with a same-named customer, to prove nothing leaks across.
  const otherOberg = await customer(orgB, "Astrid Öberg", "K-1001");
  await issue(prisma, "otherOrg", {
    org: orgB,
    customer: otherOberg,
    kronor: 100,
    issued: "2026-01-10",
  });

  // 60 invoices with many equal amounts and dates, for pagination and tie-breaking.
  const many = [await customer(orgC, "Cecilia", "C-1"), await customer(orgC, "Bertil", "C-2")];
  for (let i = 0; i < 60; i++) {
    await issue(prisma, `c${i}`, {
      org: orgC,
      customer: many[i % 2]!,
      kronor: 100 * (1 + (i % 3)),
      issued: `2026-02-0${1 + (i % 5)}`,
    });
  }
}, 120_000);
afterAll(async () => db?.close());

const search = (org: string, changes: Partial<InvoiceSearchParams> = {}) =>
  searchInvoices(
    db.prisma,
    org,
    { ...DEFAULT_INVOICE_SEARCH, pageSize: 100, ...changes },
    { today: TODAY },
  );
const idsOf = (rows: InvoiceSearchRow[]) => rows.map((row) => row.id).sort();
const idsFor = (...keys: string[]) => keys.map((key) => ids[key]!).sort();

describe(`searchInvoices filters (${testDatabaseKind})`, () => {
  it("lists every invoice but drafts by default, newest number first", async () => {
    const result = await search(orgA);
    expect(idsOf(result.rows)).toEqual(
      idsFor("paid", "open", "marked", "pastDue", "rabatt", "ab", "axb"),
    );
    expect(result.rows.map((row) => row.number)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(result).toMatchObject({ total: 7, page: 1, pageCount: 1 });
    expect(result.rows.find((row) => row.id === ids.paid)).toMatchObject({
      status: "PAID",
      totalOre: 10_000,
      customerName: "Astrid Öberg",
      customerNumber: "K-1001",
      issueDate: day("2026-01-10"),
    });
  });

  it("filters by one or several statuses, and shows drafts only when asked for", async () => {
    expect(idsOf((await search(orgA, { statuses: ["PAID"] })).rows)).toEqual(idsFor("paid"));
    expect(idsOf((await search(orgA, { statuses: ["OVERDUE", "PAID"] })).rows)).toEqual(
      idsFor("marked", "paid"),
    );
    expect(idsOf((await search(orgA, { statuses: ["DRAFT"] })).rows)).toEqual(idsFor("draft"));
  });

  it("finds overdue invoices, whether or not the overdue job has marked them yet", async () => {
    const result = await search(orgA, { overdueOnly: true });
    expect(idsOf(result.rows)).toEqual(idsFor("marked", "pastDue"));
    // Combined with a status filter both must hold.
    expect(idsOf((await search(orgA, { overdueOnly: true, statuses: ["OPEN"] })).rows)).toEqual(
      idsFor("pastDue"),
    );
  });

  it("counts a weekend due date as on time until the next banking day has passed (lag 1930:173)", async () => {
    const org = (await createOrganization(db.prisma)).id;
    const buyer = (await createCustomer(db.prisma, org)).id;
    const dueOn = async (dueDate: string) =>
      (
        await createIssuedInvoice(db.prisma, {
          organizationId: org,
          customerId: buyer,
          lines: linesFor(100),
          issueDate: day("2026-02-01"),
          dueDate: day(dueDate),
        })
      ).id;
    const friday = await dueOn("2026-02-27");
    const saturday = await dueOn("2026-02-28");
    const overdueOn = async (today: string) =>
      idsOf(
        (
          await searchInvoices(
            db.prisma,
            org,
            { ...DEFAULT_INVOICE_SEARCH, overdueOnly: true },
            { today: day(today) },
          )
        ).rows,
      );
    // Saturday's due date may be paid on Monday 2 March: overdue only from Tuesday.
    expect(await overdueOn("2026-03-01")).toEqual([friday]);
    expect(await overdueOn("2026-03-02")).toEqual([friday]);
    expect(await overdueOn("2026-03-03")).toEqual([friday, saturday].sort());
  });

  it("filters by an amount range, both ends included", async () => {
    const result = await search(orgA, { minOre: 25_000, maxOre: 100_000 });
    expect(idsOf(result.rows)).toEqual(idsFor("open", "marked", "pastDue", "ab", "axb"));
    expect(idsOf((await search(orgA, { minOre: 150_000 })).rows)).toEqual(idsFor("rabatt"));
  });

  it("filters by customer name or number, case-insensitively, taking % and _ literally", async () => {
    expect(idsOf((await search(orgA, { customer: "öBERG" })).rows)).toEqual(idsFor("paid", "open"));
    expect(idsOf((await search(orgA, { customer: "k-20" })).rows)).toEqual(
      idsFor("marked", "pastDue"),
    );
    expect(idsOf((await search(orgA, { customer: "50%" })).rows)).toEqual(idsFor("rabatt"));
    expect(idsOf((await search(orgA, { customer: "a_b" })).rows)).toEqual(idsFor("ab"));
    expect((await search(orgA, { customer: "nobody" })).total).toBe(0);
  });

  it("matches names without their diacritics: oberg finds Öberg", async () => {
    for (const typed of ["oberg", "OBERG", "astrid oberg", "Öberg", "ÖBERG"]) {
      expect(idsOf((await search(orgA, { customer: typed })).rows)).toEqual(idsFor("paid", "open"));
    }
    // Folding takes diacritics off, it does not make one letter match another.
    expect((await search(orgA, { customer: "aberg" })).total).toBe(0);
  });

  it("filters by issue date, both ends included", async () => {
    const result = await search(orgA, {
      issuedFrom: day("2026-01-15"),
      issuedTo: day("2026-02-01"),
    });
    expect(idsOf(result.rows)).toEqual(idsFor("marked", "pastDue", "ab", "axb"));
  });

  it("never returns another organisation's invoices", async () => {
    const fromA = await search(orgA, { customer: "Astrid Öberg", statuses: [...INVOICE_STATUSES] });
    expect(fromA.rows.map((row) => row.id)).not.toContain(ids.otherOrg);
    expect(idsOf((await search(orgB)).rows)).toEqual(idsFor("otherOrg"));
    expect(idsOf((await search(orgB, { customer: "K-1001" })).rows)).toEqual(idsFor("otherOrg"));
  });
});

// Text order is checked with JS `<`, which matches the C collation both test databases use.
const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
const keyOf: Record<InvoiceSearchParams["sort"], (row: InvoiceSearchRow) => string | number> = {
  number: (row) => row.number ?? -1,
  issueDate: (row) => row.issueDate?.getTime() ?? -1,
  dueDate: (row) => row.dueDate?.getTime() ?? -1,
  totalOre: (row) => row.totalOre,
  customer: (row) => row.customerName,
  status: (row) => INVOICE_STATUSES.indexOf(row.status),
};

describe(`searchInvoices order and pages (${testDatabaseKind})`, () => {
  for (const sort of Object.keys(keyOf) as Array<InvoiceSearchParams["sort"]>) {
    for (const dir of ["asc", "desc"] as const) {
      it(`sorts by ${sort} ${dir}, ties broken by id`, async () => {
        const { rows } = await search(orgC, { sort, dir });
        const sign = dir === "asc" ? 1 : -1;
        const expected = [...rows].sort(
          (a, b) => sign * (compare(keyOf[sort](a), keyOf[sort](b)) || compare(a.id, b.id)),
        );
        expect(rows.map((row) => row.id)).toEqual(expected.map((row) => row.id));
        expect(rows).toHaveLength(60);
      });
    }
  }

  it("splits the same order into pages without gaps or overlaps, also read from the end", async () => {
    for (const sort of ["totalOre", "customer", "issueDate"] as const) {
      const all = (await search(orgC, { sort, dir: "asc" })).rows.map((row) => row.id);
      const pages = [];
      for (const page of [1, 2, 3]) {
        const result = await search(orgC, { sort, dir: "asc", pageSize: 25, page });
        expect(result).toMatchObject({ total: 60, page, pageCount: 3 });
        pages.push(...result.rows.map((row) => row.id));
      }
      expect(pages).toEqual(all);
    }
  });

  it("shows the last page for a page past the end, and one empty page for no matches", async () => {
    const last = await search(orgC, { pageSize: 25, page: 99 });
    expect(last).toMatchObject({ total: 60, page: 3, pageCount: 3 });
    expect(last.rows).toHaveLength(10);
    expect(last.rows.at(-1)?.number).toBe(1);
    expect(await search(orgC, { customer: "nobody", page: 5 })).toEqual({
      rows: [],
      total: 0,
      page: 1,
      pageCount: 1,
    });
  });
});
