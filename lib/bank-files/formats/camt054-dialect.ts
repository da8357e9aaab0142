import { XmlShapeError } from "@/lib/bank-files/formats/xml-document";
import {
  element,
  requiredText,
  text,
  textWithAttribute,
  type XmlElement,
} from "@/lib/bank-files/formats/xml-tree";

/**
 * Where camt.054.001.02 and .001.08 differ in what we read. Everything else (Amt with Ccy,
 * CdtDbtInd, BookgDt/ValDt, Refs, DbtrAcct, RmtInf) is written the same way in both.
 */

export const CAMT054_NAMESPACES = {
  "urn:iso:std:iso:20022:tech:xsd:camt.054.001.02": "camt.054.001.02",
  "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08": "camt.054.001.08",
} as const;

export type Camt054Version = (typeof CAMT054_NAMESPACES)[keyof typeof CAMT054_NAMESPACES];

export interface WrittenAmount {
  text: string;
  currency: string | undefined;
}

export interface NetAmount {
  amount: string;
  creditDebit: string;
}

export interface CamtDialect {
  version: Camt054Version;
  /** The entry status code: BOOK, PDNG, INFO (… FUTR in .08). */
  status(ntry: XmlElement, where: string): string;
  /** The transaction's own amount, when the file gives one. */
  transactionAmount(tx: XmlElement, where: string): WrittenAmount | undefined;
  /** A transaction's direction when it states one (.08 only); otherwise its entry's. */
  transactionCreditDebit(tx: XmlElement, where: string): string | undefined;
  debtorName(parties: XmlElement, where: string): string | undefined;
  /** TxsSummry/TtlNtries' net amount and direction, when present. */
  netEntries(totals: XmlElement, where: string): NetAmount | undefined;
}

export function amountOf(
  parent: XmlElement,
  name: string,
  where: string,
): WrittenAmount | undefined {
  const found = textWithAttribute(parent, name, "Ccy", where);
  return found && { text: found.text, currency: found.attribute };
}

function txAmountFromDetails(tx: XmlElement, where: string): WrittenAmount | undefined {
  const details = element(tx, "AmtDtls", where);
  const txAmount = details && element(details, "TxAmt", `${where}/AmtDtls`);
  return txAmount && amountOf(txAmount, "Amt", `${where}/AmtDtls/TxAmt`);
}

const V02: CamtDialect = {
  version: "camt.054.001.02",
  status(ntry, where) {
    const status = ntry.Sts;
    if (typeof status === "object" && status !== null && !Array.isArray(status)) {
      throw new XmlShapeError(
        `${where}/Sts must be a status code (BOOK, PDNG, INFO) in camt.054.001.02`,
      );
    }
    return requiredText(ntry, "Sts", where);
  },
  transactionAmount: txAmountFromDetails,
  transactionCreditDebit: () => undefined,
  debtorName(parties, where) {
    const debtor = element(parties, "Dbtr", where);
    return debtor && text(debtor, "Nm", `${where}/Dbtr`);
  },
  netEntries(totals, where) {
    const amount = text(totals, "TtlNetNtryAmt", where);
    if (amount === undefined) return undefined;
    return { amount, creditDebit: requiredText(totals, "CdtDbtInd", where) };
  },
};

const V08: CamtDialect = {
  version: "camt.054.001.08",
  status(ntry, where) {
    const status = element(ntry, "Sts", where);
    if (status === undefined) throw new XmlShapeError(`${where}/Sts is missing`);
    const code = text(status, "Cd", `${where}/Sts`) ?? text(status, "Prtry", `${where}/Sts`);
    if (!code) throw new XmlShapeError(`${where}/Sts has neither Cd nor Prtry`);
    return code;
  },
  transactionAmount(tx, where) {
    return amountOf(tx, "Amt", where) ?? txAmountFromDetails(tx, where);
  },
  transactionCreditDebit(tx, where) {
    return text(tx, "CdtDbtInd", where);
  },
  debtorName(parties, where) {
    const debtor = element(parties, "Dbtr", where);
    const party = debtor && element(debtor, "Pty", `${where}/Dbtr`);
    return party && text(party, "Nm", `${where}/Dbtr/Pty`);
  },
  netEntries(totals, where) {
    const net = element(totals, "TtlNetNtry", where);
    if (net === undefined) return undefined;
    return {
      amount: requiredText(net, "Amt", `${where}/TtlNetNtry`),
      creditDebit: requiredText(net, "CdtDbtInd", `${where}/TtlNetNtry`),
    };
  },
};

export function dialectFor(version: Camt054Version): CamtDialect {
  return version === "camt.054.001.02" ? V02 : V08;
}
