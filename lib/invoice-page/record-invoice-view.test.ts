import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeviceClass } from "@/lib/db/generated/client";
import {
  deviceClassFromUserAgent,
  recordInvoiceView,
  recordInvoiceViews,
} from "@/lib/invoice-page/record-invoice-view";
import { createIssuedInvoice, createOrganizationWithCustomer } from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

const UA = {
  iPhoneSafari:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  androidChromePhone:
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36",
  androidTablet:
    "Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Safari/537.36",
  iPad: "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  windowsChrome:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  macSafari:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
  googlebot: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  googlebotSmartphone:
    "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  curl: "curl/8.5.0",
  headlessChrome:
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.6367.82 Safari/537.36",
  whatsAppPreview: "WhatsApp/2.24.8.78 A",
} as const;

describe("deviceClassFromUserAgent", () => {
  it.each<[string, string, DeviceClass]>([
    ["iPhone Safari", UA.iPhoneSafari, "MOBILE"],
    ["Android Chrome on a phone", UA.androidChromePhone, "MOBILE"],
    ["Android Chrome on a tablet", UA.androidTablet, "TABLET"],
    ["iPad Safari", UA.iPad, "TABLET"],
    ["Windows Chrome", UA.windowsChrome, "DESKTOP"],
    ["macOS Safari", UA.macSafari, "DESKTOP"],
    ["Googlebot", UA.googlebot, "BOT"],
    ["Googlebot smartphone (an Android UA with a bot token)", UA.googlebotSmartphone, "BOT"],
    ["curl", UA.curl, "BOT"],
    ["HeadlessChrome", UA.headlessChrome, "BOT"],
    ["WhatsApp's link preview fetcher", UA.whatsAppPreview, "BOT"],
  ])("classifies %s", (_name, userAgent, expected) => {
    expect(deviceClassFromUserAgent(userAgent)).toBe(expected);
  });

  it("calls a missing or empty User-Agent UNKNOWN", () => {
    expect(deviceClassFromUserAgent("")).toBe("UNKNOWN");
    expect(deviceClassFromUserAgent(null)).toBe("UNKNOWN");
    expect(deviceClassFromUserAgent(undefined)).toBe("UNKNOWN");
  });
});

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

async function issuedInvoice() {
  const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
  const invoice = await createIssuedInvoice(db.prisma, { organizationId, customerId });
  return { organizationId, invoiceId: invoice.id };
}

async function openedEvents(invoiceId: string) {
  return db.prisma.invoiceEvent.findMany({ where: { invoiceId, type: "OPENED" } });
}

async function firstViewedAt(invoiceId: string) {
  const row = await db.prisma.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    select: { firstViewedAt: true },
  });
  return row.firstViewedAt;
}

