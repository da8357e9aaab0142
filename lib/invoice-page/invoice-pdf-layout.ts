import {
  type Color,
  PageSizes,
  type PDFDocument,
  type PDFFont,
  type PDFPage,
  PDFString,
  rgb,
} from "pdf-lib";

/**
 * A tiny layout engine for the invoice PDF: a cursor that writes top-down on A4 pages, wraps
 * text to a width and starts a new page when the next block would not fit. Coordinates are PDF
 * points with the origin bottom-left; `y` is the top of the next thing to draw.
 */

export const PAGE_WIDTH = PageSizes.A4[0];
export const PAGE_HEIGHT = PageSizes.A4[1];
export const MARGIN = 45;
/** Room kept free at the bottom of every page for the footer. */
const FOOTER_SPACE = 50;
const LINE_HEIGHT_FACTOR = 1.3;
const CELL_PADDING = 3;

export const GREY = rgb(0.38, 0.4, 0.45);
/** The colour of text that is a link (the page's link blue). */
export const LINK_BLUE = rgb(0.12, 0.25, 0.69);
export const RULE = rgb(0.8, 0.82, 0.86);

export interface PdfFonts {
  regular: PDFFont;
  bold: PDFFont;
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: Color;
}

export interface TableColumn {
  header: string;
  /** Width in points; the one column without a width takes what is left. */
  width?: number;
  align?: "left" | "right";
  /** Colour of the column's body cells (its header stays as the table's). */
  color?: Color;
}

// The embedded font draws almost anything (see pdf-archive.ts). A character it has no glyph for
// gets its closest drawable stand-in, or "?", so drawing never throws on user data; control
// characters become spaces.
const STAND_INS: Record<string, string> = {
  "\u2212": "-", // minus sign (Swedish negative amounts)
  "\u2010": "-",
  "\u2011": "-",
  "\u00A0": " ",
  "\u202F": " ",
  "\u2007": " ",
  "\u2009": " ",
};
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Makes `text` drawable with a font: NFC first, so a decomposed "å" stays one "å". */
export function toDrawable(text: string, isDrawable: (codePoint: number) => boolean): string {
  let out = "";
  for (const char of text.normalize("NFC")) {
    if (CONTROL.test(char)) {
      out += " ";
      continue;
    }
    const codePoint = char.codePointAt(0) ?? 0;
    if (isDrawable(codePoint)) {
      out += char;
      continue;
    }
    const standIn = STAND_INS[char];
    out += standIn && isDrawable(standIn.codePointAt(0) ?? 0) ? standIn : "?";
  }
  return out;
}

/**
 * A URI as a PDF literal string may hold it: 7-bit ASCII (PDF 32000 12.6.4.7), and no parenthesis
 * or backslash, which pdf-lib writes unescaped; everything else is percent-encoded byte by byte.
 */
export function pdfUri(url: string): string {
  return Array.from(new TextEncoder().encode(url), (byte) => {
    const char = String.fromCharCode(byte);
    return byte > 0x20 && byte < 0x7f && !"()\\".includes(char)
      ? char
      : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }).join("");
}

/** "#1d4ed8" → a pdf-lib colour; anything else falls back to `fallback`. */
export function hexColor(hex: string, fallback: Color): Color {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) return fallback;
  const [r, g, b] = match.slice(1).map((part) => Number.parseInt(part, 16) / 255);
  return rgb(r ?? 0, g ?? 0, b ?? 0);
}

