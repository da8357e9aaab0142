import { writeFileSync } from "node:fs";
import path from "node:path";
import { oreToDecimal } from "@/lib/bank-files/formats/amount";

/**
 * Writes the bank files Nota imports — ISO 20022 camt.054 (.001.02 and .001.08) and Bankgirot's
 * BgMax — from a list of payments, for tests and benchmarks. Files are built as strings (no DOM),
 * so 100,000 payments take about a second. Every option that makes a file wrong is named for
 * the control it breaks, so a test can ask for exactly one failure.
 *
 * `entryReferences` in the result is, for each payment in the order given, the reference the
 * parser will report for it: tests compare with it instead of re-deriving the rules.
 */

export interface GeneratorPayment {
  amountOre: number;
  reference?: { kind: "structured" | "unstructured" | "none"; value: string | null };
  payerName?: string;
  /** camt: an IBAN (written as IBAN) or any other id; BgMax: the payer's bankgiro number (digits). */
  payerAccount?: string;
  /** YYYY-MM-DD: camt BookgDt, BgMax the deposit's payment date (TK15). */
  bookingDate: string;
  /** camt only; defaults to the booking date. */
  valueDate?: string;
  /** camt: the bank's AcctSvcrRef of the payment; BgMax: its BGC serial number when it is 1–12 digits (otherwise one is assigned). */
  entryReference?: string;
  /** camt: Strd/RfrdDocInf/Nb (or further CdtrRefInf, see the option); BgMax: TK22 records. */
  extraReferences?: string[];
  /** camt: a DBIT entry; BgMax: a TK21 deduction. */
  isDebit?: boolean;
  /** camt only; defaults to SEK. */
  currency?: string;
  /** camt only; defaults to BOOK. */
  status?: "BOOK" | "PDNG" | "INFO";
  endToEndId?: string;
  /** camt: AddtlTxInf (joined with a space); BgMax: one TK25 record each (≤ 50 characters). */
  information?: string[];
  /** camt only: the bank's own transaction code of the payment (TxDtls/BkTxCd/Prtry/Cd), e.g. "SWISH". */
  proprietaryCode?: string;
  /** BgMax only: the reference code to write (default 2 structured, 3 unstructured, 0 none). */
  bgmaxReferenceCode?: 0 | 1 | 2 | 3 | 4 | 5;
  /** BgMax only: TK27–TK29. */
  payerAddress?: {
    street?: string;
    postalCode?: string;
    city?: string;
    country?: string;
    countryCode?: string;
  };
  payerOrgNumber?: string;
}

export interface ReceivingAccount {
  bankgiro?: string;
  iban?: string;
  plusgiro?: string;
}

export interface GeneratedBankFile {
  format: "CAMT054" | "BGMAX";
  fileName: string;
  text: string;
  /** What a bank would deliver: UTF-8 for camt.054, ISO-8859-1 for BgMax. */
  bytes: Buffer;
  entryReferences: string[];
}

export function writeBankFile(directory: string, file: GeneratedBankFile): string {
  const target = path.join(directory, file.fileName);
  writeFileSync(target, file.bytes);
  return target;
}

/* ----------------------------------- camt.054 ----------------------------------- */

export type CamtBreak =
  | "TtlNtries.NbOfNtries"
  | "TtlNtries.Sum"
  | "TtlNtries.net"
  | "TtlCdtNtries.NbOfNtries"
  | "TtlCdtNtries.Sum"
  | "TtlDbtNtries.NbOfNtries"
  | "TtlDbtNtries.Sum"
  | "TxDtls.sum"
  | "Btch.NbOfTxs"
  | "Btch.TtlAmt";

