import { PDFDocument } from "pdf-lib";
import { z } from "zod";
import { stepName } from "@/lib/collections/run";
import { formatCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { CollectionStepKind } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { createLogger } from "@/lib/log";
import { recordInvoiceEvents } from "@/lib/timeline/invoice-events";

/**
 * Collection letters waiting to be printed and posted: a letter step's PDF is drawn by its send
 * job and kept on the action (TO_PRINT) until someone marks it printed (SENT, printedAt). Printed
 * letters stay downloadable. Marking is per letter id, so a batch printed is exactly the batch
 * marked, whatever arrived meanwhile.
 */
const log = createLogger("collections");

/** The most letters the console lists, merges into one PDF, or marks printed at once. */
export const LETTER_BATCH = 100;

export interface LetterToPrint {
  id: string;
  kind: CollectionStepKind;
  performedOn: string;
  payBy: string | null;
  /** What the letter asks for: owed before the step plus what it charged. */
  amountOre: number;
  invoiceId: string;
  invoiceNumber: number | null;
  customerName: string;
  postalCode: string;
  city: string;
}

/** The letters waiting to be printed, the oldest first (a batch), and how many wait in all. */
export async function listLettersToPrint(
  db: Db,
  organizationId: string,
  limit = LETTER_BATCH,
): Promise<{ letters: LetterToPrint[]; total: number }> {
  const where = { organizationId, channel: "LETTER", sendStatus: "TO_PRINT" } as const;
  const [rows, total] = await Promise.all([
    db.collectionAction.findMany({
      where,
      orderBy: [{ performedAt: "asc" }, { id: "asc" }],
      take: limit,
      select: {
        id: true,
        kind: true,
        performedOn: true,
        payBy: true,
        amountDueOre: true,
        feeOre: true,
        interestOre: true,
        invoice: {
          select: {
            id: true,
            number: true,
            customer: { select: { name: true, postalCode: true, city: true } },
          },
        },
      },
    }),
    db.collectionAction.count({ where }),
  ]);
  return {
    total,
    letters: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      performedOn: formatCalendarDate(row.performedOn),
      payBy: row.payBy ? formatCalendarDate(row.payBy) : null,
      amountOre: row.amountDueOre + row.feeOre + row.interestOre,
      invoiceId: row.invoice.id,
      invoiceNumber: row.invoice.number,
      customerName: row.invoice.customer.name,
      postalCode: row.invoice.customer.postalCode,
      city: row.invoice.customer.city,
    })),
  };
}

/** One letter's PDF as drawn when its step was taken (printed or not). */
export async function letterPdf(
  db: Db,
  organizationId: string,
  actionId: string,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const action = await db.collectionAction.findFirst({
    where: { id: actionId, organizationId, channel: "LETTER" },
    select: { kind: true, letterPdf: true, invoice: { select: { number: true } } },
  });
  if (!action) throw new AppError("NOT_FOUND", "No such letter");
  if (!action.letterPdf) {
    throw new AppError("CONFLICT", "The letter is still being drawn; try again in a minute");
  }
  return {
    bytes: new Uint8Array(action.letterPdf),
    fileName: `letter-${action.invoice.number ?? "draft"}-${stepName(action.kind)}.pdf`,
  };
}

export const letterIdsSchema = z
  .array(z.uuid({ error: "a letter id" }))
  .min(1, "choose at least one letter")
  .max(LETTER_BATCH, `at most ${LETTER_BATCH} letters at once`);

/** The `?ids=a,b,c` of the merged download, parsed. */
export const letterBatchQuerySchema = z.object({
  ids: z
    .string({ error: "ids lists the letters, separated by commas" })
    // The same letter named twice is printed once.
    .transform((value) => [...new Set(value.split(",").filter(Boolean))])
    .pipe(letterIdsSchema),
});

export const markPrintedInputSchema = z.strictObject({ actionIds: letterIdsSchema });

async function lettersOf(db: Db, organizationId: string, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  const rows = await db.collectionAction.findMany({
    where: { id: { in: unique }, organizationId, channel: "LETTER" },
    select: { id: true, letterPdf: true, performedAt: true },
  });
  if (rows.length !== unique.length) throw new AppError("NOT_FOUND", "No such letter");
  const byId = new Map(rows.map((row) => [row.id, row]));
  return unique.map((id) => byId.get(id)!);
}

/** The letters named, in the order named, as one PDF to print in one go. */
export async function mergedLettersPdf(
  db: Db,
  organizationId: string,
  ids: readonly string[],
): Promise<Uint8Array> {
  const letters = await lettersOf(db, organizationId, ids);
  const merged = await PDFDocument.create();
  merged.setTitle(`Letters to print (${letters.length})`);
  for (const letter of letters) {
    if (!letter.letterPdf) {
      throw new AppError("CONFLICT", "A letter is still being drawn; try again in a minute");
    }
    const source = await PDFDocument.load(new Uint8Array(letter.letterPdf));
    const pages = await merged.copyPages(source, source.getPageIndices());
    for (const page of pages) merged.addPage(page);
  }
  return merged.save();
}

/**
 * Marks letters printed and posted: each one waiting to be printed becomes sent, with the time
 * and a staff-only timeline event on its invoice naming who. A letter already marked is left as
 * it is (a second click changes nothing); another organisation's id is not found.
 */
export async function markLettersPrinted(options: {
  db: Db;
  organizationId: string;
  actionIds: readonly string[];
  actor: { staffId: string };
  now?: Date;
}): Promise<{ printed: number; alreadyPrinted: number }> {
  const { db, organizationId } = options;
  const now = options.now ?? new Date();
  const ids = [...new Set(options.actionIds)];
  const result = await db.$transaction(async (tx) => {
    const rows = await tx.collectionAction.findMany({
      where: { id: { in: ids }, organizationId, channel: "LETTER" },
      select: { id: true, invoiceId: true, kind: true, sendStatus: true, printedAt: true },
    });
    if (rows.length !== ids.length) throw new AppError("NOT_FOUND", "No such letter");
    const notDrawn = rows.find((row) => row.sendStatus === "PENDING");
    if (notDrawn) {
      throw new AppError("CONFLICT", "A letter is still being drawn; it cannot have been printed");
    }
    const waiting = rows.filter((row) => row.sendStatus === "TO_PRINT");
    if (waiting.length === 0) return { printed: 0, alreadyPrinted: rows.length, marked: [] };
    // Only those still waiting: a letter marked by someone else meanwhile is not marked again.
    const marked = await tx.collectionAction.updateManyAndReturn({
      where: { id: { in: waiting.map((row) => row.id) }, sendStatus: "TO_PRINT" },
      data: { sendStatus: "SENT", printedAt: now, sentAt: now, lastError: null },
      select: { id: true, invoiceId: true, kind: true },
    });
    await recordInvoiceEvents(
      tx,
      marked.map((row) => ({
        organizationId,
        invoiceId: row.invoiceId,
        type: "LETTER_PRINTED" as const,
        visibility: "STAFF" as const,
        actorType: "STAFF" as const,
        actorStaffId: options.actor.staffId,
        occurredAt: now,
        data: { actionId: row.id, step: stepName(row.kind) },
      })),
    );
    return { printed: marked.length, alreadyPrinted: rows.length - marked.length, marked };
  });
  if (result.printed > 0) {
    log.info("collection letters marked printed", {
      organizationId,
      staffId: options.actor.staffId,
      letters: result.printed,
    });
  }
  return { printed: result.printed, alreadyPrinted: result.alreadyPrinted };
}
