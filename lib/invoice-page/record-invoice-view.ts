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

/**
 * Records one customer view. The first view by a person (not a link scanner or bot) stamps
 * firstViewedAt and adds "opened" to the timeline, in the same transaction; the conditional update
 * makes sure two first views arriving together add it once.
 */
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
  const deviceClass = options.deviceClass ?? deviceClassFromUserAgent(options.userAgent);
  const viewedAt = options.now ?? new Date();
  return options.db.$transaction(async (tx) => {
    await tx.invoiceView.create({
      data: {
        organizationId: options.organizationId,
        invoiceId: options.invoiceId,
        deviceClass,
        visitorHash: options.visitorHash,
        viewedAt,
      },
    });
    if (deviceClass === "BOT") return { firstView: false };
    const stamped = await tx.invoice.updateMany({
      where: { id: options.invoiceId, firstViewedAt: null },
      data: { firstViewedAt: viewedAt },
    });
    if (stamped.count === 0) return { firstView: false };
    await recordInvoiceEvent(tx, {
      organizationId: options.organizationId,
      invoiceId: options.invoiceId,
      type: "OPENED",
      visibility: "CUSTOMER",
      actorType: "CUSTOMER",
      data: { deviceClass },
      occurredAt: viewedAt,
    });
    return { firstView: true };
  });
}
