import { summaryControls } from "@/lib/bank-files/formats/camt054-controls";
import {
  CAMT054_NAMESPACES,
  type Camt054Version,
  type CamtDialect,
  dialectFor,
} from "@/lib/bank-files/formats/camt054-dialect";
import { type NtryReading, readNtry } from "@/lib/bank-files/formats/camt054-entries";
import { entryParser, parseOuterTree, rawEntries } from "@/lib/bank-files/formats/camt054-xml";
import {
  findingsControl,
  info,
  oneCurrencyControl,
  uniqueReferencesControl,
} from "@/lib/bank-files/formats/controls";
import { isoDateTime } from "@/lib/bank-files/formats/file-dates";
import { bankFileError } from "@/lib/bank-files/formats/format-error";
import type {
  BankAccountRef,
  BankEntry,
  ControlCheck,
  IgnoredEntry,
  ParsedBankFile,
} from "@/lib/bank-files/formats/types";
import {
  decodeXmlText,
  readRoot,
  refuseContentAfterRoot,
  refuseDtd,
  XmlShapeError,
} from "@/lib/bank-files/formats/xml-document";
import {
  element,
  elements,
  requiredElement,
  requiredText,
  text,
  type XmlElement,
} from "@/lib/bank-files/formats/xml-tree";

/**
 * ISO 20022 camt.054 (BkToCstmrDbtCdtNtfctn, "Bank to customer debit/credit notification"), the
 * file Swedish banks send for bankgiro receivables from 2026, versions .001.02 and .001.08.
 *
 * Order of trust: the bytes must be UTF-8, without any DTD; the root must be a camt.054 Document
 * in an accepted namespace; the XML must be well-formed (fast-xml-parser's validator, since its
 * parser tolerates broken nesting); only then is it parsed, with entities left alone (we decode
 * the five predefined ones and character references ourselves) and every value kept as text.
 */

const MESSAGE = "BkToCstmrDbtCdtNtfctn";

function versionOf(namespace: string | null): Camt054Version {
  if (namespace === null) {
    throw new XmlShapeError(
      "the Document element declares no namespace, so its version is unknown",
    );
  }
  const version = CAMT054_NAMESPACES[namespace as keyof typeof CAMT054_NAMESPACES];
  if (version) return version;
  const accepted = Object.keys(CAMT054_NAMESPACES).join(" or ");
  if (/camt\.054\.001\.\d+$/.test(namespace)) {
    throw new XmlShapeError(
      `the namespace ${namespace} is a camt.054 version we do not read; accepted: ${accepted}`,
    );
  }
  throw new XmlShapeError(`the namespace ${namespace} is not camt.054; accepted: ${accepted}`);
}

function messageOf(tree: XmlElement): XmlElement {
  const roots = Object.keys(tree);
  if (roots.length !== 1 || roots[0] !== "Document" || Array.isArray(tree.Document)) {
    throw new XmlShapeError(
      `the file must hold one Document element, it holds ${roots.join(", ") || "none"}`,
    );
  }
  const document = requiredElement(tree, "Document", "");
  const children = Object.keys(document).filter((key) => !key.startsWith("@"));
  if (children.length !== 1 || children[0] !== MESSAGE) {
    throw new XmlShapeError(
      `Document must hold ${MESSAGE} (a debit/credit notification), it holds ${children.join(", ") || "nothing"}`,
    );
  }
  return requiredElement(document, MESSAGE, "Document");
}

function accountOf(account: XmlElement, where: string): BankAccountRef | null {
  const id = element(account, "Id", `${where}/Acct`);
  if (!id) return null;
  const iban = text(id, "IBAN", `${where}/Acct/Id`);
  if (iban) return { iban };
  const other = element(id, "Othr", `${where}/Acct/Id`);
  const otherId = other && text(other, "Id", `${where}/Acct/Id/Othr`);
  if (!other || !otherId) return null;
  const scheme = element(other, "SchmeNm", `${where}/Acct/Id/Othr`);
  const schemeName =
    scheme &&
    (text(scheme, "Prtry", `${where}/Acct/Id/Othr/SchmeNm`) ??
      text(scheme, "Cd", `${where}/Acct/Id/Othr/SchmeNm`));
  if (schemeName === "BGNR") {
    // Bankgiro numbers are written with or without the hyphen; we keep the digits.
    return { bankgiro: otherId.replace(/[-\s]/g, "").replace(/^0+(?=\d)/, "") };
  }
  return { other: otherId };
}

interface NotificationResult {
  account: BankAccountRef | null;
  accountCurrency: string | undefined;
  readings: NtryReading[];
  controls: ControlCheck[];
}

