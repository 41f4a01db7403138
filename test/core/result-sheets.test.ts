import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assessAll, defaultRules, runAssessments, type RunPacks, type RunResult, runSchemes, runTables, shippedSchemes } from '../../src/core/index';
import type { ResultTable } from '../../src/core/results/table';
import { workbookSnapshot } from '../../src/node/workbook-file';

const TOWNSHIP = 'examples/乡镇党建台账示例.xlsx';
const [cadre, branch] = defaultRules();
const packs: RunPacks = { cadre: cadre.pack, branch: branch.branch, schemes: shippedSchemes() };

let run: RunResult;
let tables: ResultTable[];

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(TOWNSHIP);
  run = await assessAll(workbookSnapshot(wb), packs, { today: '2024-12-31' });
  tables = runTables(run, packs, { time: 't' });
});

const figure = (table: ResultTable, label: RegExp) => table.preamble!.lines.flat().find((p) => label.test(p.label))?.value;

describe('every result sheet reads as a report', () => {
  it('has a title naming its assessment and period, and figures counted from its own results', () => {
    const assessments = runAssessments(run, packs);
    const schemes = runSchemes(packs);
    expect(tables).toHaveLength(assessments.length);
    tables.forEach((table, i) => {
      const a = assessments[i]!;
      const scheme = schemes.find((s) => s.id === a.id)!;
      expect(table.preamble!.title).toMatch(new RegExp(`^\\d{4}年.* ${a.title}结果$`));
      // People (人) and their results (人次) are kept apart: a subject judged in three periods is one subject, three results.
      const subjects = new Set(a.results.map((r) => `${r.name}|${r.group}`)).size;
      expect(figure(table, /^参评对象/), table.sheet).toBe(subjects);
      expect(figure(table, /^考评结果/)).toBe(a.results.length);
      expect(figure(table, /^考评期/)).toBe(a.periods.length);
      expect(table.rows).toHaveLength(a.results.length);
      const scored = a.results.filter((r) => r.scored);
      const gradeLine = table.preamble!.lines.find((line) => line[0]!.label === scheme.grades[0]!.grade)!;
      expect(gradeLine.map((p) => p.label)).toEqual([...new Set(scheme.grades.map((g) => g.grade))]);
      for (const p of gradeLine) expect(p.value).toBe(scored.filter((r) => r.grade === p.label).length);
      if (scored.length > 0) {
        expect(figure(table, /^最高分$/)).toBe(Math.max(...scored.map((r) => r.score)));
        expect(figure(table, /^最低分$/)).toBe(Math.min(...scored.map((r) => r.score)));
      }
      const starLine = table.preamble!.lines.find((line) => line[0]!.label.includes('★') || line[0]!.label.includes('☆'));
      expect(starLine !== undefined, table.sheet).toBe(scheme.grades.some((g) => g.stars > 0));
      if (starLine) expect(starLine.reduce((n, p) => n + (p.value as number), 0)).toBe(scored.length);
    });
  });

  it('counts branches in 个 and their results in 个次, people in 人 and 人次', () => {
    const units = tables.map((t) => [t.sheet, t.preamble!.lines[0]!.slice(0, 2).map((p) => p.label)]);
    expect(units).toEqual([
      ['考评结果', ['参评对象（人）', '考评结果（人次）']],
      ['支部汇总', ['参评对象（个）', '考评结果（个次）']],
      ['驻村干部季度评星定档结果', ['参评对象（人）', '考评结果（人次）']],
      ['党员中心户季度测评结果', ['参评对象（人）', '考评结果（人次）']],
      ['村干部年度目标考评结果', ['参评对象（人）', '考评结果（人次）']],
    ]);
  });

  it('says every point in the rules’ words: no rule id in any 计分依据, no placeholder left', () => {
    const ids = runSchemes(packs).flatMap((s) => s.rules.map((r) => r.id));
    let checked = 0;
    for (const table of tables) {
      const column = table.header.indexOf('计分依据');
      if (column < 0) continue;
      for (const row of table.rows) {
        const parts = String(row[column]).split('；').filter((p) => p !== '');
        for (const part of parts) {
          const words = part.replace(/ [+-][\d.]+$/, '');
          expect(words, part).not.toBe('');
          expect(ids, part).not.toContain(words);
          expect(part).not.toMatch(/\{\w+\}/);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('gives each source as the ledger cell its text names, for 考评结果 and every declared assessment', () => {
    const linked = tables.filter((t) => t.sources);
    expect(linked.map((t) => t.sheet)).toEqual(['考评结果', '驻村干部季度评星定档结果', '党员中心户季度测评结果', '村干部年度目标考评结果']);
    for (const table of linked) {
      expect(table.header[table.sources!.column]).toBe('来源');
      expect(table.sources!.cells).toHaveLength(table.rows.length);
      table.rows.forEach((row, i) => {
        const cell = table.sources!.cells[i];
        expect(row[table.sources!.column]).toBe(cell ? `${cell.sheet}!${cell.cell}` : '');
        if (cell) expect(run.sheets.map((s) => s.sheet)).toContain(cell.sheet);
      });
    }
  });
});
