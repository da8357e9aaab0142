import { z } from "zod";
import type { Db } from "@/lib/db/database";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { createInvoiceLink, revokeInvoiceLinks } from "@/lib/invoices/invoice-links";
import { resolveLink } from "@/lib/invoices/link-scope";
import { enqueueJob } from "@/lib/jobs/job-engine";
import { type OutgoingMail, sendMail } from "@/lib/mail/send-mail";
import { hitRateLimit } from "@/lib/rate-limit/rate-limit";
import { type Actor, actorFields } from "@/lib/timeline/actor";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";

/**
 * An invoice's links over their life: an agent revokes them (a link leaked) or renews them (the
 * customer gets a new one by mail — staff never see a link's secret), and an organisation may let
 * links expire some days after the invoice is settled (the rule: link-validity.ts); the holder of
 * an expired link can ask for a fresh one, which goes only to the email address on file.
 */

export const linkChangeInputSchema = z.object({
  /** Staff-only: why. */
  reason: z.string().trim().min(3, "give a reason of at least 3 characters").max(500),
});

export type LinkChange = "revoke" | "renew";

/** Revokes every link of an issued invoice; with "renew", mails the customer a new one. */
export async function changeInvoiceLinks(options: {
  db: Db;
  invoiceId: string;
  organizationId: string;
  change: LinkChange;
  reason: string;
  actor: Actor;
}): Promise<{ revoked: number; mailed: boolean }> {
  return options.db.$transaction(async (tx) => {
    const invoice = await tx.invoice.findFirst({
      where: { id: options.invoiceId, organizationId: options.organizationId },
      select: { id: true, status: true, customer: { select: { email: true } } },
    });
    if (!invoice) throw new AppError("NOT_FOUND", "No such invoice");
    if (invoice.status === "DRAFT") {
      throw new AppError(
        "CONFLICT",
        "A draft has no links: the customer sees it once it is issued",
      );
    }
    if (options.change === "renew" && !invoice.customer.email) {
      throw new AppError(
        "CONFLICT",
        "The customer has no email address on file, so a new link cannot be sent",
      );
    }
    const revoked = await revokeInvoiceLinks(tx, invoice.id);
    await recordInvoiceEvent(tx, {
      organizationId: options.organizationId,
      invoiceId: invoice.id,
      type: options.change === "renew" ? "ACCESS_LINK_RENEWED" : "ACCESS_LINK_REVOKED",
      visibility: "STAFF",
      ...actorFields(options.actor),
      data: { revoked, reason: options.reason },
    });
    if (options.change === "renew") {
      await enqueueJob(tx, "invoices.send-link", {
        organizationId: options.organizationId,
        invoiceId: invoice.id,
        reason: "renewed",
      });
    }
    return { revoked, mailed: options.change === "renew" };
  });
}

/** At most one fresh link per expired link an hour: the mailbox on file is not to be flooded. */
const FRESH_LINK_LIMIT = { limit: 1, windowMs: 60 * 60_000 };

/**
 * The holder of an expired link asks for a fresh one: it is mailed to the address on file (never
 * shown), once an hour at most. The answer is the same whether or not a mail goes out. The token
 * is looked up by the one resolver, so a token that is not an expired link counts against the
 * asker like any failed lookup.
 */
export async function requestFreshLink(
  db: Db,
  request: { token: string; visitorKey: string },
): Promise<"queued" | "not-expired"> {
  const expired = await resolveLink(db, request);
  if (expired.kind !== "expired") return "not-expired";
  const limit = await hitRateLimit(db, {
    key: `fresh-link:${expired.tokenHash}`,
    ...FRESH_LINK_LIMIT,
  });
  if (limit.limited) return "queued";
  await db.$transaction((tx) =>
    enqueueJob(tx, "invoices.send-link", {
      organizationId: expired.organizationId,
      invoiceId: expired.invoiceId,
      reason: "expired",
    }),
  );
  return "queued";
}

/**
 * Mails the customer a new link to their invoice (minted now, stored as its hash), in their
 * language. Run by the invoices.send-link job.
 */
export async function sendInvoiceLink(options: {
  db: Db;
  invoiceId: string;
  organizationId: string;
  reason: "renewed" | "expired";
  send?: (mail: OutgoingMail) => Promise<unknown>;
  appUrl?: string;
}): Promise<"sent" | "no-email" | "not-found"> {
  const { db } = options;
  const invoice = await db.invoice.findFirst({
    where: { id: options.invoiceId, organizationId: options.organizationId },
    select: {
      id: true,
      kind: true,
      number: true,
      status: true,
      customer: { select: { email: true, name: true, locale: true } },
      organization: { select: { name: true } },
    },
  });
  if (!invoice || invoice.status === "DRAFT" || invoice.number === null) return "not-found";
  const email = invoice.customer.email;
  if (!email) return "no-email";
  const token = await db.$transaction(async (tx) => {
    const minted = await createInvoiceLink(tx, {
      invoiceId: invoice.id,
      organizationId: options.organizationId,
      purpose: "EMAIL",
    });
    await recordInvoiceEvent(tx, {
      organizationId: options.organizationId,
      invoiceId: invoice.id,
      type: "ACCESS_LINK_SENT",
      visibility: "STAFF",
      data: { reason: options.reason },
    });
    return minted;
  });
  const url = `${options.appUrl ?? getEnv().appUrl}/i/${token}`;
  const org = invoice.organization.name;
  const sv = invoice.customer.locale === "sv";
  const what = sv
    ? `${invoice.kind === "CREDIT_NOTE" ? "kreditfaktura" : "faktura"} ${invoice.number}`
    : `${invoice.kind === "CREDIT_NOTE" ? "credit note" : "invoice"} ${invoice.number}`;
  await (options.send ?? sendMail)({
    to: email,
    subject: sv ? `Ny länk till din ${what} från ${org}` : `A new link to your ${what} from ${org}`,
    text: sv
      ? `Hej ${invoice.customer.name}!\n\nHär är en ny länk till din ${what} från ${org}:\n\n${url}\n\nDen gamla länken fungerar inte längre. Dela inte länken – den som har den kan se fakturan.\n`
      : `Hello ${invoice.customer.name},\n\nHere is a new link to your ${what} from ${org}:\n\n${url}\n\nThe old link no longer works. Do not share this link: whoever has it can see the invoice.\n`,
  });
  return "sent";
}
