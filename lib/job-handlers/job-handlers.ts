import { pruneIdempotencyKeys } from "@/lib/api/idempotency";
import { importBankFile } from "@/lib/bank-files/import-bank-file";
import { scanBankInbox } from "@/lib/bank-files/inbox";
import { notifyCustomerOfReply } from "@/lib/chat/reply-notification";
import { notifyCustomerOfCollectionChoice } from "@/lib/collections/customer-notification";
import { refreshOutcomes, updateBeliefs } from "@/lib/collections/outcomes";
import { runCollections } from "@/lib/collections/run";
import { sendCollectionStep } from "@/lib/collections/send-step";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/database";
import { deliverInvoice } from "@/lib/delivery/invoice-delivery";
import { getEnv } from "@/lib/env";
import { recordInvoiceView, recordInvoiceViews } from "@/lib/invoice-page/record-invoice-view";
import { notifyCustomerOfCreditNote } from "@/lib/invoices/credit-note-notification";
import { sendInvoiceLink } from "@/lib/invoices/link-management";
import { markOverdueInvoices } from "@/lib/invoices/mark-overdue-invoices";
import { requestCollectionRun } from "@/lib/jobs/collection-runs";
import type { JobHandlers } from "@/lib/jobs/job-engine";
import { requestReceivablesRefresh } from "@/lib/jobs/receivables-refresh";
import { customerIsOnInvoice, emitInvoiceChanged } from "@/lib/realtime/invoice-cues";
import { refreshReceivables } from "@/lib/receivables/refresh-receivables";
import { deliverWebhook } from "@/lib/webhooks/deliver-webhook";

/**
 * What each queue's job does: one domain function each, given the payload the engine parsed.
 * Above the domain modules (they only write jobs; this runs them).
 */
export function jobHandlers(database: () => Promise<Db> = getDb): JobHandlers {
  return {
    "invoices.mark-overdue": async () => {
      const db = await database();
      let marked = 0;
      // In batches, until none is left (a day with many due dates takes several).
      for (;;) {
        const batch = await markOverdueInvoices({ db });
        marked += batch;
        if (batch < 1000) return { marked };
      }
    },
    "chat.reply-email": async ({ messageId }) => {
      const db = await database();
      return {
        outcome: await notifyCustomerOfReply({
          db,
          messageId,
          customerIsHere: async () => {
            const message = await db.chatMessage.findUnique({
              where: { id: messageId },
              select: { conversation: { select: { invoiceId: true } } },
            });
            return message ? customerIsOnInvoice(message.conversation.invoiceId) : false;
          },
        }),
      };
    },
    "credit-notes.notify": async ({ organizationId, creditNoteId }) => ({
      outcome: await notifyCustomerOfCreditNote({
        db: await database(),
        organizationId,
        creditNoteId,
      }),
    }),
    "invoices.send-link": async ({ organizationId, invoiceId, reason }) => ({
      outcome: await sendInvoiceLink({ db: await database(), organizationId, invoiceId, reason }),
    }),
    "webhooks.deliver": async ({ organizationId, deliveryId }) => ({
      outcome: await deliverWebhook({
        db: await database(),
        organizationId,
        deliveryId,
        allowPrivateNetworks: getEnv().WEBHOOK_ALLOW_PRIVATE_NETWORKS,
      }),
    }),
    "invoices.deliver": async ({ organizationId, deliveryId }) => ({
      outcome: await deliverInvoice({ db: await database(), organizationId, deliveryId }),
    }),
    "bank-files.import": async ({ organizationId, bankFileId }) => {
      const result = await importBankFile({
        db: await database(),
        organizationId,
        bankFileId,
        // Open pages of the invoices a chunk paid turn "Betald" as soon as it commits.
        onCommitted: (changes) => {
          for (const change of changes) emitInvoiceChanged(change);
        },
      });
      return {
        status: result.status,
        booked: result.report?.booked,
        unmatched: result.report?.unmatched,
      };
    },
    "bank-files.scan-inbox": async () =>
      scanBankInbox({
        db: await database(),
        dataDir: getEnv().DATA_DIR,
        maxBytes: getEnv().BANK_FILE_MAX_BYTES,
      }),
    "collections.schedule": async () => {
      const db = await database();
      const organizations = await db.organization.findMany({ select: { id: true } });
      for (const organization of organizations) await requestCollectionRun(db, organization.id);
      return { organizations: organizations.length };
    },
    "collections.run": async ({ organizationId, invoiceIds }) => {
      const db = await database();
      // The morning's run first learns from what became of earlier steps (outcomes, beliefs);
      // a run for the invoices of one event does not.
      const learned = invoiceIds ? null : await learnFromOutcomes(db, organizationId);
      const summary = await runCollections({ db, organizationId, invoiceIds });
      for (const invoiceId of summary.changedInvoiceIds) {
        emitInvoiceChanged({ invoiceId, kind: "collection" });
      }
      const { changedInvoiceIds, ...rest } = summary;
      return { ...rest, changed: changedInvoiceIds.length, learned };
    },
    "collections.send": async ({ organizationId, actionId }) => ({
      outcome: await sendCollectionStep({ db: await database(), organizationId, actionId }),
    }),
    "collections.notify-customer": async ({ organizationId, invoiceId, kind }) => ({
      outcome: await notifyCustomerOfCollectionChoice({
        db: await database(),
        organizationId,
        invoiceId,
        kind,
      }),
    }),
    "receivables.refresh": async ({ organizationId, full }) => {
      const db = await database();
      if (!organizationId) {
        // The daily tick: one refresh per organisation, so a large one never holds up the rest.
        const organizations = await db.organization.findMany({ select: { id: true } });
        for (const organization of organizations) {
          await requestReceivablesRefresh(db, organization.id);
        }
        return { organizations: organizations.length };
      }
      return refreshReceivables(db, { organizationId, full });
    },
    "api.prune-idempotency-keys": async () => ({
      pruned: await pruneIdempotencyKeys(await database()),
    }),
    "invoices.record-views": async ({ views }) =>
      recordInvoiceViews(
        await database(),
        views.map((view) => ({ ...view, viewedAt: new Date(view.viewedAt) })),
      ),
    "invoices.record-view": async (view) => {
      return recordInvoiceView({
        db: await database(),
        invoiceId: view.invoiceId,
        organizationId: view.organizationId,
        deviceClass: view.deviceClass,
        visitorHash: view.visitorHash,
        now: new Date(view.viewedAt),
      });
    },
  };
}

async function learnFromOutcomes(db: Db, organizationId: string) {
  const outcomes = await refreshOutcomes({ db, organizationId });
  return { ...outcomes, beliefs: await updateBeliefs(db, organizationId) };
}
