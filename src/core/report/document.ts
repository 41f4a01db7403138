import * as z from 'zod';

/**
 * A report as a list of blocks, independent of any file format: the Word
 * renderer (src/docx) and any later host (a sheet, the sidebar) lay out the
 * same document.
 */
const TitleBlockSchema = z.object({ kind: z.literal('title'), text: z.string() });
const HeadingBlockSchema = z.object({ kind: z.literal('heading'), level: z.union([z.literal(1), z.literal(2)]), text: z.string() });
const ParagraphBlockSchema = z.object({ kind: z.literal('paragraph'), text: z.string() });
const PageBreakBlockSchema = z.object({ kind: z.literal('pageBreak') });

/** Column widths are shares of the text width of an A4 portrait page, so every renderer sizes them alike. */
const TableBlockSchema = z
  .object({
    kind: z.literal('table'),
    header: z.array(z.string()).min(1),
    rows: z.array(z.array(z.string())),
    widths: z.array(z.number().positive()),
  })
  .refine((t) => t.widths.length === t.header.length && t.rows.every((r) => r.length === t.header.length), 'every row and the widths have one entry per column')
  .refine((t) => t.widths.reduce((a, b) => a + b, 0) <= 1.001, 'the column widths add up to at most the text width');

export const BlockSchema = z.union([TitleBlockSchema, HeadingBlockSchema, ParagraphBlockSchema, TableBlockSchema, PageBreakBlockSchema]);
export type Block = z.infer<typeof BlockSchema>;
export type TableBlock = z.infer<typeof TableBlockSchema>;

export const ReportDocumentSchema = z.object({
  lang: z.enum(['zh', 'en']),
  /** What the file is called inside (Word's document title). */
  title: z.string(),
  blocks: z.array(BlockSchema),
});
export type ReportDocument = z.infer<typeof ReportDocumentSchema>;

export const title = (text: string): Block => ({ kind: 'title', text });
export const heading = (level: 1 | 2, text: string): Block => ({ kind: 'heading', level, text });
export const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
export const pageBreak: Block = { kind: 'pageBreak' };

/** A table whose widths are given as relative weights: they are scaled to shares of the text width. */
export function table(header: string[], rows: string[][], weights: number[]): TableBlock {
  const total = weights.reduce((a, b) => a + b, 0);
  return { kind: 'table', header, rows, widths: weights.map((w) => w / total) };
}
