import type { Db } from "@/lib/db/database";
import { creditedQuantities, remainingQuantityMilli } from "@/lib/invoices/credit-note-lines";
import { actorLabel } from "@/lib/invoices/latest-change";

/** One credit note of an invoice, as the agent's workspace lists it. */
export interface InvoiceCredit {
  id: string;
  number: number | null;
  issueDate: Date | null;
  /** What it took off, including VAT, positive. */
  creditedOre: number;
  vatOre: number;
  reason: string | null;
  kind: "full" | "lines" | "amount" | "goodwill";
  /** Who issued it: a colleague's name, "the system" … */
  issuedBy: string;
}

export interface InvoiceCredits {
  credits: InvoiceCredit[];
  /** Per original line id: how much of it is still uncredited, in thousandths (positive). */
  remainingByLineId: Record<string, number>;
}

const KINDS = new Set(["lines", "amount", "goodwill"]);

/**
 * The credit notes of an invoice with who issued them and why (staff only), and what is left of
 * each of its lines, so the credit form shows lines already credited as such.
 */
export async function loadInvoiceCredits(
  db: Db,
  options: { invoiceId: string; organizationId: string },
): Promise<InvoiceCredits> {
  const [notes, lines, events] = await Promise.all([
    db.invoice.findMany({
      where: {
        creditedInvoiceId: options.invoiceId,
        organizationId: options.organizationId,
        kind: "CREDIT_NOTE",
      },
      orderBy: { number: "asc" },
      select: {
        id: true,
        number: true,
        issueDate: true,
        totalOre: true,
        vatOre: true,
        creditReason: true,
        lines: { select: { position: true, quantityMilli: true } },
      },
    }),
    db.invoiceLine.findMany({
      where: { invoiceId: options.invoiceId, invoice: { organizationId: options.organizationId } },
      select: { id: true, position: true, quantityMilli: true },
    }),
    db.invoiceEvent.findMany({
      where: { invoiceId: options.invoiceId, type: "CREDIT_NOTE_ISSUED" },
      select: { data: true, actorType: true, actorStaffId: true },
    }),
  ]);
  const staffIds = [...new Set(events.flatMap((event) => event.actorStaffId ?? []))];
  const staff = staffIds.length
    ? await db.staffUser.findMany({
        where: { id: { in: staffIds } },
        select: { id: true, name: true },
      })
    : [];
  const eventOf = (noteId: string) =>
    events.find((event) => (event.data as { creditNoteId?: unknown })?.creditNoteId === noteId);
  const credits = notes.map((note): InvoiceCredit => {
    const event = eventOf(note.id);
    const mode = (event?.data as { mode?: unknown } | undefined)?.mode;
    return {
      id: note.id,
      number: note.number,
      issueDate: note.issueDate,
      creditedOre: 0 - note.totalOre,
      vatOre: 0 - note.vatOre,
      reason: note.creditReason,
      kind: typeof mode === "string" && KINDS.has(mode) ? (mode as InvoiceCredit["kind"]) : "full",
      issuedBy: event
        ? actorLabel(
            event.actorType,
            staff.find((member) => member.id === event.actorStaffId)?.name ?? null,
          )
        : "unknown",
    };
  });
  const credited = creditedQuantities(notes.flatMap((note) => note.lines));
  const remainingByLineId = Object.fromEntries(
    lines.map((line) => [line.id, Math.max(0, remainingQuantityMilli(line, credited))]),
  );
  return { credits, remainingByLineId };
}
