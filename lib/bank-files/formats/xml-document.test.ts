import { describe, expect, it } from "vitest";
import {
  decodeXmlEntities,
  decodeXmlText,
  readRoot,
  refuseContentAfterRoot,
  refuseDtd,
} from "@/lib/bank-files/formats/xml-document";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("the bytes of an XML bank file", () => {
  it("reads UTF-8, with or without a byte order mark", () => {
    expect(decodeXmlText(bytes("<a>å</a>"))).toBe("<a>å</a>");
    expect(decodeXmlText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes("<a/>")]))).toBe("<a/>");
    expect(decodeXmlText("\uFEFF<a/>")).toBe("<a/>");
  });

  it("refuses UTF-16, invalid UTF-8 and a declared encoding other than UTF-8", () => {
    expect(() => decodeXmlText(new Uint8Array([0xff, 0xfe, 0x3c, 0x00]))).toThrow(/UTF-16/);
    expect(() => decodeXmlText(new Uint8Array([0x3c, 0x61, 0x3e, 0xe5, 0x3c]))).toThrow(
      /not valid UTF-8/,
    );
    expect(() => decodeXmlText(bytes('<?xml version="1.0" encoding="ISO-8859-1"?><a/>'))).toThrow(
      /declares encoding "ISO-8859-1"/,
    );
    expect(decodeXmlText(bytes("<?xml version='1.0' encoding='utf-8'?><a/>"))).toContain("<a/>");
  });
});

describe("DTDs", () => {
  it.each([
    "<!DOCTYPE Document><Document/>",
    "<!doctype Document [<!ELEMENT Document ANY>]><Document/>",
    '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>',
  ])("refuses a DOCTYPE: %s", (xml) => {
    expect(() => refuseDtd(xml)).toThrow(/DOCTYPE/);
  });

  it("refuses an entity declaration even without a DOCTYPE around it", () => {
    expect(() => refuseDtd('<d><!ENTITY a "b"></d>')).toThrow(/declares entities/);
  });
});

describe("the root element", () => {
  it("reads its name and namespace past the declaration and comments", () => {
    expect(
      readRoot('<?xml version="1.0"?>\n<!-- from the bank -->\n<Document xmlns="urn:x" a=\'1\'>'),
    ).toEqual({
      name: "Document",
      qualifiedName: "Document",
      namespace: "urn:x",
    });
  });

  it("follows a prefix to its own declaration", () => {
    expect(readRoot('<ns2:Document xmlns="urn:other" xmlns:ns2="urn:x">')).toEqual({
      name: "Document",
      qualifiedName: "ns2:Document",
      namespace: "urn:x",
    });
    expect(readRoot('<ns2:Document xmlns="urn:other">').namespace).toBeNull();
  });

  it("refuses a file without an element", () => {
    expect(() => readRoot("")).toThrow(/empty/);
    expect(() => readRoot("  <!-- only a comment -->")).toThrow(/empty/);
    expect(() => readRoot("hello")).toThrow(/does not start with an XML element/);
    expect(() => readRoot("<!-- open")).toThrow(/comment is not closed/);
  });

  it("refuses content after the root closes, allowing comments and whitespace", () => {
    const root = readRoot("<Document>");
    expect(() =>
      refuseContentAfterRoot("<Document></Document>\n<!-- end -->\n", root),
    ).not.toThrow();
    expect(() => refuseContentAfterRoot("<Document></Document >", root)).not.toThrow();
    expect(() => refuseContentAfterRoot("<Document></Document>junk", root)).toThrow(
      /after the root/,
    );
    expect(() => refuseContentAfterRoot("<Document></Document><Document/>", root)).toThrow(
      /after the root/,
    );
  });
});

describe("entities", () => {
  it("decodes the five predefined ones and character references", () => {
    expect(decodeXmlEntities("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;")).toBe(
      `a & b <c> "d" 'e'`,
    );
    expect(decodeXmlEntities("&#229;&#xE4;&#x1F600;")).toBe("åä😀");
  });

  it("refuses undefined entities and references to non-characters", () => {
    expect(() => decodeXmlEntities("&nbsp;")).toThrow(/&nbsp; is not defined/);
    expect(() => decodeXmlEntities("&#0;")).toThrow(/not an XML character/);
    expect(() => decodeXmlEntities("&#xD800;")).toThrow(/not an XML character/);
  });
});
