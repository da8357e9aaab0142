import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import type { InvoiceTotals } from "./totals";

/**
 * An issued invoice or credit note as it was issued: the seller's and the buyer's names,
 * addresses and numbers, the bank details, the texts and the totals per VAT rate. Stored with the
 * document (Invoice.issuedSnapshot) when it is issued and never changed: the bokföringslag keeps an
 * accounting record unchanged for seven years, so a later change of address or bankgiro never
 * rewrites an old invoice. Pages and PDFs of issued documents read it.
 */
const text = z.string();
const optionalText = z.string().nullable();

const snapshotSchema = z.object({
  version: z.literal(1),
  seller: z.object({
    name: text,
    orgNumber: text,
    vatNumber: text,
    hasFSkatt: z.boolean(),
    addressLine1: text,
    addressLine2: optionalText,
    postalCode: text,
    city: text,
    country: text,
    bankgiro: optionalText,
    plusgiro: optionalText,
    swishNumber: optionalText,
    supportEmail: optionalText,
    supportPhone: optionalText,
  }),
  buyer: z.object({
    customerNumber: text,
    name: text,
    addressLine1: text,
    addressLine2: optionalText,
    postalCode: text,
    city: text,
    country: text,
    isBusiness: z.boolean(),
    vatNumber: optionalText,
  }),
  totals: z.object({
    vatGroups: z.array(
      z.object({
        vatRate: z.union([z.literal(25), z.literal(12), z.literal(6), z.literal(0)]),
        netOre: z.number().int(),
        vatOre: z.number().int(),
      }),
    ),
    netOre: z.number().int(),
    vatOre: z.number().int(),
    grossOre: z.number().int(),
    roundingOre: z.number().int(),
    totalOre: z.number().int(),
  }),
  /** For a credit note: what it changes (ML 17 kap. 22 §) and what happens to the money. */
  creditNote: z
    .object({
      creditedInvoice: z.object({ id: text, number: z.number().int(), issueDate: text }),
      customerText: optionalText,
      settlement: z.object({
        /** What the customer owed on the invoice before and after this credit note. */
        toPayBeforeOre: z.number().int(),
        toPayAfterOre: z.number().int(),
        /** Money the customer gets back, and how (the organisation's refund policy). */
        moneyBackOre: z.number().int(),
        moneyBack: z.enum(["refund", "credit_balance"]).nullable(),
        /**
         * For a refund: the methods the money came by, so the customer is told where it goes
         * back to. Absent in snapshots from before it was recorded (then: "the way you paid").
         */
        refundMethods: z.array(z.enum(["card", "swish", "bank"])).optional(),
      }),
      goodwill: z.boolean(),
    })
    .optional(),
});

export type IssuedSnapshot = z.output<typeof snapshotSchema>;
export type CreditNoteSnapshot = NonNullable<IssuedSnapshot["creditNote"]>;

export const SELLER_SELECT = {
  name: true,
  orgNumber: true,
  vatNumber: true,
  hasFSkatt: true,
  addressLine1: true,
  addressLine2: true,
  postalCode: true,
  city: true,
  country: true,
  bankgiro: true,
  plusgiro: true,
  swishNumber: true,
  supportEmail: true,
  supportPhone: true,
} as const;

export const BUYER_SELECT = {
  customerNumber: true,
  name: true,
  addressLine1: true,
  addressLine2: true,
  postalCode: true,
  city: true,
  country: true,
  isBusiness: true,
  vatNumber: true,
} as const;

/** Builds the snapshot of a document being issued, inside the issuing transaction. */
export async function takeIssuedSnapshot(
  tx: Prisma.TransactionClient,
  options: {
    organizationId: string;
    customerId: string;
    totals: InvoiceTotals;
    creditNote?: CreditNoteSnapshot;
  },
): Promise<IssuedSnapshot> {
  const [seller, buyer] = await Promise.all([
    tx.organization.findUniqueOrThrow({
      where: { id: options.organizationId },
      select: SELLER_SELECT,
    }),
    tx.customer.findUniqueOrThrow({ where: { id: options.customerId }, select: BUYER_SELECT }),
  ]);
  return buildIssuedSnapshot({
    seller,
    buyer,
    totals: options.totals,
    creditNote: options.creditNote,
  });
}

export type SnapshotSeller = Prisma.OrganizationGetPayload<{ select: typeof SELLER_SELECT }>;
export type SnapshotBuyer = Prisma.CustomerGetPayload<{ select: typeof BUYER_SELECT }>;

/** The snapshot from rows already read (an invoice run reads the seller once for all). */
export function buildIssuedSnapshot(options: {
  seller: SnapshotSeller;
  buyer: SnapshotBuyer;
  totals: InvoiceTotals;
  creditNote?: CreditNoteSnapshot;
}): IssuedSnapshot {
  const { vatGroups, netOre, vatOre, grossOre, roundingOre, totalOre } = options.totals;
  return {
    version: 1,
    seller: options.seller,
    buyer: options.buyer,
    totals: { vatGroups, netOre, vatOre, grossOre, roundingOre, totalOre },
    ...(options.creditNote ? { creditNote: options.creditNote } : {}),
  };
}

/**
 * The snapshot of a stored document, or null (a document issued before snapshots existed, or a
 * value that does not read as one: the page then shows live data rather than failing).
 */
export function readIssuedSnapshot(value: unknown): IssuedSnapshot | null {
  const parsed = snapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function snapshotJson(snapshot: IssuedSnapshot): Prisma.InputJsonValue {
  return snapshot as unknown as Prisma.InputJsonValue;
}
