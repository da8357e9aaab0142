import { chargesText } from "@/lib/collections/charge-words";
import type { FeeKind } from "@/lib/collections/engine";
import { renderLetterPdf } from "@/lib/collections/letter-pdf";
import {
  type MessageTemplates,
  mergeVariantTemplates,
  messageTemplatesSchema,
  type RenderedMessage,
  renderMessage,
  templateFor,
} from "@/lib/collections/messages";
import type { Db } from "@/lib/db/database";
import type { CollectionStepKind, CollectionTone, Locale } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";
import { formatLongDate } from "@/lib/i18n/format-date";
import { createInvoiceLink } from "@/lib/invoices/invoice-links";
import { createLogger } from "@/lib/log";
import { type OutgoingMail, sendMail } from "@/lib/mail/send-mail";
import { formatMoney } from "@/lib/money/money";
import { defaultSmsSender, type SmsSender } from "@/lib/sms/sms";

/**
 * Sending what a collection step says, after the run recorded it: an email or an SMS with a link
 * of its own, or a letter drawn as a PDF and left for someone to print. Sent at least once and,
 * short of a crash between the mail server's yes and our note of it, once: the action's send
 * status is read first and written right after. A step whose invoice was paid in the minutes
 * between the run and the send is not sent (the page already says it is paid).
 */
const log = createLogger("collections");

export const SEND_MAX_ATTEMPTS = 5;

export interface MessageFacts {
  kind: CollectionStepKind;
  tone: CollectionTone;
  templates: MessageTemplates | undefined;
  locale: Locale;
  customerName: string;
  organizationName: string;
  invoiceNumber: number;
  amountDueOre: number;
  dueDate: Date;
  payBy: Date | null;
  charges: {
    feeOre: number;
    feeKind: FeeKind | null;
    interestOre: number;
    interestFrom: Date | null;
    interestThrough: Date | null;
    interestRateBasisPoints: number | null;
  };
  link: string;
  agencyName: string | null;
  agencyContact: string | null;
  /** The variant offers the payment plan up front: the most parts, when the policy offers one. */
  paymentPlanParts?: number | null;
}

/** A step's message as the customer receives it: the send job's and the console preview's. */
export function composeMessage(facts: MessageFacts): RenderedMessage {
  const { locale } = facts;
  const money = (ore: number) => formatMoney(ore, { locale });
  const template = templateFor(facts.templates, facts.kind, facts.tone, locale);
  const charged = facts.charges.feeOre + facts.charges.interestOre;
  return renderMessage(template, {
    customerName: facts.customerName,
    organizationName: facts.organizationName,
    invoiceNumber: String(facts.invoiceNumber),
    // What the customer owes after this step's own charges.
    amountDue: money(facts.amountDueOre + charged),
    dueDate: formatLongDate(facts.dueDate, locale),
    payBy: facts.payBy
      ? formatLongDate(facts.payBy, locale)
      : formatLongDate(facts.dueDate, locale),
    charges: facts.paymentPlanParts
      ? `${chargesText(facts.charges, locale)} ${
          locale === "sv"
            ? `Du kan också dela upp betalningen i upp till ${facts.paymentPlanParts} delar på fakturan.`
            : `You can also split the payment into up to ${facts.paymentPlanParts} parts on the invoice.`
        }`
      : chargesText(facts.charges, locale),
    link: facts.link,
    agencyName: facts.agencyName ?? (locale === "sv" ? "inkassobolaget" : "the collection agency"),
    agencyContact: facts.agencyContact ?? "",
  });
}

export type SendOutcome = "sent" | "to-print" | "failed" | "settled" | "not-pending" | "not-found";

