import { z } from "zod";
import type { Db } from "@/lib/db/database";
import { AppError } from "@/lib/errors/app-error";
import { issueCreditNoteInputSchema } from "@/lib/invoices/credit-note-input";
import { editDraftLines, editDraftLinesInputSchema } from "@/lib/invoices/edit-draft-lines";
import { grantRespite, grantRespiteInputSchema } from "@/lib/invoices/grant-respite";
import { issueCreditNote } from "@/lib/invoices/issue-credit-note";
import { changeInvoiceLinks, linkChangeInputSchema } from "@/lib/invoices/link-management";
import { waiveFee, waiveFeeInputSchema } from "@/lib/invoices/waive-fee";
import type { PaymentProvider } from "@/lib/payments/payment-provider";
import {
  creditInvoiceAndRefund,
  refundCreditForAgent,
  refundCreditInputSchema,
} from "@/lib/payments/refund-credited-invoice";
import type { InvoiceCueKind } from "@/lib/realtime/cue-kinds";

/**
 * The live changes an agent makes to an invoice from the console, as one input: the body of
 * POST /api/agent/invoices/<id>/changes, parsed there with this schema. The invoice and the
 * organisation are not part of it: they come from the URL and the session, never from the body.
 */
const target = { invoiceId: true, organizationId: true } as const;

export const AGENT_CHANGE_ACTIONS = [
  "edit-lines",
  "credit",
  "respite",
  "waive-fee",
  "revoke-links",
  "renew-link",
  "refund-credit",
] as const;

export const agentInvoiceChangeSchema = z.discriminatedUnion(
  "action",
  [
    editDraftLinesInputSchema.omit(target).extend({ action: z.literal("edit-lines") }),
    // Always the general credit, which names what to credit and the version the agent saw.
    issueCreditNoteInputSchema.omit(target).extend({ action: z.literal("credit") }),
    grantRespiteInputSchema.omit(target).extend({ action: z.literal("respite") }),
    waiveFeeInputSchema.omit(target).extend({ action: z.literal("waive-fee") }),
    // The customer's links: every one stops working; "renew" mails the customer a new one.
    linkChangeInputSchema.extend({ action: z.literal("revoke-links") }),
    linkChangeInputSchema.extend({ action: z.literal("renew-link") }),
    // Pay the customer's credit back through the provider (e.g. after a refund failed).
    refundCreditInputSchema.extend({ action: z.literal("refund-credit") }),
  ],
  { error: `action must be one of ${AGENT_CHANGE_ACTIONS.join(", ")}` },
);

export type AgentInvoiceChange = z.output<typeof agentInvoiceChangeSchema>;

/** The credit the agent is about to confirm: the same input as the credit itself. */
export const agentCreditPreviewSchema = issueCreditNoteInputSchema.omit(target);

/** What the agent is told of the credit note they just issued. */
export interface IssuedCreditSummary {
  creditNoteId: string;
  number: number;
  creditedOre: number;
  /** Paid back through the provider now; the rest of what is theirs stays as their credit. */
  refundedOre: number;
  keptAsCreditOre: number;
}

/**
 * Applies one parsed change. Each domain function checks the version the agent saw, so a stale
 * screen is refused rather than overwriting a colleague's change. A credit refunds money already
 * paid when the organisation's policy says so (and a provider can).
 */
export async function applyAgentInvoiceChange(options: {
  db: Db;
  invoiceId: string;
  staff: { id: string; organizationId: string };
  change: AgentInvoiceChange;
  provider: PaymentProvider | null;
}): Promise<{ version: number; kind: InvoiceCueKind; creditNote?: IssuedCreditSummary }> {
  const { db, staff, change } = options;
  const ids = { invoiceId: options.invoiceId, organizationId: staff.organizationId };
  const actor = { type: "STAFF", staffId: staff.id, organizationId: staff.organizationId } as const;
  switch (change.action) {
    case "edit-lines": {
      const { action: _, ...input } = change;
      const edited = await editDraftLines({ db, input: { ...input, ...ids }, actor });
      return { version: edited.version, kind: "edit" };
    }
    case "credit": {
      const { action: _, ...rest } = change;
      const input = { ...rest, ...ids };
      const credited = options.provider
        ? await creditInvoiceAndRefund({ db, input, actor, provider: options.provider })
        : await issueCreditNote({ db, input, actor });
      const creditNote: IssuedCreditSummary = {
        creditNoteId: credited.creditNoteId,
        number: credited.number,
        creditedOre: credited.creditedOre,
        refundedOre: "refundedOre" in credited ? credited.refundedOre : 0,
        keptAsCreditOre: "keptAsCreditOre" in credited ? credited.keptAsCreditOre : 0,
      };
      return {
        version: await currentVersion(db, options.invoiceId, credited),
        kind: "credit",
        creditNote,
      };
    }
    case "respite": {
      const { action: _, ...input } = change;
      const granted = await grantRespite({ db, input: { ...input, ...ids }, actor });
      return { version: granted.version, kind: "respite" };
    }
    case "waive-fee": {
      const { action: _, ...input } = change;
      const waived = await waiveFee({ db, input: { ...input, ...ids }, actor });
      return { version: waived.version, kind: "fee" };
    }
    case "revoke-links":
    case "renew-link": {
      await changeInvoiceLinks({
        db,
        ...ids,
        change: change.action === "renew-link" ? "renew" : "revoke",
        reason: change.reason,
        actor,
      });
      // The invoice itself did not change; open pages on a revoked link are cut off.
      return { version: await currentVersion(db, options.invoiceId, {}), kind: "link" };
    }
    case "refund-credit": {
      if (!options.provider) {
        throw new AppError("UNAVAILABLE", "No payment provider is configured to refund through");
      }
      await refundCreditForAgent({
        db,
        ...ids,
        expectedVersion: change.expectedVersion,
        provider: options.provider,
      });
      return { version: await currentVersion(db, options.invoiceId, {}), kind: "refund" };
    }
  }
}

/** A refund after the credit bumps the version again: the cue must carry the newest one. */
async function currentVersion(db: Db, invoiceId: string, result: { version?: number }) {
  const row = await db.invoice.findUnique({ where: { id: invoiceId }, select: { version: true } });
  return row?.version ?? result.version ?? 0;
}
