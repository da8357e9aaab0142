import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setDatabase } from "@/lib/db/client";
import { startRecordingCustomerView } from "@/lib/invoice-page/customer-view";
import { flushHeldViews } from "@/lib/invoice-page/view-buffer";
import { createIssuedInvoice, createOrganizationWithCustomer } from "@/tests/helpers/fixtures";
import { queuedJobs } from "@/tests/helpers/queued-jobs";
import { sessionCookieFor } from "@/tests/helpers/route-harness";
import { createStaffUser } from "@/tests/helpers/staff-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

// The page's request headers, as next/headers would hand them to a server component.
const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => requestHeaders.current }));

process.env.NEXTAUTH_SECRET ??= "customer-view-secret-0123456789abcdef";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
});
afterAll(async () => db?.close());
beforeEach(() => {
  requestHeaders.current = new Headers({ "user-agent": "Mozilla/5.0 (iPhone)" });
});

async function setUp() {
  const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
  const invoice = await createIssuedInvoice(db.prisma, { organizationId, customerId });
  // Only what recording a view reads of the page's request.
  const request = {
    data: { invoice: { id: invoice.id }, organization: { id: organizationId } },
    visitorHash: `visitor-${invoice.id}`,
  };
  return { organizationId, invoice, request };
}

type QueuedView = { invoiceId: string; deviceClass: string; visitorHash: string };
const queuedViews = (job: { data: Record<string, unknown> }) => job.data.views as QueuedView[];

async function viewsQueuedFor(invoiceId: string): Promise<number> {
  // The views of a moment are written together, after the page has its answer.
  await flushHeldViews();
  const jobs = await queuedJobs(db.prisma, "invoices.record-views");
  return jobs.flatMap(queuedViews).filter((view) => view.invoiceId === invoiceId).length;
}

async function withSessionOf(staff: { id: string; role: "AGENT"; organizationId: string }) {
  requestHeaders.current.set("cookie", await sessionCookieFor(staff));
}

describe("a view of the customer's page", () => {
  it("is recorded for a visitor without a session", async () => {
    const { invoice, request } = await setUp();
    expect(await startRecordingCustomerView(request)).toBe(false);
    expect(await viewsQueuedFor(invoice.id)).toBe(1);
  });

  it("is a staff preview, not recorded, for an active staff member of the invoice's organisation", async () => {
    const { organizationId, invoice, request } = await setUp();
    const staff = await createStaffUser(db.prisma, organizationId);
    await withSessionOf({ id: staff.id, role: "AGENT", organizationId });
    expect(await startRecordingCustomerView(request)).toBe(true);
    expect(await viewsQueuedFor(invoice.id)).toBe(0);
  });

  it("is recorded when the session belongs to a disabled staff member", async () => {
    // Reproduction: the preview was decided from the cookie alone, so a disabled account's
    // leftover session still suppressed the view (and the customer's chat on the page).
    const { organizationId, invoice, request } = await setUp();
    const staff = await createStaffUser(db.prisma, organizationId);
    await db.prisma.staffUser.update({ where: { id: staff.id }, data: { disabledAt: new Date() } });
    await withSessionOf({ id: staff.id, role: "AGENT", organizationId });
    expect(await startRecordingCustomerView(request)).toBe(false);
    expect(await viewsQueuedFor(invoice.id)).toBe(1);
  });

  it("is recorded when the staff member works for another organisation (their own invoice elsewhere)", async () => {
    const { invoice, request } = await setUp();
    const elsewhere = await createOrganizationWithCustomer(db.prisma);
    const staff = await createStaffUser(db.prisma, elsewhere.organizationId);
    await withSessionOf({ id: staff.id, role: "AGENT", organizationId: elsewhere.organizationId });
    expect(await startRecordingCustomerView(request)).toBe(false);
    expect(await viewsQueuedFor(invoice.id)).toBe(1);
  });

  it("goes with the other views of the same moment as one job, each view kept", async () => {
    const { invoice, request } = await setUp();
    const other = await setUp();
    const before = (await queuedJobs(db.prisma, "invoices.record-views")).length;
    await startRecordingCustomerView(request);
    await startRecordingCustomerView(request);
    await startRecordingCustomerView(other.request);
    await flushHeldViews();
    const jobs = await queuedJobs(db.prisma, "invoices.record-views");
    expect(jobs).toHaveLength(before + 1);
    const views = queuedViews(jobs.at(-1)!);
    expect(views.map((view) => view.invoiceId)).toEqual([invoice.id, invoice.id, other.invoice.id]);
    expect(views[0]).toMatchObject({ deviceClass: "MOBILE", visitorHash: `visitor-${invoice.id}` });
  });
});
