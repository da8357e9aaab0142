import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  letterBatchQuerySchema,
  letterPdf,
  listLettersToPrint,
  markLettersPrinted,
  mergedLettersPdf,
} from "@/lib/collections/letters";
import { ensureDefaultPolicy } from "@/lib/collections/policies";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { CollectionSendStatus } from "@/lib/db/generated/client";
import {
  createCustomer,
  createIssuedInvoice,
  createOrganization,
  expectAppError,
} from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

/**
 * Letters to print on the real database: listed oldest first, downloaded one by one or merged,
 * and marked printed per id — once, with a staff-only timeline event, never another
 * organisation's.
 */
const day = parseCalendarDate;
const STAFF = { staffId: "00000000-0000-4000-8000-00000000a001" };

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.prisma;
});
afterAll(async () => {
  await database?.close();
});

async function onePagePdf(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const document = await PDFDocument.create();
  document.addPage().drawText(text);
  return new Uint8Array(await document.save());
}

async function organizationWithLetters(count: number, status: CollectionSendStatus = "TO_PRINT") {
  const organization = await createOrganization(db);
  await ensureDefaultPolicy(db, organization.id);
  const policy = await db.collectionPolicy.findFirstOrThrow({
    where: { organizationId: organization.id, isDefault: true },
    include: { steps: true },
  });
  const step = policy.steps[0]!;
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const customer = await createCustomer(db, organization.id, { name: `Kund ${i}` });
    const invoice = await createIssuedInvoice(db, {
      organizationId: organization.id,
      customerId: customer.id,
    });
    const action = await db.collectionAction.create({
      data: {
        organizationId: organization.id,
        invoiceId: invoice.id,
        policyId: policy.id,
        stepId: step.id,
        kind: "REMINDER",
        channel: "LETTER",
        plannedFor: day("2026-12-17"),
        performedOn: day("2026-12-17"),
        performedAt: new Date(Date.UTC(2026, 11, 17, 5, i)),
        amountDueOre: 12_500,
        feeOre: 6_000,
        feeKind: "reminder-fee",
        interestOre: 25,
        payBy: day("2026-12-28"),
        reason: "reminder-fee; charged",
        sendStatus: status,
        letterPdf: status === "PENDING" ? null : await onePagePdf(`Letter ${i}`),
      },
    });
    ids.push(action.id);
  }
  return { organization, ids };
}

describe("letters to print", () => {
  it("lists the organisation's letters waiting to be printed, oldest first, with what each asks", async () => {
    const { organization, ids } = await organizationWithLetters(3);
    await organizationWithLetters(1);
    const { letters, total } = await listLettersToPrint(db, organization.id, 2);
    expect(total).toBe(3);
    expect(letters.map((letter) => letter.id)).toEqual(ids.slice(0, 2));
    expect(letters[0]).toMatchObject({
      kind: "REMINDER",
      performedOn: "2026-12-17",
      payBy: "2026-12-28",
      amountOre: 18_525,
      customerName: "Kund 0",
      postalCode: "222 33",
      city: "Lund",
    });
  });

  it("downloads one letter, or the batch as one PDF, and never another organisation's", async () => {
    const { organization, ids } = await organizationWithLetters(2);
    const other = await organizationWithLetters(1);
    const one = await letterPdf(db, organization.id, ids[0]!);
    expect(one.fileName).toMatch(/^letter-\d+-reminder\.pdf$/);
    expect((await PDFDocument.load(one.bytes)).getPageCount()).toBe(1);
    const merged = await mergedLettersPdf(db, organization.id, ids);
    expect((await PDFDocument.load(merged)).getPageCount()).toBe(2);
    await expectAppError(letterPdf(db, organization.id, other.ids[0]!), "NOT_FOUND");
    await expectAppError(
      mergedLettersPdf(db, organization.id, [...ids, other.ids[0]!]),
      "NOT_FOUND",
    );
    const drawing = await organizationWithLetters(1, "PENDING");
    await expectAppError(letterPdf(db, drawing.organization.id, drawing.ids[0]!), "CONFLICT");
  });

  it("marks letters printed once, with who on each invoice's timeline", async () => {
    const { organization, ids } = await organizationWithLetters(2);
    const now = new Date("2026-12-18T09:30:00Z");
    expect(
      await markLettersPrinted({
        db,
        organizationId: organization.id,
        actionIds: ids,
        actor: STAFF,
        now,
      }),
    ).toEqual({ printed: 2, alreadyPrinted: 0 });
    const rows = await db.collectionAction.findMany({ where: { id: { in: ids } } });
    for (const row of rows) {
      expect(row).toMatchObject({ sendStatus: "SENT", printedAt: now, sentAt: now });
    }
    const events = await db.invoiceEvent.findMany({
      where: { organizationId: organization.id, type: "LETTER_PRINTED" },
    });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      visibility: "STAFF",
      actorType: "STAFF",
      actorStaffId: STAFF.staffId,
      data: { step: "reminder" },
    });
    // A second click changes nothing; the letter stays downloadable.
    expect(
      await markLettersPrinted({
        db,
        organizationId: organization.id,
        actionIds: [ids[0]!],
        actor: STAFF,
      }),
    ).toEqual({ printed: 0, alreadyPrinted: 1 });
    expect(
      await db.invoiceEvent.count({
        where: { organizationId: organization.id, type: "LETTER_PRINTED" },
      }),
    ).toBe(2);
    expect((await letterPdf(db, organization.id, ids[0]!)).bytes.length).toBeGreaterThan(0);
    expect((await listLettersToPrint(db, organization.id)).total).toBe(0);
  });

  it("refuses another organisation's letter and one still being drawn, marking none", async () => {
    const { organization, ids } = await organizationWithLetters(1);
    const other = await organizationWithLetters(1);
    await expectAppError(
      markLettersPrinted({
        db,
        organizationId: organization.id,
        actionIds: [ids[0]!, other.ids[0]!],
        actor: STAFF,
      }),
      "NOT_FOUND",
    );
    const drawing = await organizationWithLetters(1, "PENDING");
    await expectAppError(
      markLettersPrinted({
        db,
        organizationId: drawing.organization.id,
        actionIds: drawing.ids,
        actor: STAFF,
      }),
      "CONFLICT",
    );
    expect(
      (await db.collectionAction.findUniqueOrThrow({ where: { id: ids[0]! } })).sendStatus,
    ).toBe("TO_PRINT");
  });

  it("reads the merged download's ids from the query, within the batch size", () => {
    const id = "00000000-0000-4000-8000-0000000000c1";
    expect(letterBatchQuerySchema.parse({ ids: `${id},${id}` }).ids).toEqual([id]);
    expect(letterBatchQuerySchema.safeParse({ ids: "" }).success).toBe(false);
    expect(letterBatchQuerySchema.safeParse({ ids: "nope" }).success).toBe(false);
    const many = Array.from({ length: 101 }, () => crypto.randomUUID()).join(",");
    expect(letterBatchQuerySchema.safeParse({ ids: many }).success).toBe(false);
  });
});
