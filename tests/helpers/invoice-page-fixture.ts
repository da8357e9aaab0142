import { parseCalendarDate } from "@/lib/dates/calendar-date";
import type { InvoicePageData, PageLine } from "@/lib/invoice-page/load-invoice-page";
import { computeInvoiceTotals, lineNetOre } from "@/lib/invoices/totals";
import { EMPTY_LEDGER } from "@/lib/ledger/invoice-status";
import { generateOcr } from "@/lib/references/ocr";

/**
 * An invoice page's data without a database: three VAT rates and 0 %, öresutjämning, a discount
 * line, a line discount, a price below an öre and a credit note — for the PDF and page tests.
 */
const day = parseCalendarDate;

type LineInput = Pick<
  PageLine,
  "description" | "quantityMilli" | "unit" | "unitPriceCentiOre" | "vatRate"
> &
  Partial<Omit<PageLine, "vatExemptionReason">> & { vatExemptionReason?: string | null };

export function line(position: number, input: LineInput): PageLine {
  const stored = {
    id: `line-${position}`,
    invoiceId: "inv-1",
    position,
    kind: "OTHER" as const,
    descriptionEn: null,
    vatExemptionReason: null,
    discountOre: 0,
    periodStart: day("2026-03-01"),
    periodEnd: day("2026-03-31"),
    ...input,
  };
  return { ...stored, netOre: lineNetOre(stored) };
}

export const LINES: PageLine[] = [
  line(1, {
    kind: "SUBSCRIPTION",
    description: "Elnätsabonnemang, säkring 16 A",
    descriptionEn: "Grid subscription, 16 A fuse",
    quantityMilli: 1000,
    unit: "mån",
    unitPriceCentiOre: 3_120_000,
    vatRate: 25,
  }),
  line(2, {
    kind: "USAGE",
    description: "Elförbrukning mars",
    descriptionEn: "Electricity used in March",
    quantityMilli: 412_345,
    unit: "kWh",
    unitPriceCentiOre: 10_937,
    vatRate: 25,
  }),
  line(6, {
    kind: "USAGE",
    description: "Energiskatt",
    descriptionEn: "Energy tax",
    quantityMilli: 412_345,
    unit: "kWh",
    unitPriceCentiOre: 3_600,
    vatRate: 25,
    discountOre: 5_000,
  }),
  line(7, {
    kind: "OTHER",
    description: "Insamling till Barncancerfonden",
    quantityMilli: 1000,
    unit: "st",
    unitPriceCentiOre: 500_000,
    vatRate: 0,
    vatExemptionReason: "Gåva, utanför mervärdesskattens tillämpningsområde",
  }),
  line(3, {
    description: "Fika vid installationsbesök",
    quantityMilli: 2000,
    unit: "st",
    unitPriceCentiOre: 455_000,
    vatRate: 12,
  }),
  line(4, {
    description: "Kundtidningen Ström, årsprenumeration",
    quantityMilli: 1000,
    unit: "st",
    unitPriceCentiOre: 890_000,
    vatRate: 6,
    periodStart: null,
    periodEnd: null,
  }),
  line(5, {
    kind: "DISCOUNT",
    description: "Välkomstrabatt −100 kr → första månaden 🎉",
    quantityMilli: 1000,
    unit: "st",
    unitPriceCentiOre: -1_000_000,
    vatRate: 25,
  }),
];

export function invoiceData(overrides: Partial<InvoicePageData> = {}): InvoicePageData {
  const lines = overrides.lines ?? LINES;
  const totals = computeInvoiceTotals(lines, { roundToWholeKrona: true });
  const creditedOre = 5_000;
  return {
    invoice: {
      id: "inv-1",
      kind: "INVOICE",
      number: 10_042,
      ocr: generateOcr(10_042),
      status: "OPEN",
      displayStatus: "open",
      issueDate: day("2026-04-02"),
      dueDate: day("2026-04-30"),
      periodStart: day("2026-03-01"),
      periodEnd: day("2026-03-31"),
      currency: "SEK",
      version: 3,
      totalOre: totals.totalOre,
    },
    ledger: { ...EMPTY_LEDGER, issuedOre: totals.totalOre, creditedOre },
    amountDueOre: totals.totalOre - creditedOre,
    customerCreditOre: 0,
    lines,
    totals,
    creditNotes: [
      {
        id: "cn-1",
        number: 10_051,
        issueDate: day("2026-04-10"),
        totalOre: -creditedOre,
        vatOre: -1_000,
        vatGroups: [{ vatRate: 25, netOre: -4_000, vatOre: -1_000 }],
      },
    ],
    creditNote: null,
    fromSnapshot: true,
    collection: null,
    customer: {
      id: "cust-1",
      customerNumber: "K-2087",
      name: "Åsa Öberg",
      addressLine1: "Storgatan 12",
      addressLine2: "Lgh 1102",
      postalCode: "114 55",
      city: "Stockholm",
      locale: "sv",
      isBusiness: false,
      vatNumber: null,
    },
    organization: {
      id: "org-1",
      name: "Norrsken Energi AB",
      orgNumber: "5566143276",
      vatNumber: "SE556614327601",
      hasFSkatt: true,
      supportResponseHours: 24,
      addressLine1: "Kungsgatan 5",
      addressLine2: null,
      postalCode: "411 19",
      city: "Göteborg",
      bankgiro: "50501055",
      plusgiro: "47118",
      swishNumber: "1231181189",
      supportEmail: "kundtjanst@norrsken.example",
      supportPhone: "031-123 45 67",
      logoPath: null,
      brandColor: "#1d4ed8",
      brandAccentColor: "#0f172a",
      allowPartialPayment: true,
      minimumPartialPaymentOre: 10_000,
    },
    valueFacts: [],
    usage: null,
    events: [],
    otherInvoices: [],
    ...overrides,
  };
}
