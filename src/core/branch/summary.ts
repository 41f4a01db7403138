import { textsFilled } from '../pack/params';
import type { Warning } from '../ledger/read';
import { periodLabel } from '../period';
import { pct } from '../results/counts';
import { finished, type Summary } from '../results/summary';
import type { BranchAssessment, BranchResult } from './result';
import { factCatalogue, meetingCountFact, ownFacts } from './catalogue';
import { deadlineAfter, nextPeriod } from '../period';
import { type Lang, type MessageKey, type Params, t } from '../messages';
import { comparisonSentences } from '../scheme/previous';
import type { BranchPack } from './schema';

const NAMES_SHOWN = 8;
const rate = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
const CN_STARS = ['', '一', '二', '三', '四', '五'];

/** The language a summary is written in, and its words. */
interface Writer {
  lang: Lang;
  en: boolean;
  m(key: MessageKey, params?: Params): string;
  /** A text in the summary's language: its English when it has one. */
  pick(zh: string, en: string | undefined): string;
}

function names(w: Writer, list: BranchResult[]): string {
  const shown = list.slice(0, NAMES_SHOWN).map((b) => b.name).join(w.m('sumSep'));
  return list.length > NAMES_SHOWN ? w.m('sumNamesMoreBranches', { names: shown, count: list.length }) : shown;
}

function sum(list: BranchResult[], fact: string): number | undefined {
  const values = list.map((b) => b.values[fact]).filter((v): v is number => typeof v === 'number');
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) : undefined;
}

function basics(w: Writer, a: BranchAssessment, pack: BranchPack, list: BranchResult[], scope: string): string[] {
  const { m, pick } = w;
  const scored = list.filter((b) => b.scored);
  const sources = [m('sumBranchSource', { title: pick(pack.meetings.title, pack.meetings.titleEn), count: a.meetingRows, sheets: a.ledgers.meetings.length })];
  if (a.ledgers.work.length > 0) sources.push(m('sumBranchSourceRows', { title: pick(pack.work.title, pack.work.titleEn), count: a.workRows, sheets: a.ledgers.work.length }));
  if (a.cadreResults > 0) sources.push(m('sumBranchSourceCadres', { count: a.cadreResults }));
  const out = [m('sumBranchBasics', { scope, count: list.length, sources: sources.join(m('sumSep')) })];
  if (scored.length > 0) {
    const top = scored.reduce((x, y) => (y.score > x.score ? y : x));
    const low = scored.reduce((x, y) => (y.score < x.score ? y : x));
    const avg = scored.reduce((s, b) => s + b.score, 0) / scored.length;
    out.push(m('sumScores', { mean: avg.toFixed(1), top: top.score, topNames: top.name, bottom: low.score, bottomNames: low.name }));
    const bands = [5, 4, 3, 2, 1].map((s) => ({ s, n: scored.filter((b) => b.stars === s).length })).filter((x) => x.n > 0);
    out.push(m('sumBranchStars', { bands: bands.map(({ s, n }) => m('sumBranchStarBand', { stars: w.en ? s : CN_STARS[s]!, count: n })).join(m('sumSep')) }));
  }
  const unscored = list.filter((b) => !b.scored);
  if (unscored.length > 0) out.push(m('sumBranchUnscored', { count: unscored.length, names: names(w, unscored) }));
  return out;
}

