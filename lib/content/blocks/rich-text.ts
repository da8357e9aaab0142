/**
 * Marketers' rich text: a small Markdown subset parsed into our own tree, which is rendered with
 * React elements only (components/content/rich-text.tsx). There is no HTML anywhere on the way, so
 * there is nothing to sanitize: `<script>` or `&#106;` in the source is just text. The only thing
 * that reaches an attribute is a link target, and that passes `safeLinkHref` or stays text.
 *
 * Linear-ish by construction: no backtracking regex; each delimiter search either succeeds (and
 * its span is parsed once, one level deeper) or fails once per span; nesting is at most
 * link > strong/emphasis > emphasis/strong, because no kind can nest inside itself.
 */

/** The schema refuses longer bodies; the parser cuts defensively so a bad stored row is cheap. */
export const MAX_RICH_TEXT_LENGTH = 5000;
/** Longer link targets are not links (and bound the scan for a closing bracket). */
export const MAX_LINK_HREF_LENGTH = 2000;

export type RichTextInline =
  | { type: "text"; text: string }
  | { type: "break" }
  | { type: "strong"; children: RichTextInline[] }
  | { type: "emphasis"; children: RichTextInline[] }
  | { type: "link"; href: string; children: RichTextInline[] };

export type RichTextBlock =
  | { type: "paragraph"; children: RichTextInline[] }
  | { type: "heading"; children: RichTextInline[] }
  | { type: "list"; ordered: boolean; start: number; items: RichTextInline[][] };

export interface RichTextDocument {
  blocks: RichTextBlock[];
}

const ALLOWED_PROTOCOLS = new Set(["https:", "http:", "mailto:"]);
// Whitespace, control, format (zero-width, bidi), private-use and lone surrogates: none belongs in
// a link target, and each is a known way to disguise `javascript:` from a naive check.
const HIDDEN_OR_SPACE = /[\s\p{C}]/u;

/**
 * The href a link may carry, or null. The raw text must itself start with an allowed scheme, so
 * entities, case tricks, embedded tabs/NULs and protocol-relative `//` never qualify; the URL
 * parser then has the last word, and credentials (`https://bank.se@evil.example`) are refused.
 */
export function safeLinkHref(raw: string): string | null {
  if (raw.length === 0 || raw.length > MAX_LINK_HREF_LENGTH || HIDDEN_OR_SPACE.test(raw)) {
    return null;
  }
  const lower = raw.slice(0, 8).toLowerCase();
  if (
    !lower.startsWith("https://") &&
    !lower.startsWith("http://") &&
    !lower.startsWith("mailto:")
  ) {
    return null;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol === "mailto:") return url.pathname ? url.href : null;
  if (!url.hostname || url.username || url.password) return null;
  return url.href;
}

export function parseRichText(source: string): RichTextDocument {
  return { blocks: parseBlocks(normalizeSource(source), () => {}) };
}

/**
 * Link targets written as `[text](target)` that will not become links; the editor refuses them so
 * a marketer learns at once instead of finding literal brackets on an invoice.
 */
export function findRejectedLinks(source: string): string[] {
  const rejected: string[] = [];
  parseBlocks(normalizeSource(source), (target) => rejected.push(target));
  return rejected;
}

/** Text only, for CSV exports, previews and screen-reader summaries. */
export function richTextToPlain(
  document: RichTextDocument,
  options: { withLinkTargets?: boolean } = {},
): string {
  const inline = (nodes: RichTextInline[]): string =>
    nodes
      .map((node) => {
        switch (node.type) {
          case "text":
            return node.text;
          case "break":
            return "\n";
          case "link": {
            const text = inline(node.children);
            return options.withLinkTargets ? `${text} (${node.href})` : text;
          }
          default:
            return inline(node.children);
        }
      })
      .join("");
  return document.blocks
    .map((block) => {
      if (block.type !== "list") return inline(block.children);
      return block.items
        .map((item, index) => `${block.ordered ? `${block.start + index}.` : "-"} ${inline(item)}`)
        .join("\n");
    })
    .join("\n\n");
}

function normalizeSource(source: string): string {
  let text = typeof source === "string" ? source : "";
  if (text.length > MAX_RICH_TEXT_LENGTH) {
    text = text.slice(0, MAX_RICH_TEXT_LENGTH);
    // Never keep half of a surrogate pair that the cut split.
    if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
  }
  text = text.replace(/\r\n?/g, "\n");
  // Invisible control characters (NUL …) carry no formatting and only serve to disguise text.
  let clean = "";
  for (const character of text) {
    const code = character.charCodeAt(0);
    const isControl = (code < 32 && code !== 9 && code !== 10) || code === 127;
    if (!isControl) clean += character;
  }
  return clean;
}

const HEADING = /^### +(\S.*)$/;
const BULLET = /^- +(\S.*)$/;
const NUMBERED = /^(\d{1,3})\. +(\S.*)$/;

