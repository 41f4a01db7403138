import { describe, expect, it } from 'vitest';
import { readLedgerSheets } from '../../src/core/ledger/read';
import type { BranchPack } from '../../src/core/branch/schema';
import { validateBranchPack } from '../../src/core/branch/validate';
import type { Pack } from '../../src/core/pack/schema';
import { validatePack } from '../../src/core/pack/validate';
import { defaultRules } from '../../src/core/rulesheet/defaults';
import { entriesOfRules, entryPack, readRulesSheet, rulesSheetLayout, type RulesEntry } from '../../src/core/rulesheet/index';
import { validateScheme } from '../../src/core/rulesheet/scheme/validate';
import { assessScheme } from '../../src/core/scheme/assess';
import { schemeLedgerSpec } from '../../src/core/scheme/ledgers';
import { type Scheme, SchemeSchema } from '../../src/core/scheme/schema';
import type { Cell, SheetSnapshot } from '../../src/core/snapshot';
import { HOUSEHOLD_HEADER } from '../scheme/helpers';
import { HOUSEHOLD } from './scheme-fixtures';
import { edit, locate, rowOf, sheetOf } from './sheet-helpers';

/**
 * 党员中心户 with its standards in 【参数】: 优秀 from {优秀分数线}, at most
 * {优秀名额比例} of them kept 优秀, the bottom {末位比例} flagged.
 */
const BANDED: Scheme = SchemeSchema.parse({
  ...HOUSEHOLD,
  params: [
    { name: '优秀分数线', value: 90, note: '县里每年公布' },
    { name: '优秀名额比例', value: '70%' },
    { name: '末位比例', value: '20%' },
  ],
  grades: [{ ...HOUSEHOLD.grades[0]!, param: '优秀分数线' }, ...HOUSEHOLD.grades.slice(1)],
  quota: { grade: '优秀', maxShare: 0.7, param: '优秀名额比例' },
  ranking: { ...HOUSEHOLD.ranking!, param: '末位比例' },
});

const entry = (scheme: Scheme): RulesEntry => ({ scheme, tests: [] });

function readClean(sheet: SheetSnapshot) {
  const read = readRulesSheet(sheet);
  expect(read.problems).toEqual([]);
  return read;
}

const schemeOf = (sheet: SheetSnapshot): Scheme => readClean(sheet).packs[0]!.scheme!;

const problemsOf = (sheet: SheetSnapshot) => readRulesSheet(sheet).problems.map((p) => [p.cell, p.message, p.messageEn]);

/** The household ledger of a quarter as a run reads it, assessed under the scheme: each household's grade by name. */
async function grades(scheme: Scheme, rows: [string, number, number][]): Promise<Record<string, string>> {
  const values: Cell[][] = [
    ['巴彦宝力格镇2024年第一季度党员中心户测评表'],
    HOUSEHOLD_HEADER,
    ...rows.map(([name, rating, publicity], i) => [i + 1, name, '巴彦嘎查', rating, publicity, 5, 10, 2, null]),
  ];
  const ledger = scheme.ledgers[0]!;
  const read = readLedgerSheets({ sheets: [{ name: '一季度中心户测评', values, merges: [] }] }, schemeLedgerSpec(ledger));
  const ledgers = new Map([[ledger.id, { records: read.records, infos: read.ledgers, warnings: read.warnings }]]);
  const a = await assessScheme(scheme, { ledgers, results: new Map() });
  return Object.fromEntries(a.results.map((r) => [r.name, r.grade]));
}

// 0.6 × 民主测评 + 2 × 宣传 (at most 10) + 10 + 10 + 10: 85 and 5 give 91, 95 and 5 give 97, 50 and 0 give 60.
const HOUSEHOLDS: [string, number, number][] = [
  ['甲', 85, 5],
  ['乙', 95, 5],
  ['丙', 50, 0],
];

