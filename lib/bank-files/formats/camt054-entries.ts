import { amountOf, type CamtDialect } from "@/lib/bank-files/formats/camt054-dialect";
import {
  accountId,
  bankTransactionCode,
  creditDebit,
  currencyOf,
  dateOf,
  ore,
  proprietaryTransactionCode,
  remittance,
  swishSignal,
} from "@/lib/bank-files/formats/camt054-fields";
import type { BankAccountRef, BankEntry, IgnoredEntry } from "@/lib/bank-files/formats/types";
import { XmlShapeError } from "@/lib/bank-files/formats/xml-document";
import {
  element,
  elements,
  requiredText,
  text,
  texts,
  type XmlElement,
} from "@/lib/bank-files/formats/xml-tree";

/**
 * One camt.054 Ntry → the payments in it. An entry is one booking on the account; its NtryDtls
 * list the transactions it sums ("multi-entry": one Ntry for a whole day's bankgiro payments), and
 * each of those is a payment of its own. An entry without transaction details is one payment.
 */

export interface NotificationContext {
  dialect: CamtDialect;
  notificationId: string;
  account: BankAccountRef | null;
}

export interface NtryReading {
  amountOre: number;
  isDebit: boolean;
  currency: string;
  booked: boolean;
  payments: BankEntry[];
  ignored: IgnoredEntry | null;
  /** Currencies other than the entry's met inside it. */
  foreignCurrencies: string[];
  /** Why the transactions do not add up to the entry, or null when they do (or there are none). */
  sumProblem: string | null;
  batchProblems: string[];
  /** How many payments' references had to be built from NtryRef (no AcctSvcrRef in the file). */
  derivedReferences: number;
}

interface EntryFacts {
  amountOre: number;
  isDebit: boolean;
  currency: string;
  status: string;
  bookingDate: string | null;
  valueDate: string | null;
  accountServicerRef: string | undefined;
  entryRef: string | undefined;
  information: string[];
  bankTransactionCode: string | undefined;
  proprietaryCode: string | undefined;
}

function payment(
  tx: XmlElement | null,
  index: number,
  amount: { ore: number; currency: string; isDebit: boolean },
  entry: EntryFacts,
  context: NotificationContext,
  where: string,
): { entry: BankEntry; derived: boolean } {
  const refs = tx ? element(tx, "Refs", where) : undefined;
  const ownRef = refs && text(refs, "AcctSvcrRef", `${where}/Refs`);
  let reference: string;
  let derived = false;
  if (ownRef) reference = ownRef;
  else if (entry.accountServicerRef) {
    reference = tx ? `${entry.accountServicerRef}/${index}` : entry.accountServicerRef;
  } else if (entry.entryRef) {
    // NtryRef is unique only within its notification, so the notification's id goes with it.
    const base = `${context.notificationId}/${entry.entryRef}`;
    reference = tx ? `${base}/${index}` : base;
    derived = true;
  } else {
    throw new XmlShapeError(
      `${where} has no AcctSvcrRef (nor does its Ntry, nor a NtryRef): without the bank's reference a payment cannot be booked exactly once`,
    );
  }
  const parties = tx ? element(tx, "RltdPties", where) : undefined;
  const partiesPath = `${where}/RltdPties`;
  const { reference: paymentRef, extra } = tx
    ? remittance(tx, where)
    : { reference: { kind: "none" as const, value: null }, extra: [] };
  const additional = tx ? text(tx, "AddtlTxInf", where) : undefined;
  const information = additional ? [...entry.information, additional] : [...entry.information];
  const ownCode = tx ? proprietaryTransactionCode(tx, where) : undefined;
  const details: Record<string, string> = { status: entry.status };
  if (entry.entryRef) details.ntryRef = entry.entryRef;
  if (entry.accountServicerRef) details.ntryAcctSvcrRef = entry.accountServicerRef;
  if (entry.bankTransactionCode) details.bankTransactionCode = entry.bankTransactionCode;
  const proprietaryCode = ownCode ?? entry.proprietaryCode;
  if (proprietaryCode) details.proprietaryTransactionCode = proprietaryCode;
  return {
    derived,
    entry: {
      entryReference: reference,
      amountOre: amount.ore,
      currency: amount.currency,
      bookingDate: entry.bookingDate,
      valueDate: entry.valueDate,
      reference: paymentRef,
      extraReferences: extra,
      payerName: (parties && context.dialect.debtorName(parties, partiesPath)) || null,
      payerAccount: parties
        ? accountId(element(parties, "DbtrAcct", partiesPath), `${partiesPath}/DbtrAcct`)
        : null,
      receivingAccount: context.account,
      isDebit: amount.isDebit,
      endToEndId: (refs && text(refs, "EndToEndId", `${where}/Refs`)) || null,
      information,
      channel: swishSignal({ proprietaryCodes: [ownCode, entry.proprietaryCode], information })
        ? "swish"
        : null,
      payerAddress: null,
      payerOrgNumber: null,
      location: where,
      formatDetails: details,
    },
  };
}

