import fc from "fast-check";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RichText } from "@/components/content/rich-text";
import {
  findRejectedLinks,
  MAX_RICH_TEXT_LENGTH,
  parseRichText,
  type RichTextDocument,
  type RichTextInline,
  richTextToPlain,
  safeLinkHref,
} from "@/lib/content/blocks/rich-text";
import {
  expectedVisibleText,
  normalizeVisibleText,
  XSS_PAYLOADS,
} from "@/tests/helpers/xss-payloads";

// A .ts file (not .tsx) because vitest only collects lib/**/*.test.ts.

const render = (source: string, headingLevel?: 3 | 4) =>
  renderToStaticMarkup(createElement(RichText, { document: parseRichText(source), headingLevel }));

const ALLOWED_TAGS = new Set(["div", "p", "h3", "h4", "ul", "ol", "li", "strong", "em", "br", "a"]);
const ALLOWED_ATTRIBUTES = new Set(["class", "href", "target", "rel", "start"]);
const SAFE_HREF = /^(https?:|mailto:)/;

const decode = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&");

/**
 * React escapes `<` in text and `"` in attribute values, so every `<` in the markup opens a tag
 * React made. Each must be one we render, with only our attributes, and hrefs of allowed schemes.
 */
function inspectMarkup(html: string): { hrefs: string[]; text: string } {
  const hrefs: string[] = [];
  for (const [, inner] of html.matchAll(/<([^>]*)>/g)) {
    if (inner === "!-- --") continue; // React's separator between adjacent text nodes
    const tag = /^\/?([a-z0-9]+)((?: [a-z-]+="[^"]*")*)\/?$/.exec(inner!);
    expect(tag, `unexpected markup <${inner}>`).not.toBeNull();
    expect(ALLOWED_TAGS).toContain(tag![1]);
    for (const [, name, value] of tag![2]!.matchAll(/ ([a-z-]+)="([^"]*)"/g)) {
      expect(ALLOWED_ATTRIBUTES).toContain(name);
      if (name === "href") hrefs.push(decode(value!));
    }
  }
  const text = decode(
    html
      .replace(/<br\/>/g, "\n")
      .replace(/<\/(p|li|h3|h4)>/g, "\n")
      .replace(/<[^>]*>/g, ""),
  );
  return { hrefs, text };
}

function linksOf(document: RichTextDocument): string[] {
  const walk = (nodes: RichTextInline[]): string[] =>
    nodes.flatMap((node) => {
      if (node.type === "link") return [node.href, ...walk(node.children)];
      return "children" in node ? walk(node.children) : [];
    });
  return document.blocks.flatMap((block) =>
    block.type === "list" ? block.items.flatMap(walk) : walk(block.children),
  );
}

describe("script-injection payloads stay text", () => {
  it("has a real table of payloads", () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(XSS_PAYLOADS.map((payload) => payload.name)).size).toBe(XSS_PAYLOADS.length);
  });

  it.each(XSS_PAYLOADS)("$name", (payload) => {
    const document = parseRichText(payload.source);
    for (const href of linksOf(document)) expect(href).toMatch(SAFE_HREF);

    const html = render(payload.source);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(html).not.toMatch(/<[^>]*\ssrc=/i);
    const { hrefs, text } = inspectMarkup(html);
    for (const href of hrefs) {
      expect(href).toMatch(SAFE_HREF);
      expect(href.toLowerCase()).not.toContain("javascript:");
    }
    expect(normalizeVisibleText(text)).toBe(expectedVisibleText(payload));
    // Plain text keeps list markers ("- "), so the payload's text only has to be inside it.
    expect(normalizeVisibleText(richTextToPlain(document))).toContain(expectedVisibleText(payload));
  });
});

describe("safeLinkHref", () => {
  it.each([
    ["https://nota.example/erbjudande?a=1&b=2", "https://nota.example/erbjudande?a=1&b=2"],
    ["http://nota.example", "http://nota.example/"],
    ["HTTPS://NOTA.example/A", "https://nota.example/A"],
    ["mailto:kundservice@nota.example", "mailto:kundservice@nota.example"],
  ])("allows %s", (raw, href) => {
    expect(safeLinkHref(raw)).toBe(href);
  });

  it.each([
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//xss.example",
    "/relative",
    "ftp://files.example",
    "https://user:pass@nota.example",
    "https://nota.example@xss.example",
    "https://",
    "https://nota .example",
    "mailto:",
    "java\u0000script:alert(1)",
    "\u200Bhttps://nota.example",
    `https://nota.example/${"a".repeat(2000)}`,
  ])("refuses %j", (raw) => {
    expect(safeLinkHref(raw)).toBeNull();
  });
});