describe('grade bands and shares that name a parameter', () => {
  it('writes the band, the quota and the bottom share as {名称}, and reads them back into the same scheme and sheet', () => {
    const sheet = sheetOf([entry(BANDED)]);
    const at = (table: string, key: string, header: string) => {
      const { row, col } = locate(sheet, table, key, header);
      return sheet.values[row]![col];
    };
    expect(at('等次', '优秀', '总分')).toBe('>= {优秀分数线}');
    expect(at('等次', '良好', '总分')).toBe('[75,{优秀分数线})');
    expect(at('名额', '优秀', '比例')).toBe('{优秀名额比例}');
    expect(at('排名', '后20%', '比例')).toBe('{末位比例}');
    const scheme = schemeOf(sheet);
    expect(scheme).toEqual(BANDED);
    expect(scheme.grades[0]).toEqual({ min: 90, param: '优秀分数线', grade: '优秀', stars: 4 });
    expect(rulesSheetLayout([entry(scheme)]).values).toEqual(rulesSheetLayout([entry(BANDED)]).values);
  });

  it('raising 优秀分数线 to 92 in its one cell moves the band: a household at 91 is no longer 优秀', async () => {
    const sheet = sheetOf([entry(BANDED)]);
    expect(await grades(schemeOf(sheet), HOUSEHOLDS)).toEqual({ 甲: '优秀', 乙: '优秀', 丙: '合格' });
    const raised = edit(sheet, '参数', '优秀分数线', '值', '92').sheet;
    const scheme = schemeOf(raised);
    expect(scheme.grades.slice(0, 2)).toEqual([
      { min: 92, param: '优秀分数线', grade: '优秀', stars: 4 },
      { min: 75, grade: '良好', stars: 3 },
    ]);
    expect(await grades(scheme, HOUSEHOLDS)).toEqual({ 甲: '良好', 乙: '优秀', 丙: '合格' });
    // The rows of 【等次】 are as they were: the sheet written again differs in the parameter's cell alone.
    const before = rulesSheetLayout([entry(BANDED)]).values;
    const after = rulesSheetLayout([entry(scheme)]).values;
    const changed = after.flatMap((row, r) => row.flatMap((v, c) => (v === before[r]![c] ? [] : [[v, before[r]![c]]])));
    expect(changed).toEqual([['92', '90']]);
  });

  it('changing a share parameter alone changes the share', () => {
    const sheet = sheetOf([entry(BANDED)]);
    const scheme = schemeOf(edit(edit(sheet, '参数', '优秀名额比例', '值', '20%').sheet, '参数', '末位比例', '值', '10%').sheet);
    expect(scheme.quota).toEqual({ grade: '优秀', maxShare: 0.2, param: '优秀名额比例' });
    expect(scheme.ranking).toMatchObject({ bottomShare: 0.1, param: '末位比例' });
  });

  it('names the cell of a band or share that refers to an unknown parameter, or to one of the wrong kind, in both languages', () => {
    const sheet = sheetOf([entry(BANDED)]);
    const band = edit(sheet, '等次', '优秀', '总分', '>= {优秀分数}');
    // The band is left out, so 【名额】 names a grade 【等次】 no longer has.
    expect(problemsOf(band.sheet)).toContainEqual(
      [
        band.cell,
        '{优秀分数} 不是【参数】中的参数（是不是“优秀分数线”？）；花括号里请写【参数】表中的名称',
        '{优秀分数} is not a parameter of 【参数】 (did you mean "优秀分数线"?); put a name from the parameters table in braces',
      ],
    );
    const rate = edit(sheet, '等次', '优秀', '总分', '>= {末位比例}');
    expect(problemsOf(rate.sheet)).toContainEqual([
      rate.cell,
      '参数“末位比例”的值 20% 是百分比，不能作为分数线；请引用数值参数',
      'the parameter "末位比例" is a percentage (20%) and cannot be a score; refer to a number parameter',
    ]);
    const share = edit(sheet, '名额', '优秀', '比例', '{优秀名额}');
    expect(problemsOf(share.sheet)).toEqual([
      [share.cell, expect.stringContaining('（是不是“优秀名额比例”？）'), expect.stringContaining('did you mean "优秀名额比例"?')],
    ]);
    const number = edit(sheet, '排名', '后20%', '比例', '{优秀分数线}');
    expect(problemsOf(number.sheet)).toEqual([[number.cell, expect.stringContaining('不是百分比'), expect.stringContaining('is not a percentage')]]);
  });

  it('checks a scheme file edited by hand: the parameter exists and gives the number held', () => {
    const edited = {
      ...BANDED,
      grades: [{ ...BANDED.grades[0]!, min: 88 }, { ...BANDED.grades[1]!, param: '良好分数线' }, ...BANDED.grades.slice(2)],
      quota: { ...BANDED.quota!, maxShare: 0.3 },
    };
    const result = validateScheme(edited);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.path)).toEqual(['grades[0].min', 'grades[1].param', 'quota.maxShare']);
  });
});

