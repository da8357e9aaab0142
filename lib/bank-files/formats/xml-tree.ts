import { decodeXmlEntities, XmlShapeError } from "@/lib/bank-files/formats/xml-document";

/**
 * Reading the object tree fast-xml-parser builds, strictly: an element the schema allows once must
 * be there once (not twice), an element with text must have text, not children. `where` is the
 * element's path for the error message; it is only read when something is wrong.
 */

export type XmlElement = { readonly [name: string]: unknown };

const TEXT = "#text";
const CDATA = "#cdata";

function isElement(value: unknown): value is XmlElement {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function single(parent: XmlElement, name: string, where: string): unknown {
  const value = parent[name];
  if (Array.isArray(value)) {
    throw new XmlShapeError(`${where}/${name} appears ${value.length} times; it may appear once`);
  }
  return value;
}

/** A child element that has children of its own, or undefined. An empty element is {}. */
export function element(parent: XmlElement, name: string, where: string): XmlElement | undefined {
  const value = single(parent, name, where);
  if (value === undefined) return undefined;
  if (value === "") return {};
  if (!isElement(value)) {
    throw new XmlShapeError(`${where}/${name} has text where elements are expected`);
  }
  return value;
}

export function requiredElement(parent: XmlElement, name: string, where: string): XmlElement {
  const value = element(parent, name, where);
  if (value === undefined) throw new XmlShapeError(`${where}/${name} is missing`);
  return value;
}

/** A repeatable child element: every occurrence, in file order. */
export function elements(parent: XmlElement, name: string, where: string): XmlElement[] {
  const value = parent[name];
  if (value === undefined) return [];
  const all = Array.isArray(value) ? value : [value];
  return all.map((item, index) => {
    if (item === "") return {};
    if (!isElement(item)) {
      throw new XmlShapeError(
        `${where}/${name}[${index + 1}] has text where elements are expected`,
      );
    }
    return item;
  });
}

function textOf(value: unknown, path: string): string {
  if (typeof value === "string") return decodeXmlEntities(value);
  if (!isElement(value)) throw new XmlShapeError(`${path} is not a text element`);
  let text = "";
  for (const key of Object.keys(value)) {
    if (key === TEXT) text = decodeXmlEntities(String(value[key])) + text;
    else if (key === CDATA) {
      const parts = value[key];
      text += Array.isArray(parts) ? parts.join("") : String(parts);
    } else if (!key.startsWith("@")) {
      throw new XmlShapeError(`${path} has child elements where text is expected`);
    }
  }
  return text.trim();
}

/** The text of a child element, or undefined when it is absent. */
export function text(parent: XmlElement, name: string, where: string): string | undefined {
  const value = single(parent, name, where);
  if (value === undefined) return undefined;
  return textOf(value, `${where}/${name}`);
}

export function requiredText(parent: XmlElement, name: string, where: string): string {
  const value = text(parent, name, where);
  if (value === undefined || value === "") {
    throw new XmlShapeError(`${where}/${name} is missing or empty`);
  }
  return value;
}

/** The texts of a repeatable child element (e.g. Ustrd). */
export function texts(parent: XmlElement, name: string, where: string): string[] {
  const value = parent[name];
  if (value === undefined) return [];
  const all = Array.isArray(value) ? value : [value];
  return all.map((item, index) => textOf(item, `${where}/${name}[${index + 1}]`));
}

/** An attribute of a child element (Amt's Ccy). */
export function attribute(
  parent: XmlElement,
  name: string,
  attributeName: string,
): string | undefined {
  const value = parent[name];
  if (!isElement(value)) return undefined;
  const found = value[`@${attributeName}`];
  return found === undefined ? undefined : decodeXmlEntities(String(found));
}

/** Text with its attributes: <Amt Ccy="SEK">12.50</Amt>. */
export function textWithAttribute(
  parent: XmlElement,
  name: string,
  attributeName: string,
  where: string,
): { text: string; attribute: string | undefined } | undefined {
  const value = text(parent, name, where);
  if (value === undefined) return undefined;
  return { text: value, attribute: attribute(parent, name, attributeName) };
}
