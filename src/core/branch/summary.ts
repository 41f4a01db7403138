import { textsFilled } from '../pack/params';
import type { Warning } from '../ledger/read';
import { periodLabel } from '../period';
import type { Summary } from '../results/summary';
import type { BranchAssessment, BranchResult } from './result';
import { factCatalogue, meetingCountFact, ownFacts } from './catalogue';
import { deadlineAfter, nextPeriod } from '../period';
import { t } from '../messages';
import { comparisonSentences } from '../scheme/previous';
import type { BranchPack } from './schema';

const NAMES_SHOWN = 8;
const pct = (n: number, d: number) => (d === 0 ? '0%' : `${((n / d) * 100).toFixed(1)}%`);
const rate = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
const CN_STARS = ['', '一', '二', '三', '四', '五'];

function names(list: BranchResult[]): string {
  const shown = list.slice(0, NAMES_SHOWN).map((b) => b.name).join('、');
  return list.length > NAMES_SHOWN ? `${shown}等${list.length}个` : shown;
}

function sum(list: BranchResult[], fact: string): number | undefined {
  const values = list.map((b) => b.values[fact]).filter((v): v is number => typeof v === 'number');
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) : undefined;
}

function basics(a: BranchAssessment, pack: BranchPack, list: BranchResult[], scope: string): string[] {
  const scored = list.filter((b) => b.scored);
  const sources = [`${pack.meetings.title}${a.meetingRows}条（${a.ledgers.meetings.length}张表）`];
  if (a.ledgers.work.length > 0) sources.push(`${pack.work.title}${a.workRows}行（${a.ledgers.work.length}张表）`);
  if (a.cadreResults > 0) sources.push(`驻村干部考评结果${a.cadreResults}人次`);
  const out = [`${scope}共考评党支部${list.length}个，依据${sources.join('、')}。`];
  if (scored.length > 0) {
    const top = scored.reduce((x, y) => (y.score > x.score ? y : x));
    const low = scored.reduce((x, y) => (y.score < x.score ? y : x));
    const avg = scored.reduce((s, b) => s + b.score, 0) / scored.length;
    out.push(`平均得分${avg.toFixed(1)}分，最高${top.score}分（${top.name}），最低${low.score}分（${low.name}）。`);
    const bands = [5, 4, 3, 2, 1].map((s) => ({ s, n: scored.filter((b) => b.stars === s).length })).filter((x) => x.n > 0);
    out.push(`评星结果：${bands.map(({ s, n }) => `${CN_STARS[s]}星${n}个`).join('、')}。`);
  }
  const unscored = list.filter((b) => !b.scored);
  if (unscored.length > 0) out.push(`${unscored.length}个支部没有任何可用的台账数据，未评分（${names(unscored)}）。`);
  return out;
}

function results(pack: BranchPack, list: BranchResult[]): string[] {
  const out: string[] = [];
  const clean = list.filter((b) => b.scored && !b.fallsShort);
  const five = list.filter((b) => b.stars === 5);
  out.push(`${clean.length}个支部各项必达要求全部达标，占${pct(clean.length, list.length)}${five.length > 0 ? `，其中${names(five)}评为五星支部` : ''}。`);
  const held = pack.meetings.types
    .map((t) => ({ t, n: sum(list, meetingCountFact(t.id)) }))
    .filter((x): x is { t: (typeof x)['t']; n: number } => x.n !== undefined && x.n > 0);
  if (held.length > 0) out.push(`三会一课和主题党日：${held.map(({ t, n }) => `${t.label}${n}次`).join('、')}。`);
  const catalogue = factCatalogue(pack);
  const label = (fact: string) => catalogue.get(fact)?.label ?? fact;
  const rates: string[] = [];
  for (const f of ownFacts(pack)) {
    if (f.source !== 'ratio') continue;
    const num = sum(list, f.numerator);
    const den = sum(list, f.denominator);
    if (num === undefined || den === undefined || den === 0) continue;
    rates.push(`${label(f.denominator)}${den}、${label(f.numerator)}${num}，${f.label}${rate(num / den)}`);
  }
  if (rates.length > 0) out.push(`各支部合计：${rates.join('；')}。`);
  const judged = pack.requirements
    .filter((r) => r.enabled)
    .map((r) => {
      const judgedHere = list.filter((b) => r.when.every((c) => b.values[c.fact] !== null));
      const met = judgedHere.filter((b) => !b.flags.some((f) => f.rule === r.id));
      return { r, met: met.length, of: judgedHere.length };
    })
    .filter((x) => x.of > 0);
  if (judged.length > 0) out.push(`必达要求逐项达标：${judged.map(({ r, met, of }) => `${r.label}${met}/${of}个`).join('，')}。`);
  return out;
}

