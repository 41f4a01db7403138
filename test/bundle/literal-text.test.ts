import { describe, expect, it } from 'vitest';
import {
  applyRuleDraft,
  defaultRules,
  readRulesSheet,
  ruleRowEdit,
  RULES_SHEET,
  rulesSheetPaint,
  sheetDecoration,
  type ResultTable,
  type PackEntry,
  type RulesEntry,
} from '../../src/core/index';
import { a1, type SheetSnapshot } from '../../src/core/snapshot';
import { FormulaValue, GasServices, WorkbookModel, type GasSandbox, type SheetModel } from '../../src/node/gas/index';
import type { WorkbookPayload } from '../../src/rpc/contract';
import { smallWorkbook } from '../rulesheet/workbook-fixture';
import { sandboxOf } from './harness';

/** Texts Sheets would not keep as written: a formula, what typing takes for one, a quote prefix, spaces before "=". */
const TRICKY = ['=IMAGE("http://x")', '+1', '-x', '@x', "'引号", '  =1+1', '-'];
const LIMIT = 50_000;

function township(): GasSandbox {
  return sandboxOf(WorkbookModel.fromSnapshot(smallWorkbook(), { name: '吉仁高勒镇台账' }));
}

function readBack(sandbox: GasSandbox): SheetSnapshot {
  const payload = sandbox.call('getWorkbook') as WorkbookPayload;
  return payload.snapshot.sheets.find((s) => s.name === RULES_SHEET)!;
}

/** Every cell of a sheet that holds a formula, by A1-ish position. */
function formulas(sheet: SheetModel): string[] {
  const found: string[] = [];
  sheet.values.forEach((row, r) => row?.forEach((v, c) => v instanceof FormulaValue && found.push(`${r},${c}: ${v.formula}`)));
  return found;
}

/** The default packs with the tricky texts in 提示, 说明, an indicator's name and a grade's name. */
function trickyRules(): [PackEntry, RulesEntry] {
  const [entry, branch] = defaultRules();
  const pack = structuredClone(entry.pack);
  pack.indicators[0]!.label = '@下基层';
  pack.rules = pack.rules.map((rule, i) => ({
    ...rule,
    ...(i < TRICKY.length ? { flag: TRICKY[i], note: TRICKY[TRICKY.length - 1 - i] } : {}),
  }));
  pack.grades[0]!.grade = '-优秀';
  return [{ ...entry, pack }, branch];
}

describe('the fakes store what Sheets documents', () => {
  const services = () => {
    const book = new WorkbookModel();
    book.addSheet('Sheet1');
    return new GasServices({ workbook: book });
  };

  it('takes a text beginning with "=" for a formula whatever the number format, and a leading apostrophe for a quote prefix', () => {
    const gas = services();
    expect(gas.stored('=IMAGE("http://x")', { numberFormat: '@' })).toBeInstanceOf(FormulaValue);
    expect(gas.stored(' =1+1', {})).toBeInstanceOf(FormulaValue);
    expect(gas.stored("'=IMAGE(\"http://x\")", { numberFormat: '@' })).toBe('=IMAGE("http://x")');
    expect(gas.stored("'007", {})).toBe('007');
    expect(gas.stored('007', {})).toBe(7);
    expect(gas.stored('007', { numberFormat: '@' })).toBe('007');
    expect(gas.stored(-3, {})).toBe(-3);
  });
});

describe('text stays text', () => {
  it('in a result table: names, notes and headers that look like formulas read back as written, none a formula; numbers stay numbers', () => {
    const sandbox = township();
    const table: ResultTable = {
      sheet: '考评结果',
      note: '=HYPERLINK("http://x","note")',
      header: ['姓名', '+得分', '说明'],
      rows: TRICKY.map((text, i) => [text, i - 2, `@${i}`]),
      columnWidths: [80, 60, 120],
      numberFormats: ['', '0', ''],
      wrap: [],
    };
    sandbox.call('writeResults', { tables: [table] });
    const sheet = sandbox.workbook.sheet('考评结果')!;
    expect(formulas(sheet)).toEqual([]);
    const shown = [table.note, ...table.header.slice(1).map(() => ''), ...table.header, ...table.rows.flat()];
    const read: unknown[] = [];
    for (let r = 0; r < 2 + table.rows.length; r++) for (let c = 0; c < 3; c++) read.push(sheet.value(r, c) ?? '');
    expect(read).toEqual(shown);
    expect(sheet.value(2, 1)).toBe(-2);
  });

  it('in 考评规则 written by replaceRulesSheet: 提示, 说明 and names read back as the same text and the same pack', () => {
    const sandbox = township();
    const entries = trickyRules();
    sandbox.call('replaceRulesSheet', rulesSheetPaint(entries));
    expect(formulas(sandbox.workbook.sheet(RULES_SHEET)!)).toEqual([]);
    const read = readRulesSheet(readBack(sandbox));
    expect(read.problems).toEqual([]);
    // The reader trims a cell's text, as it does every cell's; the cell itself holds the spaces (below).
    const pack = entries[0].pack;
    const expected = pack.rules.map((r) => ({ ...r, ...(r.flag === undefined ? {} : { flag: r.flag.trim() }), ...(r.note === undefined ? {} : { note: r.note.trim() }) }));
    expect(read.packs[0]!.pack).toEqual({ ...pack, rules: expected });
    const flat = readBack(sandbox).values.flat();
    for (const text of [...TRICKY.filter((t) => t !== '-'), '@下基层', '-优秀']) expect(flat).toContain(text);
  });

  it('in a rule row written by writeRuleRow: 提示 and 说明 read back as written, none a formula', () => {
    const sandbox = township();
    sandbox.call('ensureRulesSheet', rulesSheetPaint(defaultRules()));
    const pack = defaultRules()[0]!.pack;
    for (const [flag, note] of [['=IMAGE("http://x")', '@x'], ['+1', '-x'], ["'引号", '  =1+1']] as const) {
      const current = readRulesSheet(readBack(sandbox)).packs[0]!.pack!;
      const draft = applyRuleDraft(current, { indicator: '五个一', conditions: { 所驻村: '阿拉坦嘎查' }, points: 1, flag, note });
      expect(draft.problems).toEqual([]);
      sandbox.call('writeRuleRow', ruleRowEdit(readBack(sandbox), current, draft.rule!)!);
      expect(formulas(sandbox.workbook.sheet(RULES_SHEET)!)).toEqual([]);
      const written = readRulesSheet(readBack(sandbox)).packs[0]!.pack!.rules.find((r) => r.id === draft.rule!.id);
      expect(written).toEqual({ ...draft.rule, note: note.trim() });
      expect([written!.flag, written!.note]).toEqual([flag, note.trim()]);
      expect(readBack(sandbox).values.flat()).toContain(note);
    }
    expect(pack.rules.length).toBeLessThan(readRulesSheet(readBack(sandbox)).packs[0]!.pack!.rules.length);
  });
});

