import * as z from 'zod';
import { type Lang, t } from '../messages';
import type { GradeBand } from '../pack/schema';
import { periodLabel } from '../period';
import type { SchemeAssessment } from '../scheme/result';
import { a1 } from '../snapshot';
import { firstToWatch, gradeDistribution, passLine, periodScores, subjectSeries } from './chart-data';

/**
 * The 图表 sheet as plain data: small tables, one a chart, one under another
 * with a title row each, and beside each the chart that reads it. Sheets
 * draws the charts (embedded charts over the tables); an .xlsx carries the
 * tables alone. The numbers are those the sidebar's charts draw, from the
 * same functions.
 */

const CellSchema = z.union([z.string(), z.number()]);
const A1_RANGE = /^[A-Z]{1,3}[1-9]\d{0,6}:[A-Z]{1,3}[1-9]\d{0,6}$/;

export const ChartKindSchema = z.enum(['column', 'bar', 'line']);
export type ChartKind = z.infer<typeof ChartKindSchema>;

export const ChartBlockSchema = z.object({
  /** The 1-based row of the block's title; its header is the row under it. */
  row: z.number().int().min(2),
  title: z.string().min(1),
  header: z.array(z.string()).min(2),
  rows: z.array(z.array(CellSchema)),
  /** Spreadsheet number formats per column ("0.##"), or "" for none. */
  numberFormats: z.array(z.string()),
});
export type ChartBlock = z.infer<typeof ChartBlockSchema>;

export const ChartSpecSchema = z.object({
  kind: ChartKindSchema,
  title: z.string().min(1),
  /** Its block's table, header included, in A1 notation. */
  range: z.string().regex(A1_RANGE),
  /** The cell its top left corner is anchored in (1-based). */
  position: z.object({ row: z.number().int().positive(), col: z.number().int().positive() }),
});
export type ChartSpec = z.infer<typeof ChartSpecSchema>;

export const ChartSheetSchema = z
  .object({
    sheet: z.string().min(1).max(100),
    note: z.string(),
    /** The sheet's size: the tables and, right of them, room for the charts. */
    size: z.object({ rows: z.number().int().positive().max(10_000), columns: z.number().int().positive().max(100) }),
    columnWidths: z.array(z.number().positive()),
    blocks: z.array(ChartBlockSchema).min(1).max(300),
    charts: z.array(ChartSpecSchema).max(300),
  })
  .refine((s) => s.blocks.every((b) => b.numberFormats.length === b.header.length && b.rows.every((r) => r.length === b.header.length)), { message: 'every row and the formats as wide as the header', path: ['blocks'] })
  .refine((s) => s.blocks.every((b) => b.row + 1 + b.rows.length <= s.size.rows && b.header.length <= s.size.columns), { message: 'every block inside the sheet', path: ['blocks'] });
export type ChartSheet = z.infer<typeof ChartSheetSchema>;

export const CHART_SHEET = t('chartSheetTitle');

/** Rows a chart covers at Sheets' default sizes (about 370 px of 21 px rows), so the next block's chart starts under it. */
const CHART_ROWS = 20;
/** Columns a chart covers at the default width (600 px of 100 px columns). */
const CHART_COLUMNS = 6;
/** The note's row and a blank row above the first block. */
const FIRST_ROW = 3;

/** The widest a block's table is: a name, a score and a line. */
function dataWidth(blocks: Omit<ChartBlock, 'row'>[]): number {
  return Math.max(...blocks.map((b) => b.header.length));
}

export interface ChartSource {
  assessment: SchemeAssessment;
  grades: GradeBand[];
  /** Whether the assessment has must-meet items: only then does it get the chart of scores against the pass line. */
  mustMeet: boolean;
}

interface Planned {
  block: Omit<ChartBlock, 'row'>;
  kind: ChartKind;
}

const titled = (a: SchemeAssessment, chart: string, lang: Lang) => t('chartBlockTitle', { title: lang === 'en' ? a.titleEn : a.title, chart }, lang);

/** How the assessment's results spread over its grades (every band, empty ones too, and those not scored). */
function distribution({ assessment: a, grades }: ChartSource, lang: Lang): Planned {
  const d = gradeDistribution(a, grades);
  const rows: (string | number)[][] = d.bands.map((b) => [b.grade, b.count]);
  if (d.unscored > 0) rows.push([t('chUnscored', {}, lang), d.unscored]);
  return { kind: 'column', block: { title: titled(a, t('chDistTitle', {}, lang), lang), header: [t('chColGrade', {}, lang), t('chColCount', {}, lang)], rows, numberFormats: ['', '0'] } };
}

