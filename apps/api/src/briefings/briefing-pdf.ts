import { existsSync } from "node:fs";
import type { BriefingLayout, Cell, Column, Light, Section } from "@revita/briefing";
import { briefingMessages, type Locale, localize } from "@revita/messages";
import PDFDocument from "pdfkit";
import { RevitaError } from "../common/errors.js";

/**
 * The briefing as an A4 PDF, drawn with pdfkit (a maintained PDF library: text, vectors, font
 * subsetting) rather than by printing the dashboard in a browser, so that the server needs no
 * browser, a scheduled brief needs no signed-in page, and a briefing takes a fraction of a second.
 * The Chinese font is embedded (subset, with its Unicode map, so the text can be copied and
 * searched) and prints the same on any machine; charts are vector drawings.
 */

/** A CJK font on this machine: REVITA_PDF_FONT, else Debian's Noto Sans CJK or WenQuanYi Zen Hei. */
interface FontFile {
  path: string;
  /** The face inside a collection (.ttc). */
  face?: string;
}

const FONT_CANDIDATES: { regular: FontFile; bold?: FontFile }[] = [
  {
    regular: { path: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", face: "NotoSansCJKsc-Regular" },
    bold: { path: "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", face: "NotoSansCJKsc-Bold" },
  },
  { regular: { path: "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", face: "WenQuanYiZenHei" } },
];

export function briefingFonts(env: NodeJS.ProcessEnv = process.env): { regular: FontFile; bold: FontFile } {
  if (env.REVITA_PDF_FONT) {
    const regular = { path: env.REVITA_PDF_FONT, ...(env.REVITA_PDF_FONT_FACE ? { face: env.REVITA_PDF_FONT_FACE } : {}) };
    if (existsSync(regular.path)) return { regular, bold: regular };
  } else {
    for (const candidate of FONT_CANDIDATES) {
      if (existsSync(candidate.regular.path)) {
        const bold = candidate.bold && existsSync(candidate.bold.path) ? candidate.bold : candidate.regular;
        return { regular: candidate.regular, bold };
      }
    }
  }
  throw new RevitaError("INTERNAL_SERVER_ERROR", "BRIEFING_FONT_MISSING", {});
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { left: 48, right: 48, top: 48, bottom: 56 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BOTTOM = A4.height - MARGIN.bottom;

const COLOURS: Record<Light, string> = { GREEN: "#2e7d32", AMBER: "#ef8f00", RED: "#c62828", NONE: "#9e9e9e" };
const INK = "#1b1b1b";
const MUTED = "#5f6368";
const RULE = "#d0d4d9";
const HEADER_FILL = "#eef1f4";
const BAR_FILL = "#3b6fb6";

export interface PdfResult {
  pdf: Buffer;
  pages: number;
}

/** Draws the laid-out briefing; resolves with the file and its page count. */
export function briefingPdf(layout: BriefingLayout, locale: Locale, env: NodeJS.ProcessEnv = process.env): Promise<PdfResult> {
  const fonts = briefingFonts(env);
  const t = localize(briefingMessages, locale);
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    info: { Title: layout.title, Author: "Revita", Subject: layout.meta.join(" · "), CreationDate: new Date() },
    lang: locale === "en" ? "en" : "zh-CN",
    displayTitle: true,
  });
  doc.registerFont("regular", fonts.regular.path, fonts.regular.face);
  doc.registerFont("bold", fonts.bold.path, fonts.bold.face);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const page = new PageWriter(doc);
  page.title(layout.title, layout.meta);
  for (const section of layout.sections) page.section(section);

  // Page numbers, once the number of pages is known.
  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index++) {
    doc.switchToPage(range.start + index);
    // Writing inside the bottom margin would start a new page: lift the margin for the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("regular")
      .fontSize(8)
      .fillColor(MUTED)
      .text(t.page({ page: index + 1, pages: range.count }), MARGIN.left, A4.height - 34, {
        width: CONTENT_WIDTH,
        align: "center",
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.flushPages();
  doc.end();
  return done.then((pdf) => ({ pdf, pages: range.count }));
}

/** Writes down the page, starting a new one where the next piece would not fit. */
class PageWriter {
  private y = MARGIN.top;

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  private ensure(height: number): void {
    if (this.y + height > BOTTOM) {
      this.doc.addPage();
      this.y = MARGIN.top;
    }
  }

  private text(
    text: string,
    x: number,
    width: number,
    { size = 9, bold = false, colour = INK, align = "left", oneLine = false, lines = 0 } = {},
  ) {
    this.doc
      .font(bold ? "bold" : "regular")
      .fontSize(size)
      .fillColor(colour)
      .text(text, x, this.y, {
        width,
        align: align as "left" | "right" | "center",
        lineGap: 1,
        // A label that must stay on its line (a bar's, a card's) is cut with an ellipsis instead.
        ...(oneLine || lines ? { height: size * 1.6 * (lines || 1), ellipsis: true } : {}),
      });
  }

  private heightOf(text: string, width: number, { size = 9, bold = false } = {}): number {
    return this.doc
      .font(bold ? "bold" : "regular")
      .fontSize(size)
      .heightOfString(text || " ", { width, lineGap: 1 });
  }

  title(title: string, meta: string[]): void {
    this.text(title, MARGIN.left, CONTENT_WIDTH, { size: 17, bold: true });
    this.y += this.heightOf(title, CONTENT_WIDTH, { size: 17, bold: true }) + 6;
    // Each item whole on its line: a line breaks between items, never inside one.
    const gap = 14;
    let x = MARGIN.left;
    for (const item of meta) {
      const width = this.doc.font("regular").fontSize(8.5).widthOfString(item);
      if (x > MARGIN.left && x + width > MARGIN.left + CONTENT_WIDTH) {
        x = MARGIN.left;
        this.y += 12;
      }
      this.text(item, x, Math.min(width + 1, CONTENT_WIDTH), { size: 8.5, colour: MUTED });
      x += width + gap;
    }
    this.y += 18;
    this.doc
      .moveTo(MARGIN.left, this.y)
      .lineTo(A4.width - MARGIN.right, this.y)
      .lineWidth(1)
      .strokeColor(INK)
      .stroke();
    this.y += 10;
  }

  section(section: Section): void {
    // A heading is never left alone at the foot of a page.
    this.ensure(60);
    this.text(section.title, MARGIN.left, CONTENT_WIDTH, { size: 12, bold: true });
    this.y += this.heightOf(section.title, CONTENT_WIDTH, { size: 12, bold: true }) + 5;
    if (section.cards) this.cards(section.cards);
    for (const line of section.lines ?? []) {
      const height = this.heightOf(line, CONTENT_WIDTH, { size: 8.5 });
      this.ensure(height);
      this.text(line, MARGIN.left, CONTENT_WIDTH, { size: 8.5, colour: MUTED });
      this.y += height + 3;
    }
    if (section.columns && section.rows) {
      if (section.rows.length) this.table(section.columns, section.rows);
      else if (section.empty) {
        this.text(section.empty, MARGIN.left, CONTENT_WIDTH, { colour: MUTED });
        this.y += 14;
      }
    }
    if (section.footnote) {
      this.ensure(14);
      this.text(section.footnote, MARGIN.left, CONTENT_WIDTH, { size: 8, colour: MUTED });
      this.y += 12;
    }
    if (section.bars?.length) this.bars(section.bars);
    this.y += 12;
  }

  private cards(cards: NonNullable<Section["cards"]>): void {
    const perRow = 4;
    const gap = 8;
    const width = (CONTENT_WIDTH - gap * (perRow - 1)) / perRow;
    const height = 60;
    for (let start = 0; start < cards.length; start += perRow) {
      this.ensure(height + gap);
      cards.slice(start, start + perRow).forEach((card, index) => {
        const x = MARGIN.left + index * (width + gap);
        this.doc.roundedRect(x, this.y, width, height, 3).lineWidth(0.6).strokeColor(RULE).stroke();
        const top = this.y;
        this.y = top + 5;
        this.text(card.label, x + 6, width - 12, { size: 7.5, colour: MUTED, oneLine: true });
        this.y = top + 17;
        this.text(card.value, x + 6, width - 12, { size: 10.5, bold: true, oneLine: true });
        this.y = top + 35;
        this.text(card.detail, x + 6, width - 12, { size: 7, colour: MUTED, lines: 2 });
        this.y = top;
      });
      this.y += height + gap;
    }
  }

  private table(columns: Column[], rows: Cell[][]): void {
    const total = columns.reduce((sum, column) => sum + column.width, 0);
    const widths = columns.map((column) => (column.width / total) * CONTENT_WIDTH);
    const xs = widths.map((_, index) => MARGIN.left + widths.slice(0, index).reduce((a, b) => a + b, 0));
    const pad = 3;
    const size = 8;
    const header = () => {
      const height =
        Math.max(...columns.map((column, i) => this.heightOf(column.label, widths[i]! - pad * 2, { size, bold: true }))) +
        pad * 2;
      this.doc.rect(MARGIN.left, this.y, CONTENT_WIDTH, height).fill(HEADER_FILL);
      const top = this.y;
      columns.forEach((column, i) => {
        this.y = top + pad;
        this.text(column.label, xs[i]! + pad, widths[i]! - pad * 2, { size, bold: true, align: column.align });
      });
      this.y = top + height;
    };
    this.ensure(40);
    header();
    for (const row of rows) {
      const textWidth = (i: number) => widths[i]! - pad * 2 - (row[i]?.indent && i <= 1 ? 8 : 0) - (row[i]?.light ? 9 : 0);
      const height =
        Math.max(...row.map((cell, i) => this.heightOf(cell.text, textWidth(i), { size, bold: cell.bold ?? false }))) + pad * 2;
      if (this.y + height > BOTTOM) {
        this.doc.addPage();
        this.y = MARGIN.top;
        header();
      }
      const top = this.y;
      row.forEach((cell, i) => {
        const column = columns[i]!;
        let x = xs[i]! + pad + (cell.indent && i <= 1 ? 8 : 0);
        if (cell.light) {
          this.doc.circle(x + 3, top + pad + 5, 3).fill(COLOURS[cell.light]);
          x += 9;
        }
        this.y = top + pad;
        this.text(cell.text, x, textWidth(i), { size, bold: cell.bold ?? false, align: column.align });
      });
      this.y = top + height;
      this.doc
        .moveTo(MARGIN.left, this.y)
        .lineTo(A4.width - MARGIN.right, this.y)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
    }
    this.y += 4;
  }

  /** Completion rates as horizontal bars on a 0–100 % scale, drawn as vectors. */
  private bars(bars: NonNullable<Section["bars"]>): void {
    const labelWidth = 120;
    const valueWidth = 48;
    const barWidth = CONTENT_WIDTH - labelWidth - valueWidth - 8;
    const rowHeight = 13;
    this.ensure(rowHeight * Math.min(bars.length, 4) + 8);
    for (const bar of bars) {
      this.ensure(rowHeight);
      const top = this.y;
      this.text(bar.label, MARGIN.left, labelWidth - 6, { size: 7.5, colour: MUTED, oneLine: true });
      const x = MARGIN.left + labelWidth;
      this.doc.rect(x, top + 2, barWidth, 7).fill(HEADER_FILL);
      this.doc.rect(x, top + 2, (barWidth * bar.percent) / 100, 7).fill(BAR_FILL);
      this.y = top;
      this.text(bar.text, x + barWidth + 4, valueWidth, { size: 7.5, align: "right" });
      this.y = top + rowHeight;
    }
  }
}