function results(w: Writer, pack: BranchPack, list: BranchResult[]): string[] {
  const { m, pick } = w;
  const out: string[] = [];
  const clean = list.filter((b) => b.scored && !b.fallsShort);
  const five = list.filter((b) => b.stars === 5);
  out.push(m('sumBranchClean', { count: clean.length, share: pct(clean.length, list.length), five: five.length > 0 ? m('sumBranchFive', { names: names(w, five) }) : '' }));
  const held = pack.meetings.types
    .map((type) => ({ type, n: sum(list, meetingCountFact(type.id)) }))
    .filter((x): x is { type: (typeof x)['type']; n: number } => x.n !== undefined && x.n > 0);
  if (held.length > 0) out.push(m('sumBranchMeetings', { list: held.map(({ type, n }) => m('sumBranchMeetingCount', { label: pick(type.label, type.labelEn), count: n })).join(m('sumSep')) }));
  const catalogue = factCatalogue(pack);
  const label = (fact: string) => {
    const info = catalogue.get(fact);
    return info ? pick(info.label, info.labelEn) : fact;
  };
  const rates: string[] = [];
  for (const f of ownFacts(pack)) {
    if (f.source !== 'ratio') continue;
    const num = sum(list, f.numerator);
    const den = sum(list, f.denominator);
    if (num === undefined || den === undefined || den === 0) continue;
    rates.push(m('sumBranchRate', { denominator: label(f.denominator), den, numerator: label(f.numerator), num, label: pick(f.label, f.labelEn), rate: rate(num / den) }));
  }
  if (rates.length > 0) out.push(m('sumBranchRates', { list: rates.join(m('sumSemi')) }));
  const judged = pack.requirements
    .filter((r) => r.enabled)
    .map((r) => {
      const judgedHere = list.filter((b) => r.when.every((c) => b.values[c.fact] !== null));
      const met = judgedHere.filter((b) => !b.flags.some((f) => f.rule === r.id));
      return { r, met: met.length, of: judgedHere.length };
    })
    .filter((x) => x.of > 0);
  if (judged.length > 0) out.push(m('sumBranchJudged', { list: judged.map(({ r, met, of }) => m('sumBranchJudgedItem', { label: pick(r.label, r.labelEn), met, of })).join(m('sumComma')) }));
  return out;
}

