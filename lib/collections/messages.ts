import { z } from "zod";
import type { CollectionStepKind, CollectionTone, Locale } from "@/lib/db/generated/client";

/**
 * What a collection step says: per language, a subject and a body for email and letter and a short
 * text for SMS, from the policy's own template or the default for the step's kind and tone. A
 * template may use the placeholders below and nothing else; values go in as plain text (email and
 * SMS are text, the letter is drawn, so there is no markup to inject).
 */
export const TEMPLATE_PLACEHOLDERS = [
  "customerName",
  "organizationName",
  "invoiceNumber",
  "amountDue",
  "dueDate",
  "payBy",
  "charges",
  "link",
  "agencyName",
  "agencyContact",
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type TemplateValues = Record<TemplatePlaceholder, string>;

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;

function templateText(what: string, max: number) {
  return z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} may be at most ${max} characters`)
    .superRefine((text, ctx) => {
      for (const match of text.matchAll(PLACEHOLDER)) {
        if (!(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(match[1]!)) {
          ctx.issues.push({
            code: "custom",
            message: `unknown placeholder {{${match[1]}}} (known: ${TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")})`,
            input: text,
          });
        }
      }
    });
}

export const messageTemplateSchema = z.strictObject({
  subject: templateText("subject", 150),
  body: templateText("body", 3000),
  sms: templateText("sms", 320),
});
export type MessageTemplate = z.output<typeof messageTemplateSchema>;

export const messageTemplatesSchema = z.strictObject({
  sv: messageTemplateSchema.optional(),
  en: messageTemplateSchema.optional(),
});
export type MessageTemplates = z.output<typeof messageTemplatesSchema>;

export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name)
      ? values[name as TemplatePlaceholder]
      : whole,
  );
}

const OPENINGS: Record<Locale, Record<CollectionTone, string>> = {
  sv: {
    FRIENDLY: "Hej {{customerName}}!",
    NEUTRAL: "Hej {{customerName}},",
    FIRM: "{{customerName}},",
  },
  en: {
    FRIENDLY: "Hi {{customerName}}!",
    NEUTRAL: "Hello {{customerName}},",
    FIRM: "{{customerName}},",
  },
};

const CLOSINGS: Record<Locale, Record<CollectionTone, string>> = {
  sv: {
    FRIENDLY:
      "Har du redan betalat? Då kan du bortse från det här. Behöver du mer tid eller vill dela upp betalningen ser du dina val på fakturan – och du kan skriva till oss där.\n\nVänliga hälsningar\n{{organizationName}}",
    NEUTRAL:
      "Har du redan betalat kan du bortse från det här meddelandet. Frågor? Skriv till oss direkt på fakturan.\n\nMed vänlig hälsning\n{{organizationName}}",
    FIRM: "Om du anser att kravet är felaktigt, skriv till oss på fakturan innan dess så pausar vi ärendet medan vi utreder.\n\n{{organizationName}}",
  },
  en: {
    FRIENDLY:
      "Already paid? Then please ignore this. If you need more time or would like to split the payment, your options are on the invoice – and you can write to us there.\n\nKind regards\n{{organizationName}}",
    NEUTRAL:
      "If you have already paid, please ignore this message. Questions? Write to us on the invoice.\n\nKind regards\n{{organizationName}}",
    FIRM: "If you believe the claim is wrong, write to us on the invoice before then and we will pause the matter while we look into it.\n\n{{organizationName}}",
  },
};

const DEFAULTS: Record<
  Locale,
  Record<CollectionStepKind, { subject: string; lead: string; sms: string }>
