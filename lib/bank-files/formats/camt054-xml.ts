import { XMLParser, XMLValidator } from "fast-xml-parser";
import { bankFileError } from "@/lib/bank-files/formats/format-error";
import { XmlShapeError } from "@/lib/bank-files/formats/xml-document";
import type { XmlElement } from "@/lib/bank-files/formats/xml-tree";

/**
 * fast-xml-parser as camt.054 uses it: after the validator (its parser tolerates broken nesting),
 * with entities left alone (xml-document.ts decodes the five predefined ones and character
 * references itself, so no DTD entity can ever expand) and every value kept as text, never a number.
 */

const PARSER_OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  trimValues: true,
  cdataPropName: "#cdata",
  ignoreDeclaration: true,
  ignorePiTags: true,
  jPath: false,
} as const;

/**
 * The document is parsed in two steps so that a file of 100,000 payments never becomes one tree of
 * millions of nodes (slower, and all of it held in memory at once): the outer parse keeps each Ntry
 * as its raw text (a stop node), and each entry is parsed on its own when it is read. The validator
 * has already seen the whole document, so every entry is well-formed.
 */
const OUTER_OPTIONS = { ...PARSER_OPTIONS, stopNodes: ["..Ntry"] };

/** Text through the validator and the parser, or an error naming line and column. */
export function parseOuterTree(xml: string): XmlElement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw bankFileError("CAMT054", `line ${line}, column ${col}`, `the XML is malformed: ${msg}`);
  }
  try {
    return new XMLParser(OUTER_OPTIONS).parse(xml) as XmlElement;
  } catch (error) {
    throw bankFileError("CAMT054", null, `the XML is malformed: ${(error as Error).message}`);
  }
}

/** The raw text of each Ntry (the outer parse stopped at them). */
export function rawEntries(notification: XmlElement): string[] {
  const value = notification.Ntry;
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((item) =>
    typeof item === "string" ? item : String((item as XmlElement)["#text"] ?? ""),
  );
}

/** Parses one Ntry's raw text into its elements. */
export function entryParser(): (raw: string, where: string) => XmlElement {
  const parser = new XMLParser(PARSER_OPTIONS);
  return (raw, where) => {
    try {
      return parser.parse(raw) as XmlElement;
    } catch (error) {
      throw new XmlShapeError(`${where} cannot be read: ${(error as Error).message}`);
    }
  };
}