/** Each subject's score in the last period, highest first, beside the score under which it sits in the lowest band. */
function scores({ assessment: a, grades, mustMeet }: ChartSource, lang: Lang): Planned | undefined {
  const last = a.periods.at(-1);
  const line = passLine(grades);
  if (!mustMeet || !last || !line) return undefined;
  const marks = periodScores(a, last);
  if (marks.length === 0) return undefined;
  return {
    kind: 'bar',
    block: {
      title: titled(a, t('chScoresTitle', { period: periodLabel(last, lang), subject: lang === 'en' ? a.subjectEn : a.subject }, lang), lang),
      header: [lang === 'en' ? a.subjectEn : a.subject, t('chColScore', {}, lang), t('chPassLine', { score: line.min, grade: line.grade }, lang)],
      rows: marks.map((m) => [m.name, m.score, line.min]),
      numberFormats: ['', '0.##', '0.##'],
    },
  };
}

/** The course over the periods of the subject the sidebar shows first; a gap where it has no score. Nothing over one period. */
function trend({ assessment: a }: ChartSource, lang: Lang): Planned | undefined {
  const name = firstToWatch(a);
  if (a.periods.length < 2 || name === undefined) return undefined;
  return {
    kind: 'line',
    block: {
      title: titled(a, t('chartTrendOf', { name }, lang), lang),
      header: [t('chColPeriod', {}, lang), t('chColScore', {}, lang)],
      rows: subjectSeries(a, name).map((p) => [periodLabel(p.period, lang), p.mark?.score ?? '']),
      numberFormats: ['', '0.##'],
    },
  };
}

export interface ChartSheetMeta {
  /** When the run happened, as the host's clock says. */
  time: string;
  /** The language of its titles and headers (the sheet's own name stays 图表); Chinese unless said. */
  lang?: Lang;
}

/**
 * The 图表 sheet of a run's assessments, or undefined when none has a result.
 * Each block takes at least a chart's height, so the charts, anchored right of
 * the tables on their block's title row, never overlap.
 */
export function chartSheet(sources: ChartSource[], meta: ChartSheetMeta): ChartSheet | undefined {
  const lang = meta.lang ?? 'zh';
  const planned = sources.filter((s) => s.assessment.results.length > 0).flatMap((s) => [distribution(s, lang), scores(s, lang), trend(s, lang)].filter((p): p is Planned => p !== undefined));
  if (planned.length === 0) return undefined;
  const width = dataWidth(planned.map((p) => p.block));
  const chartCol = width + 2;
  const blocks: ChartBlock[] = [];
  const charts: ChartSpec[] = [];
  let row = FIRST_ROW;
  for (const { block, kind } of planned) {
    blocks.push({ ...block, row });
    const header = row + 1;
    charts.push({ kind, title: block.title, range: `${a1(header - 1, 0)}:${a1(header - 1 + block.rows.length, block.header.length - 1)}`, position: { row, col: chartCol } });
    row += Math.max(block.rows.length + 3, CHART_ROWS);
  }
  return {
    sheet: CHART_SHEET,
    note: t('chartSheetNote', { time: meta.time }, lang),
    size: { rows: row - 1, columns: chartCol + CHART_COLUMNS - 1 },
    columnWidths: [140, 80, 110].slice(0, width),
    blocks,
    charts,
  };
}

/** The sheet's cells over the tables' columns: the note, then each block's title, header and rows where the block says. */
export function chartSheetCells(sheet: ChartSheet): (string | number)[][] {
  const width = Math.max(...sheet.blocks.map((b) => b.header.length));
  const last = Math.max(...sheet.blocks.map((b) => b.row + 1 + b.rows.length));
  const cells = Array.from({ length: last }, () => Array<string | number>(width).fill(''));
  cells[0]![0] = sheet.note;
  const put = (row: number, values: (string | number)[]) => values.forEach((v, c) => (cells[row - 1]![c] = v));
  for (const b of sheet.blocks) {
    put(b.row, [b.title]);
    put(b.row + 1, b.header);
    b.rows.forEach((r, i) => put(b.row + 2 + i, r));
  }
  return cells;
}