describe(`recordInvoiceView (${process.env.TEST_DATABASE_URL ? "postgresql" : "pglite"})`, () => {
  it("stamps the first view by a person and adds one customer-visible OPENED event", async () => {
    const { organizationId, invoiceId } = await issuedInvoice();
    expect(await firstViewedAt(invoiceId)).toBeNull();
    const now = new Date("2026-02-03T07:15:00Z");

    const result = await recordInvoiceView({
      db: db.prisma,
      invoiceId,
      organizationId,
      userAgent: UA.iPhoneSafari,
      visitorHash: "visitor-a",
      now,
    });

    expect(result).toEqual({ firstView: true });
    expect(await firstViewedAt(invoiceId)).toEqual(now);
    const events = await openedEvents(invoiceId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      organizationId,
      visibility: "CUSTOMER",
      actorType: "CUSTOMER",
      occurredAt: now,
      data: { deviceClass: "MOBILE" },
    });
  });

  it("records a second view without a second OPENED event or a new stamp", async () => {
    const { organizationId, invoiceId } = await issuedInvoice();
    const first = new Date("2026-02-03T07:15:00Z");
    const second = new Date("2026-02-04T19:40:00Z");
    const view = { db: db.prisma, invoiceId, organizationId, visitorHash: "visitor-b" };

    await recordInvoiceView({ ...view, userAgent: UA.iPhoneSafari, now: first });
    const again = await recordInvoiceView({ ...view, userAgent: UA.windowsChrome, now: second });

    expect(again).toEqual({ firstView: false });
    expect(await firstViewedAt(invoiceId)).toEqual(first);
    expect(await openedEvents(invoiceId)).toHaveLength(1);
    const views = await db.prisma.invoiceView.findMany({
      where: { invoiceId },
      orderBy: { viewedAt: "asc" },
    });
    expect(views.map((v) => [v.deviceClass, v.viewedAt])).toEqual([
      ["MOBILE", first],
      ["DESKTOP", second],
    ]);
  });

  it("records a bot's visit but leaves the invoice unopened for the customer", async () => {
    const { organizationId, invoiceId } = await issuedInvoice();
    const view = { db: db.prisma, invoiceId, organizationId, visitorHash: "scanner" };

    const result = await recordInvoiceView({ ...view, userAgent: UA.googlebot });

    expect(result).toEqual({ firstView: false });
    const views = await db.prisma.invoiceView.findMany({ where: { invoiceId } });
    expect(views.map((v) => v.deviceClass)).toEqual(["BOT"]);
    expect(await firstViewedAt(invoiceId)).toBeNull();
    expect(await openedEvents(invoiceId)).toHaveLength(0);

    // The person who opens it after the link scanner is still its first viewer.
    const person = await recordInvoiceView({ ...view, userAgent: UA.macSafari });
    expect(person).toEqual({ firstView: true });
    expect(await openedEvents(invoiceId)).toHaveLength(1);
  });

  it("adds OPENED exactly once when ten first views arrive together", async () => {
    const { organizationId, invoiceId } = await issuedInvoice();

    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        recordInvoiceView({
          db: db.prisma,
          invoiceId,
          organizationId,
          userAgent: UA.androidChromePhone,
          visitorHash: `visitor-${i}`,
        }),
      ),
    );

    expect(results.filter((r) => r.firstView)).toHaveLength(1);
    expect(await openedEvents(invoiceId)).toHaveLength(1);
    expect(await db.prisma.invoiceView.count({ where: { invoiceId } })).toBe(10);
    expect(await firstViewedAt(invoiceId)).not.toBeNull();
  });

  it("keeps the visitor hash it was given and nothing that identifies the device or address", async () => {
    const { organizationId, invoiceId } = await issuedInvoice();
    const visitorHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    await recordInvoiceView({
      db: db.prisma,
      invoiceId,
      organizationId,
      userAgent: UA.windowsChrome,
      visitorHash,
    });

    const row = await db.prisma.invoiceView.findFirstOrThrow({ where: { invoiceId } });
    expect(row.visitorHash).toBe(visitorHash);
    expect(Object.keys(row).sort()).toEqual(
      ["deviceClass", "id", "invoiceId", "organizationId", "viewedAt", "visitorHash"].sort(),
    );
    // The timestamp aside (its "01:02:03" would read as an IPv6 fragment), no value looks like an IP.
    const stored = JSON.stringify({ ...row, viewedAt: null });
    expect(stored).not.toMatch(/\b\d{1,3}(\.\d{1,3}){3}\b/);
    expect(stored).not.toMatch(/[0-9a-f]{1,4}(:[0-9a-f]{0,4}){2,7}/i);
    expect(stored).not.toContain("Windows");
  });

  it("records a batch of many invoices' views in one go: each view kept, each invoice opened once by its earliest person", async () => {
    const a = await issuedInvoice();
    const b = await issuedInvoice();
    const botOnly = await issuedInvoice();
    const at = (minute: number) => new Date(Date.UTC(2026, 1, 3, 7, minute));
    const view = (invoice: typeof a, deviceClass: DeviceClass, minute: number) => ({
      ...invoice,
      deviceClass,
      visitorHash: `visitor-${minute}`,
      viewedAt: at(minute),
    });
    const result = await recordInvoiceViews(db.prisma, [
      view(a, "BOT", 1),
      view(a, "DESKTOP", 9),
      view(a, "MOBILE", 5),
      view(b, "TABLET", 2),
      view(botOnly, "BOT", 3),
      // An invoice that does not exist (deleted meanwhile) is left out; the batch stands.
      { ...view(a, "MOBILE", 4), invoiceId: "00000000-0000-4000-8000-0000000000ff" },
      // As is a view naming another organisation than its invoice's.
      { ...view(b, "MOBILE", 0), organizationId: a.organizationId },
    ]);

    expect(result.recorded).toBe(5);
    expect(result.firstViews.sort()).toEqual([a.invoiceId, b.invoiceId].sort());
    expect(await firstViewedAt(a.invoiceId)).toEqual(at(5));
    expect(await firstViewedAt(b.invoiceId)).toEqual(at(2));
    expect(await firstViewedAt(botOnly.invoiceId)).toBeNull();
    const opened = await openedEvents(a.invoiceId);
    expect(opened.map((event) => [event.occurredAt, event.data])).toEqual([
      [at(5), { deviceClass: "MOBILE" }],
    ]);
    expect(await openedEvents(b.invoiceId)).toHaveLength(1);
    expect(await openedEvents(botOnly.invoiceId)).toHaveLength(0);
    expect(await db.prisma.invoiceView.count({ where: { invoiceId: a.invoiceId } })).toBe(3);
    expect(await db.prisma.invoiceView.count({ where: { invoiceId: b.invoiceId } })).toBe(1);

    // A later batch with more first views of the same invoices adds no second OPENED.
    const again = await recordInvoiceViews(db.prisma, [
      view(a, "MOBILE", 30),
      view(b, "MOBILE", 31),
    ]);
    expect(again).toEqual({ recorded: 2, firstViews: [] });
    expect(await openedEvents(a.invoiceId)).toHaveLength(1);
  });
});
