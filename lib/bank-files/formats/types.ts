/**
 * What a bank's payment file says, the same shape for ISO 20022 camt.054 and Bankgirot's BgMax,
 * before anything is matched or booked. The parsers only read and check the file; deciding what to
 * book is the importer's (a file with any failed control is refused whole).
 *
 * Money is integer öre throughout. Dates are calendar dates as the bank wrote them (YYYY-MM-DD).
 */

export type BankFileFormat = "CAMT054" | "BGMAX";

/** An account named in a file: the receiving account, or the payer's. */
export interface BankAccountRef {
  /** Bankgiro number, digits only, without leading zeros ("9912346"). */
  bankgiro?: string;
  /** PlusGiro number, digits only (BgMax TK05 only). */
  plusgiro?: string;
  iban?: string;
  /** Any other identification (a bank account number, an Othr/Id with another scheme). */
  other?: string;
}

export type ReferenceKind = "structured" | "unstructured" | "none";

export interface PaymentReference {
  /**
   * structured: a creditor reference the bank or the payer's bank marked as such (camt
   * Strd/CdtrRefInf/Ref; BgMax reference code 2, an OCR that passed Bankgirot's check);
   * unstructured: free text the payer wrote; none: no reference at all.
   */
  kind: ReferenceKind;
  /** null exactly when kind is "none". */
  value: string | null;
}

export interface BankEntry {
  /**
   * Unique per payment and stable across files (the importer books each reference once).
   * camt: TxDtls/Refs/AcctSvcrRef, else Ntry/AcctSvcrRef + "/" + transaction number (1-based),
   * else NtryRef + "/" + transaction number; an entry without TxDtls uses its own reference alone.
   * BgMax: "<receiving bankgiro>:<deposit date>:<BGC serial number>".
   */
  entryReference: string;
  /** Always positive; the direction is isDebit. */
  amountOre: number;
  currency: string;
  bookingDate: string | null;
  valueDate: string | null;
  reference: PaymentReference;
  /**
   * Further references of the same payment: camt further CdtrRefInf/Ref and RfrdDocInf/Nb (e.g. an
   * invoice number), and unstructured text beside a structured reference; BgMax TK22/TK23.
   */
  extraReferences: string[];
  payerName: string | null;
  /** The payer's account as written: an IBAN, a bankgiro number (BgMax), another account id. */
  payerAccount: string | null;
  receivingAccount: BankAccountRef | null;
  /** camt DBIT transactions and BgMax TK21 deductions: money out, never to be booked as a payment. */
  isDebit: boolean;
  /** camt Refs/EndToEndId (the payer's own id, "NOTPROVIDED" when none); null in BgMax. */
  endToEndId: string | null;
  /** Free information beside the reference: BgMax TK25, camt AddtlTxInf / AddtlNtryInf. */
  information: string[];
  /**
   * How the payer paid, where the file says so: "swish" for a Swish payment to the organisation's
   * own Swish number (camt: a proprietary transaction code, the additional information or the
   * creditor's account naming Swish — see camt054-fields swishSignal); null for a giro or bank
   * transfer (always in BgMax, which carries bankgiro payments only).
   */
  channel: "swish" | null;
  /** BgMax only: the payer's address (TK27/TK28) and organisation number (TK29). */
  payerAddress: PayerAddress | null;
  payerOrgNumber: string | null;
  /** Where in the file: "Ntfctn 1, Ntry 3, TxDtls 2" or "line 17", for reports. */
  location: string;
  /** What the format adds that has no common field (BgMax codes, camt statuses …), as strings. */
  formatDetails: Record<string, string>;
}

export interface PayerAddress {
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
  countryCode: string | null;
  /** BgMax TK26 positions 38–72 (often a c/o or a street). */
  extraName: string | null;
}

export interface ExtraReference {
  entryReference: string;
  value: string;
  /** BgMax TK22/TK23 amount (TK23 is negative, e.g. a credit note the payer set off). */
  amountOre: number;
  isNegative: boolean;
  referenceCode: string;
}

export type ControlLevel = "check" | "info";

/**
 * One thing the parser compared or noticed. A "check" that is not ok means the file contradicts
 * itself (control totals, counts, structure) and must not be booked; an "info" is always ok and
 * says what was skipped on purpose (entries not booked yet, unknown BgMax record types).
 */
export interface ControlCheck {
  name: string;
  ok: boolean;
  detail: string;
  level: ControlLevel;
}

/** An entry in the file that is not a payment to book, with why (camt: not BOOK, or a reversal). */
export interface IgnoredEntry {
  location: string;
  reason: string;
  amountOre: number;
  isDebit: boolean;
  reference: string | null;
}

export interface ParsedBankFile {
  format: BankFileFormat;
  /** camt: "camt.054.001.02" or "camt.054.001.08"; BgMax: the TK01 layout version ("01"). */
  version: string;
  createdAt: Date | null;
  /** camt GrpHdr/MsgId; BgMax: null (the file has no id). */
  messageId: string | null;
  /** BgMax TK01 test mark "T"; camt has no such mark and is always false. */
  isTest: boolean;
  /** Receiving accounts named in the file (camt Ntfctn/Acct, BgMax TK05), once each. */
  accounts: BankAccountRef[];
  /** Every payment and deduction, in file order. */
  entries: BankEntry[];
  /** BgMax TK22/TK23 with their amounts; camt has none (its extra references carry no amount). */
  extraReferenceRecords: ExtraReference[];
  ignoredEntries: IgnoredEntry[];
  controls: ControlCheck[];
}

/** The checks that failed; an empty list means the file agrees with itself. */
export function failedControls(file: Pick<ParsedBankFile, "controls">): ControlCheck[] {
  return file.controls.filter((control) => !control.ok);
}
