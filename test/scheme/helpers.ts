import { type RunOptions, type RunPacks, assessAll } from '../../src/core/run';
import { defaultRules, shippedBranchPack, shippedSchemes } from '../../src/core/rulesheet/defaults';
import type { SchemeAssessment, SubjectResult } from '../../src/core/scheme/result';
import type { Warning } from '../../src/core/ledger/read';
import { type SheetSpec, snapshotOf } from '../fixtures/workbook';

/** The packs every host runs: the monthly cadre pack, the branch pack and the shipped schemes. */
export function shippedPacks(): RunPacks {
  return { cadre: defaultRules()[0].pack, branch: shippedBranchPack(), schemes: shippedSchemes() };
}

/** Runs the shipped packs over the sheets, after a round trip through a real .xlsx file. */
export async function runSheets(sheets: SheetSpec[], options: RunOptions = {}, packs: RunPacks = shippedPacks()) {
  return assessAll(await snapshotOf(...sheets), packs, options);
}

/** One declared assessment of a run, which must have run. */
export function assessmentOf(run: { schemes: SchemeAssessment[] }, id: string): SchemeAssessment {
  const found = run.schemes.find((s) => s.id === id);
  if (!found) throw new Error(`no assessment ${id} in ${run.schemes.map((s) => s.id).join(', ')}`);
  return found;
}

/** One subject's result in one period. */
export function resultOf(a: SchemeAssessment, name: string, period?: string): SubjectResult {
  const found = a.results.find((r) => r.name === name && (period === undefined || r.period === period));
  if (!found) throw new Error(`no result for ${name} ${period ?? ''} in ${a.id}`);
  return found;
}

export const flagTexts = (r: SubjectResult) => r.flags.map((f) => f.message);
export const noteTexts = (r: SubjectResult) => r.notes.map((n) => n.message);
export const warningTexts = (ws: Warning[]) => ws.map((w) => `${w.sheet}!${w.cell}: ${w.message}`);

/** The central-household header as the example writes it. */
export const HOUSEHOLD_HEADER = ['序号', '姓名', '所在嘎查（支部）', '民主测评得分', '政策宣传（次）', '帮代办服务（件）', '征求意见（条）', '调解纠纷（起）', '备注'];

/** The village-cadre header in two rows: 考核得分 merged over the six aspects. */
export const VILLAGE_HEADER = [
  ['序号', '姓名', '所在嘎查', '职务', '考核得分', null, null, null, null, null, '一票否决事项', '基本绩效报酬（元）'],
  [null, null, null, null, '党建工作（25分）', '经济发展（20分）', '民生实事（15分）', '平安稳定（15分）', '生态环境（10分）', '群众满意度（15分）'],
];
/** The merges of VILLAGE_HEADER placed at row `top`, with a title merged across row 1 above it. */
export function villageMerges(top: number): string[] {
  const [a, b] = [top, top + 1];
  return ['A1:L1', ...['A', 'B', 'C', 'D', 'K', 'L'].map((c) => `${c}${a}:${c}${b}`), `E${a}:J${a}`];
}
