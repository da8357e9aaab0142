import {
  type InvoiceCollection,
  loadInvoiceCollection,
} from "@/lib/collections/invoice-collection";
import { todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { InvoiceLine, InvoiceStatus, Locale } from "@/lib/db/generated/client";
import { loadUsageSeries, type UsageSeries } from "@/lib/invoice-page/load-usage-series";
import {
  type CreditNoteSnapshot,
  type IssuedSnapshot,
  readIssuedSnapshot,
} from "@/lib/invoices/issued-snapshot";
import {
  computeInvoiceTotals,
  type InvoiceTotals,
  lineNetOre,
  type VatGroup,
} from "@/lib/invoices/totals";
import { balanceOre, isPartlyPaid, type LedgerSums } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";

/**
 * Everything the customer's invoice page (and its PDF) shows, read once per request with narrow
 * selects. Value facts and usage are data of the invoice: the page never invents a number.
 * An issued document shows what it was issued with — the seller, the buyer and the totals from
 * its snapshot (see issued-snapshot.ts) — never what the organisation or customer says today;
 * only a document from before snapshots existed falls back to the live records.
 */
export type DisplayStatus = "open" | "partly_paid" | "paid" | "credited" | "overdue" | "draft";

export interface PageLine extends InvoiceLine {
  netOre: number;
}

/** A credit note of this invoice, as its page lists it: number, date, amounts per rate. */
export interface PageCreditNote {
  id: string;
  number: number | null;
  issueDate: Date | null;
  totalOre: number;
  vatOre: number;
  vatGroups: VatGroup[];
}

/** What a credit note's own page says about the invoice it changes and the money. */
export interface PageCreditNoteDetails {
  creditedInvoice: { number: number; issueDate: string };
  customerText: string | null;
  /** Null for a credit note from before snapshots (what it did to the money was not recorded). */
  settlement: CreditNoteSnapshot["settlement"] | null;
  goodwill: boolean;
}

export interface InvoicePageData {
  invoice: {
    id: string;
    kind: "INVOICE" | "CREDIT_NOTE";
    number: number | null;
    ocr: string | null;
    status: InvoiceStatus;
    displayStatus: DisplayStatus;
    issueDate: Date | null;
    dueDate: Date | null;
    periodStart: Date;
    periodEnd: Date;
    currency: string;
    version: number;
    totalOre: number;
  };
  ledger: LedgerSums;
  /** What is left to pay (never below zero; an overpayment is shown as a credit). */
  amountDueOre: number;
  /** Money the customer has to get back (overpaid or credited after paying). */
  customerCreditOre: number;
  lines: PageLine[];
  totals: InvoiceTotals;
  creditNotes: PageCreditNote[];
  /** Set on a credit note's page: the invoice it changes, its text and the settlement. */
  creditNote: PageCreditNoteDetails | null;
  /** Whether seller, buyer and totals are the ones frozen at issue (false: a legacy document). */
  fromSnapshot: boolean;
  /**
   * The absolute address of the customer's link (`<APP_URL>/i/<token>`), under which each of
   * their documents is `/n/<number>` — set when the data is read through a link (page-request.ts),
   * so the PDF can link to its credit notes; absent for staff, whose previews have no link.
   */
  documentLinkBase?: string;
  /**
   * The invoice's collection as of the page's day (lib/collections/invoice-collection.ts): the
   * engine's plan, what the customer may choose (more time, a payment plan), a plan in force or
   * a handover. Null for credit notes, drafts and invoices with nothing left to collect.
   */
  collection: InvoiceCollection | null;
  customer: {
    id: string;
    customerNumber: string;
    name: string;
    addressLine1: string;
    addressLine2: string | null;
    postalCode: string;
    city: string;
    locale: Locale;
    isBusiness: boolean;
    vatNumber: string | null;
    /** Where answers and confirmations go (the page shows it masked); not part of the document. */
    email?: string | null;
  };
  organization: {
    id: string;
    name: string;
    orgNumber: string;
    vatNumber: string;
    hasFSkatt: boolean;
    addressLine1: string;
    addressLine2: string | null;
    postalCode: string;
    city: string;
    bankgiro: string | null;
    plusgiro: string | null;
    swishNumber: string | null;
    supportEmail: string | null;
    supportPhone: string | null;
    logoPath: string | null;
    brandColor: string;
    brandAccentColor: string;
    allowPartialPayment: boolean;
    minimumPartialPaymentOre: number;
    supportResponseHours: number;
  };
  valueFacts: Array<{
    key: string;
    labelSv: string;
    labelEn: string;
    valueMilli: number;
    unit: string;
    comparisonMilli: number | null;
    comparisonLabelSv: string | null;
    comparisonLabelEn: string | null;
  }>;
  usage: UsageSeries | null;
  events: Array<{
    id: string;
    type: string;
    occurredAt: Date;
    customerText: string | null;
    data: unknown;
  }>;
  otherInvoices: Array<{
    id: string;
    kind: "INVOICE" | "CREDIT_NOTE";
    number: number | null;
    status: InvoiceStatus;
    issueDate: Date | null;
    periodStart: Date;
    totalOre: number;
  }>;
}

const TOTALS_LINE_SELECT = {
  quantityMilli: true,
  unitPriceCentiOre: true,
  discountOre: true,
  vatRate: true,
} as const;

/** The seller as the document was issued (the snapshot), over the live organisation. */
function sellerOf<T extends InvoicePageData["organization"]>(
  live: T,
  snapshot: IssuedSnapshot | null,
): T {
  if (!snapshot) return live;
  const { country: _country, ...seller } = snapshot.seller;
  return { ...live, ...seller };
}

function buyerOf(
  live: InvoicePageData["customer"],
  snapshot: IssuedSnapshot | null,
): InvoicePageData["customer"] {
  if (!snapshot) return live;
  const { country: _country, ...buyer } = snapshot.buyer;
  return { ...live, ...buyer };
}

/**
 * The totals of a document without a snapshot. An issued one (issued before snapshots, and not
 * backfilled by the 20261205000000 migration because its stored figures did not add up) shows the
 * net, VAT, öresutjämning and total stored when it was issued — never totals recomputed with
 * today's organisation setting, which may have turned öresutjämning on or off since. Its split
 * per rate comes from its lines, which issuing froze; that split involves no setting. A draft is
 * not yet a document: it shows what issuing it now would give.
 */
function unsnapshottedTotals(
  row: {
    status: InvoiceStatus;
    netOre: number;
    vatOre: number;
    roundingOre: number;
    totalOre: number;
    lines: ReadonlyArray<Parameters<typeof computeInvoiceTotals>[0][number]>;
  },
  roundToWholeKrona: boolean,
): InvoiceTotals {
  if (row.status === "DRAFT") return computeInvoiceTotals(row.lines, { roundToWholeKrona });
  return {
    vatGroups: computeInvoiceTotals(row.lines, { roundToWholeKrona: false }).vatGroups,
    netOre: row.netOre,
    vatOre: row.vatOre,
    grossOre: row.netOre + row.vatOre,
    roundingOre: row.roundingOre,
    totalOre: row.totalOre,
  };
}

export function displayStatusOf(status: InvoiceStatus, sums: LedgerSums): DisplayStatus {
  if (isPartlyPaid(status, sums)) return "partly_paid";
  return status.toLowerCase() as DisplayStatus;
}

/**
 * Loads an issued invoice as its customer sees it; null for unknown ids and for drafts (a draft is
 * not yet an invoice: only staff see it, with `includeDrafts`, in their workspace).
 */
export async function loadInvoicePage(
  db: Db,
  invoiceId: string,
  options: {
    includeDrafts?: boolean;
    /** The page's day in Sweden (what "what happens next" is planned from); default today. */
    today?: Date;
  } = {},
): Promise<InvoicePageData | null> {
  const row = await db.invoice.findUnique({
    where: { id: invoiceId },
    select: {
      id: true,
      kind: true,
      number: true,
      ocr: true,
      status: true,
      issueDate: true,
      dueDate: true,
      periodStart: true,
      periodEnd: true,
      currency: true,
      version: true,
      netOre: true,
      vatOre: true,
      roundingOre: true,
      totalOre: true,
      organizationId: true,
      customerId: true,
      customerText: true,
      issuedSnapshot: true,
      lines: { orderBy: { position: "asc" } },
      valueFacts: { orderBy: { position: "asc" } },
      creditedInvoice: { select: { number: true, issueDate: true } },
      creditNotes: {
        where: { kind: "CREDIT_NOTE", status: { not: "DRAFT" } },
        orderBy: { number: "asc" },
        select: {
          id: true,
          number: true,
          issueDate: true,
          totalOre: true,
          vatOre: true,
          issuedSnapshot: true,
          lines: { select: TOTALS_LINE_SELECT },
        },
      },
      customer: {
        select: {
          id: true,
          customerNumber: true,
          name: true,
          addressLine1: true,
          addressLine2: true,
          postalCode: true,
          city: true,
          locale: true,
          isBusiness: true,
          vatNumber: true,
          email: true,
        },
      },
      organization: {
        select: {
          id: true,
          name: true,
          orgNumber: true,
          vatNumber: true,
          hasFSkatt: true,
          addressLine1: true,
          addressLine2: true,
          postalCode: true,
          city: true,
          bankgiro: true,
          plusgiro: true,
          swishNumber: true,
          supportEmail: true,
          supportPhone: true,
          logoPath: true,
          brandColor: true,
          brandAccentColor: true,
          allowPartialPayment: true,
          minimumPartialPaymentOre: true,
          supportResponseHours: true,
          roundToWholeKrona: true,
        },
      },
      events: {
        where: { visibility: "CUSTOMER" },
        orderBy: { occurredAt: "asc" },
        select: { id: true, type: true, occurredAt: true, customerText: true, data: true },
      },
    },
  });
  if (!row || (row.status === "DRAFT" && !options.includeDrafts)) return null;
  // Only an issued, unpaid invoice has a collection to show.
  const collecting = row.kind === "INVOICE" && (row.status === "OPEN" || row.status === "OVERDUE");
  const [ledger, collection, usage, otherInvoices] = await Promise.all([
    getLedgerSums(db, row.id),
    collecting
      ? loadInvoiceCollection(db, {
          organizationId: row.organizationId,
          invoiceId: row.id,
          today: options.today ?? todayInSweden(),
        })
      : null,
    loadUsageSeries(db, {
      customerId: row.customerId,
      invoiceId: row.id,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      lines: row.lines,
    }),
    // The customer's other documents, credit notes among them (each its own page).
    db.invoice.findMany({
      where: {
        customerId: row.customerId,
        organizationId: row.organizationId,
        status: { not: "DRAFT" },
        id: { not: row.id },
      },
      orderBy: [{ periodStart: "desc" }, { number: "desc" }],
      take: 12,
      select: {
        id: true,
        kind: true,
        number: true,
        status: true,
        issueDate: true,
        periodStart: true,
        totalOre: true,
      },
    }),
  ]);
  const { roundToWholeKrona, ...organization } = row.organization;
  const { customer } = row;
  const balance = balanceOre(ledger);
  const snapshot = readIssuedSnapshot(row.issuedSnapshot);
  const creditNoteSnapshot = snapshot?.creditNote;
  return {
    invoice: {
      id: row.id,
      kind: row.kind,
      number: row.number,
      ocr: row.ocr,
      status: row.status,
      displayStatus: displayStatusOf(row.status, ledger),
      issueDate: row.issueDate,
      dueDate: row.dueDate,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      currency: row.currency,
      version: row.version,
      totalOre: row.totalOre,
    },
    ledger,
    amountDueOre: row.kind === "INVOICE" ? Math.max(balance, 0) : 0,
    customerCreditOre: row.kind === "INVOICE" ? Math.max(-balance, 0) : 0,
    lines: row.lines.map((line) => ({ ...line, netOre: lineNetOre(line) })),
    totals: snapshot?.totals ?? unsnapshottedTotals(row, roundToWholeKrona),
    creditNotes: row.creditNotes.map(({ issuedSnapshot, lines, ...note }) => ({
      ...note,
      vatGroups:
        readIssuedSnapshot(issuedSnapshot)?.totals.vatGroups ??
        computeInvoiceTotals(lines, { roundToWholeKrona: false }).vatGroups,
    })),
    creditNote:
      row.kind !== "CREDIT_NOTE"
        ? null
        : creditNoteSnapshot
          ? creditNoteSnapshot
          : row.creditedInvoice?.number
            ? {
                // A credit note from before snapshots: what can still be said of it.
                creditedInvoice: {
                  number: row.creditedInvoice.number,
                  issueDate: row.creditedInvoice.issueDate?.toISOString().slice(0, 10) ?? "",
                },
                customerText: row.customerText,
                settlement: null,
                goodwill: false,
              }
            : null,
    fromSnapshot: snapshot !== null,
    collection,
    customer: buyerOf(customer, snapshot),
    organization: sellerOf(organization, snapshot),
    valueFacts: row.valueFacts,
    usage,
    events: row.events,
    otherInvoices,
  };
}
