import { type BgMaxTally, bgmaxControls } from "@/lib/bank-files/formats/bgmax-controls";
import {
  alpha,
  type BgMaxRecord,
  currency,
  depositRecord,
  endRecord,
  giro,
  type PaymentRecord,
  paymentRecord,
  splitRecords,
  startRecord,
} from "@/lib/bank-files/formats/bgmax-records";
import { bankFileError } from "@/lib/bank-files/formats/format-error";
import type {
  BankAccountRef,
  BankEntry,
  ExtraReference,
  ParsedBankFile,
  PaymentReference,
} from "@/lib/bank-files/formats/types";

/**
 * Bankgirot's BgMax file ("Bankgiro Inbetalningar"): TK01 start, then per deposit a TK05 opening,
 * its payments (TK20) and deductions (TK21) each followed by its own TK22/23 extra references and
 * TK25–29 payer details, and a TK15 deposit record; TK70 ends the file with counts. A record type
 * the manual does not define is skipped, as the manual asks (new types may be added).
 */

const LATIN1 = new TextDecoder("latin1");
const DETAIL_TYPES = new Set(["22", "23", "25", "26", "27", "28", "29"]);

function referenceOf(
  record: PaymentRecord,
  line: number,
): { reference: PaymentReference; extra: string[] } {
  const text = record.reference;
  switch (record.referenceCode) {
    case 2:
      // Code 2: Bankgirot checked the OCR reference against the payee's OCR agreement.
      if (!/^\d+$/.test(text)) {
        throw bankFileError(
          "BGMAX",
          `line ${line}`,
          `reference code 2 (a checked OCR) but the reference "${text}" is not digits`,
        );
      }
      return { reference: { kind: "structured", value: text }, extra: [] };
    case 3:
    case 4:
    case 5:
      // 3/4: a reference (often an invoice number) the payer typed; 5: one that failed the OCR check.
      return text
        ? { reference: { kind: "unstructured", value: text }, extra: [] }
        : { reference: { kind: "none", value: null }, extra: [] };
    default:
      // 0/1: no reference. Text there anyway is kept beside it rather than dropped.
      return { reference: { kind: "none", value: null }, extra: text ? [text] : [] };
  }
}

interface OpenDeposit {
  line: number;
  account: BankAccountRef;
  currency: string;
  entries: BankEntry[];
  payments: number;
  netOre: number;
}

interface State extends BgMaxTally {
  endLine: number | null;
  deposit: OpenDeposit | null;
  current: BankEntry | null;
  /** Each TK22/TK23 with the payment it belongs to, whose reference is known only at its TK15. */
  extraReferences: Array<{ record: ExtraReference; owner: BankEntry }>;
  accounts: Map<string, BankAccountRef>;
}

function openDeposit(state: State, record: BgMaxRecord): void {
  if (state.deposit) closeUnfinished(state, `a TK05 at line ${record.line}`);
  const bankgiro = giro(record, 3, 12, "receiving bankgiro number");
  if (!bankgiro)
    throw bankFileError(
      "BGMAX",
      `line ${record.line}`,
      "the opening record names no receiving bankgiro number",
    );
  const plusgiro = giro(record, 13, 22, "receiving PlusGiro number");
  const account: BankAccountRef = plusgiro ? { bankgiro, plusgiro } : { bankgiro };
  state.accounts.set(JSON.stringify(account), account);
  state.deposit = {
    line: record.line,
    account,
    currency: currency(record, 23, 25),
    entries: [],
    payments: 0,
    netOre: 0,
  };
  state.current = null;
}

/** A deposit that never got its TK15: its payments have no date; the file fails the control. */
function closeUnfinished(state: State, by: string): void {
  const deposit = state.deposit!;
  state.findings.unclosed.push(
    `the TK05 at line ${deposit.line} is not closed by a TK15 before ${by}`,
  );
  for (const entry of deposit.entries) {
    entry.entryReference = `${deposit.account.bankgiro}::${entry.formatDetails.bgcSerial}`;
  }
  state.deposit = null;
  state.current = null;
}

function addPayment(state: State, record: BgMaxRecord): void {
  const deposit = state.deposit;
  if (!deposit) {
    throw bankFileError(
      "BGMAX",
      `line ${record.line}`,
      `a TK${record.type} payment record outside a deposit (no TK05 opens it)`,
    );
  }
  const fields = paymentRecord(record);
  const { reference, extra } = referenceOf(fields, record.line);
  const isDebit = record.type === "21";
  const details: Record<string, string> = {
    recordType: record.type,
    referenceCode: String(fields.referenceCode),
    paymentChannel: fields.channel,
    bgcSerial: fields.serial,
    imageMark: fields.imageMark,
  };
  if (fields.deductionCode !== null) details.deductionCode = fields.deductionCode;
  const entry: BankEntry = {
    entryReference: "",
    amountOre: fields.amountOre,
    currency: deposit.currency,
    bookingDate: null,
    valueDate: null,
    reference,
    extraReferences: extra,
    payerName: null,
    payerAccount: fields.senderBankgiro,
    receivingAccount: deposit.account,
    isDebit,
    endToEndId: null,
    information: [],
    channel: null,
    payerAddress: null,
    payerOrgNumber: null,
    location: `line ${record.line}`,
    formatDetails: details,
  };
  deposit.entries.push(entry);
  deposit.payments += 1;
  deposit.netOre += isDebit ? -fields.amountOre : fields.amountOre;
  if (isDebit) state.counts.deductions += 1;
  else state.counts.payments += 1;
  state.entries.push(entry);
  state.current = entry;
}

function address(entry: BankEntry) {
  entry.payerAddress ??= {
    street: null,
    postalCode: null,
    city: null,
    country: null,
    countryCode: null,
    extraName: null,
  };
  return entry.payerAddress;
}

