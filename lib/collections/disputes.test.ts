import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateConversation } from "@/lib/chat/inbox";
import { postChatMessage } from "@/lib/chat/post-chat-message";
import { setDispute, setDisputeInputSchema } from "@/lib/collections/disputes";
import { loadInvoiceCollection } from "@/lib/collections/invoice-collection";
import { runCollections } from "@/lib/collections/run";
import { addDays, formatCalendarDate, parseCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import {
  collectionState,
  decemberInvoice,
  organizationWithPolicy,
} from "@/tests/helpers/collection-fixtures";
import { atTheBoundary, expectAppError } from "@/tests/helpers/fixtures";
import { queuedJobs } from "@/tests/helpers/queued-jobs";
import { createStaffUser } from "@/tests/helpers/staff-fixtures";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

/**
 * Disputes on the real database: support marks a conversation as a dispute and the invoice's
 * reminders wait, on the customer's timeline; unmarked or resolved, they resume re-timed.
 */
const day = parseCalendarDate;
let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.prisma;
});
afterAll(async () => database?.close());

async function setUp() {
  const world = await organizationWithPolicy(db);
  const invoice = await decemberInvoice(db, world);
  const agent = await createStaffUser(db, world.organizationId, { role: "AGENT" });
  const { conversationId } = await postChatMessage({
    db,
    input: { invoiceId: invoice.id, body: "Jag har inte beställt det här." },
    author: { type: "CUSTOMER" },
  });
  const staff = { staffId: agent.id, organizationId: world.organizationId };
  return { ...world, invoice, staff, conversationId };
}

const mark = async (
  world: { staff: { staffId: string; organizationId: string }; conversationId: string },
  disputed: unknown,
  today: Date,
) =>
  setDispute({
    db,
    staff: world.staff,
    conversationId: world.conversationId,
    ...(await atTheBoundary(setDisputeInputSchema, { disputed })),
    today,
  });