function problems(w: Writer, a: BranchAssessment, pack: BranchPack, list: BranchResult[], period: string): string[] {
  const { m, pick } = w;
  const out: string[] = [];
  for (const req of pack.requirements) {
    const failing = list.filter((b) => b.flags.some((f) => f.rule === req.id));
    if (failing.length === 0) continue;
    const detail = failing.slice(0, NAMES_SHOWN).map((b) => {
      const flag = b.flags.find((f) => f.rule === req.id)!;
      return m('sumBranchFailingOne', { name: b.name, actual: pick(flag.actual, flag.actualEn) });
    });
    const more = failing.length > NAMES_SHOWN ? m('sumBranchEtc') : '';
    out.push(m('sumBranchFailing', { label: pick(req.label, req.labelEn), expected: pick(req.expected, req.expectedEn), count: failing.length, list: detail.join(m('sumComma')), more }));
  }
  const risk = list.filter((b) => b.risk);
  if (risk.length > 0) {
    const each = risk.map((b) => m('sumBranchRiskOne', { name: b.name, reasons: b.riskReasons.map((r) => pick(r.message, r.messageEn)).join(m('sumSep')), score: b.score }));
    out.push(m('sumBranchRisk', { count: risk.length, label: pick(pack.risk.label, pack.risk.labelEn), list: each.join(m('sumSemi')) }));
  }
  if (a.rateChecks.length > 0) {
    const c = a.rateChecks[0]!;
    out.push(m('sumBranchRateCheck', { count: a.rateChecks.length, cell: `${c.sheet}!${c.cell}`, stated: rate(c.stated), numerator: c.numerator, denominator: c.denominator, computed: rate(c.computed) }));
  }
  const unmatched = unmatchedNames(a);
  if (unmatched.length > 0) {
    const shown = unmatched.slice(0, 3).map(([name, places]) => m('sumBranchUnmatchedOne', { name, cell: places[0]!, more: places.length > 1 ? m('sumBranchPlaces', { count: places.length }) : '' }));
    out.push(m('sumBranchUnmatched', { count: unmatched.length, list: shown.join(m('sumSep')), more: unmatched.length > 3 ? m('sumBranchEtc') : '' }));
  }
  for (const note of a.coverageNotes.filter((n) => n.period === period)) out.push(w.en ? note.messageEn : `${note.message}。`);
  const withNoData = list.filter((b) => b.noData.some((n) => !n.rule.startsWith('score:')));
  if (withNoData.length > 0 && withNoData.length < list.length) {
    const b = withNoData[0]!;
    const note = b.noData.find((n) => !n.rule.startsWith('score:'))!;
    out.push(m('sumBranchNoData', { count: withNoData.length, name: b.name, message: pick(note.message, note.messageEn) }));
  }
  const others = otherWarnings(a);
  if (others.length > 0) {
    const cells = others.filter((x) => x.cell).slice(0, 3).map((x) => `${x.sheet}!${x.cell}`);
    out.push(m('sumBranchOtherWarnings', { count: others.length, cells: cells.length > 0 ? m('sumBranchSuch', { cells: cells.join(m('sumSep')) }) : '' }));
  }
  if (out.length === 0) out.push(m('sumBranchNoProblem', { count: list.length }));
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

function plans(w: Writer, a: BranchAssessment, pack: BranchPack, list: BranchResult[], period: string): string[] {
  const { m, pick } = w;
  const out: string[] = [];
  const next = periodLabel(nextPeriod(period), w.lang);
  const short = list.filter((b) => b.fallsShort || b.risk);
  if (short.length > 0) {
    out.push(m('sumBranchRectifyList', { count: short.length }));
    short.forEach((b, i) => {
      const fixes = b.flags.map((f) => pick(f.fix, f.fixEn));
      const head = b.risk ? m('sumBranchRectifyRisk', { label: pick(pack.risk.label, pack.risk.labelEn) }) : '';
      const todo = [head, ...fixes].filter(Boolean).join(m('sumComma'));
      out.push(m('sumBranchRectifyOne', { n: i + 1, name: b.name, todo, deadline: b.rectifyBy ?? '', what: m(b.risk ? 'sumBranchRectifyWhatRisk' : 'sumBranchRectifyWhat') }));
    });
    out.push(m('sumBranchReview', { count: short.length, next }));
  }
  const unmatched = unmatchedNames(a).length;
  const checks = a.warnings.length;
  if (checks > 0) out.push(m('sumBranchCheck', { deadline: deadlineAfter(period, pack.rectifyMonths), count: checks, names: unmatched > 0 ? m('sumBranchCheckNames', { count: unmatched }) : '' }));
  if (out.length === 0) out.push(m('sumBranchKeep', { next, title: pick(pack.title, pack.titleEn), count: list.length }));
  return out;
}

/**
 * The branch assessment as a report in the skeleton staff use (基本情况,
 * 主要成效, 存在问题, 下步打算 with a rectification list and deadlines), for
 * the latest period assessed. Every sentence is built from the results and
 * carries a figure or a name. It speaks of one period: every count is of branches (个).
 */
export function branchSummary(a: BranchAssessment, written: BranchPack, lang: Lang = 'zh'): Summary {
  // Must-meet texts as shown: 应达到 不低于{办结率要求} reads 不低于90%.
  const pack = textsFilled(written);
  const en = lang === 'en';
  const w: Writer = { lang, en, m: (key, params = {}) => t(key, params, lang), pick: (zh, english) => (en && english) || zh };
  const { m, pick } = w;
  const packTitle = pick(pack.title, pack.titleEn);
  const period = a.periods.at(-1);
  if (!period) return { title: m('sumTitleAll', { title: packTitle }), sections: [{ heading: m('sumHeading1'), sentences: [m('sumBranchNone', { meetings: pick(pack.meetings.title, pack.meetings.titleEn), work: pick(pack.work.title, pack.work.titleEn) })] }] };
  const scope = periodLabel(period, lang);
  const list = a.branches.filter((b) => b.period === period);
  const compared = comparisonSentences(a.results.filter((r) => r.period === period), {
    lang,
    who: (r) => r.name,
    count: (rs) => m('sumCountBranches', { count: rs.length }),
    unit: m('sumUnitBranches'),
  });
  const earlier = a.periods.length > 1 ? [m('sumBranchPeriods', { count: a.periods.length, periods: a.periods.map((p) => periodLabel(p, lang)).join(m('sumSep')), scope })] : [];
  return finished({
    title: m('sumTitle', { scope, title: packTitle }),
    sections: [
      { heading: m('sumHeading1'), sentences: [...earlier, ...basics(w, a, pack, list, scope)] },
      { heading: m('sumHeading2'), sentences: [...results(w, pack, list), ...compared.gains] },
      { heading: m('sumHeading3'), sentences: [...compared.losses, ...problems(w, a, pack, list, period)] },
      { heading: m('sumHeading4'), sentences: plans(w, a, pack, list, period) },
    ],
  }, lang);
}