export interface CamtOptions {
  version?: "02" | "08";
  account: ReceivingAccount;
  messageId?: string;
  /** GrpHdr/CreDtTm as written. */
  createdAt?: string;
  /** More than 1 puts that many consecutive payments (same date, direction, currency, status) in one Ntry. */
  transactionsPerEntry?: number;
  /** Ntry without NtryDtls: the entry itself is the payment (one payment per entry). */
  withoutTxDtls?: boolean;
  /** Where each payment's entryReference goes: TxDtls/Refs/AcctSvcrRef (default), the Ntry's AcctSvcrRef, or NtryRef only. */
  referencesAt?: "TxDtls" | "Ntry" | "NtryRef";
  /** Further structured references as Strd/CdtrRefInf instead of RfrdDocInf/Nb. */
  extraReferencesAsCreditorReferences?: boolean;
  /** TxsSummry with all totals (default true). */
  summary?: boolean;
  /** NtryDtls/Btch with NbOfTxs and TtlAmt. */
  batchTotals?: boolean;
  /** Split the entries over notifications of this many entries each. */
  entriesPerNotification?: number;
  /** BookgDt/ValDt as DtTm instead of Dt. */
  dateTimes?: boolean;
  /** Write elements with this namespace prefix (`<p:Document xmlns:p=…>`). */
  namespacePrefix?: string;
  break?: CamtBreak[];
}