function addDetail(state: State, record: BgMaxRecord): void {
  const entry = state.current;
  if (!entry) {
    throw bankFileError(
      "BGMAX",
      `line ${record.line}`,
      `a TK${record.type} record that follows no payment (TK20/TK21)`,
    );
  }
  const orNull = (value: string) => value || null;
  switch (record.type) {
    case "22":
    case "23": {
      const fields = paymentRecord(record);
      if (fields.reference) entry.extraReferences.push(fields.reference);
      state.extraReferences.push({
        owner: entry,
        record: {
          entryReference: "",
          value: fields.reference,
          amountOre: fields.amountOre,
          isNegative: record.type === "23",
          referenceCode: String(fields.referenceCode),
        },
      });
      state.counts.extras += 1;
      return;
    }
    case "25": {
      const text = alpha(record, 3, 52);
      if (text) entry.information.push(text);
      return;
    }
    case "26":
      entry.payerName = orNull(alpha(record, 3, 37));
      if (alpha(record, 38, 72)) address(entry).extraName = alpha(record, 38, 72);
      return;
    case "27":
      address(entry).street = orNull(alpha(record, 3, 37));
      address(entry).postalCode = orNull(alpha(record, 38, 46));
      return;
    case "28":
      address(entry).city = orNull(alpha(record, 3, 37));
      address(entry).country = orNull(alpha(record, 38, 72));
      address(entry).countryCode = orNull(alpha(record, 73, 74));
      return;
    default:
      entry.payerOrgNumber = orNull(alpha(record, 3, 14));
  }
}

function closeDeposit(state: State, record: BgMaxRecord): void {
  const deposit = state.deposit;
  if (!deposit)
    throw bankFileError(
      "BGMAX",
      `line ${record.line}`,
      "a TK15 deposit record without a TK05 opening it",
    );
  const fields = depositRecord(record);
  const at = `TK15 at line ${record.line}`;
  if (fields.amountOre !== deposit.netOre) {
    state.findings.sums.push(
      `${at} says ${fields.amountOre} öre, its payments less deductions are ${deposit.netOre} öre`,
    );
  }
  if (fields.paymentCount !== deposit.payments) {
    state.findings.counts.push(
      `${at} says ${fields.paymentCount} payments, the deposit has ${deposit.payments}`,
    );
  }
  if (fields.currency !== deposit.currency) {
    state.findings.currencies.push(
      `${at} is in ${fields.currency}, its TK05 (line ${deposit.line}) in ${deposit.currency}`,
    );
  }
  for (const entry of deposit.entries) {
    entry.bookingDate = fields.paymentDate;
    entry.entryReference = `${deposit.account.bankgiro}:${fields.paymentDate}:${entry.formatDetails.bgcSerial}`;
    entry.formatDetails.depositSerial = fields.depositSerial;
    if (fields.depositType) entry.formatDetails.depositType = fields.depositType;
  }
  state.counts.deposits += 1;
  state.deposit = null;
  state.current = null;
}

function readRecord(state: State, record: BgMaxRecord, index: number): void {
  if (state.endLine !== null) {
    state.findings.end.push(
      `line ${record.line} (TK${record.type}) comes after the TK70 end record`,
    );
  }
  if (record.type === "01") {
    if (state.start) state.findings.start.push(`a second TK01 start record at line ${record.line}`);
    else if (index !== 0)
      state.findings.start.push(`the TK01 start record is at line ${record.line}, not first`);
    state.start ??= startRecord(record);
  } else if (record.type === "05") openDeposit(state, record);
  else if (record.type === "20" || record.type === "21") addPayment(state, record);
  else if (DETAIL_TYPES.has(record.type)) addDetail(state, record);
  else if (record.type === "15") closeDeposit(state, record);
  else if (record.type === "70") {
    if (state.deposit) closeUnfinished(state, `the TK70 at line ${record.line}`);
    if (state.end) state.findings.end.push(`a second TK70 end record at line ${record.line}`);
    state.end ??= endRecord(record);
    state.endLine ??= record.line;
  } else {
    const lines = state.unknown.get(record.type) ?? [];
    lines.push(record.line);
    state.unknown.set(record.type, lines);
  }
}

/**
 * Reads a BgMax file: bytes as delivered (ISO-8859-1) or text already decoded. Throws a BAD_INPUT
 * AppError for a record it cannot read (wrong length, letters in a number, a payment outside a
 * deposit); returns every payment with the controls, which must all be ok before booking.
 */
export function parseBgMax(input: Uint8Array | string): ParsedBankFile {
  const content = typeof input === "string" ? input : LATIN1.decode(input);
  const records = splitRecords(content);
  const state: State = {
    start: null,
    end: null,
    endLine: null,
    deposit: null,
    current: null,
    entries: [],
    extraReferences: [],
    accounts: new Map(),
    counts: { payments: 0, deductions: 0, extras: 0, deposits: 0 },
    findings: { start: [], end: [], unclosed: [], sums: [], counts: [], currencies: [] },
    unknown: new Map(),
  };
  for (const [index, record] of records.entries()) readRecord(state, record, index);
  if (state.deposit) closeUnfinished(state, "the end of the file");
  for (const extra of state.extraReferences)
    extra.record.entryReference = extra.owner.entryReference;
  return {
    format: "BGMAX",
    version: state.start?.version ?? "",
    createdAt: state.start?.createdAt ?? null,
    messageId: null,
    isTest: state.start?.isTest ?? false,
    accounts: [...state.accounts.values()],
    entries: state.entries,
    extraReferenceRecords: state.extraReferences.map((extra) => extra.record),
    ignoredEntries: [],
    controls: bgmaxControls(state, records.length),
  };
}
