import type { Db } from "@/lib/db/database";
import type { InvoiceLineInput } from "@/lib/invoices/invoice-input";
import type { IssueCreditNoteInput } from "@/lib/invoices/issue-credit-note";
import {
  createIssuedInvoiceWithLineIds,
  createOrganizationWithCustomer,
  creditAtCurrentVersion,
  loadCreditNote,
} from "./fixtures";

/**
 * The steps every credit-note test takes: an issued invoice with its line ids, its current
 * version, a credit at that version, and the credit note read back. `db` is a getter because the
 * test database is opened in beforeAll.
 */
export function creditTestBed(db: () => Db) {
  return {
    async issued(lines?: InvoiceLineInput[]) {
      const { organizationId, customerId } = await createOrganizationWithCustomer(db());
      const created = await createIssuedInvoiceWithLineIds(db(), {
        organizationId,
        customerId,
        lines,
      });
      return { organizationId, customerId, ...created };
    },
    async versionOf(id: string) {
      return (await db().invoice.findUniqueOrThrow({ where: { id } })).version;
    },
    credit(
      target: { invoiceId: string; organizationId: string },
      mode: IssueCreditNoteInput["mode"],
      extra: Partial<IssueCreditNoteInput> = {},
    ) {
      return creditAtCurrentVersion(db(), target, mode, extra);
    },
    creditNote(id: string, roundToWholeKrona = true) {
      return loadCreditNote(db(), id, roundToWholeKrona);
    },
  };
}
