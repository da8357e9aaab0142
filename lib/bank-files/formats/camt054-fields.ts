import { decimalToOre } from "@/lib/bank-files/formats/amount";
import type { WrittenAmount } from "@/lib/bank-files/formats/camt054-dialect";
import { isoDate, isoDateTime } from "@/lib/bank-files/formats/file-dates";
import type { PaymentReference } from "@/lib/bank-files/formats/types";
import { XmlShapeError } from "@/lib/bank-files/formats/xml-document";
import { element, elements, text, texts, type XmlElement } from "@/lib/bank-files/formats/xml-tree";

/**
 * The camt.054 fields both versions write alike: amounts, directions, dates, accounts, the
 * remittance information that carries the OCR. Each reader refuses what it cannot read, naming
 * the element's path.
 */

const CURRENCY = /^[A-Z]{3}$/;

export function ore(written: string, where: string): number {
  const result = decimalToOre(written);
  if (!result.ok) throw new XmlShapeError(`${where}: ${result.reason}`);
  return result.ore;
}

export function currencyOf(amount: WrittenAmount, where: string): string {
  if (amount.currency === undefined) throw new XmlShapeError(`${where} has no Ccy attribute`);
  if (!CURRENCY.test(amount.currency)) {
    throw new XmlShapeError(`${where} has currency "${amount.currency}", not an ISO 4217 code`);
  }
  return amount.currency;
}

export function creditDebit(value: string, where: string): boolean {
  if (value === "DBIT") return true;
  if (value === "CRDT") return false;
  throw new XmlShapeError(`${where} is "${value}"; it must be CRDT or DBIT`);
}

/** BookgDt/ValDt: Dt, or DtTm whose date part is the day as the bank wrote it. */
export function dateOf(parent: XmlElement, name: string, where: string): string | null {
  const choice = element(parent, name, where);
  if (choice === undefined) return null;
  const path = `${where}/${name}`;
  const day = text(choice, "Dt", path);
  if (day !== undefined) {
    if (isoDate(day) === null) throw new XmlShapeError(`${path}/Dt "${day}" is not a date`);
    return day;
  }
  const moment = text(choice, "DtTm", path);
  if (moment === undefined) throw new XmlShapeError(`${path} has neither Dt nor DtTm`);
  if (isoDateTime(moment) === null) {
    throw new XmlShapeError(`${path}/DtTm "${moment}" is not a date and time`);
  }
  return moment.slice(0, 10);
}

export function accountId(parent: XmlElement | undefined, where: string): string | null {
  const id = parent && element(parent, "Id", where);
  if (!id) return null;
  const iban = text(id, "IBAN", `${where}/Id`);
  if (iban) return iban;
  const other = element(id, "Othr", `${where}/Id`);
  return (other && text(other, "Id", `${where}/Id/Othr`)) || null;
}

export function remittance(
  tx: XmlElement,
  where: string,
): { reference: PaymentReference; extra: string[] } {
  const info = element(tx, "RmtInf", where);
  if (!info) return { reference: { kind: "none", value: null }, extra: [] };
  const path = `${where}/RmtInf`;
  const structured: string[] = [];
  const extra: string[] = [];
  elements(info, "Strd", path).forEach((strd, index) => {
    const strdPath = `${path}/Strd[${index + 1}]`;
    const creditorRef = element(strd, "CdtrRefInf", strdPath);
    const ref = creditorRef && text(creditorRef, "Ref", `${strdPath}/CdtrRefInf`);
    if (ref) structured.push(ref);
    for (const doc of elements(strd, "RfrdDocInf", strdPath)) {
      const number = text(doc, "Nb", `${strdPath}/RfrdDocInf`);
      if (number) extra.push(number);
    }
    for (const line of texts(strd, "AddtlRmtInf", strdPath)) if (line) extra.push(line);
  });
  const free = texts(info, "Ustrd", path)
    .filter((line) => line !== "")
    .join(" ");
  if (structured.length > 0) {
    if (free) extra.push(free);
    return {
      reference: { kind: "structured", value: structured[0]! },
      extra: [...structured.slice(1), ...extra],
    };
  }
  if (free) return { reference: { kind: "unstructured", value: free }, extra };
  return { reference: { kind: "none", value: null }, extra };
}

export function bankTransactionCode(node: XmlElement, where: string): string | undefined {
  const code = element(node, "BkTxCd", where);
  const domain = code && element(code, "Domn", `${where}/BkTxCd`);
  if (domain) {
    const family = element(domain, "Fmly", `${where}/BkTxCd/Domn`);
    const parts = [text(domain, "Cd", `${where}/BkTxCd/Domn`)];
    if (family) {
      parts.push(text(family, "Cd", `${where}/BkTxCd/Domn/Fmly`));
      parts.push(text(family, "SubFmlyCd", `${where}/BkTxCd/Domn/Fmly`));
    }
    return parts.filter(Boolean).join("/");
  }
  const proprietary = code && element(code, "Prtry", `${where}/BkTxCd`);
  return (proprietary && text(proprietary, "Cd", `${where}/BkTxCd/Prtry`)) || undefined;
}

/** The bank's own transaction code (BkTxCd/Prtry/Cd), whether or not an ISO domain code is beside it. */
export function proprietaryTransactionCode(node: XmlElement, where: string): string | undefined {
  const code = element(node, "BkTxCd", where);
  const proprietary = code && element(code, "Prtry", `${where}/BkTxCd`);
  return (proprietary && text(proprietary, "Cd", `${where}/BkTxCd/Prtry`)) || undefined;
}

const SWISH_WORD = /(^|[^a-z])swish([^a-z]|$)/i;

/**
 * Whether a camt.054 payment came by Swish. ISO 20022 has no code of its own for Swish, and the
 * Swedish banks mark it differently: some with a proprietary transaction code ("SWISH",
 * "SWISH-IN", "Swish Handel"), some only in the entry's or transaction's additional information
 * ("Swish från 46701234567"). Any of those naming Swish as a word counts; a free text the payer
 * wrote does not (a payer may write anything there).
 */
export function swishSignal(signals: {
  proprietaryCodes: Array<string | undefined>;
  information: string[];
}): boolean {
  return (
    signals.proprietaryCodes.some((code) => !!code && SWISH_WORD.test(code)) ||
    signals.information.some((line) => SWISH_WORD.test(line))
  );
}
