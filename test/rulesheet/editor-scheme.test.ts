import { describe, expect, it } from 'vitest';
import { applyRuleDraft, ruleDraftOf, ruleRowEdit, whatIf } from '../../src/core/rulesheet/index';
import { defaultRules, shippedSchemes } from '../../src/core/rulesheet/defaults';
import { assessAll, type RunPacks } from '../../src/core/run';
import { loadWorkbook } from '../../src/node/workbook-file';
import { defaultSheet } from './sheet-helpers';

const TOWNSHIP = 'examples/乡镇党建台账示例.xlsx';
const [cadre, branch] = defaultRules();
const household = shippedSchemes().find((s) => s.id === 'household')!;

/** 政策宣传 at 3 points a time instead of 2, still at most 10: a township's own weighting, made in the editor. */
function morePublicity() {
  const draft = applyRuleDraft(household, { ...ruleDraftOf(household, 'publicity-points')!, points: '政策宣传每个3分，最多10分' });
  expect(draft.problems).toEqual([]);
  return draft;
}

describe('the rule editor edits a declared assessment’s 【规则】 too', () => {
  it('reads a drafted rule in the scheme’s own words, and names an unknown column as the scheme block does', () => {
    const { rule, candidate } = morePublicity();
    expect(rule).toMatchObject({ id: 'publicity-points', indicator: 'publicity', points: { per: 'publicity', each: 3, max: 10 } });
    expect(candidate!.rules.find((r) => r.id === 'publicity-points')).toEqual(rule);
    const wrong = applyRuleDraft(household, { ...ruleDraftOf(household, 'publicity-points')!, conditions: { 宣传次数合计: '>2' } });
    expect(wrong.problems.map((p) => p.field)).toEqual(['condition:宣传次数合计']);
  });

  it('its what-if runs the township example with the candidate in place and lists the households that move', async () => {
    const { snapshot } = await loadWorkbook(TOWNSHIP);
    const packs: RunPacks = { cadre: cadre.pack, branch: branch.branch, schemes: shippedSchemes() };
    const result = await whatIf(snapshot, packs, household, morePublicity().candidate!);
    expect(result.subject).toBe('scheme');
    expect(result.ruleChanges.length).toBeGreaterThan(0);
    const changes = result.scheme!;
    expect(changes.subjects.length).toBeGreaterThan(0);
    // 3 points a time reaches the cap sooner: nobody's score falls, and each change is the 政策宣传 points.
    expect(changes.counts.down).toBe(0);
    for (const s of changes.subjects) {
      expect(s.delta).toBeGreaterThan(0);
      expect(s.indicators.map((i) => i.id)).toEqual(['publicity']);
      expect(s.group).not.toBeNull();
    }
    const households = (await assessAll(snapshot, packs)).schemes.find((a) => a.id === 'household')!.results.length;
    expect(changes.subjects.length + changes.unchanged).toBe(households);
  });

  it('writes the rule to the household block’s own 【规则】 row, not the cadre block’s', () => {
    const sheet = defaultSheet();
    const edit = ruleRowEdit(sheet, household, morePublicity().rule!)!;
    expect(edit.insert).toBe(false);
    const title = sheet.values.findIndex((r) => typeof r[0] === 'string' && r[0].includes(household.title));
    expect(edit.row).toBeGreaterThan(title);
    expect(sheet.values[edit.row]!).toContain('publicity-points');
    expect(edit.values).toContain('政策宣传每个3分，最多10分');
  });
});