function readNotification(
  notification: XmlElement,
  dialect: CamtDialect,
  where: string,
): NotificationResult {
  const acct = requiredElement(notification, "Acct", where);
  const account = accountOf(acct, where);
  const context = { dialect, notificationId: requiredText(notification, "Id", where), account };
  const parse = entryParser();
  const readings = rawEntries(notification).map((raw, index) => {
    const path = `${where}/Ntry[${index + 1}]`;
    return readNtry(parse(raw, path), context, path);
  });
  return {
    account,
    accountCurrency: text(acct, "Ccy", `${where}/Acct`),
    readings,
    controls: summaryControls(notification, readings, dialect, where),
  };
}

function fileControls(
  results: NotificationResult[],
  entries: BankEntry[],
  ignored: IgnoredEntry[],
) {
  const readings = results.flatMap((result) => result.readings);
  const controls: ControlCheck[] = [];
  controls.push(
    findingsControl(
      "TxDtls add up to their Ntry",
      readings.flatMap((reading) => (reading.sumProblem ? [reading.sumProblem] : [])),
      `every entry with transaction details equals the sum of its transactions`,
    ),
    findingsControl(
      "NtryDtls/Btch totals",
      readings.flatMap((reading) => reading.batchProblems),
      "every batch total given agrees with its transactions",
    ),
  );
  const currencies = new Set<string>();
  for (const result of results) {
    if (result.accountCurrency) currencies.add(result.accountCurrency);
    for (const reading of result.readings) {
      currencies.add(reading.currency);
      for (const currency of reading.foreignCurrencies) currencies.add(currency);
    }
  }
  controls.push(oneCurrencyControl(currencies), uniqueReferencesControl(entries));
  if (ignored.length > 0) {
    const byReason = new Map<string, number>();
    for (const entry of ignored) byReason.set(entry.reason, (byReason.get(entry.reason) ?? 0) + 1);
    const reasons = [...byReason].map(([reason, count]) => `${count} × ${reason}`).join("; ");
    controls.push(info("entries not booked", `${ignored.length} entries ignored: ${reasons}`));
  }
  const derived = readings.reduce((count, reading) => count + reading.derivedReferences, 0);
  if (derived > 0) {
    controls.push(
      info(
        "references from NtryRef",
        `${derived} payments have no AcctSvcrRef; their reference is the notification's Id with the NtryRef and position`,
      ),
    );
  }
  return controls;
}

function parseMessage(xml: string): ParsedBankFile {
  refuseDtd(xml);
  const root = readRoot(xml);
  if (root.name !== "Document") {
    throw new XmlShapeError(
      `the root element is ${root.qualifiedName}; a camt.054 file's is Document`,
    );
  }
  const version = versionOf(root.namespace);
  const tree = parseOuterTree(xml);
  refuseContentAfterRoot(xml, root);
  const message = messageOf(tree);
  const dialect = dialectFor(version);
  const header = requiredElement(message, "GrpHdr", MESSAGE);
  const created = requiredText(header, "CreDtTm", `${MESSAGE}/GrpHdr`);
  const createdAt = isoDateTime(created);
  if (!createdAt)
    throw new XmlShapeError(`${MESSAGE}/GrpHdr/CreDtTm "${created}" is not a date and time`);
  const notifications = elements(message, "Ntfctn", MESSAGE);
  if (notifications.length === 0) throw new XmlShapeError(`${MESSAGE} holds no Ntfctn`);
  const results = notifications.map((notification, index) =>
    readNotification(notification, dialect, `Ntfctn[${index + 1}]`),
  );
  const entries = results.flatMap((result) =>
    result.readings.flatMap((reading) => reading.payments),
  );
  const ignoredEntries = results.flatMap((result) =>
    result.readings.flatMap((reading) => (reading.ignored ? [reading.ignored] : [])),
  );
  const accounts = new Map<string, BankAccountRef>();
  for (const result of results)
    if (result.account) accounts.set(JSON.stringify(result.account), result.account);
  return {
    format: "CAMT054",
    version,
    createdAt,
    messageId: requiredText(header, "MsgId", `${MESSAGE}/GrpHdr`),
    isTest: false,
    accounts: [...accounts.values()],
    entries,
    extraReferenceRecords: [],
    ignoredEntries,
    controls: [
      ...results.flatMap((result) => result.controls),
      ...fileControls(results, entries, ignoredEntries),
    ],
  };
}

/**
 * Reads a camt.054 file (bytes as received, or text). Throws a BAD_INPUT AppError naming the
 * problem when the file cannot be read; returns the payments with the controls, which the caller
 * must see all ok before booking anything.
 */
export function parseCamt054(input: Uint8Array | string): ParsedBankFile {
  try {
    return parseMessage(decodeXmlText(input));
  } catch (error) {
    if (error instanceof XmlShapeError) throw bankFileError("CAMT054", null, error.message);
    throw error;
  }
}