const XML_INVALID = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function esc(value: string): string {
  if (XML_INVALID.test(value)) throw new Error(`"${value}" holds a character XML cannot carry`);
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/;

function accountXml(account: string): string {
  return IBAN.test(account)
    ? `<Id><IBAN>${esc(account)}</IBAN></Id>`
    : `<Id><Othr><Id>${esc(account)}</Id></Othr></Id>`;
}

function receivingAccountXml(account: ReceivingAccount): string {
  if (account.iban) return `<Id><IBAN>${esc(account.iban)}</IBAN></Id>`;
  if (account.bankgiro) {
    return `<Id><Othr><Id>${esc(account.bankgiro)}</Id><SchmeNm><Prtry>BGNR</Prtry></SchmeNm></Othr></Id>`;
  }
  throw new Error("the receiving account needs a bankgiro number or an IBAN");
}

interface CamtEntryPlan {
  payments: Array<{ payment: GeneratorPayment; index: number }>;
  amountOre: number;
  isDebit: boolean;
  currency: string;
  status: string;
  bookingDate: string;
  valueDate: string;
  ntryRef: string;
  acctSvcrRef: string | null;
}

function sameEntry(a: GeneratorPayment, b: GeneratorPayment): boolean {
  return (
    (a.isDebit ?? false) === (b.isDebit ?? false) &&
    a.bookingDate === b.bookingDate &&
    (a.valueDate ?? a.bookingDate) === (b.valueDate ?? b.bookingDate) &&
    (a.currency ?? "SEK") === (b.currency ?? "SEK") &&
    (a.status ?? "BOOK") === (b.status ?? "BOOK")
  );
}

function planEntries(
  payments: GeneratorPayment[],
  options: CamtOptions,
  messageId: string,
): CamtEntryPlan[] {
  const perEntry = options.withoutTxDtls ? 1 : Math.max(1, options.transactionsPerEntry ?? 1);
  const entries: CamtEntryPlan[] = [];
  payments.forEach((payment, index) => {
    const last = entries.at(-1);
    const first = last?.payments[0]?.payment;
    if (last && first && last.payments.length < perEntry && sameEntry(first, payment)) {
      last.payments.push({ payment, index });
      last.amountOre += payment.amountOre;
      return;
    }
    const number = entries.length + 1;
    // The entry carries an AcctSvcrRef when references are written there, or when it has no
    // TxDtls to carry the payment's own.
    const own = payment.entryReference ?? `${messageId}-T${index + 1}`;
    const acctSvcrRef =
      options.referencesAt === "NtryRef"
        ? null
        : options.referencesAt === "Ntry"
          ? (payment.entryReference ?? `${messageId}-E${number}`)
          : options.withoutTxDtls
            ? own
            : null;
    entries.push({
      payments: [{ payment, index }],
      amountOre: payment.amountOre,
      isDebit: payment.isDebit ?? false,
      currency: payment.currency ?? "SEK",
      status: payment.status ?? "BOOK",
      bookingDate: payment.bookingDate,
      valueDate: payment.valueDate ?? payment.bookingDate,
      ntryRef: String(number),
      acctSvcrRef,
    });
  });
  return entries;
}

function dateXml(name: string, day: string, asDateTime: boolean): string {
  return asDateTime
    ? `<${name}><DtTm>${day}T12:00:00+01:00</DtTm></${name}>`
    : `<${name}><Dt>${day}</Dt></${name}>`;
}

function remittanceXml(payment: GeneratorPayment, options: CamtOptions): string {
  const reference = payment.reference ?? { kind: "none", value: null };
  const extras = payment.extraReferences ?? [];
  const parts: string[] = [];
  if (reference.kind === "unstructured" && reference.value !== null) {
    parts.push(`<Ustrd>${esc(reference.value)}</Ustrd>`);
  }
  const creditorRef = (value: string) =>
    `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${esc(value)}</Ref></CdtrRefInf></Strd>`;
  if (reference.kind === "structured" && reference.value !== null)
    parts.push(creditorRef(reference.value));
  for (const extra of extras) {
    parts.push(
      options.extraReferencesAsCreditorReferences && reference.kind === "structured"
        ? creditorRef(extra)
        : `<Strd><RfrdDocInf><Nb>${esc(extra)}</Nb></RfrdDocInf></Strd>`,
    );
  }
  return parts.length > 0 ? `<RmtInf>${parts.join("")}</RmtInf>` : "";
}

function transactionXml(
  payment: GeneratorPayment,
  reference: string | null,
  options: CamtOptions,
  v08: boolean,
): string {
  const amount = `<Amt Ccy="${esc(payment.currency ?? "SEK")}">${oreToDecimal(payment.amountOre)}</Amt>`;
  const refs =
    reference !== null || payment.endToEndId
      ? `<Refs>${reference !== null ? `<AcctSvcrRef>${esc(reference)}</AcctSvcrRef>` : ""}<EndToEndId>${esc(payment.endToEndId ?? "NOTPROVIDED")}</EndToEndId></Refs>`
      : "";
  const name = payment.payerName ? `<Nm>${esc(payment.payerName)}</Nm>` : "";
  const debtor = name ? (v08 ? `<Dbtr><Pty>${name}</Pty></Dbtr>` : `<Dbtr>${name}</Dbtr>`) : "";
  const debtorAccount = payment.payerAccount
    ? `<DbtrAcct>${accountXml(payment.payerAccount)}</DbtrAcct>`
    : "";
  const parties = debtor || debtorAccount ? `<RltdPties>${debtor}${debtorAccount}</RltdPties>` : "";
  const info = payment.information?.length
    ? `<AddtlTxInf>${esc(payment.information.join(" "))}</AddtlTxInf>`
    : "";
  const amounts = v08
    ? `${amount}<CdtDbtInd>${payment.isDebit ? "DBIT" : "CRDT"}</CdtDbtInd>`
    : `<AmtDtls><TxAmt>${amount}</TxAmt></AmtDtls>`;
  const code = payment.proprietaryCode
    ? `<BkTxCd><Prtry><Cd>${esc(payment.proprietaryCode)}</Cd><Issr>BANK</Issr></Prtry></BkTxCd>`
    : "";
  return `<TxDtls>${refs}${amounts}${code}${parties}${remittanceXml(payment, options)}${info}</TxDtls>`;
}

function summaryXml(entries: CamtEntryPlan[], breaks: Set<CamtBreak>, v08: boolean): string {
  const credits = entries.filter((entry) => !entry.isDebit);
  const debits = entries.filter((entry) => entry.isDebit);
  const sum = (list: CamtEntryPlan[]) => list.reduce((total, entry) => total + entry.amountOre, 0);
  const bump = (value: number, name: CamtBreak, by: number) => value + (breaks.has(name) ? by : 0);
  const net = sum(credits) - sum(debits);
  const netDebit = breaks.has("TtlNtries.net") ? net >= 0 : net < 0;
  const netAmount = oreToDecimal(
    Math.abs(net) + (breaks.has("TtlNtries.net") && net === 0 ? 100 : 0),
  );
  const netXml = v08
    ? `<TtlNetNtry><Amt>${netAmount}</Amt><CdtDbtInd>${netDebit ? "DBIT" : "CRDT"}</CdtDbtInd></TtlNetNtry>`
    : `<TtlNetNtryAmt>${netAmount}</TtlNetNtryAmt><CdtDbtInd>${netDebit ? "DBIT" : "CRDT"}</CdtDbtInd>`;
  const totals = (name: "TtlCdtNtries" | "TtlDbtNtries", list: CamtEntryPlan[]) =>
    `<${name}><NbOfNtries>${bump(list.length, `${name}.NbOfNtries`, 1)}</NbOfNtries><Sum>${oreToDecimal(bump(sum(list), `${name}.Sum`, 100))}</Sum></${name}>`;
  return (
    `<TxsSummry><TtlNtries><NbOfNtries>${bump(entries.length, "TtlNtries.NbOfNtries", 1)}</NbOfNtries>` +
    `<Sum>${oreToDecimal(bump(sum(entries), "TtlNtries.Sum", 100))}</Sum>${netXml}</TtlNtries>` +
    `${totals("TtlCdtNtries", credits)}${totals("TtlDbtNtries", debits)}</TxsSummry>`
  );
}

/** Adds the namespace prefix to every element name of a string built without one. */
function prefixed(xml: string, prefix: string | undefined): string {
  if (!prefix) return xml;
  return xml.replace(/<(\/?)([A-Za-z][\w]*)(?=[\s>/])/g, `<$1${prefix}:$2`);
}

export function generateCamt054(
  payments: GeneratorPayment[],
  options: CamtOptions,
): GeneratedBankFile {
  const v08 = (options.version ?? "02") === "08";
  const messageId = options.messageId ?? "NOTA-TEST-0001";
  const breaks = new Set(options.break ?? []);
  const entries = planEntries(payments, options, messageId);
  const firstWithDetails = options.withoutTxDtls ? undefined : entries[0];
  // The entry says one öre more than its transactions; its summary agrees with the entry.
  if (breaks.has("TxDtls.sum") && firstWithDetails) firstWithDetails.amountOre += 1;
  const references: string[] = new Array(payments.length);
  const perNotification = options.entriesPerNotification ?? Math.max(1, entries.length);
  const notifications: string[] = [];
  let batchBroken = false;
  for (
    let start = 0, number = 1;
    start < Math.max(1, entries.length);
    start += perNotification, number += 1
  ) {
    const group = entries.slice(start, start + perNotification);
    const notificationId = `${messageId}-N${number}`;
    const parts: string[] = [
      `<Ntfctn><Id>${esc(notificationId)}</Id><CreDtTm>${esc(options.createdAt ?? "2026-12-12T08:00:00+01:00")}</CreDtTm>`,
      `<Acct>${receivingAccountXml(options.account)}<Ccy>SEK</Ccy></Acct>`,
    ];
    if (options.summary ?? true) parts.push(summaryXml(group, breaks, v08));
    for (const entry of group) {
      const withDetails = !options.withoutTxDtls;
      const status = v08 ? `<Sts><Cd>${entry.status}</Cd></Sts>` : `<Sts>${entry.status}</Sts>`;
      const head =
        `\n<Ntry><NtryRef>${entry.ntryRef}</NtryRef><Amt Ccy="${esc(entry.currency)}">${oreToDecimal(entry.amountOre)}</Amt>` +
        `<CdtDbtInd>${entry.isDebit ? "DBIT" : "CRDT"}</CdtDbtInd>${status}` +
        `${dateXml("BookgDt", entry.bookingDate, options.dateTimes ?? false)}${dateXml("ValDt", entry.valueDate, options.dateTimes ?? false)}` +
        `${entry.acctSvcrRef !== null ? `<AcctSvcrRef>${esc(entry.acctSvcrRef)}</AcctSvcrRef>` : ""}` +
        `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${entry.isDebit ? "ICDT" : "RCDT"}</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>`;
      const txs: string[] = [];
      entry.payments.forEach(({ payment, index }, position) => {
        const own = payment.entryReference ?? `${messageId}-T${index + 1}`;
        const writtenRef =
          options.referencesAt === "Ntry" || options.referencesAt === "NtryRef" ? null : own;
        if (!withDetails)
          references[index] = entry.acctSvcrRef ?? `${notificationId}/${entry.ntryRef}`;
        else if (writtenRef !== null) references[index] = writtenRef;
        else if (entry.acctSvcrRef !== null)
          references[index] = `${entry.acctSvcrRef}/${position + 1}`;
        else references[index] = `${notificationId}/${entry.ntryRef}/${position + 1}`;
        if (withDetails) txs.push(transactionXml(payment, writtenRef, options, v08));
      });
      let batch = "";
      if (withDetails && options.batchTotals) {
        const count = entry.payments.length + (breaks.has("Btch.NbOfTxs") && !batchBroken ? 1 : 0);
        const transactions = entry.payments.reduce(
          (sum, { payment }) => sum + payment.amountOre,
          0,
        );
        const total = transactions + (breaks.has("Btch.TtlAmt") && !batchBroken ? 100 : 0);
        batchBroken ||= breaks.has("Btch.NbOfTxs") || breaks.has("Btch.TtlAmt");
        batch = `<Btch><NbOfTxs>${count}</NbOfTxs><TtlAmt Ccy="${esc(entry.currency)}">${oreToDecimal(total)}</TtlAmt><CdtDbtInd>${entry.isDebit ? "DBIT" : "CRDT"}</CdtDbtInd></Btch>`;
      }
      const details = withDetails ? `<NtryDtls>${batch}${txs.join("")}</NtryDtls>` : "";
      parts.push(head, details, "</Ntry>");
    }
    parts.push("\n</Ntfctn>");
    notifications.push(parts.join(""));
  }
  const version = v08 ? "camt.054.001.08" : "camt.054.001.02";
  const prefix = options.namespacePrefix;
  const body =
    `<Document xmlns${prefix ? `:${prefix}` : ""}="urn:iso:std:iso:20022:tech:xsd:${version}">` +
    `<BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>${esc(messageId)}</MsgId><CreDtTm>${esc(options.createdAt ?? "2026-12-12T08:00:00+01:00")}</CreDtTm></GrpHdr>\n` +
    `${notifications.join("\n")}\n</BkToCstmrDbtCdtNtfctn></Document>\n`;
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${prefixed(body, prefix)}`;
  return {
    format: "CAMT054",
    fileName: `${messageId}.xml`,
    text,
    bytes: Buffer.from(text, "utf8"),
    entryReferences: references,
  };
}

/* ------------------------------------ BgMax ------------------------------------- */

export type BgMaxBreak =
  | "TK70.payments"
  | "TK70.deductions"
  | "TK70.extraReferences"
  | "TK70.deposits"
  | "TK15.amount"
  | "TK15.count"
  | "TK15.currency"
  | "missingTK01"
  | "missingTK70"
  | "missingTK15";

export interface BgMaxOptions {
  account: ReceivingAccount & { bankAccount?: string };
  /** TK01 timestamp YYYYMMDDHHMMSSffffff (Swedish time). */
  timestamp?: string;
  isTest?: boolean;
  currency?: string;
  /** Start a new deposit (TK05…TK15) after this many payments, besides at each new date. */
  paymentsPerDeposit?: number;
  /** First BGC serial number handed out to payments without a numeric entryReference. */
  firstSerial?: number;
  /** Insert a record of a type the manual does not define, which readers must skip. */
  unknownRecord?: boolean;
  lineEnding?: "\r\n" | "\n";
  break?: BgMaxBreak[];
}

/** BgMax is ISO-8859-1: what it cannot carry becomes "?", as banks print it. */
function latin1(value: string): string {
  return value.replace(/[^\x20-\x7E\xA0-\xFF]/g, "?");
}

function alpha(value: string | undefined, width: number, align: "left" | "right" = "left"): string {
  const text = latin1(value ?? "");
  if (text.length > width)
    throw new Error(`"${value}" is longer than the ${width} positions of its BgMax field`);
  return align === "left" ? text.padEnd(width, " ") : text.padStart(width, " ");
}

function truncated(value: string | undefined, width: number): string {
  return alpha((value ?? "").slice(0, width), width);
}

function digits(value: number | string, width: number): string {
  const text = String(value);
  if (!/^\d+$/.test(text) || text.length > width) {
    throw new Error(`"${text}" does not fit ${width} digits of a BgMax field`);
  }
  return text.padStart(width, "0");
}

function record(content: string): string {
  if (content.length > 80)
    throw new Error(`a BgMax record is ${content.length} characters: ${content}`);
  return content.padEnd(80, " ");
}

function referenceFields(payment: GeneratorPayment): { code: number; field: string } {
  const reference = payment.reference ?? { kind: "none", value: null };
  const value = reference.kind === "none" ? null : reference.value;
  const code =
    payment.bgmaxReferenceCode ?? (value === null ? 0 : reference.kind === "structured" ? 2 : 3);
  if (value === null) return { code, field: alpha("", 25) };
  // Bankgirot right-aligns a checked OCR reference and left-aligns free text.
  return { code, field: alpha(value, 25, code === 2 ? "right" : "left") };
}

export function generateBgMax(
  payments: GeneratorPayment[],
  options: BgMaxOptions,
): GeneratedBankFile {
  const breaks = new Set(options.break ?? []);
  const bankgiro = (options.account.bankgiro ?? "").replace(/\D/g, "");
  if (!bankgiro) throw new Error("a BgMax file needs the receiving bankgiro number");
  const plusgiro = (options.account.plusgiro ?? "").replace(/\D/g, "");
  const currency = options.currency ?? "SEK";
  const first = payments[0]?.bookingDate ?? "2026-12-12";
  const timestamp = options.timestamp ?? `${first.replace(/-/g, "")}080000000000`;
  const lines: string[] = [];
  const references: string[] = new Array(payments.length);
  if (!breaks.has("missingTK01")) {
    lines.push(
      record(`01${alpha("BGMAX", 20)}01${digits(timestamp, 20)}${options.isTest ? "T" : "P"}`),
    );
  }
  let serial = options.firstSerial ?? 1;
  let paymentRecords = 0;
  let deductionRecords = 0;
  let extraRecords = 0;
  let deposits = 0;
  let index = 0;
  while (index < payments.length) {
    const date = payments[index]!.bookingDate;
    let end = index;
    const limit = options.paymentsPerDeposit ?? Number.POSITIVE_INFINITY;
    while (end < payments.length && payments[end]!.bookingDate === date && end - index < limit)
      end += 1;
    lines.push(
      record(
        `05${digits(bankgiro, 10)}${plusgiro ? digits(plusgiro, 10) : alpha("", 10)}${currency}`,
      ),
    );
    let amount = 0;
    for (let at = index; at < end; at += 1) {
      const payment = payments[at]!;
      const own = payment.entryReference;
      const paymentSerial =
        own && /^\d{1,12}$/.test(own) ? own.padStart(12, "0") : digits(serial++, 12);
      references[at] = `${bankgiro.replace(/^0+/, "")}:${date}:${paymentSerial}`;
      const sender =
        payment.payerAccount && /^\d{1,10}$/.test(payment.payerAccount)
          ? payment.payerAccount
          : "0";
      const { code, field } = referenceFields(payment);
      const type = payment.isDebit ? "21" : "20";
      const tail = payment.isDebit ? "00" : "0";
      lines.push(
        record(
          `${type}${digits(sender, 10)}${field}${digits(payment.amountOre, 18)}${code}1${paymentSerial}${tail}`,
        ),
      );
      if (payment.isDebit) deductionRecords += 1;
      else paymentRecords += 1;
      amount += payment.isDebit ? -payment.amountOre : payment.amountOre;
      for (const extra of payment.extraReferences ?? []) {
        const extraCode = /^\d+$/.test(extra) ? 2 : 3;
        lines.push(
          record(
            `22${digits(sender, 10)}${alpha(extra, 25, extraCode === 2 ? "right" : "left")}${digits(0, 18)}${extraCode}1${paymentSerial}0`,
          ),
        );
        extraRecords += 1;
      }
      for (const info of payment.information ?? []) lines.push(record(`25${alpha(info, 50)}`));
      if (payment.payerName) lines.push(record(`26${truncated(payment.payerName, 35)}`));
      const address = payment.payerAddress;
      if (address?.street || address?.postalCode) {
        lines.push(record(`27${truncated(address.street, 35)}${truncated(address.postalCode, 9)}`));
      }
      if (address?.city || address?.country || address?.countryCode) {
        lines.push(
          record(
            `28${truncated(address.city, 35)}${truncated(address.country, 35)}${truncated(address.countryCode, 2)}`,
          ),
        );
      }
      if (payment.payerOrgNumber) lines.push(record(`29${digits(payment.payerOrgNumber, 12)}`));
      if (options.unknownRecord && at === index) lines.push(record("40UNKNOWN RECORD TYPE"));
    }
    if (amount < 0) {
      throw new Error(
        `the deposit of ${date} would be negative: its deductions exceed its payments`,
      );
    }
    deposits += 1;
    const isLast = end >= payments.length;
    if (!(isLast && breaks.has("missingTK15"))) {
      const brokenAmount = breaks.has("TK15.amount") && deposits === 1 ? 1 : 0;
      const brokenCount = breaks.has("TK15.count") && deposits === 1 ? 1 : 0;
      const depositCurrency = breaks.has("TK15.currency") && deposits === 1 ? "EUR" : currency;
      lines.push(
        record(
          `15${digits((options.account.bankAccount ?? "").replace(/\D/g, "") || "0", 35)}${date.replace(/-/g, "")}` +
            `${digits(deposits, 5)}${digits(amount + brokenAmount, 18)}${depositCurrency}` +
            `${digits(end - index + brokenCount, 8)} `,
        ),
      );
    }
    index = end;
  }
  if (!breaks.has("missingTK70")) {
    const bump = (value: number, name: BgMaxBreak) => value + (breaks.has(name) ? 1 : 0);
    lines.push(
      record(
        `70${digits(bump(paymentRecords, "TK70.payments"), 8)}${digits(bump(deductionRecords, "TK70.deductions"), 8)}` +
          `${digits(bump(extraRecords, "TK70.extraReferences"), 8)}${digits(bump(deposits, "TK70.deposits"), 8)}`,
      ),
    );
  }
  const lineEnding = options.lineEnding ?? "\r\n";
  const text = `${lines.join(lineEnding)}${lineEnding}`;
  return {
    format: "BGMAX",
    fileName: `BGMAX-${timestamp.slice(0, 14)}.txt`,
    text,
    bytes: Buffer.from(text, "latin1"),
    entryReferences: references,
  };
}
