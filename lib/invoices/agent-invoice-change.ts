import { z } from "zod";
import type { Db } from "@/lib/db/database";
import { AppError } from "@/lib/errors/app-error";
import type { PaymentProvider } from "@/lib/payments/payment-provider";
import { creditInvoiceAndRefund } from "@/lib/payments/refund-credited-invoice";
import type { InvoiceCueKind } from "@/lib/realtime/invoice-cues";
import { parseInput } from "@/lib/validation/parse-input";
import { editDraftLines } from "./edit-draft-lines";
import { grantRespite } from "./grant-respite";
import { issueCreditNote, issueCreditNoteInputSchema } from "./issue-credit-note";
import { waiveFee } from "./waive-fee";

export const AGENT_CHANGE_ACTIONS = ["edit-lines", "credit", "respite", "waive-fee"] as const;
const actionSchema = z.object({
  action: z.enum(AGENT_CHANGE_ACTIONS, {
    error: `action must be one of ${AGENT_CHANGE_ACTIONS.join(", ")}`,
  }),
});

/**
 * One live change an agent makes to an invoice from the console. The invoice and organisation come
 * from the URL and the session, never from the body, and each domain function checks the version
 * the agent saw, so a stale screen is refused rather than overwriting a colleague's change.
 */
export async function applyAgentInvoiceChange(options: {
  db: Db;
  invoiceId: string;
  staff: { id: string; organizationId: string };
  body: unknown;
  /** Refunds money already paid on a credited invoice when the organisation's policy says so. */
  provider: PaymentProvider | null;
}): Promise<{ version: number; kind: InvoiceCueKind }> {
  const { db, staff } = options;
  if (typeof options.body !== "object" || options.body === null || Array.isArray(options.body)) {
    throw new AppError("BAD_INPUT", "Send the change as a JSON object");
  }
  const { action } = parseInput(actionSchema, options.body);
  const target = { invoiceId: options.invoiceId, organizationId: staff.organizationId };
  const input = { ...(options.body as Record<string, unknown>), ...target } as never;
  const actor = { type: "STAFF", staffId: staff.id, organizationId: staff.organizationId } as const;
  switch (action) {
    case "edit-lines":
      return { version: (await editDraftLines({ db, input, actor })).version, kind: "edit" };
    case "credit": {
      // Always the general credit, which requires what to credit and the version the agent saw
      // (the older full-credit input, without a version, is for internal callers only).
      parseInput(issueCreditNoteInputSchema, input);
      const credited = options.provider
        ? await creditInvoiceAndRefund({ db, input, actor, provider: options.provider })
        : await issueCreditNote({ db, input, actor });
      return { version: await currentVersion(db, options.invoiceId, credited), kind: "credit" };
    }
    case "respite":
      return { version: (await grantRespite({ db, input, actor })).version, kind: "respite" };
    case "waive-fee":
      return { version: (await waiveFee({ db, input, actor })).version, kind: "fee" };
  }
}

/** A refund after the credit bumps the version again: the cue must carry the newest one. */
async function currentVersion(db: Db, invoiceId: string, result: { version?: number }) {
  const row = await db.invoice.findUnique({ where: { id: invoiceId }, select: { version: true } });
  return row?.version ?? result.version ?? 0;
}