export class PdfCursor {
  page: PDFPage;
  y = 0;
  x = MARGIN;
  width = PAGE_WIDTH - 2 * MARGIN;
  private readonly drawable: Set<number>;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: PdfFonts,
    /** Draws whatever repeats at the top of continuation pages. */
    private readonly onNewPage: (cursor: PdfCursor) => void = () => {},
  ) {
    // The regular and bold cuts of the font cover the same characters.
    this.drawable = new Set(fonts.regular.getCharacterSet());
    this.page = doc.addPage(PageSizes.A4);
    this.y = PAGE_HEIGHT - MARGIN;
  }

  newPage(): void {
    this.page = this.doc.addPage(PageSizes.A4);
    this.y = PAGE_HEIGHT - MARGIN;
    this.onNewPage(this);
  }

  /** Starts a new page unless `height` more points fit above the footer; true if it did. */
  ensureSpace(height: number): boolean {
    if (this.y - height >= MARGIN + FOOTER_SPACE) return false;
    this.newPage();
    return true;
  }

  moveDown(points: number): void {
    this.y -= points;
  }

  clean(text: string): string {
    return toDrawable(text, (codePoint) => this.drawable.has(codePoint));
  }

  font(style: TextStyle = {}): PDFFont {
    return style.bold ? this.fonts.bold : this.fonts.regular;
  }

  lineHeight(style: TextStyle = {}): number {
    return (style.size ?? 9) * LINE_HEIGHT_FACTOR;
  }

  /**
   * Splits text into cleaned lines no wider than `maxWidth`, breaking long words if needed. Only
   * ordinary spaces break a line: "1 234,50 kr" keeps its no-break spaces together. A newline
   * always starts a new line (a note under a line's description).
   */
  wrap(text: string, maxWidth: number, style: TextStyle = {}): string[] {
    const paragraphs = text.split("\n");
    if (paragraphs.length > 1) {
      return paragraphs.flatMap((paragraph) => this.wrap(paragraph, maxWidth, style));
    }
    const font = this.font(style);
    const size = style.size ?? 9;
    const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= maxWidth;
    const lines: string[] = [];
    let current = "";
    const words = text.split(/[ \t\r]+/).filter(Boolean);
    for (const word of words.map((raw) => this.clean(raw))) {
      const candidate = current === "" ? word : `${current} ${word}`;
      if (fits(candidate)) {
        current = candidate;
        continue;
      }
      if (current !== "") lines.push(current);
      current = "";
      for (const char of word) {
        if (current !== "" && !fits(current + char)) {
          lines.push(current);
          current = "";
        }
        current += char;
      }
    }
    if (current !== "" || lines.length === 0) lines.push(current);
    return lines;
  }

  /** Draws one line of text with its top at the current y, without moving the cursor. */
  drawAt(text: string, x: number, style: TextStyle = {}, align: "left" | "right" = "left"): void {
    const clean = this.clean(text);
    const font = this.font(style);
    const size = style.size ?? 9;
    const left = align === "right" ? x - font.widthOfTextAtSize(clean, size) : x;
    this.page.drawText(clean, { x: left, y: this.y - size, size, font, color: style.color });
  }

  /** Writes wrapped text in the current column and moves below it. */
  text(text: string, style: TextStyle = {}): void {
    for (const line of this.wrap(text, this.width, style)) {
      this.ensureSpace(this.lineHeight(style));
      this.drawAt(line, this.x, style);
      this.moveDown(this.lineHeight(style));
    }
  }

  /** A label on the left and its value right-aligned on the same line. */
  pair(label: string, value: string, style: TextStyle = {}): void {
    this.ensureSpace(this.lineHeight(style));
    this.drawAt(label, this.x, { ...style, bold: false, color: style.color ?? GREY });
    this.drawAt(value, this.x + this.width, style, "right");
    this.moveDown(this.lineHeight(style));
  }

  /**
   * Makes a rectangle of the current page (origin bottom-left) a link to `url`: a Link annotation
   * with a URI action, printable (flag 4) and borderless, as PDF/A-2 allows links to be.
   */
  link(rect: { x: number; y: number; width: number; height: number }, url: string): void {
    const context = this.doc.context;
    const annotation = context.register(
      context.obj({
        Type: "Annot",
        Subtype: "Link",
        Rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height],
        Border: [0, 0, 0],
        F: 4,
        A: { Type: "Action", S: "URI", URI: PDFString.of(pdfUri(url)) },
      }),
    );
    this.page.node.addAnnot(annotation);
  }

  rule(color: Color = RULE): void {
    this.page.drawLine({
      start: { x: this.x, y: this.y },
      end: { x: this.x + this.width, y: this.y },
      thickness: 0.6,
      color,
    });
  }

  /** Draws each part in its own column, all starting at the current y; continues below the tallest. */
  inColumns(parts: Array<(cursor: PdfCursor) => void>, gap = 24): void {
    const startY = this.y;
    const outer = { x: this.x, width: this.width };
    const columnWidth = (outer.width - gap * (parts.length - 1)) / parts.length;
    let lowest = startY;
    parts.forEach((draw, index) => {
      this.y = startY;
      this.x = outer.x + index * (columnWidth + gap);
      this.width = columnWidth;
      draw(this);
      lowest = Math.min(lowest, this.y);
    });
    Object.assign(this, outer);
    this.y = lowest;
  }

  /**
   * A table whose header row is repeated at the top of every page it continues on. A row with a
   * URL in `links` is a link as a whole (see link()).
   */
  table(
    columns: TableColumn[],
    rows: string[][],
    style: TextStyle = {},
    links: ReadonlyArray<string | null> = [],
  ): void {
    const fixed = columns.reduce((sum, column) => sum + (column.width ?? 0), 0);
    const widths = columns.map((column) => column.width ?? this.width - fixed);
    const header = columns.map((column) => column.header);
    const headerStyle = { ...style, bold: true };
    const headerHeight = this.rowHeight(header, widths, headerStyle);
    this.ensureSpace(headerHeight + this.rowHeight(rows[0] ?? [], widths, style));
    this.tableRow(columns, widths, header, headerStyle);
    rows.forEach((row, index) => {
      if (this.ensureSpace(this.rowHeight(row, widths, style))) {
        this.tableRow(columns, widths, header, headerStyle);
      }
      const top = this.y;
      this.tableRow(columns, widths, row, style, true);
      const url = links[index];
      if (url) this.link({ x: this.x, y: this.y, width: this.width, height: top - this.y }, url);
    });
  }

  private rowHeight(cells: string[], widths: number[], style: TextStyle): number {
    const lineCounts = cells.map(
      (cell, index) => this.wrap(cell, (widths[index] ?? 0) - 2 * CELL_PADDING, style).length,
    );
    return Math.max(1, ...lineCounts) * this.lineHeight(style) + 2 * CELL_PADDING;
  }

  private tableRow(
    columns: TableColumn[],
    widths: number[],
    cells: string[],
    style: TextStyle,
    isBody = false,
  ) {
    const height = this.rowHeight(cells, widths, style);
    const top = this.y;
    let x = this.x;
    columns.forEach((column, index) => {
      const width = widths[index] ?? 0;
      const lines = this.wrap(cells[index] ?? "", width - 2 * CELL_PADDING, style);
      this.y = top - CELL_PADDING;
      for (const line of lines) {
        const right = column.align === "right";
        const cellStyle = isBody && column.color ? { ...style, color: column.color } : style;
        this.drawAt(
          line,
          right ? x + width - CELL_PADDING : x + CELL_PADDING,
          cellStyle,
          column.align,
        );
        this.moveDown(this.lineHeight(style));
      }
      x += width;
    });
    this.y = top - height;
    this.rule();
  }

  /** Writes the same footer lines, and "page i of n" on the right, at the bottom of every page. */
  drawFooters(lines: string[], pageLabel: (page: number, pages: number) => string): void {
    const style = { size: 7.5, color: GREY };
    const pages = this.doc.getPages();
    const labelWidth = this.font().widthOfTextAtSize(this.clean(pageLabel(99, 99)), style.size);
    const wrapped = lines.flatMap((line) => this.wrap(line, this.width - labelWidth - 12, style));
    pages.forEach((page, index) => {
      this.page = page;
      this.y = MARGIN + wrapped.length * this.lineHeight(style);
      this.drawAt(pageLabel(index + 1, pages.length), this.x + this.width, style, "right");
      for (const line of wrapped) {
        this.drawAt(line, this.x, style);
        this.moveDown(this.lineHeight(style));
      }
    });
  }
}