export function readNtry(
  ntry: XmlElement,
  context: NotificationContext,
  where: string,
): NtryReading {
  const written = amountOf(ntry, "Amt", where);
  if (!written) throw new XmlShapeError(`${where}/Amt is missing`);
  const facts: EntryFacts = {
    amountOre: ore(written.text, `${where}/Amt`),
    currency: currencyOf(written, `${where}/Amt`),
    isDebit: creditDebit(requiredText(ntry, "CdtDbtInd", where), `${where}/CdtDbtInd`),
    status: context.dialect.status(ntry, where),
    bookingDate: dateOf(ntry, "BookgDt", where),
    valueDate: dateOf(ntry, "ValDt", where),
    accountServicerRef: text(ntry, "AcctSvcrRef", where) || undefined,
    entryRef: text(ntry, "NtryRef", where) || undefined,
    information: texts(ntry, "AddtlNtryInf", where).filter(Boolean),
    bankTransactionCode: bankTransactionCode(ntry, where),
    proprietaryCode: proprietaryTransactionCode(ntry, where),
  };
  const reading: NtryReading = {
    amountOre: facts.amountOre,
    isDebit: facts.isDebit,
    currency: facts.currency,
    booked: facts.status === "BOOK",
    payments: [],
    ignored: null,
    foreignCurrencies: [],
    sumProblem: null,
    batchProblems: [],
    derivedReferences: 0,
  };
  // A reversal undoes an earlier booking (a returned payment); it is money moving back, not a
  // customer paying, so it is reported and never matched.
  const reversal = text(ntry, "RvslInd", where) === "true";
  if (!reading.booked || reversal) {
    reading.booked = false;
    reading.ignored = {
      location: where,
      reason: reversal
        ? "a reversal (RvslInd), not a payment"
        : `status ${facts.status}: not booked by the bank`,
      amountOre: facts.amountOre,
      isDebit: facts.isDebit,
      reference: facts.accountServicerRef ?? facts.entryRef ?? null,
    };
    return reading;
  }
  const groups = elements(ntry, "NtryDtls", where).map((details, index) => {
    const path = `${where}/NtryDtls[${index + 1}]`;
    return { details, path, txs: elements(details, "TxDtls", path) };
  });
  const txCount = groups.reduce((count, group) => count + group.txs.length, 0);
  if (txCount === 0) {
    const single = payment(
      null,
      1,
      { ore: facts.amountOre, currency: facts.currency, isDebit: facts.isDebit },
      facts,
      context,
      where,
    );
    reading.payments.push(single.entry);
    reading.derivedReferences += single.derived ? 1 : 0;
    return reading;
  }
  let signedSum = 0;
  let index = 0;
  for (const group of groups) {
    let groupSum = 0;
    group.txs.forEach((tx, position) => {
      index += 1;
      const path = `${group.path}/TxDtls[${position + 1}]`;
      const own = context.dialect.transactionAmount(tx, path);
      if (!own && txCount > 1) {
        throw new XmlShapeError(
          `${path} has no amount, and its Ntry holds ${txCount} transactions: each one's amount cannot be known`,
        );
      }
      const amountOre = own ? ore(own.text, `${path}/Amt`) : facts.amountOre;
      const currency = own ? currencyOf(own, `${path}/Amt`) : facts.currency;
      if (currency !== facts.currency && !reading.foreignCurrencies.includes(currency)) {
        reading.foreignCurrencies.push(currency);
      }
      const direction = context.dialect.transactionCreditDebit(tx, path);
      const isDebit =
        direction === undefined ? facts.isDebit : creditDebit(direction, `${path}/CdtDbtInd`);
      const signed = isDebit === facts.isDebit ? amountOre : -amountOre;
      signedSum += signed;
      groupSum += signed;
      const made = payment(tx, index, { ore: amountOre, currency, isDebit }, facts, context, path);
      reading.payments.push(made.entry);
      reading.derivedReferences += made.derived ? 1 : 0;
    });
    const batch = element(group.details, "Btch", group.path);
    if (batch)
      reading.batchProblems.push(
        ...batchProblems(batch, group.txs.length, groupSum, `${group.path}/Btch`),
      );
  }
  if (signedSum !== facts.amountOre) {
    reading.sumProblem = `${where}: its ${txCount} TxDtls add up to ${signedSum} öre, the Ntry says ${facts.amountOre} öre`;
  }
  return reading;
}

/** NtryDtls/Btch states how many transactions and how much the batch holds; both must agree. */
function batchProblems(batch: XmlElement, count: number, sumOre: number, where: string): string[] {
  const problems: string[] = [];
  const stated = text(batch, "NbOfTxs", where);
  if (stated !== undefined && stated !== String(count)) {
    problems.push(`${where}/NbOfTxs says ${stated}, the batch holds ${count} TxDtls`);
  }
  const total = amountOf(batch, "TtlAmt", where);
  if (total) {
    const totalOre = ore(total.text, `${where}/TtlAmt`);
    if (totalOre !== Math.abs(sumOre)) {
      problems.push(
        `${where}/TtlAmt says ${totalOre} öre, its TxDtls add up to ${Math.abs(sumOre)} öre`,
      );
    }
  }
  return problems;
}
