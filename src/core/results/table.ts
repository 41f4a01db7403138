import * as z from 'zod';
import type { Assessment } from '../assess/assess';
import { starText } from '../assess/grade';
import { t } from '../messages';
import type { Pack } from '../pack/schema';
import { periodLabel } from '../period';
import { changeCell, previousScoreCell } from '../scheme/previous';

/**
 * A result sheet as plain data: what a host writes in one batch. Hosts apply the
 * layout hints (widths, formats, wrapping) the same way in Sheets and in .xlsx.
 */
export const ResultTableSchema = z.object({
  sheet: z.string().min(1).max(100),
  note: z.string(),
  header: z.array(z.string()),
  rows: z.array(z.array(z.union([z.string(), z.number()]))),
  columnWidths: z.array(z.number().positive()),
  /** Spreadsheet number formats per column ("0.00"), or "" for none. */
  numberFormats: z.array(z.string()),
  /** Columns (0-based) whose long text wraps. */
  wrap: z.array(z.number().int().nonnegative()),
});
export type ResultTable = z.infer<typeof ResultTableSchema>;

export const CADRE_RESULT_SHEET = t('resultSheetTitle');

export interface TableMeta {
  /** When the run happened, as the host's clock says (ISO). */
  time: string;
}

/** 考评结果: one row per cadre and month, with the points, grade, flags and the rule behind each point. */
export function cadreResultTable(assessment: Assessment, pack: Pack, meta: TableMeta): ResultTable {
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
  const rows = assessment.cadres.map((c) => [
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
    c.basis.map((b) => `${b.rule} +${b.points}`).join('；'),
    `${c.source.sheet}!${c.source.row}`,
  ]);
  const n = pack.indicators.length;
  return {
    sheet: CADRE_RESULT_SHEET,
    note: t('resultNote', { time: meta.time, pack: `${pack.title}（${pack.id}）`, version: assessment.rulesVersion }),
    header,
    rows,
    columnWidths: [72, 110, 84, ...Array(n).fill(76), 56, 72, 80, 56, 64, 160, 260, 220, 110],
    numberFormats: ['', '', '', ...Array(n).fill('0.##'), '0.##', '', '', '', '0.##', '', '', '', ''],
    wrap: [3 + n + 5, 3 + n + 6, 3 + n + 7],
  };
}
