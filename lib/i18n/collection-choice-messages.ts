/**
 * The email that confirms what a customer chose on their invoice page — more time to pay, or a
 * payment plan — in their language. Money and dates come formatted by the caller.
 */
export interface RespiteMail {
  name: string;
  org: string;
  number: number;
  dueDate: string;
  url: string;
}

export interface PlanMail {
  name: string;
  org: string;
  number: number;
  bankgiro: string | null;
  parts: Array<{ position: number; amount: string; dueDate: string; ocr: string }>;
  /** The plan's fee, formatted; null when it has none. */
  fee: string | null;
  url: string;
}

const sv = {
  respiteSubject: (number: number) => `Ny förfallodag för faktura ${number}`,
  respiteBody: (mail: RespiteMail) =>
    [
      `Hej ${mail.name}!`,
      "",
      `Du har valt att betala faktura ${mail.number} från ${mail.org} senare. Ny förfallodag: ${mail.dueDate}.`,
      "",
      "Det kostar ingenting, och våra påminnelser flyttas efter den nya dagen.",
      "",
      `Fakturan finns här: ${mail.url}`,
      "",
      "Vänliga hälsningar",
      mail.org,
    ].join("\n"),
  planSubject: (number: number) => `Din avbetalningsplan för faktura ${number}`,
  planBody: (mail: PlanMail) =>
    [
      `Hej ${mail.name}!`,
      "",
      `Du har valt att dela upp betalningen av faktura ${mail.number} från ${mail.org} i ${mail.parts.length} delar. ${
        mail.bankgiro
          ? `Betala varje del till bankgiro ${mail.bankgiro} med delens eget OCR-nummer:`
          : "Betala varje del med delens eget OCR-nummer:"
      }`,
      "",
      ...mail.parts.map(
        (part) =>
          `Del ${part.position}: ${part.amount} senast ${part.dueDate}, OCR-nummer ${part.ocr}`,
      ),
      "",
      mail.fee
        ? `I delarna ingår en avgift för avbetalningsplanen på ${mail.fee} (förordning 1981:1057 3 §), som du godkände när du valde planen.`
        : "Planen kostar ingenting extra.",
      "Medan planen gäller skickar vi inga påminnelser. Betalas en del inte i tid upphör planen, och påminnelserna fortsätter.",
      "",
      `Fakturan och planen finns här: ${mail.url}`,
      "",
      "Vänliga hälsningar",
      mail.org,
    ].join("\n"),
};

type Messages = typeof sv;

const en: Messages = {
  respiteSubject: (number) => `New due date for invoice ${number}`,
  respiteBody: (mail) =>
    [
      `Hello ${mail.name}!`,
      "",
      `You chose to pay invoice ${mail.number} from ${mail.org} later. New due date: ${mail.dueDate}.`,
      "",
      "It costs nothing, and our reminders move with the new date.",
      "",
      `The invoice is here: ${mail.url}`,
      "",
      "Kind regards",
      mail.org,
    ].join("\n"),
  planSubject: (number) => `Your payment plan for invoice ${number}`,
  planBody: (mail) =>
    [
      `Hello ${mail.name}!`,
      "",
      `You chose to split the payment of invoice ${mail.number} from ${mail.org} into ${mail.parts.length} parts. ${
        mail.bankgiro
          ? `Pay each part to bankgiro ${mail.bankgiro} with the part's own OCR reference:`
          : "Pay each part with the part's own OCR reference:"
      }`,
      "",
      ...mail.parts.map(
        (part) =>
          `Part ${part.position}: ${part.amount} by ${part.dueDate}, OCR reference ${part.ocr}`,
      ),
      "",
      mail.fee
        ? `The parts include a payment plan fee of ${mail.fee} (Swedish ordinance 1981:1057, section 3), which you accepted when you chose the plan.`
        : "The plan costs nothing extra.",
      "While the plan is in force we send no reminders. If a part is not paid on time the plan ends, and reminders carry on.",
      "",
      `The invoice and the plan are here: ${mail.url}`,
      "",
      "Kind regards",
      mail.org,
    ].join("\n"),
};

export const COLLECTION_CHOICE_MESSAGES = { sv, en } as const;