describe(`disputes (${testDatabaseKind})`, () => {
  it("pauses the reminders while marked, on the customer's timeline, and resumes them re-timed", async () => {
    const world = await setUp();
    const { invoice, organizationId } = world;
    const before = await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    const opened = await mark(world, true, day("2026-12-14"));
    expect(opened).toEqual({
      conversationId: world.conversationId,
      invoiceId: invoice.id,
      disputed: true,
      changed: true,
      version: before.version + 1,
    });
    const conversation = await db.conversation.findUniqueOrThrow({
      where: { id: world.conversationId },
    });
    expect(conversation.disputedAt).not.toBeNull();
    expect(
      await db.collectionPause.findFirstOrThrow({ where: { invoiceId: invoice.id } }),
    ).toMatchObject({
      reason: "DISPUTE",
      startedOn: day("2026-12-14"),
      endedOn: null,
      sourceId: world.conversationId,
    });
    const openedEvent = await db.invoiceEvent.findFirstOrThrow({
      where: { invoiceId: invoice.id, type: "DISPUTE_OPENED" },
    });
    expect(openedEvent).toMatchObject({
      visibility: "CUSTOMER",
      actorType: "STAFF",
      actorStaffId: world.staff.staffId,
      data: { conversationId: world.conversationId },
    });
    const runs = await queuedJobs(db, "collections.run");
    expect(runs.some((job) => (job.data.invoiceIds as string[])?.includes(invoice.id))).toBe(true);
    const paused = await loadInvoiceCollection(db, {
      organizationId,
      invoiceId: invoice.id,
      today: day("2026-12-20"),
    });
    expect(paused?.plan.steps[0]?.pausedBy).toEqual({
      reason: "DISPUTE",
      since: day("2026-12-14"),
    });

    // Marking it again changes nothing.
    expect(await mark(world, true, day("2026-12-15"))).toMatchObject({ changed: false });
    expect(await db.collectionPause.count({ where: { invoiceId: invoice.id } })).toBe(1);

    for (let today = day("2026-12-14"); today <= day("2026-12-22"); today = addDays(today, 1)) {
      await runCollections({ db, organizationId, today, invoiceIds: [invoice.id] });
    }
    expect(await db.collectionAction.count({ where: { invoiceId: invoice.id } })).toBe(0);

    const closed = await mark(world, false, day("2026-12-22"));
    expect(closed).toMatchObject({ changed: true, disputed: false, version: before.version + 2 });
    expect(
      (await db.conversation.findUniqueOrThrow({ where: { id: world.conversationId } })).disputedAt,
    ).toBeNull();
    expect(
      (await db.collectionPause.findFirstOrThrow({ where: { invoiceId: invoice.id } })).endedOn,
    ).toEqual(day("2026-12-22"));
    expect(
      await db.invoiceEvent.count({ where: { invoiceId: invoice.id, type: "DISPUTE_CLOSED" } }),
    ).toBe(1);
    // 11–13 December counted, then 22–25: Christmas Day and Boxing Day, then a weekend.
    for (let today = day("2026-12-22"); today <= day("2027-01-05"); today = addDays(today, 1)) {
      await runCollections({ db, organizationId, today, invoiceIds: [invoice.id] });
    }
    const actions = await db.collectionAction.findMany({ where: { invoiceId: invoice.id } });
    expect(actions.map((a) => [a.kind, formatCalendarDate(a.performedOn)])).toEqual([
      ["REMINDER", "2026-12-28"],
    ]);
    // Unmarking what is no dispute changes nothing.
    expect(await mark(world, false, day("2027-01-05"))).toMatchObject({ changed: false });
  });

  it("ends the dispute when the conversation is resolved, and no dispute on a resolved one", async () => {
    const world = await setUp();
    await mark(world, true, day("2026-12-14"));
    const resolved = await updateConversation({
      db,
      input: { conversationId: world.conversationId, action: "resolve" },
      staff: world.staff,
    });
    expect(resolved.disputeClosedVersion).toEqual(expect.any(Number));
    const conversation = await db.conversation.findUniqueOrThrow({
      where: { id: world.conversationId },
    });
    expect(conversation).toMatchObject({ status: "RESOLVED", disputedAt: null });
    const pause = await db.collectionPause.findFirstOrThrow({
      where: { invoiceId: world.invoice.id },
    });
    expect(pause.endedOn).not.toBeNull();
    expect(
      await db.invoiceEvent.count({
        where: { invoiceId: world.invoice.id, type: "DISPUTE_CLOSED" },
      }),
    ).toBe(1);
    // Resolving again (no dispute now) writes nothing for the invoice.
    const again = await updateConversation({
      db,
      input: { conversationId: world.conversationId, action: "resolve" },
      staff: world.staff,
    });
    expect(again.disputeClosedVersion).toBeNull();

    const before = await collectionState(db, world.invoice.id);
    await expectAppError(mark(world, true, day("2026-12-20")), "CONFLICT", /reopen it/);
    expect(await collectionState(db, world.invoice.id)).toEqual(before);
  });

  it("refuses bad input and another organisation's staff, changing nothing", async () => {
    const world = await setUp();
    const other = await organizationWithPolicy(db);
    const outsider = await createStaffUser(db, other.organizationId, { role: "ADMIN" });
    const before = await collectionState(db, world.invoice.id);
    await expectAppError(mark(world, "yes", day("2026-12-14")), "BAD_INPUT");
    await expectAppError(
      mark(
        { ...world, staff: { staffId: outsider.id, organizationId: other.organizationId } },
        true,
        day("2026-12-14"),
      ),
      "NOT_FOUND",
    );
    expect(await collectionState(db, world.invoice.id)).toEqual(before);
    expect(
      (await db.conversation.findUniqueOrThrow({ where: { id: world.conversationId } })).disputedAt,
    ).toBeNull();
  });
});
