import { getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { renderInvoicePdf } from "@/lib/invoice-page/invoice-pdf";
import { loadLinkPage } from "@/lib/invoice-page/page-request";
import { issueCreditNote } from "@/lib/invoices/issue-credit-note";
import { createIssuedInvoice, createOrganizationWithCustomer } from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
});
afterAll(async () => db?.close());

describe("an invoice read through the customer's link", () => {
  it("has a PDF whose credit notes link to pages the same link opens", async () => {
    const ids = await createOrganizationWithCustomer(db.prisma);
    const invoice = await createIssuedInvoice(db.prisma, ids);
    const note = await issueCreditNote({
      db: db.prisma,
      actor: { type: "SYSTEM" },
      input: {
        invoiceId: invoice.id,
        organizationId: ids.organizationId,
        expectedVersion: invoice.version,
        reason: "Fel pris",
        mode: { kind: "amount", amountOre: 2_500, vatRate: 25 },
      },
    });
    const headers = new Headers();
    const request = await loadLinkPage({ headers, token: invoice.accessToken });
    expect(request?.data.documentLinkBase).toBe(`${getEnv().appUrl}/i/${invoice.accessToken}`);

    const pdf = await getDocumentProxy(await renderInvoicePdf(request!.data, "sv"));
    const urls = [];
    for (let index = 1; index <= pdf.numPages; index++) {
      for (const annotation of await (await pdf.getPage(index)).getAnnotations()) {
        if (annotation.subtype === "Link") urls.push(annotation.url as string);
      }
    }
    expect(urls).toEqual([`${getEnv().appUrl}/i/${invoice.accessToken}/n/${note.number}`]);

    // The linked address — /i/<token>/n/<number> — opens that credit note.
    const path = new URL(urls[0]!).pathname.split("/");
    expect(path.slice(0, 3)).toEqual(["", "i", invoice.accessToken]);
    const linked = await loadLinkPage({
      headers,
      token: path[2]!,
      siblingNumber: Number(path[4]),
    });
    expect(linked?.data.invoice).toMatchObject({ id: note.creditNoteId, kind: "CREDIT_NOTE" });
  });
});
