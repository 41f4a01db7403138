/** The printable report sheets of a run: the document laid out on a grid that prints on A4 portrait. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  feedbackNotes,
  REPORT_COLUMN_PX,
  REPORT_COLUMNS,
  reportDocument,
  reportMerges,
  reportSheet,
  reportSheetCells,
  ReportSheetSchema,
  runReportSheets,
  spansOf,
  table,
  type ReportSheet,
  type TableBlock,
} from '../../src/core/report/index';
import { resultSheetNames } from '../../src/core/results/sheets';
import { assessAll, runAssessments, runSummaries, type RunPacks, type RunResult } from '../../src/core/run';
import { loadWorkbook } from '../../src/node/workbook-file';
import { shippedPacks } from '../scheme/helpers';

const TOWNSHIP = 'examples/乡镇党建台账示例.xlsx';
const SECTIONS = ['一、基本情况', '二、主要成效', '三、存在问题', '四、下步打算'];
/** A4 portrait less Sheets' default margins of 0.7 in either side, at 96 px to the inch. */
const PAGE_TEXT_PX = (8.27 - 1.4) * 96;

let packs: RunPacks;
let run: RunResult;
let report: ReportSheet;
let notes: ReportSheet;
beforeAll(async () => {
  packs = shippedPacks();
  const { snapshot } = await loadWorkbook(TOWNSHIP);
  run = await assessAll(snapshot, packs, { period: '2024-Q2' });
  [report, notes] = runReportSheets(run, packs, { period: '2024-Q2', time: '2024-07-01 09:00' }, { feedback: true }) as [ReportSheet, ReportSheet];
});

const texts = (sheet: ReportSheet, kind: string) => sheet.rows.filter((r) => r.kind === kind).map((r) => r.cells[0]!);