describe("formatting", () => {
  it("makes paragraphs from blank lines and line breaks from single newlines", () => {
    expect(render("Hej Anna,\ntack för din betalning.\n\n\nVänliga hälsningar")).toBe(
      '<div class="space-y-3 text-sm leading-relaxed"><p>Hej Anna,<br/>tack för din betalning.</p>' +
        "<p>Vänliga hälsningar</p></div>",
    );
  });

  it("renders bold, italic and the two nested both ways", () => {
    const html = render("**Spara 20 %** på _allt_, **även _el_** och _gas **nu**_");
    expect(html).toContain("<strong>Spara 20 %</strong> på <em>allt</em>");
    expect(html).toContain("<strong>även <em>el</em></strong>");
    expect(html).toContain("<em>gas <strong>nu</strong></em>");
  });

  it("leaves underscores inside words, unclosed and spaced delimiters alone", () => {
    const source = "kund_nummer_123, ** inte fet**, **öppen, _ensam och 2*3*4";
    expect(richTextToPlain(parseRichText(source))).toBe(source);
    expect(render(source)).not.toMatch(/<(strong|em)>/);
  });

  it("lets a backslash show a formatting character as itself", () => {
    expect(richTextToPlain(parseRichText("\\*\\*inte fet\\*\\* och \\_inte kursiv\\_"))).toBe(
      "**inte fet** och _inte kursiv_",
    );
  });

  it("renders bullet and numbered lists, keeping the first number", () => {
    const html = render(
      "Det här ingår:\n- fri frakt\n- **30 dagars** öppet köp\n\n3. tre\n4. fyra",
    );
    expect(html).toContain(
      '<ul class="list-disc space-y-1 pl-5"><li>fri frakt</li><li><strong>30 dagars</strong> öppet köp</li></ul>',
    );
    expect(html).toContain(
      '<ol start="3" class="list-decimal space-y-1 pl-5"><li>tre</li><li>fyra</li></ol>',
    );
    expect(render("1. ett")).toContain('<ol class="list-decimal space-y-1 pl-5">');
  });

  it("renders ### as a small heading at the level the block asks for", () => {
    expect(render("### Nyhet\nText")).toContain(
      '<h3 class="text-base font-semibold">Nyhet</h3><p>Text</p>',
    );
    expect(render("### Nyhet", 4)).toContain("<h4");
    expect(render("# Inte rubrik")).toContain("<p># Inte rubrik</p>");
  });

  it("renders allowed links as outgoing links that cannot reach back to the invoice", () => {
    const html = render(
      "[Läs **mer**](https://nota.example/el_(2026)) eller [mejla](mailto:hej@nota.example)",
    );
    expect(html).toContain(
      '<a href="https://nota.example/el_(2026)" target="_blank" rel="noopener noreferrer nofollow"',
    );
    expect(html).toContain(">Läs <strong>mer</strong></a>");
    expect(html).toContain('href="mailto:hej@nota.example"');
  });

  it("turns a document back into plain text for previews and exports", () => {
    const document = parseRichText("### Rubrik\n**Fet** [länk](https://nota.example)\n\n- a\n2. b");
    expect(richTextToPlain(document)).toBe("Rubrik\n\nFet länk\n\n- a\n\n2. b");
    expect(richTextToPlain(document, { withLinkTargets: true })).toContain(
      "länk (https://nota.example/)",
    );
  });

  it("reports link targets that will not become links", () => {
    expect(
      findRejectedLinks("[a](https://ok.example) [b](javascript:x) [c]( //x.example )"),
    ).toEqual(["javascript:x", "//x.example"]);
  });
});

describe("limits", () => {
  it("reads at most MAX_RICH_TEXT_LENGTH characters, never splitting a character", () => {
    const plain = richTextToPlain(parseRichText(`${"a".repeat(MAX_RICH_TEXT_LENGTH - 1)}😀😀`));
    expect(plain).toBe("a".repeat(MAX_RICH_TEXT_LENGTH - 1));
    expect(richTextToPlain(parseRichText("b".repeat(1_000_000)))).toHaveLength(
      MAX_RICH_TEXT_LENGTH,
    );
  });

  it.each([
    ["unclosed bold", "**a ".repeat(1250)],
    ["unclosed italic", "_a ".repeat(1666)],
    ["open brackets", "[".repeat(5000)],
    ["unclosed links", "[a](".repeat(1250)],
    ["deep parentheses", `[a](${"(".repeat(4990)}`],
    ["backslashes", "\\".repeat(5000)],
    ["alternating delimiters", "**_".repeat(1666)],
    ["many links", "[a](https://a.example)".repeat(200)],
    ["many lines", "- a\n1. b\n### c\n\n".repeat(300)],
  ])("parses pathological input (%s) without runaway backtracking", (_name, source) => {
    // Not a speed test (those are benchmarks): backtracking that runs away on inputs like these
    // takes minutes, while a linear parse takes milliseconds. The bound sits far from both, so a
    // busy machine (CI runs this beside a build) can never fail it and a runaway always does.
    const started = performance.now();
    render(source);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

const markupPieces = fc.constantFrom(
  "**",
  "_",
  "[",
  "]",
  "(",
  ")",
  "](",
  "\\",
  "\n",
  "\n\n",
  "- ",
  "1. ",
  "### ",
  " ",
  "x",
  "ö",
  "https://a.example",
  "javascript:",
  "mailto:a@b.example",
  "//",
  "<script>",
  "&#x09;",
  "\u0000",
  "\t",
  "on",
  "=",
  '"',
  "'",
  "<",
);
const markupLike = fc.array(markupPieces, { maxLength: 80 }).map((pieces) => pieces.join(""));
const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 400 }), markupLike);

describe("properties", () => {
  it("never throws, and every link in the tree and the markup has an allowed scheme", () => {
    fc.assert(
      fc.property(anyText, (source) => {
        const document = parseRichText(source);
        for (const href of linksOf(document)) expect(safeLinkHref(href)).toBe(href);
        const { hrefs } = inspectMarkup(render(source));
        for (const href of hrefs) expect(href).toMatch(SAFE_HREF);
        richTextToPlain(document, { withLinkTargets: true });
        findRejectedLinks(source);
      }),
      { numRuns: 1500 },
    );
  });

  it("shows HTML-looking text exactly as written", () => {
    const htmlLike = fc
      .array(fc.constantFrom(..."<>&\"'=/;:(){}!? abcXYZ\nåäö".split(""), "<img ", "&amp;"))
      .map((pieces) => pieces.join(""));
    fc.assert(
      fc.property(htmlLike, (source) => {
        const { text } = inspectMarkup(render(source));
        expect(normalizeVisibleText(text)).toBe(normalizeVisibleText(source));
      }),
      { numRuns: 500 },
    );
  });
});
