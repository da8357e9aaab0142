import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import { notifyCustomerOfCreditNote } from "@/lib/invoices/credit-note-notification";
import { resolveLinkScope } from "@/lib/invoices/link-scope";
import { type OutgoingMail, sendMail } from "@/lib/mail/send-mail";
import {
  createCustomer,
  createIssuedInvoiceWithLineIds,
  createOrganization,
  creditAtCurrentVersion,
  DEFAULT_LINES,
} from "@/tests/helpers/fixtures";
import { queuedJobs } from "@/tests/helpers/queued-jobs";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

let db: TestDatabase;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "nota-credit-mail-"));
const send = (mail: OutgoingMail) => sendMail(mail, { dataDir });
const outbox = () => {
  try {
    return readdirSync(path.join(dataDir, "outbox")).map((file) =>
      readFileSync(path.join(dataDir, "outbox", file), "utf8"),
    );
  } catch {
    return [];
  }
};
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await db?.close();
});

async function creditedInvoice(customer: { locale: "sv" | "en"; email?: string | null }) {
  const organization = await createOrganization(db.prisma, { name: "Kraftbolaget AB" });
  const person = await createCustomer(db.prisma, organization.id, {
    name: "Łukasz Wiśniewski",
    locale: customer.locale,
    email: customer.email === undefined ? "lukasz@example.se" : customer.email,
  });
  const { invoice, lineIds } = await createIssuedInvoiceWithLineIds(db.prisma, {
    organizationId: organization.id,
    customerId: person.id,
    issueDate: parseCalendarDate("2026-11-03"),
    lines: [
      { ...DEFAULT_LINES[0]!, description: "Elnätsabonnemang" },
      {
        kind: "USAGE",
        description: "Energiskatt",
        quantityMilli: 412_000,
        unit: "kWh",
        unitPriceCentiOre: 3_600,
        vatRate: 25,
      },
    ],
  });
  const target = { invoiceId: invoice.id, organizationId: organization.id };
  const credited = await creditAtCurrentVersion(
    db.prisma,
    target,
    { kind: "lines", lines: [{ lineId: lineIds[0]! }] },
    { customerText: "Vi har tagit bort abonnemanget för november." },
  );
  return { organization, invoice, credited };
}

describe("notifyCustomerOfCreditNote", () => {
  it("writes its job in the credit note's transaction and emails the customer once, in Swedish, with a link of its own", async () => {
    const { organization, invoice, credited } = await creditedInvoice({ locale: "sv" });
    // The job is the outbox row: written with the credit note, keyed so it exists once.
    const jobs = await queuedJobs(db.prisma, "credit-notes.notify");
    expect(jobs.filter((job) => job.data.creditNoteId === credited.creditNoteId)).toEqual([
      {
        data: { organizationId: organization.id, creditNoteId: credited.creditNoteId },
        singletonKey: `credit-note:${credited.creditNoteId}`,
      },
    ]);

    const before = outbox().length;
    const ask = () =>
      notifyCustomerOfCreditNote({
        db: db.prisma,
        organizationId: organization.id,
        creditNoteId: credited.creditNoteId,
        send,
        appUrl: "https://nota.example.se",
      });
    expect(await ask()).toBe("sent");
    expect(await ask()).toBe("already-sent");
    const mails = outbox().slice(before);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail).toContain("To: lukasz@example.se");
    expect(mail).toContain(
      `Subject: Kreditfaktura ${credited.number} från Kraftbolaget AB (avser faktura ${invoice.number})`,
    );
    expect(mail).toContain("Hej Łukasz Wiśniewski!");
    expect(mail).toContain(`Den avser faktura ${invoice.number}, daterad 2026-11-03.`);
    expect(mail).toContain("Vi har tagit bort abonnemanget för november.");
    expect(mail).toMatch(/Att betala på faktura \d+ är nu 185,00\skr \(var 310,00\skr\)\./);

    // The link opens the credit note itself, for this customer only.
    const token = /https:\/\/nota\.example\.se\/i\/([A-Za-z0-9_-]{43})/.exec(mail)?.[1];
    expect(token).toBeDefined();
    const scope = await resolveLinkScope(db.prisma, { token: token!, visitorKey: "mail" });
    expect(scope).toMatchObject({ invoiceId: credited.creditNoteId });
    expect(
      await db.prisma.invoiceLink.findMany({
        where: { invoiceId: credited.creditNoteId },
        select: { purpose: true },
      }),
    ).toEqual([{ purpose: "EMAIL" }]);
  });

  it("speaks English to an English customer and sends nothing to one without an email", async () => {
    const english = await creditedInvoice({ locale: "en" });
    const before = outbox().length;
    expect(
      await notifyCustomerOfCreditNote({
        db: db.prisma,
        organizationId: english.organization.id,
        creditNoteId: english.credited.creditNoteId,
        send,
        appUrl: "https://nota.example.se",
      }),
    ).toBe("sent");
    const mail = outbox().slice(before)[0]!;
    expect(mail).toContain(
      `Subject: Credit note ${english.credited.number} from Kraftbolaget AB (refers to invoice ${english.invoice.number})`,
    );
    expect(mail).toContain(`It refers to invoice ${english.invoice.number}, dated 2026-11-03.`);
    expect(mail).toContain("See the credit note: https://nota.example.se/i/");

    const silent = await creditedInvoice({ locale: "sv", email: null });
    expect(
      await notifyCustomerOfCreditNote({
        db: db.prisma,
        organizationId: silent.organization.id,
        creditNoteId: silent.credited.creditNoteId,
        send,
      }),
    ).toBe("no-email");
    // Another organisation's credit note is not found, and nothing is minted for it.
    expect(
      await notifyCustomerOfCreditNote({
        db: db.prisma,
        organizationId: silent.organization.id,
        creditNoteId: english.credited.creditNoteId,
        send,
      }),
    ).toBe("not-found");
    expect(outbox().length).toBe(before + 1);
  });
});
