import type { Db } from "@/lib/db/database";
import type { DeviceClass } from "@/lib/db/generated/client";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";

// "WhatsApp/2.x" is the link-preview fetcher of WhatsApp (and Signal), never a person reading.
const BOT =
  /bot|crawl|spider|slurp|preview|scanner|facebookexternalhit|whatsapp|curl|wget|python-requests|headless/i;
const TABLET = /ipad|tablet|kindle|silk|playbook|(android(?!.*mobile))/i;
const MOBILE = /mobi|iphone|ipod|android|windows phone/i;

/** Device class from the User-Agent: all a view record keeps about the device. */
export function deviceClassFromUserAgent(userAgent: string | null | undefined): DeviceClass {
  if (!userAgent) return "UNKNOWN";
  if (BOT.test(userAgent)) return "BOT";
  if (TABLET.test(userAgent)) return "TABLET";
  if (MOBILE.test(userAgent)) return "MOBILE";
  return "DESKTOP";
}

/** One view as the page saw it (the device already classified). */
export interface InvoiceViewRecord {
  invoiceId: string;
  organizationId: string;
  deviceClass: DeviceClass;
  visitorHash: string;
  viewedAt: Date;
}

/**
 * Records customer views, many in one transaction (the page hands them over in batches, see
 * view-buffer.ts). The first view of an invoice by a person (not a link scanner or bot) stamps
 * firstViewedAt and adds "opened" to the timeline, in the same transaction; the conditional update
 * makes sure two first views arriving together add it once. A view of an invoice that no longer
 * exists is left out rather than failing the batch. Returns the invoices opened for the first time.
 */
export async function recordInvoiceViews(
  db: Db,
  views: readonly InvoiceViewRecord[],
): Promise<{ recorded: number; firstViews: string[] }> {
  if (views.length === 0) return { recorded: 0, firstViews: [] };
  return db.$transaction(async (tx) => {
    const ids = [...new Set(views.map((view) => view.invoiceId))];
    const invoices = await tx.invoice.findMany({
      where: { id: { in: ids } },
      select: { id: true, organizationId: true, firstViewedAt: true },
    });
    const known = new Map(invoices.map((invoice) => [invoice.id, invoice]));
    const kept = views.filter(
      (view) => known.get(view.invoiceId)?.organizationId === view.organizationId,
    );
    await tx.invoiceView.createMany({
      data: kept.map((view) => ({
        organizationId: view.organizationId,
        invoiceId: view.invoiceId,
        deviceClass: view.deviceClass,
        visitorHash: view.visitorHash,
        viewedAt: view.viewedAt,
      })),
    });
    // The earliest view by a person of each invoice nobody had opened yet.
    const firsts = new Map<string, InvoiceViewRecord>();
    for (const view of kept) {
      if (view.deviceClass === "BOT" || known.get(view.invoiceId)!.firstViewedAt) continue;
      const earlier = firsts.get(view.invoiceId);
      if (!earlier || view.viewedAt < earlier.viewedAt) firsts.set(view.invoiceId, view);
    }
    const firstViews: string[] = [];
    for (const view of firsts.values()) {
      const stamped = await tx.invoice.updateMany({
        where: { id: view.invoiceId, firstViewedAt: null },
        data: { firstViewedAt: view.viewedAt },
      });
      if (stamped.count === 0) continue;
      await recordInvoiceEvent(tx, {
        organizationId: view.organizationId,
        invoiceId: view.invoiceId,
        type: "OPENED",
        visibility: "CUSTOMER",
        actorType: "CUSTOMER",
        data: { deviceClass: view.deviceClass },
        occurredAt: view.viewedAt,
      });
      firstViews.push(view.invoiceId);
    }
    return { recorded: kept.length, firstViews };
  });
}

/** Records one customer view (recordInvoiceViews with one). */
export async function recordInvoiceView(options: {
  db: Db;
  invoiceId: string;
  organizationId: string;
  /** The device class, or the User-Agent to derive it from. */
  deviceClass?: DeviceClass;
  userAgent?: string | null;
  visitorHash: string;
  now?: Date;
}): Promise<{ firstView: boolean }> {
  const { firstViews } = await recordInvoiceViews(options.db, [
    {
      invoiceId: options.invoiceId,
      organizationId: options.organizationId,
      deviceClass: options.deviceClass ?? deviceClassFromUserAgent(options.userAgent),
      visitorHash: options.visitorHash,
      viewedAt: options.now ?? new Date(),
    },
  ]);
  return { firstView: firstViews.length > 0 };
}
