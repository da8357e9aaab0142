/**
 * The checks a bank's XML passes before an XML parser sees it. fast-xml-parser is lenient by design
 * (it reads past mismatched tags and keeps unknown entities as text), so what makes a file
 * trustworthy is decided here: UTF-8 only, no DTD at all (no external entities, no entity
 * expansion, so neither XXE nor "billion laughs" can happen), and one root element whose
 * namespace we read ourselves.
 */

export class XmlShapeError extends Error {}

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Bytes or text → text. ISO 20022 messages are UTF-8; anything else is refused, not guessed. */
export function decodeXmlText(input: Uint8Array | string): string {
  if (typeof input === "string") return input.startsWith("\uFEFF") ? input.slice(1) : input;
  if ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)) {
    throw new XmlShapeError("the file is UTF-16; a camt.054 file must be UTF-8");
  }
  let text: string;
  try {
    // The decoder drops a UTF-8 byte order mark itself.
    text = UTF8.decode(input);
  } catch {
    throw new XmlShapeError("the file is not valid UTF-8");
  }
  const declared = /^<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    throw new XmlShapeError(`the file declares encoding "${declared}"; only UTF-8 is accepted`);
  }
  return text;
}

/**
 * A bank file never needs a DTD. Refusing any DOCTYPE or ENTITY declaration outright is simpler and
 * safer than configuring entity limits: no external entity can be fetched and none can expand.
 */
export function refuseDtd(xml: string): void {
  if (/<!DOCTYPE/i.test(xml)) {
    throw new XmlShapeError("the file has a DOCTYPE declaration, which bank files never need");
  }
  if (/<!ENTITY/i.test(xml)) {
    throw new XmlShapeError("the file declares entities, which bank files never need");
  }
}

export interface XmlRoot {
  /** Local name ("Document"). */
  name: string;
  /** Qualified name as written ("Document" or "ns2:Document"). */
  qualifiedName: string;
  /** The namespace the root element is in, or null when none is declared for it. */
  namespace: string | null;
}

const NAME = "[A-Za-z_][\\w.-]*";
const START_TAG = new RegExp(
  `^<((?:${NAME}:)?${NAME})((?:\\s+[^\\s=>/]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*/?>`,
);
const ATTRIBUTE = /([^\s=>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Skips the prolog (declaration, comments, processing instructions) and reads the root's start tag. */
export function readRoot(xml: string): XmlRoot {
  let at = 0;
  for (;;) {
    while (at < xml.length && /\s/.test(xml[at]!)) at += 1;
    if (xml.startsWith("<?", at)) {
      const end = xml.indexOf("?>", at);
      if (end < 0) throw new XmlShapeError("a processing instruction is not closed");
      at = end + 2;
    } else if (xml.startsWith("<!--", at)) {
      const end = xml.indexOf("-->", at + 4);
      if (end < 0) throw new XmlShapeError("a comment is not closed");
      at = end + 3;
    } else break;
  }
  if (at >= xml.length) throw new XmlShapeError("the file is empty: no root element");
  const match = START_TAG.exec(xml.slice(at, at + 4096));
  if (!match) throw new XmlShapeError("the file does not start with an XML element");
  const qualifiedName = match[1]!;
  const colon = qualifiedName.indexOf(":");
  const prefix = colon < 0 ? null : qualifiedName.slice(0, colon);
  const declaration = prefix === null ? "xmlns" : `xmlns:${prefix}`;
  let namespace: string | null = null;
  for (const attribute of match[2]!.matchAll(ATTRIBUTE)) {
    if (attribute[1] === declaration) namespace = attribute[2] ?? attribute[3] ?? "";
  }
  return {
    name: colon < 0 ? qualifiedName : qualifiedName.slice(colon + 1),
    qualifiedName,
    namespace,
  };
}

/**
 * The parser ignores text and elements after the root closes; a file with anything but comments
 * and whitespace there was cut or glued together, so it is refused.
 */
export function refuseContentAfterRoot(xml: string, root: XmlRoot): void {
  let end = xml.length;
  for (;;) {
    while (end > 0 && /\s/.test(xml[end - 1]!)) end -= 1;
    if (xml.endsWith("-->", end)) {
      const start = xml.lastIndexOf("<!--", end - 3);
      if (start < 0) break;
      end = start;
    } else if (xml.endsWith("?>", end)) {
      const start = xml.lastIndexOf("<?", end - 2);
      if (start < 0) break;
      end = start;
    } else break;
  }
  const tail = xml.slice(Math.max(0, end - root.qualifiedName.length - 64), end);
  const closing = new RegExp(`</${root.qualifiedName.replace(/[.]/g, "\\.")}\\s*>$`);
  if (!closing.test(tail)) {
    throw new XmlShapeError(`there is content after the root element ${root.qualifiedName} closes`);
  }
}

const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const REFERENCE = /&(?:#x([0-9A-Fa-f]+)|#(\d+)|([A-Za-z_][\w.-]*));/g;

function codePointText(value: number, written: string): string {
  const allowed =
    value === 0x9 ||
    value === 0xa ||
    value === 0xd ||
    (value >= 0x20 && value <= 0xd7ff) ||
    (value >= 0xe000 && value <= 0xfffd) ||
    (value >= 0x10000 && value <= 0x10ffff);
  if (!allowed)
    throw new XmlShapeError(`the character reference ${written} is not an XML character`);
  return String.fromCodePoint(value);
}

/**
 * Text as the parser hands it over (entities untouched) → the characters it stands for. Only XML's
 * five predefined entities and character references exist without a DTD; anything else is an error.
 */
export function decodeXmlEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(REFERENCE, (written, hex?: string, decimal?: string, name?: string) => {
    if (hex !== undefined) return codePointText(Number.parseInt(hex, 16), written);
    if (decimal !== undefined) return codePointText(Number.parseInt(decimal, 10), written);
    const replacement = PREDEFINED[name!];
    if (replacement === undefined) throw new XmlShapeError(`the entity ${written} is not defined`);
    return replacement;
  });
}