describe('the cadre and branch blocks take them too', () => {
  const shipped = defaultRules();

  it('the shipped rules read back unchanged', () => {
    const entries = entriesOfRules(readClean(sheetOf(shipped)));
    expect(entries.map(entryPack)).toEqual(shipped.map(entryPack));
    expect(rulesSheetLayout(entries).values).toEqual(rulesSheetLayout(shipped).values);
  });

  it('a cadre band and bottom share, a branch band and star quota: written as {名称}, read back, moved by the parameter alone', () => {
    const rules = shipped.map((e): RulesEntry => {
      if ('pack' in e) {
        const pack: Pack = {
          ...e.pack,
          params: [...(e.pack.params ?? []), { name: '优秀分数线', value: 90 }, { name: '末位比例', value: '20%' }],
          grades: [{ ...e.pack.grades[0]!, param: '优秀分数线' }, ...e.pack.grades.slice(1)],
          ranking: { ...e.pack.ranking!, param: '末位比例' },
        };
        expect(validatePack(pack).ok).toBe(true);
        return { ...e, pack };
      }
      if ('branch' in e) {
        const branch: BranchPack = {
          ...e.branch,
          params: [...(e.branch.params ?? []), { name: '五星分数线', value: 90 }, { name: '五星名额比例', value: '20%' }],
          grades: [{ ...e.branch.grades[0]!, param: '五星分数线' }, ...e.branch.grades.slice(1)],
          starQuota: { ...e.branch.starQuota!, param: '五星名额比例' },
        };
        expect(validateBranchPack(branch).ok).toBe(true);
        return { ...e, branch };
      }
      return e;
    });
    const sheet = sheetOf(rules);
    const branchFrom = rowOf(sheet, '【规则包】党支部考核');
    const cell = (table: string, key: string, header: string, from = 0) => {
      const { row, col } = locate(sheet, table, key, header, from);
      return sheet.values[row]![col];
    };
    expect(cell('等次', '优秀', '总分')).toBe('>= {优秀分数线}');
    expect(cell('设置', '排名靠后比例', '值')).toBe('{末位比例}');
    expect(cell('等次', '五星', '总分', branchFrom)).toBe('>= {五星分数线}');
    expect(cell('设置', '限额星级最多占比', '值', branchFrom)).toBe('{五星名额比例}');
    const entries = entriesOfRules(readClean(sheet));
    expect(entries.map(entryPack)).toEqual(rules.map(entryPack));
    expect(rulesSheetLayout(entries).values).toEqual(sheet.values.map((r) => r.map((v) => v ?? '')));

    let raised = edit(sheet, '参数', '优秀分数线', '值', '92').sheet;
    raised = edit(raised, '参数', '末位比例', '值', '10%').sheet;
    raised = edit(raised, '参数', '五星分数线', '值', '95', branchFrom).sheet;
    raised = edit(raised, '参数', '五星名额比例', '值', '30%', branchFrom).sheet;
    const read = readClean(raised);
    const cadre = read.packs.find((p) => p.pack)!.pack!;
    const branch = read.packs.find((p) => p.branch)!.branch!;
    expect(cadre.grades[0]).toMatchObject({ min: 92, param: '优秀分数线' });
    expect(cadre.ranking).toMatchObject({ bottomShare: 0.1, param: '末位比例' });
    expect(branch.grades[0]).toMatchObject({ min: 95, param: '五星分数线' });
    expect(branch.starQuota).toEqual({ stars: 5, maxShare: 0.3, param: '五星名额比例' });
  });
});