describe('the 考评报告 sheet', () => {
  it('is owned by the add-on, with 考评反馈单, under the names of the message table', () => {
    expect([report.sheet, notes.sheet]).toEqual(['考评报告', '考评反馈单']);
    expect(resultSheetNames([])).toEqual(expect.arrayContaining(['考评报告', '考评反馈单']));
  });

  it('is a grid no wider than an A4 portrait page, and every row fills it exactly', () => {
    for (const sheet of [report, notes]) {
      expect(ReportSheetSchema.parse(sheet)).toEqual(sheet);
      expect(sheet.columnWidths).toEqual(Array(REPORT_COLUMNS).fill(REPORT_COLUMN_PX));
      expect(sheet.columnWidths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(PAGE_TEXT_PX);
      for (const row of sheet.rows) expect(row.spans.reduce((a, b) => a + b, 0)).toBe(REPORT_COLUMNS);
      for (const row of reportSheetCells(sheet)) expect(row).toHaveLength(REPORT_COLUMNS);
    }
  });

  it('has a title per assessment, each followed by the four sections, each assessment from a new page', () => {
    const assessments = runAssessments(run, packs);
    expect(texts(report, 'title')).toHaveLength(assessments.length);
    expect(texts(report, 'title')).toContain('2024年第二季度 党支部考核 考评报告');
    // Under each title its sections; one with nothing to assess has its 基本情况 alone.
    const sections: string[][] = [];
    for (const r of report.rows) {
      if (r.kind === 'title') sections.push([]);
      if (r.kind === 'heading1') sections.at(-1)!.push(r.cells[0]!);
    }
    expect(sections).toEqual(assessments.map((a) => (a.results.length > 0 ? SECTIONS : SECTIONS.slice(0, sections[assessments.indexOf(a)]!.length))));
    expect(sections.filter((s) => s.length === 4).length).toBeGreaterThanOrEqual(4);
    // Every title but the first starts a page, after a blank row that keeps them apart in Sheets.
    const titleRows = report.rows.flatMap((r, i) => (r.kind === 'title' ? [i + 1] : []));
    expect(report.breaks).toEqual(titleRows.slice(1));
    for (const b of report.breaks) expect(report.rows[b - 2]!.kind).toBe('blank');
  });

  it('carries every row of the document’s tables, header first, each table column over whole grid columns', () => {
    const doc = reportDocument(run, packs, { period: '2024-Q2' });
    const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
    const cells = reportSheetCells(report);
    const laid = report.rows.map((r, i) => ({ r, cells: cells[i]! })).filter(({ r }) => r.kind === 'header' || r.kind === 'body');
    expect(laid.map(({ r }) => r.cells)).toEqual(tables.flatMap((t) => [t.header, ...t.rows]));
    const rectify = tables.find((t) => t.header.includes('责任单位') && t.header.includes('时限'))!;
    expect(rectify.rows.length).toBeGreaterThan(0);
    // A wide column covers several grid columns, merged row by row.
    const merges = reportMerges(report);
    const rowsOf = (m: (typeof merges)[number]) => report.rows.slice(m.start - 1, m.start - 1 + m.count);
    expect(merges.some((m) => m.columns > 1 && m.columns < REPORT_COLUMNS && rowsOf(m).some((r) => r.kind === 'body'))).toBe(true);
    for (const m of merges) expect(m.column + m.columns - 1).toBeLessThanOrEqual(REPORT_COLUMNS);
  });

  it('estimates the height of rows whose text wraps, and leaves one-line rows to the default', () => {
    const long = report.rows.find((r) => r.kind === 'paragraph' && r.cells[0]!.length > 120)!;
    expect(long.height).toBeGreaterThan(21 * 2);
    expect(report.rows.find((r) => r.kind === 'blank')!.height).toBeUndefined();
    expect(report.rows.find((r) => r.kind === 'title')!.height).toBeGreaterThan(21);
  });
});

describe('the 考评反馈单 sheet', () => {
  it('has one note per subject and period, each from a new page after a blank row', () => {
    const count = runAssessments(run, packs).reduce((n, a) => n + a.results.length, 0);
    const titles = notes.rows.flatMap((r, i) => (r.kind === 'title' ? [i + 1] : []));
    expect(titles).toHaveLength(count);
    // Under the generation note.
    expect(titles[0]).toBe(2);
    expect(notes.breaks).toEqual(titles.slice(1));
    for (const b of notes.breaks) expect(notes.rows[b - 2]!.kind).toBe('blank');
    expect(feedbackNotes(run, packs, runSummaries(run, packs)).filter((b) => b.kind === 'title')).toHaveLength(count);
  });

  it('is written only when asked', () => {
    expect(runReportSheets(run, packs, { period: '2024-Q2', time: '2024-07-01 09:00' }).map((s) => s.sheet)).toEqual(['考评报告']);
  });
});

describe('a table on the grid', () => {
  it('gives each column whole grid columns in proportion to its share, at least one', () => {
    expect(spansOf([1, 1])).toEqual([4, 4]);
    expect(spansOf([3, 2, 7])).toEqual([2, 1, 5]);
    expect(spansOf([1, 1, 1, 1, 1, 1, 1, 20]).every((s) => s >= 1)).toBe(true);
    expect(spansOf([1, 1, 1, 1, 1, 1, 1, 20]).reduce((a, b) => a + b, 0)).toBe(REPORT_COLUMNS);
  });

  it('folds the columns of a table wider than the grid into its last cell, so no cell is wider than the page', () => {
    const header = Array.from({ length: 10 }, (_, i) => `列${i + 1}`);
    const wide = table(header, [header.map((_, i) => `值${i + 1}`)], header.map(() => 1));
    const sheet = reportSheet('考评报告', { blocks: [wide] });
    const [head, body] = sheet.rows;
    expect(head!.spans).toEqual(Array(REPORT_COLUMNS).fill(1));
    expect(body!.cells.slice(0, 7)).toEqual(['值1', '值2', '值3', '值4', '值5', '值6', '值7']);
    expect(body!.cells[7]).toBe('列8：值8\n列9：值9\n列10：值10');
    expect(body!.height).toBeGreaterThan(21);
  });
});