> = {
  sv: {
    COURTESY: {
      subject: "Faktura {{invoiceNumber}} förfaller {{dueDate}}",
      lead: "en vänlig påminnelse om att faktura {{invoiceNumber}} på {{amountDue}} förfaller {{dueDate}}. Du betalar enkelt med kort eller Swish på fakturan:\n{{link}}",
      sms: "{{organizationName}}: faktura {{invoiceNumber}} på {{amountDue}} förfaller {{dueDate}}. Betala här: {{link}}",
    },
    REMINDER: {
      subject: "Påminnelse: faktura {{invoiceNumber}}",
      lead: "vi har inte fått betalt för faktura {{invoiceNumber}}, som förföll {{dueDate}}. Att betala nu: {{amountDue}}. {{charges}}\nBetala senast {{payBy}} på fakturan:\n{{link}}",
      sms: "{{organizationName}}: påminnelse om faktura {{invoiceNumber}}, {{amountDue}}. Betala senast {{payBy}}: {{link}}",
    },
    FINAL_REMINDER: {
      subject: "Sista påminnelse: faktura {{invoiceNumber}}",
      lead: "faktura {{invoiceNumber}} är fortfarande obetald. Att betala: {{amountDue}}. {{charges}}\nBetala senast {{payBy}}, annars lämnar vi kravet till {{agencyName}} för inkasso:\n{{link}}",
      sms: "{{organizationName}}: sista påminnelse om faktura {{invoiceNumber}}, {{amountDue}}. Betala senast {{payBy}}: {{link}}",
    },
    COLLECTION_HANDOVER: {
      subject: "Inkassokrav: faktura {{invoiceNumber}}",
      lead: "faktura {{invoiceNumber}} har lämnats till {{agencyName}} för inkasso. Att betala: {{amountDue}}. {{charges}}\nBetala senast {{payBy}}. Kontakta {{agencyName}}: {{agencyContact}}. Fakturan och vad som hänt finns här:\n{{link}}",
      sms: "{{organizationName}}: faktura {{invoiceNumber}} har lämnats till {{agencyName}} för inkasso. Kontakt: {{agencyContact}}. {{link}}",
    },
  },
  en: {
    COURTESY: {
      subject: "Invoice {{invoiceNumber}} is due on {{dueDate}}",
      lead: "a friendly reminder that invoice {{invoiceNumber}} of {{amountDue}} is due on {{dueDate}}. You can pay by card or Swish on the invoice:\n{{link}}",
      sms: "{{organizationName}}: invoice {{invoiceNumber}} of {{amountDue}} is due on {{dueDate}}. Pay here: {{link}}",
    },
    REMINDER: {
      subject: "Reminder: invoice {{invoiceNumber}}",
      lead: "we have not received payment for invoice {{invoiceNumber}}, which was due on {{dueDate}}. To pay now: {{amountDue}}. {{charges}}\nPlease pay by {{payBy}} on the invoice:\n{{link}}",
      sms: "{{organizationName}}: reminder of invoice {{invoiceNumber}}, {{amountDue}}. Please pay by {{payBy}}: {{link}}",
    },
    FINAL_REMINDER: {
      subject: "Final reminder: invoice {{invoiceNumber}}",
      lead: "invoice {{invoiceNumber}} is still unpaid. To pay: {{amountDue}}. {{charges}}\nPlease pay by {{payBy}}, or we will pass the claim to {{agencyName}} for collection:\n{{link}}",
      sms: "{{organizationName}}: final reminder of invoice {{invoiceNumber}}, {{amountDue}}. Please pay by {{payBy}}: {{link}}",
    },
    COLLECTION_HANDOVER: {
      subject: "Debt collection notice: invoice {{invoiceNumber}}",
      lead: "invoice {{invoiceNumber}} has been passed to {{agencyName}} for collection. To pay: {{amountDue}}. {{charges}}\nPlease pay by {{payBy}}. Contact {{agencyName}}: {{agencyContact}}. The invoice and what has happened are here:\n{{link}}",
      sms: "{{organizationName}}: invoice {{invoiceNumber}} has been passed to {{agencyName}} for collection. Contact: {{agencyContact}}. {{link}}",
    },
  },
};

/** The built-in message of a step kind in a tone (what a step without a template says). */
export function defaultTemplate(
  kind: CollectionStepKind,
  tone: CollectionTone,
  locale: Locale,
): MessageTemplate {
  const text = DEFAULTS[locale][kind];
  return {
    subject: text.subject,
    body: `${OPENINGS[locale][tone]}\n\n${capitalize(text.lead)}\n\n${CLOSINGS[locale][tone]}`,
    sms: text.sms,
  };
}

/** The step's own template in the language, else the default. */
export function templateFor(
  templates: MessageTemplates | undefined,
  kind: CollectionStepKind,
  tone: CollectionTone,
  locale: Locale,
): MessageTemplate {
  return templates?.[locale] ?? defaultTemplate(kind, tone, locale);
}

/**
 * A variant's texts over its step's, language by language: a language the variant has no text
 * in speaks with the step's (and where neither has one, the default of the tone in use).
 */
export function mergeVariantTemplates(
  step: MessageTemplates | undefined,
  variant: MessageTemplates | undefined,
): MessageTemplates {
  return { ...step, ...variant };
}

export interface RenderedMessage {
  subject: string;
  body: string;
  sms: string;
}

export function renderMessage(template: MessageTemplate, values: TemplateValues): RenderedMessage {
  return {
    subject: renderTemplate(template.subject, values).replace(/\s+/g, " ").trim(),
    body: renderTemplate(template.body, values).replace(/ +\n/g, "\n").trim(),
    sms: renderTemplate(template.sms, values).replace(/\s+/g, " ").trim(),
  };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