function problems(a: BranchAssessment, pack: BranchPack, list: BranchResult[], period: string): string[] {
  const out: string[] = [];
  for (const req of pack.requirements) {
    const failing = list.filter((b) => b.flags.some((f) => f.rule === req.id));
    if (failing.length === 0) continue;
    const detail = failing.slice(0, NAMES_SHOWN).map((b) => `${b.name}${b.flags.find((f) => f.rule === req.id)!.actual}`);
    out.push(`${req.label}未达标（应${req.expected}）${failing.length}个：${detail.join('，')}${failing.length > NAMES_SHOWN ? `等` : ''}。`);
  }
  const risk = list.filter((b) => b.risk);
  if (risk.length > 0) {
    out.push(`${risk.length}个支部存在${pack.risk.label}：${risk.map((b) => `${b.name}${b.riskReasons.map((r) => r.message).join('、')}，得分${b.score}分`).join('；')}。`);
  }
  if (a.rateChecks.length > 0) {
    const c = a.rateChecks[0]!;
    out.push(`${a.rateChecks.length}处填报的比率与台账数量不符，如${c.sheet}!${c.cell}填报${rate(c.stated)}，按${c.numerator}÷${c.denominator}计算应为${rate(c.computed)}，已按数量计算。`);
  }
  const unmatched = unmatchedNames(a);
  if (unmatched.length > 0) {
    const shown = unmatched.slice(0, 3).map(([name, places]) => `“${name}”（${places[0]}${places.length > 1 ? `等${places.length}处` : ''}）`);
    out.push(`${unmatched.length}个名称对应不上任何支部，数据未计入：${shown.join('、')}${unmatched.length > 3 ? '等' : ''}。`);
  }
  for (const note of a.coverageNotes.filter((n) => n.period === period)) out.push(`${note.message}。`);
  const withNoData = list.filter((b) => b.noData.some((n) => !n.rule.startsWith('score:')));
  if (withNoData.length > 0 && withNoData.length < list.length) {
    const b = withNoData[0]!;
    out.push(`${withNoData.length}个支部有事项因缺少数据未作判定，如${b.name}的${b.noData.find((n) => !n.rule.startsWith('score:'))!.message}。`);
  }
  const others = otherWarnings(a);
  if (others.length > 0) {
    const cells = others.filter((w) => w.cell).slice(0, 3).map((w) => `${w.sheet}!${w.cell}`);
    out.push(`台账中另有${others.length}处数据需要核实${cells.length > 0 ? `（如${cells.join('、')}）` : ''}。`);
  }
  if (out.length === 0) out.push(`本期${list.length}个支部各项必达要求均已达标，台账数据未发现问题。`);
  return out;
}

/** Unmatched names, each with the sheet cells that write it. */
function unmatchedNames(a: BranchAssessment): [string, string[]][] {
  const byName = new Map<string, string[]>();
  for (const u of a.unmatched) {
    if (!byName.has(u.name)) byName.set(u.name, []);
    byName.get(u.name)!.push(`${u.sheet}!${u.cell}`);
  }
  return [...byName.entries()];
}

/** Warnings other than the rate checks and unmatched names, which have sentences of their own. */
function otherWarnings(a: BranchAssessment): Warning[] {
  const named = new Set([...a.rateChecks.map((c) => `${c.sheet}!${c.cell}`), ...a.unmatched.map((u) => `${u.sheet}!${u.cell}`)]);
  return a.warnings.filter((w) => !named.has(`${w.sheet}!${w.cell}`));
}

function plans(a: BranchAssessment, pack: BranchPack, list: BranchResult[], period: string): string[] {
  const out: string[] = [];
  const short = list.filter((b) => b.fallsShort || b.risk);
  if (short.length > 0) {
    out.push(`整改清单（${short.length}个支部）：`);
    short.forEach((b, i) => {
      const fixes = b.flags.map((f) => f.fix);
      const head = b.risk ? `列为${pack.risk.label}支部，由党委班子成员包联整顿` : '';
      const todo = [head, ...fixes].filter(Boolean).join('，');
      out.push(`（${i + 1}）${b.name}：${todo}，${b.rectifyBy}前完成${b.risk ? '整顿' : '整改'}；`);
    });
    out.push(`以上${short.length}个支部的整改情况纳入${periodLabel(nextPeriod(period))}考评复核。`);
  }
  const unmatched = unmatchedNames(a).length;
  const checks = a.warnings.length;
  if (checks > 0) out.push(`请各台账填报人在${deadlineAfter(period, pack.rectifyMonths)}前核实${checks}处数据提醒${unmatched > 0 ? `，在“支部名称对照”表中补齐${unmatched}个未对应的名称` : ''}。`);
  if (out.length === 0) out.push(`保持现有做法，${periodLabel(nextPeriod(period))}继续按${pack.title}规则考评${list.length}个支部。`);
  return out;
}

/**
 * The branch assessment as a report in the skeleton staff use (基本情况,
 * 主要成效, 存在问题, 下步打算 with a rectification list and deadlines), for
 * the latest period assessed. Every sentence is built from the results and
 * carries a figure or a name.
 */
export function branchSummary(a: BranchAssessment, written: BranchPack): Summary {
  // Must-meet texts as shown: 应达到 不低于{办结率要求} reads 不低于90%.
  const pack = textsFilled(written);
  const period = a.periods.at(-1);
  if (!period) return { title: pack.title, sections: [{ heading: '一、基本情况', sentences: [`${pack.meetings.title}和${pack.work.title}中没有可考评的记录。`] }] };
  const scope = periodLabel(period);
  const list = a.branches.filter((b) => b.period === period);
  const compared = comparisonSentences(a.results.filter((r) => r.period === period), (r) => r.name, t('sumUnitBranches'));
  const earlier = a.periods.length > 1 ? [`本次共考评${a.periods.length}个考评期（${a.periods.map((p) => periodLabel(p)).join('、')}），以下为${scope}情况。`] : [];
  return {
    title: `${scope}${pack.title}情况`,
    sections: [
      { heading: '一、基本情况', sentences: [...earlier, ...basics(a, pack, list, scope)] },
      { heading: '二、主要成效', sentences: [...results(pack, list), ...compared.gains] },
      { heading: '三、存在问题', sentences: [...compared.losses, ...problems(a, pack, list, period)] },
      { heading: '四、下步打算', sentences: plans(a, pack, list, period) },
    ],
  };
}