function parseBlocks(text: string, onRejectedLink: (target: string) => void): RichTextBlock[] {
  const inline = (content: string) =>
    new InlineParser(content, onRejectedLink).parse(0, content.length, new Set());
  const blocks: RichTextBlock[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; start: number; items: string[] } | null = null;
  const closeParagraph = () => {
    if (paragraph.length > 0)
      blocks.push({ type: "paragraph", children: inline(paragraph.join("\n")) });
    paragraph = [];
  };
  const closeList = () => {
    if (list) blocks.push({ ...list, type: "list", items: list.items.map(inline) });
    list = null;
  };
  for (const rawLine of text.split("\n")) {
    // Leading spaces carry no meaning here (no code blocks, no nested lists).
    const line = rawLine.trim();
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (line === "" || heading) {
      closeParagraph();
      closeList();
      if (heading) blocks.push({ type: "heading", children: inline(heading[1]!) });
    } else if (bullet || numbered) {
      closeParagraph();
      const ordered = numbered !== null;
      if (list && list.ordered !== ordered) closeList();
      list ??= { ordered, start: numbered ? Number(numbered[1]) : 1, items: [] };
      list.items.push(numbered ? numbered[2]! : bullet![1]!);
    } else {
      closeList();
      paragraph.push(line);
    }
  }
  closeParagraph();
  closeList();
  return blocks;
}

type Nestable = "strong" | "emphasis" | "link";
/** Where a construct's content lies, where parsing resumes, and for a link its checked href. */
type Span = { contentStart: number; contentEnd: number; after: number; href?: string };
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const isBlank = (character: string | undefined) => character === undefined || /\s/.test(character);

class InlineParser {
  constructor(
    private readonly text: string,
    private readonly onRejectedLink: (target: string) => void,
  ) {}

  parse(start: number, end: number, open: ReadonlySet<Nestable>): RichTextInline[] {
    const { text } = this;
    const nodes: RichTextInline[] = [];
    // A closer search that failed in this span fails for every later opener too: search once.
    const hasNoCloser = new Set<Nestable>();
    let buffer = "";
    const flush = () => {
      if (buffer) nodes.push({ type: "text", text: buffer });
      buffer = "";
    };
    const within = new Set(open);
    let index = start;
    while (index < end) {
      const character = text[index]!;
      const next = index + 1 < end ? text[index + 1] : undefined;
      if (character === "\\" && next !== undefined && ESCAPABLE.test(next)) {
        buffer += next;
        index += 2;
        continue;
      }
      if (character === "\n") {
        flush();
        nodes.push({ type: "break" });
        index += 1;
        continue;
      }
      const kind = this.delimiterAt(index, start, end);
      if (kind && !within.has(kind) && !hasNoCloser.has(kind)) {
        const span = kind === "link" ? this.linkAt(index, end) : this.closeOf(kind, index, end);
        if (span === null) {
          if (kind !== "link") hasNoCloser.add(kind);
        } else {
          flush();
          within.add(kind);
          const children = this.parse(span.contentStart, span.contentEnd, within);
          within.delete(kind);
          nodes.push(
            span.href === undefined
              ? { type: kind as "strong" | "emphasis", children }
              : { type: "link", href: span.href, children },
          );
          index = span.after;
          continue;
        }
      }
      buffer += character;
      index += 1;
    }
    flush();
    return nodes;
  }

  /** Which construct could open here (CommonMark-like flanking: `snake_case` is not emphasis). */
  private delimiterAt(index: number, start: number, end: number): Nestable | null {
    const { text } = this;
    const character = text[index];
    const next = index + 1 < end ? text[index + 1] : undefined;
    if (character === "[") return "link";
    if (character === "*" && next === "*") {
      return index + 2 < end && !isBlank(text[index + 2]) ? "strong" : null;
    }
    if (character === "_") {
      const previous = index > start ? text[index - 1] : undefined;
      const isAfterWord = previous !== undefined && WORD_CHARACTER.test(previous);
      return !isAfterWord && !isBlank(next) && next !== "_" ? "emphasis" : null;
    }
    return null;
  }

  private closeOf(kind: Nestable, opener: number, end: number): Span | null {
    const { text } = this;
    const width = kind === "strong" ? 2 : 1;
    const contentStart = opener + width;
    let index = contentStart;
    while (index < end) {
      const character = text[index];
      if (character === "\\" && index + 1 < end && ESCAPABLE.test(text[index + 1]!)) {
        index += 2;
        continue;
      }
      const isCloser =
        index > contentStart &&
        !isBlank(text[index - 1]) &&
        (kind === "strong"
          ? character === "*" && index + 1 < end && text[index + 1] === "*"
          : character === "_" && !(index + 1 < end && WORD_CHARACTER.test(text[index + 1]!)));
      if (isCloser) return { contentStart, contentEnd: index, after: index + width };
      index += 1;
    }
    return null;
  }

  /** `[text](target)` on one line; a bad target leaves the whole thing as visible text. */
  private linkAt(opener: number, end: number): Span | null {
    const { text } = this;
    let index = opener + 1;
    while (index < end && text[index] !== "]") {
      const character = text[index];
      // Nested brackets or a line break: this `[` is literal; a later one may still open a link.
      if (character === "[" || character === "\n") return null;
      index += character === "\\" && index + 1 < end && ESCAPABLE.test(text[index + 1]!) ? 2 : 1;
    }
    const textEnd = index;
    if (textEnd >= end || textEnd === opener + 1 || text[textEnd + 1] !== "(") return null;
    const targetStart = textEnd + 2;
    const scanLimit = Math.min(end, targetStart + MAX_LINK_HREF_LENGTH + 64);
    let depth = 0;
    for (index = targetStart; index < scanLimit; index += 1) {
      const character = text[index];
      if (character === "\n") return null;
      if (character === "(") depth += 1;
      if (character === ")" && depth-- === 0) break;
    }
    if (index >= scanLimit) return null;
    const target = text.slice(targetStart, index).trim();
    const href = safeLinkHref(target);
    if (href === null) {
      this.onRejectedLink(target);
      return null;
    }
    return { contentStart: opener + 1, contentEnd: textEnd, after: index + 1, href };
  }
}
