/**
 * A report document (src/core/report) as a Word file: real headings, tables
 * and page breaks on A4 portrait pages. Kept out of src/core and src/server so
 * the docx package never reaches the Apps Script bundle; the CLI uses it, and
 * the sidebar can, as it runs in a browser too.
 */
import {
  Document,
  HeadingLevel,
  Packer,
  PageBreak,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, ReportDocument, TableBlock } from '../core/report/document';

/** A4 in twentieths of a point, with 2.54 cm margins: the text width the blocks' column shares are of. */
const PAGE = { width: 11906, height: 16838, margin: 1440 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** Fonts Word and WPS have on Chinese systems; Latin text in a font that sits well beside them. */
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };

const cell = (text: string, width: number, bold = false) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

function tableOf(block: TableBlock): Table {
  const widths = block.widths.map((share) => Math.round(share * TEXT_WIDTH));
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: block.header.map((text, i) => cell(text, widths[i]!, true)) }),
      ...block.rows.map((row) => new TableRow({ children: row.map((text, i) => cell(text, widths[i]!)) })),
    ],
  });
}

function element(block: Block): Paragraph | Table {
  switch (block.kind) {
    case 'title':
      return new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(block.text)] });
    case 'heading':
      return new Paragraph({ heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [new TextRun(block.text)] });
    case 'paragraph':
      return new Paragraph({ children: [new TextRun(block.text)] });
    case 'table':
      return tableOf(block);
    case 'pageBreak':
      return new Paragraph({ children: [new PageBreak()] });
  }
}

const headingStyle = (size: number) => ({ run: { font: HEADING_FONT, size, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 } } });

export function reportDocx(doc: ReportDocument): Document {
  return new Document({
    title: doc.title,
    styles: {
      default: {
        document: { run: { font: FONT, size: 24 } },
        title: { run: { font: HEADING_FONT, size: 36, bold: true }, paragraph: { spacing: { after: 240 } } },
        heading1: headingStyle(30),
        heading2: headingStyle(26),
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        children: doc.blocks.map(element),
      },
    ],
  });
}

/** The .docx file's bytes. */
export const renderDocx = (doc: ReportDocument): Promise<Uint8Array> => Packer.pack(reportDocx(doc), 'uint8array');

/** The .docx file as a browser hands it to a download: a Blob of the Word type. */
export const renderDocxBlob = (doc: ReportDocument): Promise<Blob> => Packer.toBlob(reportDocx(doc));
