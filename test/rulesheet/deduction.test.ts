import { describe, expect, it } from 'vitest';
import { readRulesSheet, rulesSheetLayout, runSchemeRuleTests, validatePack } from '../../src/core/index';
import { packScheme } from '../../src/core/assess/scheme';
import type { PackEntry } from '../../src/core/rulesheet/index';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { edit, locate } from './sheet-helpers';

/** 组织生活: 20 points, 2 off for each meeting missed, at most 10 off (the rest of the indicator stays). */
const ENTRY: PackEntry = (() => {
  const result = validatePack({
    id: 'discipline',
    version: 1,
    title: '党员纪律考评',
    subject: 'cadre',
    columns: [
      { fact: 'name', label: '姓名', type: 'name', role: 'subject' },
      { fact: 'missed', label: '缺席次数', type: 'number' },
    ],
    indicators: [{ id: 'life', label: '组织生活', max: 20, hitPolicy: 'sum' }],
    rules: [
      { id: 'base', indicator: 'life', points: 20 },
      { id: 'missed', indicator: 'life', when: [{ fact: 'missed', op: '>', value: 0 }], points: { per: 'missed', each: -2, max: 10 }, flag: '缺席{missed}次' },
    ],
    grades: [{ min: 0, grade: '合格', stars: 0 }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { pack: result.pack, tests: [] };
})();

function sheet(): SheetSnapshot {
  const layout = rulesSheetLayout([ENTRY]);
  return { name: layout.sheet, values: layout.values.map((r) => r.map((v) => (v === '' ? null : v))), merges: [] };
}

describe('a capped deduction: 每次扣2分，最多扣10分', () => {
  it('is written in words on the sheet and read back as the same points', () => {
    const first = sheet();
    const { row, col } = locate(first, '规则', 'missed', '得分');
    expect(first.values[row]![col]).toBe('每次扣2分，最多扣10分');
    const read = readRulesSheet(first);
    expect(read.problems).toEqual([]);
    expect(read.packs[0]!.pack).toEqual(ENTRY.pack);
  });

  it('takes off 2 a meeting, never more than 10, through json-rules-engine', async () => {
    const cases = [0, 1, 3, 5, 6, 9].map((missed) => ({ id: `missed-${missed}`, inputs: { missed }, indicator: 'life' }));
    const results = await runSchemeRuleTests(packScheme(ENTRY.pack), cases);
    expect(results.map((r) => r.actual.indicators.life)).toEqual([20, 18, 14, 10, 10, 10]);
  });

  it('reads a cap without 扣 after a deduction as the same cap', () => {
    const read = readRulesSheet(edit(sheet(), '规则', 'missed', '得分', '每次扣2分，最多10分').sheet);
    expect(read.problems).toEqual([]);
    expect(read.packs[0]!.pack!.rules[1]!.points).toEqual({ per: 'missed', each: -2, max: 10 });
  });

  it('names the cell when a deduction is capped as a bonus', () => {
    const { sheet: edited, cell } = edit(sheet(), '规则', 'missed', '得分', '每次扣2分，最多加10分');
    const read = readRulesSheet(edited);
    expect(read.problems.map((p) => [p.cell, p.message])).toEqual([
      [cell, '得分“每次扣2分，最多加10分”前后不一致：每次扣分的上限请写“最多扣…分”，每次加分的上限写“最多…分”'],
    ]);
  });
});
