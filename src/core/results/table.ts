import * as z from 'zod';
import type { Assessment } from '../assess/assess';
import { starText } from '../assess/grade';
import { packScheme } from '../assess/scheme';
import { t } from '../messages';
import type { Pack } from '../pack/schema';
import { periodLabel } from '../period';
import { ruleLabeller } from '../report/rules';
import { changeCell, previousScoreCell } from '../scheme/previous';
import { basisText, sourceCell, sourceText } from './cells';
import { resultPreamble } from './preamble';

const CellValueSchema = z.union([z.string(), z.number()]);

/** The title of a result sheet and the figures under its note, each line label and value pairs (参评对象（人） 12). */
export const PreambleSchema = z.object({
  title: z.string(),
  lines: z.array(z.array(z.object({ label: z.string(), value: CellValueSchema }))),
});
export type Preamble = z.infer<typeof PreambleSchema>;
export type PreambleLine = Preamble['lines'][number];

/** A ledger cell a result rests on, by sheet name and A1 cell: where a source cell links to. */
export const SourceCellSchema = z.object({ sheet: z.string().min(1).max(100), cell: z.string().regex(/^[A-Z]{1,3}\d{1,7}$/) });
export type SourceCell = z.infer<typeof SourceCellSchema>;

/**
 * A result sheet as plain data: what a host writes in one batch. Hosts apply the
 * layout hints (widths, formats, wrapping) the same way in Sheets and in .xlsx.
 */
export const ResultTableSchema = z.object({
  sheet: z.string().min(1).max(100),
  /** The title row and the figures above the header; the note alone heads a table without it. */
  preamble: PreambleSchema.optional(),
  note: z.string(),
  header: z.array(z.string()),
  rows: z.array(z.array(z.union([z.string(), z.number()]))),
  columnWidths: z.array(z.number().positive()),
  /** Spreadsheet number formats per column ("0.00"), or "" for none. */
  numberFormats: z.array(z.string()),
  /** Columns (0-based) whose long text wraps. */
  wrap: z.array(z.number().int().nonnegative()),
  /** The column that names each row's ledger cell, and that cell per row (null for none): hosts make those cells links to it. */
  sources: z.object({ column: z.number().int().nonnegative(), cells: z.array(SourceCellSchema.nullable()) }).optional(),
});
export type ResultTable = z.infer<typeof ResultTableSchema>;

/** The rows above a table's header, as both hosts lay them out. */
export interface TableTop {
  /** Title, note and figures, each as wide as the header. */
  rows: (string | number)[][];
  /** 0-based rows: the title's (when there is one) and the note's, each merged across the table. */
  title: number | undefined;
  note: number;
  /** 0-based rows of figures, label and value cells side by side. */
  figures: number[];
}

/**
 * The title, then the note, then the figures, a line's pairs running on to
 * the next row when the table is too narrow for them; the header comes next,
 * on row `rows.length + 1`.
 */
export function tableTop(table: ResultTable): TableTop {
  const width = table.header.length;
  const row = (cells: (string | number)[]) => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill('')];
  const rows: (string | number)[][] = [];
  const title = table.preamble ? rows.push(row([table.preamble.title])) - 1 : undefined;
  const note = rows.push(row([table.note])) - 1;
  const figures: number[] = [];
  const perRow = Math.max(1, Math.floor(width / 2));
  for (const line of table.preamble?.lines ?? []) {
    for (let i = 0; i < line.length; i += perRow) {
      const pairs = line.slice(i, i + perRow);
      figures.push(rows.push(row(width >= 2 ? pairs.flatMap((p) => [p.label, p.value]) : [pairs.map((p) => `${p.label} ${p.value}`).join('')])) - 1);
    }
  }
  return { rows, title, note, figures };
}

export const CADRE_RESULT_SHEET = t('resultSheetTitle');

export interface TableMeta {
  /** When the run happened, as the host's clock says (ISO). */
  time: string;
}

/** 考评结果: one row per cadre and month, with the points, grade, flags and the rule behind each point. */
export function cadreResultTable(assessment: Assessment, pack: Pack, meta: TableMeta): ResultTable {
  const scheme = packScheme(pack);
  const label = ruleLabeller(scheme, 'zh');
  // cadres and results are the same judgements in the same order.
  const results = assessment.results;
  const sources = results.map((r) => sourceCell(r.source));
  const header = [
    t('colName'),
    t('colBranch'),
    t('colPeriod'),
    ...pack.indicators.map((i) => `${i.label}（${i.max}）`),
    t('colTotal'),
    t('colGrade'),
    t('colStars'),
    t('colRank'),
    t('colPreviousScore'),
    t('colChange'),
    t('colFlags'),
    t('colBasis'),
    t('colSource'),
  ];
  const rows = assessment.cadres.map((c, i) => [
    c.name,
    c.branch ?? '',
    periodLabel(c.period),
    ...pack.indicators.map((i) => c.indicators[i.id] ?? 0),
    c.score,
    c.grade,
    starText(c.stars),
    `${c.rank}/${c.of}`,
    previousScoreCell(c),
    changeCell(c),
    c.flags.map((f) => f.message).join('；'),
    basisText(c.basis, (rule) => label(rule, results[i]!)),
    sourceText(sources[i]!),
  ]);
  const n = pack.indicators.length;
  return {
    sheet: CADRE_RESULT_SHEET,
    preamble: resultPreamble({ title: pack.title, period: assessment.period, periods: assessment.months, results, grades: pack.grades, people: true }),
    note: t('resultNote', { time: meta.time, pack: `${pack.title}（${pack.id}）`, version: assessment.rulesVersion }),
    header,
    rows,
    columnWidths: [72, 110, 84, ...Array(n).fill(76), 56, 72, 80, 56, 64, 160, 260, 220, 110],
    numberFormats: ['', '', '', ...Array(n).fill('0.##'), '0.##', '', '', '', '0.##', '', '', '', ''],
    wrap: [3 + n + 5, 3 + n + 6, 3 + n + 7],
    sources: { column: header.length - 1, cells: sources },
  };
}
