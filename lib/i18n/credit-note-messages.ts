import { formatMoney, type Locale } from "@/lib/money/money";

/** What a credit note did to the money (the settlement frozen in its issued snapshot). */
export interface CreditSettlement {
  toPayBeforeOre: number;
  toPayAfterOre: number;
  moneyBackOre: number;
  moneyBack: "refund" | "credit_balance" | null;
  /** How the refunded money was paid; absent on credit notes from before it was recorded. */
  refundMethods?: ReadonlyArray<"card" | "swish" | "bank">;
}

/** Which way a refund goes back: by the one method the customer paid with, or "as paid". */
function refundWay(s: CreditSettlement): "card" | "swish" | "bank" | "as_paid" {
  const methods = new Set(s.refundMethods ?? []);
  if (methods.size !== 1) return "as_paid";
  if (methods.has("bank")) return "bank";
  return methods.has("swish") ? "swish" : "card";
}

/**
 * What a credit note says to its customer, on its page, in its PDF and in the email that tells
 * them of it — one wording for all three. ML 17 kap. 22 § asks a credit note to refer to the
 * invoice it changes "specifically and unambiguously": its number and its date, written in full.
 */
const sv = {
  title: "Kreditfaktura",
  refersTo: (number: number, date: string) => `Avser faktura ${number}, daterad ${date}`,
  intro: (org: string, invoiceNumber: number) =>
    `${org} har krediterat faktura ${invoiceNumber}. Kreditfakturan visar vad som dras av, med moms per momssats.`,
  credited: "Krediterat",
  reason: "Orsak",
  whatHappens: "Vad händer med pengarna",
  openInvoice: (number: number) => `Visa faktura ${number}`,
  // What is promised is what happens: a refund goes back the way the money came (card or Swish,
  // through the provider; a bank payment, to the payer's account, as a payment finance makes); a
  // credit stays with us until the customer asks for it — nothing sets
  // it off against later invoices.
  settlement: (s: CreditSettlement, number: number, money: (ore: number) => string) =>
    s.moneyBackOre > 0
      ? s.moneyBack === "refund"
        ? {
            card: `Du får tillbaka ${money(s.moneyBackOre)} till kortet du betalade med.`,
            swish: `Du får tillbaka ${money(s.moneyBackOre)} med Swish, till kontot du betalade från.`,
            bank: `Du får tillbaka ${money(s.moneyBackOre)} till kontot du betalade från.`,
            as_paid: `Du får tillbaka ${money(s.moneyBackOre)} på samma sätt som du betalade.`,
          }[refundWay(s)]
        : `${money(s.moneyBackOre)} står kvar som ditt tillgodohavande hos oss. Kontakta kundservice om du vill få det utbetalt.`
      : s.toPayAfterOre > 0
        ? `Att betala på faktura ${number} är nu ${money(s.toPayAfterOre)} (var ${money(s.toPayBeforeOre)}).`
        : `Du har inget kvar att betala på faktura ${number}.`,
  emailSubject: (org: string, number: number, invoiceNumber: number) =>
    `Kreditfaktura ${number} från ${org} (avser faktura ${invoiceNumber})`,
  emailBody: (options: EmailText) =>
    [
      `Hej ${options.name}!`,
      "",
      `${options.org} har utfärdat kreditfaktura ${options.number} på ${options.amount}. Den avser faktura ${options.invoiceNumber}, daterad ${options.invoiceDate}.`,
      ...(options.customerText ? ["", options.customerText] : []),
      "",
      options.settlement,
      "",
      `Se kreditfakturan: ${options.url}`,
      "",
    ].join("\n"),
};

interface EmailText {
  name: string;
  org: string;
  number: number;
  amount: string;
  invoiceNumber: number;
  invoiceDate: string;
  customerText: string | null;
  settlement: string;
  url: string;
}

const en: typeof sv = {
  title: "Credit note",
  refersTo: (number, date) => `Refers to invoice ${number}, dated ${date}`,
  intro: (org, invoiceNumber) =>
    `${org} has credited invoice ${invoiceNumber}. The credit note shows what is taken off, with VAT per rate.`,
  credited: "Credited",
  reason: "Reason",
  whatHappens: "What happens to the money",
  openInvoice: (number) => `Show invoice ${number}`,
  settlement: (s, number, money) =>
    s.moneyBackOre > 0
      ? s.moneyBack === "refund"
        ? {
            card: `You get ${money(s.moneyBackOre)} back to the card you paid with.`,
            swish: `You get ${money(s.moneyBackOre)} back by Swish, to the account you paid from.`,
            bank: `You get ${money(s.moneyBackOre)} back to the account you paid from.`,
            as_paid: `You get ${money(s.moneyBackOre)} back the way you paid.`,
          }[refundWay(s)]
        : `${money(s.moneyBackOre)} stays with us as your credit. Contact customer support to have it paid out to you.`
      : s.toPayAfterOre > 0
        ? `To pay on invoice ${number} is now ${money(s.toPayAfterOre)} (was ${money(s.toPayBeforeOre)}).`
        : `You have nothing left to pay on invoice ${number}.`,
  emailSubject: (org, number, invoiceNumber) =>
    `Credit note ${number} from ${org} (refers to invoice ${invoiceNumber})`,
  emailBody: (options) =>
    [
      `Hello ${options.name},`,
      "",
      `${options.org} has issued credit note ${options.number} for ${options.amount}. It refers to invoice ${options.invoiceNumber}, dated ${options.invoiceDate}.`,
      ...(options.customerText ? ["", options.customerText] : []),
      "",
      options.settlement,
      "",
      `See the credit note: ${options.url}`,
      "",
    ].join("\n"),
};

export const CREDIT_NOTE_MESSAGES: Record<Locale, typeof sv> = { sv, en };

/** The settlement sentence in a locale, with its money formatted for it. */
export function settlementText(
  locale: Locale,
  settlement: CreditSettlement,
  invoiceNumber: number,
): string {
  return CREDIT_NOTE_MESSAGES[locale].settlement(settlement, invoiceNumber, (ore) =>
    formatMoney(ore, { locale }),
  );
}