export async function sendCollectionStep(options: {
  db: Db;
  organizationId: string;
  actionId: string;
  send?: (mail: OutgoingMail) => Promise<unknown>;
  sms?: SmsSender;
  appUrl?: string;
  now?: Date;
}): Promise<SendOutcome> {
  const { db } = options;
  const action = await db.collectionAction.findFirst({
    where: { id: options.actionId, organizationId: options.organizationId },
    include: {
      step: {
        select: {
          tone: true,
          templates: true,
          variants: {
            select: { key: true, tone: true, templates: true, offerPaymentPlan: true },
          },
        },
      },
      policy: {
        select: {
          agencyName: true,
          agencyContact: true,
          paymentPlanMinOre: true,
          paymentPlanMaxParts: true,
        },
      },
      invoice: {
        select: {
          id: true,
          number: true,
          ocr: true,
          dueDate: true,
          status: true,
          customer: {
            select: {
              name: true,
              locale: true,
              addressLine1: true,
              addressLine2: true,
              postalCode: true,
              city: true,
            },
          },
          organization: {
            select: {
              name: true,
              addressLine1: true,
              addressLine2: true,
              postalCode: true,
              city: true,
              bankgiro: true,
              plusgiro: true,
            },
          },
        },
      },
    },
  });
  if (!action) return "not-found";
  if (action.sendStatus !== "PENDING") return "not-pending";
  const { invoice } = action;
  if (invoice.status === "PAID" || invoice.status === "CREDITED") {
    await db.collectionAction.update({
      where: { id: action.id },
      data: { sendStatus: "PAGE_ONLY", lastError: "settled before it was sent" },
    });
    return "settled";
  }
  const attempts = action.attempts + 1;
  await db.collectionAction.update({ where: { id: action.id }, data: { attempts } });
  const locale = invoice.customer.locale;
  // The variant this invoice got speaks in its own tone and words where it has them.
  const variant = action.variantKey
    ? action.step.variants.find((candidate) => candidate.key === action.variantKey)
    : undefined;
  const variantTemplates = messageTemplatesSchema.safeParse(variant?.templates ?? {});
  const stepTemplates = messageTemplatesSchema.safeParse(action.step.templates);
  // Language by language: where the variant has no text of its own, the step's (as the preview).
  const templates = mergeVariantTemplates(
    stepTemplates.success ? stepTemplates.data : undefined,
    variantTemplates.success ? variantTemplates.data : undefined,
  );
  const { paymentPlanMinOre, paymentPlanMaxParts } = action.policy;
  const offersPlan =
    variant?.offerPaymentPlan === true &&
    paymentPlanMinOre !== null &&
    action.amountDueOre >= paymentPlanMinOre;
  try {
    const purpose = action.channel === "LETTER" ? "LETTER" : "REMINDER";
    const token = await db.$transaction((tx) =>
      createInvoiceLink(tx, {
        invoiceId: invoice.id,
        organizationId: action.organizationId,
        purpose,
      }),
    );
    const link = `${options.appUrl ?? getEnv().appUrl}/i/${token}`;
    const message = composeMessage({
      kind: action.kind,
      tone: variant?.tone ?? action.step.tone,
      templates,
      locale,
      customerName: invoice.customer.name,
      organizationName: invoice.organization.name,
      invoiceNumber: invoice.number ?? 0,
      amountDueOre: action.amountDueOre,
      dueDate: invoice.dueDate ?? action.plannedFor,
      payBy: action.payBy,
      charges: {
        feeOre: action.feeOre,
        feeKind: (action.feeKind as FeeKind | null) ?? null,
        interestOre: action.interestOre,
        interestFrom: action.interestFrom,
        interestThrough: action.interestThrough,
        interestRateBasisPoints: action.interestRateBasisPoints,
      },
      link,
      agencyName: action.policy.agencyName,
      agencyContact: action.policy.agencyContact,
      paymentPlanParts: offersPlan ? paymentPlanMaxParts : null,
    });
    if (action.channel === "LETTER") {
      const pdf = await renderLetterPdf({
        actionId: action.id,
        locale,
        date: action.performedOn,
        organization: invoice.organization,
        customer: invoice.customer,
        message,
        invoiceNumber: invoice.number ?? 0,
        ocr: invoice.ocr,
        amountDueOre: action.amountDueOre + action.feeOre + action.interestOre,
        payBy: action.payBy,
      });
      await db.collectionAction.update({
        where: { id: action.id },
        data: { sendStatus: "TO_PRINT", letterPdf: Buffer.from(pdf), lastError: null },
      });
      return "to-print";
    }
    if (action.channel === "EMAIL") {
      await (options.send ?? sendMail)({
        to: action.recipient!,
        subject: message.subject,
        text: message.body,
      });
    } else {
      await (options.sms ?? defaultSmsSender()).send({ to: action.recipient!, text: message.sms });
    }
  } catch (error) {
    const permanent = (error as { responseCode?: number })?.responseCode;
    const refused = typeof permanent === "number" && permanent >= 500 && permanent < 600;
    if (!refused && attempts < SEND_MAX_ATTEMPTS) throw error;
    log.warn("collection step not sent", { actionId: action.id, channel: action.channel, error });
    await db.collectionAction.update({
      where: { id: action.id },
      data: {
        sendStatus: "FAILED",
        lastError: String((error as Error).message ?? error).slice(0, 300),
      },
    });
    return "failed";
  }
  await db.collectionAction.update({
    where: { id: action.id },
    data: { sendStatus: "SENT", sentAt: options.now ?? new Date(), lastError: null },
  });
  return "sent";
}