describe('a text too long for a cell', () => {
  const long = (n: number) => '长'.repeat(n);

  it('is cut to fit a result sheet’s cell, with a note saying how long it was, and the run goes on', () => {
    const sandbox = township();
    const table: ResultTable = {
      sheet: '考评结果',
      note: 'note',
      header: ['姓名', '计分依据'],
      rows: [['张三', long(LIMIT + 10_000)], ['李四', `=${long(LIMIT)}`]],
      columnWidths: [80, 200],
      numberFormats: ['', ''],
      wrap: [1],
    };
    sandbox.call('writeResults', { tables: [table] });
    const sheet = sandbox.workbook.sheet('考评结果')!;
    expect(sheet.value(2, 1)).toBe(long(LIMIT));
    expect(sheet.note(2, 1)).toBe(
      `此格原文共 ${LIMIT + 10_000} 个字符，超过单元格上限 ${LIMIT} 个字符，只保留了前 ${LIMIT} 个\nthis cell's text had ${LIMIT + 10_000} characters, more than a cell holds (${LIMIT}); only the first ${LIMIT} are kept`,
    );
    // The apostrophe that keeps "=" literal counts towards the cell's limit.
    expect(sheet.value(3, 1)).toBe(`=${long(LIMIT - 2)}`);
    expect(sheet.note(3, 1)).toContain(`原文共 ${LIMIT + 1} 个字符`);
    expect(sheet.note(2, 0)).toBe('');
  });

  it('is cut to fit in 考评规则, by replaceRulesSheet and by writeRuleRow, the cell’s own note kept', () => {
    const sandbox = township();
    const [entry, branch] = defaultRules();
    const pack = structuredClone(entry.pack);
    pack.rules[0]!.note = long(LIMIT + 1);
    sandbox.call('replaceRulesSheet', rulesSheetPaint([{ ...entry, pack }, branch]));
    const sheet = sandbox.workbook.sheet(RULES_SHEET)!;
    const cut = readBack(sandbox).values.flatMap((row, r) => row.map((v, c) => ({ r, c, v }))).find((x) => x.v === long(LIMIT))!;
    expect(cut).toBeDefined();
    expect(sheet.note(cut.r, cut.c)).toContain(`原文共 ${LIMIT + 1} 个字符`);
    // Marking the sheet's problems repaints every note but keeps the one about the cut.
    const problem = { sheet: RULES_SHEET, cell: a1(cut.r, cut.c), message: '旧的问题', messageEn: 'an old problem' };
    sandbox.call('markRuleProblems', { decoration: sheetDecoration(readBack(sandbox).values, [problem]) });
    expect(sheet.note(cut.r, cut.c)).toMatch(new RegExp(`旧的问题\n此格原文共 ${LIMIT + 1} 个字符`));
    sandbox.call('markRuleProblems', { decoration: sheetDecoration(readBack(sandbox).values) });
    expect(sheet.note(cut.r, cut.c)).toBe(
      `此格原文共 ${LIMIT + 1} 个字符，超过单元格上限 ${LIMIT} 个字符，只保留了前 ${LIMIT} 个\nthis cell's text had ${LIMIT + 1} characters, more than a cell holds (${LIMIT}); only the first ${LIMIT} are kept`,
    );

    const current = readRulesSheet(readBack(sandbox)).packs[0]!.pack!;
    const draft = applyRuleDraft(current, { indicator: '五个一', conditions: { 所驻村: '阿拉坦嘎查' }, points: 1, note: long(LIMIT + 5) });
    const edit = ruleRowEdit(readBack(sandbox), current, draft.rule!)!;
    const { row } = sandbox.call('writeRuleRow', edit) as { row: number };
    const col = sheet.values[row - 1]!.findIndex((v) => v === long(LIMIT));
    expect(col).toBeGreaterThan(0);
    expect(sheet.note(row - 1, col)).toContain(`原文共 ${LIMIT + 5} 个字符`);
  });
});
