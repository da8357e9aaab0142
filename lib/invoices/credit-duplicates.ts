import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import type { CreditMode } from "@/lib/invoices/credit-note-input";
import { isAmountLine } from "@/lib/invoices/credit-note-lines";
import { actorLabel } from "@/lib/invoices/latest-change";

/**
 * A second credit identical to one issued on the same invoice less than this long ago is refused
 * as a likely double submit (credit notes 311 and 312: identical, both refunded). A deliberate
 * second credit of the same is made after the window.
 */
export const DUPLICATE_CREDIT_WINDOW_MS = 60_000;

type FingerprintLine = { position: number; quantityMilli: number; vatRate: number };

/**
 * What makes two credits of one invoice the same: the way of crediting and, by that way, the
 * lines and quantities taken back, or the amount and its VAT rate. Computed from the credit
 * note itself, so a new credit and a stored one are compared by the same rule.
 */
export function creditFingerprint(
  kind: CreditMode["kind"],
  note: { totalOre: number; lines: readonly FingerprintLine[] },
): string {
  switch (kind) {
    case "full":
      return "full";
    case "lines":
      return `lines:${note.lines
        .filter((line) => !isAmountLine(line))
        .map((line) => `${line.position}×${line.quantityMilli}`)
        .sort()
        .join(",")}`;
    case "amount":
    case "goodwill": {
      const rates = [...new Set(note.lines.map((line) => line.vatRate))].sort((a, b) => a - b);
      return `${kind}:${0 - note.totalOre}@${rates.join("+")}`;
    }
  }
}

const KIND_WORDS: Record<CreditMode["kind"], string> = {
  full: "the rest of the invoice",
  lines: "the same lines",
  amount: "the same amount",
  goodwill: "the same compensation",
};

/** The way a stored credit was made, from its staff event (a full credit's event names none). */
function storedKind(data: unknown): CreditMode["kind"] | null {
  const mode = (data as { mode?: unknown } | null)?.mode;
  if (mode === undefined) return "full";
  return mode === "lines" || mode === "amount" || mode === "goodwill" ? mode : null;
}

/**
 * Refuses a credit identical to one issued on the invoice within the window (by anyone), before
 * anything is written: the caller's transaction has the invoice locked, so two identical submits
 * are serialized and the second sees the first.
 */
export async function assertNotDuplicateCredit(
  tx: Prisma.TransactionClient,
  options: {
    invoiceId: string;
    kind: CreditMode["kind"];
    note: { totalOre: number; lines: readonly FingerprintLine[] };
    now: Date;
  },
): Promise<void> {
  const { now } = options;
  const recent = await tx.invoiceEvent.findMany({
    where: {
      invoiceId: options.invoiceId,
      type: "CREDIT_NOTE_ISSUED",
      occurredAt: {
        gt: new Date(now.getTime() - DUPLICATE_CREDIT_WINDOW_MS),
        lt: new Date(now.getTime() + DUPLICATE_CREDIT_WINDOW_MS),
      },
    },
    orderBy: { occurredAt: "desc" },
    select: { data: true, actorType: true, actorStaffId: true, occurredAt: true },
  });
  if (recent.length === 0) return;
  const wanted = creditFingerprint(options.kind, options.note);
  const candidates = recent.flatMap((event) => {
    const data = event.data as { creditNoteId?: unknown } | null;
    const kind = storedKind(event.data);
    return kind === options.kind && typeof data?.creditNoteId === "string"
      ? [{ ...event, creditNoteId: data.creditNoteId }]
      : [];
  });
  if (candidates.length === 0) return;
  const notes = await tx.invoice.findMany({
    where: { id: { in: candidates.map((event) => event.creditNoteId) }, kind: "CREDIT_NOTE" },
    select: {
      id: true,
      number: true,
      totalOre: true,
      lines: { select: { position: true, quantityMilli: true, vatRate: true } },
    },
  });
  for (const event of candidates) {
    const note = notes.find((candidate) => candidate.id === event.creditNoteId);
    if (!note || creditFingerprint(options.kind, note) !== wanted) continue;
    const staff = event.actorStaffId
      ? await tx.staffUser.findUnique({ where: { id: event.actorStaffId }, select: { name: true } })
      : null;
    const seconds = Math.max(0, Math.round((now.getTime() - event.occurredAt.getTime()) / 1000));
    const waitSeconds = Math.max(
      1,
      Math.ceil((event.occurredAt.getTime() + DUPLICATE_CREDIT_WINDOW_MS - now.getTime()) / 1000),
    );
    throw new AppError(
      "CONFLICT",
      `Credit note ${note.number} for ${KIND_WORDS[options.kind]} was issued ${seconds} seconds ago by ${actorLabel(event.actorType, staff?.name ?? null)}. This looks like the same credit twice, so nothing was issued. If you do mean to credit it again, submit it again in ${waitSeconds} seconds`,
      {
        duplicateOf: { creditNoteId: note.id, number: note.number },
        retryAfterSeconds: waitSeconds,
      },
    );
  }
}
