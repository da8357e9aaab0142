import { findShownBlock } from "@/lib/content/blocks/shown-block";
import { addDays, formatCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { AppError } from "@/lib/errors/app-error";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";

export interface AcceptedOffer {
  acceptanceId: string;
  planName: string;
  effectiveFrom: string;
  /** True when the customer had already accepted: nothing changed this time. */
  alreadyAccepted: boolean;
  invoiceVersion: number;
}

/**
 * The customer accepts an offer shown on their invoice. Recorded once per block and customer
 * (a second accept, from a double click or another tab, changes nothing), and in the same
 * transaction: the plan change (the current contract ends the day before the new plan starts),
 * the ACCEPT event for the analytics, and the timeline event the customer and agents see.
 */
export async function acceptOffer(options: {
  db: Db;
  invoiceId: string;
  blockId: string;
  now?: Date;
}): Promise<AcceptedOffer> {
  const { db } = options;
  const { block, invoice } = await findShownBlock(db, options);
  const offer = block.offer;
  if (!offer) throw new AppError("NOT_FOUND", "This content is not an offer");
  return db.$transaction(async (tx) => {
    // One customer's accepts queue here, so a double click finds the first acceptance.
    await tx.$executeRaw`SELECT 1 FROM "Customer" WHERE "id" = ${invoice.customerId} FOR UPDATE`;
    const earlier = await tx.offerAcceptance.findUnique({
      where: { blockId_customerId: { blockId: block.blockId, customerId: invoice.customerId } },
      select: { id: true, effectiveFrom: true, toPlan: { select: { name: true } } },
    });
    const version = async () =>
      (await tx.invoice.findUniqueOrThrow({ where: { id: invoice.id }, select: { version: true } }))
        .version;
    if (earlier) {
      return {
        acceptanceId: earlier.id,
        planName: earlier.toPlan.name,
        effectiveFrom: formatCalendarDate(earlier.effectiveFrom),
        alreadyAccepted: true,
        invoiceVersion: await version(),
      };
    }
    // One plan change at a time: a change already on its way (another offer accepted) comes first.
    const pending = await tx.contract.findFirst({
      where: {
        customerId: invoice.customerId,
        organizationId: invoice.organizationId,
        startsOn: { gte: offer.effectiveFrom },
      },
      select: { startsOn: true, plan: { select: { name: true } } },
    });
    if (pending) {
      throw new AppError(
        "CONFLICT",
        `A change to ${pending.plan.name} from ${formatCalendarDate(pending.startsOn)} is already on its way`,
      );
    }
    const current = await tx.contract.findFirst({
      where: {
        customerId: invoice.customerId,
        organizationId: invoice.organizationId,
        OR: [{ endsOn: null }, { endsOn: { gte: offer.effectiveFrom } }],
      },
      orderBy: { startsOn: "desc" },
      select: { id: true, planId: true },
    });
    const acceptance = await tx.offerAcceptance.create({
      data: {
        organizationId: invoice.organizationId,
        blockId: block.blockId,
        variantId: block.variantId,
        customerId: invoice.customerId,
        invoiceId: invoice.id,
        fromPlanId: current?.planId ?? null,
        toPlanId: offer.planId,
        effectiveFrom: offer.effectiveFrom,
      },
      select: { id: true },
    });
    if (current) {
      await tx.contract.update({
        where: { id: current.id },
        data: { endsOn: addDays(offer.effectiveFrom, -1) },
      });
    }
    await tx.contract.create({
      data: {
        organizationId: invoice.organizationId,
        customerId: invoice.customerId,
        planId: offer.planId,
        startsOn: offer.effectiveFrom,
      },
    });
    await tx.contentEvent.createMany({
      data: [
        {
          organizationId: invoice.organizationId,
          blockId: block.blockId,
          variantId: block.variantId,
          customerId: invoice.customerId,
          invoiceId: invoice.id,
          type: "ACCEPT",
        },
      ],
      skipDuplicates: true,
    });
    const effectiveFrom = formatCalendarDate(offer.effectiveFrom);
    await recordInvoiceEvent(tx, {
      organizationId: invoice.organizationId,
      invoiceId: invoice.id,
      type: "OFFER_ACCEPTED",
      visibility: "CUSTOMER",
      actorType: "CUSTOMER",
      // planId so the billing system (offer.accepted webhook) knows which plan the customer chose.
      data: {
        blockId: block.blockId,
        planId: offer.planId,
        planName: offer.planName,
        effectiveFrom,
        acceptanceId: acceptance.id,
      },
    });
    const updated = await tx.invoice.update({
      where: { id: invoice.id },
      data: { version: { increment: 1 } },
      select: { version: true },
    });
    return {
      acceptanceId: acceptance.id,
      planName: offer.planName,
      effectiveFrom,
      alreadyAccepted: false,
      invoiceVersion: updated.version,
    };
  });
}
