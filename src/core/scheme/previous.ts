import { round2 } from '../assess/score';
import { type Lang, t } from '../messages';
import { previousPeriod, unitsLabel } from '../period';
import type { ItemChange, PreviousResult, ResultFlag, SubjectResult } from './result';

/** What comparing two results of an assessment needs of it. */
export interface ItemReader {
  /** The facts a must-meet item, a rule or a veto reads, by its flag's rule. */
  factsOf(rule: string): string[];
  show(fact: string, value: unknown): string;
  isPercent(fact: string): boolean;
  factLabel(fact: string): string | undefined;
  /** A grade's place among the bands, best first; -1 for none. */
  gradeIndex(grade: string): number;
}

/** A flag a subject can put right: not an entry left empty, not its place in the ranking. */
const isItem = (f: ResultFlag) => !f.rule.startsWith('missing:') && !f.rule.startsWith('ranking:');

const isSet = (v: unknown) => v !== null && v !== undefined;

/** Whether a result judged an item: it was scored, did not set the item aside for want of data, and had a value for what it reads. */
function judged(r: SubjectResult, rule: string, facts: string[]): boolean {
  if (!r.scored || r.notes.some((n) => n.rule === rule)) return false;
  return facts.length === 0 || facts.some((f) => isSet(r.values[f]));
}

/**
 * An item as it moved: its label (a rule's flag without its figures) and, for
 * an item of one figure that is a rate or what the item is named after, what it
 * was then and is now (办结率 84.0% → 95.2%); a count of missed months or a
 * mark says less than the label does.
 */
function itemChange(flag: ResultFlag, then: SubjectResult, now: SubjectResult, reader: ItemReader): ItemChange {
  const { label, labelEn } = labelOf(flag);
  const facts = reader.factsOf(flag.rule);
  const only = facts.length === 1 ? facts[0]! : undefined;
  const figure = only !== undefined && (reader.isPercent(only) || reader.factLabel(only) === label);
  const fact = figure && typeof then.values[only] === 'number' && typeof now.values[only] === 'number' ? only : undefined;
  return {
    rule: flag.rule,
    label,
    labelEn,
    ...(fact ? { before: reader.show(fact, then.values[fact]), now: reader.show(fact, now.values[fact]) } : {}),
  };
}

/** An item's name: a must-meet item's label, a rule's flag without the figures in its closing brackets (下基层天数不足10天（6天）). */
function labelOf(flag: ResultFlag): { label: string; labelEn: string } {
  if (flag.item) return { label: flag.item.label, labelEn: flag.item.labelEn };
  return { label: flag.message.replace(/（[^（）]*）$/, ''), labelEn: flag.messageEn.replace(/\s*\([^()]*\)$/, '') };
}

/** A flag the scorer merged by topic (五个一未完成：一事一议项目、帮扶贫困户, rule a+b) as the one flag of each rule it merged. */
function unmerged(flag: ResultFlag): ResultFlag[] {
  const rules = flag.rule.split('+');
  const at = flag.message.indexOf('：');
  const atEn = flag.messageEn.indexOf(': ');
  const details = flag.message.slice(at + 1).split('、');
  if (rules.length === 1 || at < 0 || details.length !== rules.length) return [flag];
  const detailsEn = atEn < 0 ? [] : flag.messageEn.slice(atEn + 2).split(', ');
  return rules.map((rule, i) => ({
    ...flag,
    rule,
    message: `${flag.message.slice(0, at + 1)}${details[i]}`,
    messageEn: detailsEn.length === rules.length ? `${flag.messageEn.slice(0, atEn + 2)}${detailsEn[i]}` : flag.messageEn,
  }));
}

/** What changed from one result of a subject to the next; two rules that flag the same thing (入户率低于20%, by two bands) are one item. */
function compare(now: SubjectResult, then: SubjectResult, reader: ItemReader, items: (r: SubjectResult) => Map<string, ResultFlag>): PreviousResult {
  const before = items(then);
  const after = items(now);
  const rectified = [...before].filter(([label, f]) => !after.has(label) && judged(now, f.rule, reader.factsOf(f.rule))).map(([, f]) => itemChange(f, then, now, reader));
  const newlyFailed = [...after].filter(([label, f]) => !before.has(label) && judged(then, f.rule, reader.factsOf(f.rule))).map(([, f]) => itemChange(f, then, now, reader));
  const both = now.scored;
  const [from, to] = [reader.gradeIndex(then.grade), reader.gradeIndex(now.grade)];
  return {
    period: then.period,
    score: then.score,
    grade: then.grade,
    gradeEn: then.gradeEn,
    stars: then.stars,
    change: both ? round2(now.score - then.score) : null,
    gradeMove: both && from >= 0 && to >= 0 ? (Math.sign(from - to) as -1 | 0 | 1) : 0,
    rectified,
    newlyFailed,
  };
}

/**
 * Gives every result the same subject's result in the period before it, found
 * among the results themselves or among `earlier` (the period before the
 * first, judged for the comparison alone), by the subject's name and group.
 * Those are already the one spelling assessScheme gave the subject (the first
 * its ledgers wrote, subjectKey telling the rest apart), the same in every
 * period and in a run for the period before: no key needs working out. A subject judged then without data (a branch with
 * no records that month) has no previous: nothing is compared with nothing.
 */
export function linkPrevious(results: SubjectResult[], earlier: readonly SubjectResult[], reader: ItemReader): void {
  const key = (period: string, r: SubjectResult) => `${period}\u0000${r.name}\u0000${r.group ?? ''}`;
  const byKey = new Map([...earlier, ...results].map((r) => [key(r.period, r), r]));
  const before = new Map<string, string>();
  const periodBefore = (period: string) => before.get(period) ?? before.set(period, previousPeriod(period)).get(period)!;
  // A result is compared as now and as then: its items, by label, are worked out once.
  const itemsOf = new Map<SubjectResult, Map<string, ResultFlag>>();
  const items = (r: SubjectResult) => {
    let found = itemsOf.get(r);
    if (!found) itemsOf.set(r, (found = new Map(r.flags.filter(isItem).flatMap(unmerged).map((f) => [labelOf(f).label, f]))));
    return found;
  };
  for (const r of results) {
    const then = byKey.get(key(periodBefore(r.period), r));
    if (then?.scored) r.previous = compare(r, then, reader, items);
  }
}

/** The JSON of a result's previous period: what the issue and the CLI promise. */
export const previousJson = (r: { previous?: PreviousResult }) => (r.previous ? { period: r.previous.period, score: r.previous.score, grade: r.previous.grade, stars: r.previous.stars } : undefined);

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The 上期得分 cell: the score then, empty without a previous period. */
export const previousScoreCell = (r: { previous?: PreviousResult }): string | number => r.previous?.score ?? '';

/** The 变化 cell: the score's move, the grade's, and the items rectified and newly failed. */
export function changeCell(r: { grade: string; previous?: PreviousResult }): string {
  const p = r.previous;
  if (!p) return '';
  const parts: string[] = [];
  if (p.change !== null) parts.push(signed(p.change));
  if (p.gradeMove !== 0) parts.push(`${p.grade} → ${r.grade}`);
  if (p.rectified.length > 0) parts.push(t('changeRectified', { items: p.rectified.map((i) => i.label).join('、') }));
  if (p.newlyFailed.length > 0) parts.push(t('changeNewlyFailed', { items: p.newlyFailed.map((i) => i.label).join('、') }));
  return parts.join('；');
}

const NAMES_SHOWN = 6;

/** At most a few entries, then how many in all. */
function capped(entries: string[], unit: string, lang: Lang): string {
  const shown = entries.slice(0, NAMES_SHOWN).join(t('sumSemi', {}, lang));
  return entries.length > NAMES_SHOWN ? t('sumPreviousMore', { shown, count: entries.length, unit }, lang) : shown;
}

/** An item as it moved, for a sentence: 办结率 84.0% → 95.2%, else its label alone. */
export const itemMove = (i: ItemChange, lang: Lang) => {
  const label = lang === 'en' ? i.labelEn : i.label;
  return i.before !== undefined ? `${label} ${i.before} → ${i.now}` : label;
};

/** How the summaries name and count the results they compare. */
export interface Compared {
  lang: Lang;
  who(r: SubjectResult): string;
  /** How many results of how many subjects: 9人次（7人）, 5名, 3个. */
  count(rs: SubjectResult[]): string;
  /** The unit of "and N more" after a list of results: 人次, 名, 个. */
  unit: string;
}

/**
 * The summary's comparison with the period before, with figures: who rose and
 * the items rectified (二、主要成效), who fell and the items newly failed
 * (三、存在问题). Nothing is said when no result has a previous period.
 */
export function comparisonSentences(results: SubjectResult[], { lang, who, count, unit }: Compared): { gains: string[]; losses: string[] } {
  const compared = results.filter((r): r is SubjectResult & { previous: PreviousResult } => r.previous !== undefined);
  if (compared.length === 0) return { gains: [], losses: [] };
  const m = (key: Parameters<typeof t>[0], params = {}) => t(key, params, lang);
  const then = unitsLabel([...new Set(compared.map((r) => r.previous.period))], lang);
  const grade = (g: { grade: string; gradeEn: string }) => (lang === 'en' ? g.gradeEn : g.grade);
  const move = (r: SubjectResult & { previous: PreviousResult }) => {
    const p = r.previous;
    const score = r.scored ? `${who(r)} ${p.score} → ${r.score}` : who(r);
    return p.gradeMove !== 0 ? `${score}${m('sumComma')}${grade(p)} → ${grade(r)}` : score;
  };
  const delta = (r: SubjectResult & { previous: PreviousResult }) => r.previous.change ?? 0;
  const up = compared.filter((r) => delta(r) > 0 || r.previous.gradeMove > 0).sort((a, b) => delta(b) - delta(a));
  const down = compared.filter((r) => delta(r) < 0 || r.previous.gradeMove < 0).sort((a, b) => delta(a) - delta(b));
  const rectified = compared.flatMap((r) => r.previous.rectified.map((i) => `${who(r)} ${itemMove(i, lang)}`));
  const failed = compared.flatMap((r) => r.previous.newlyFailed.map((i) => `${who(r)} ${itemMove(i, lang)}`));
  const gains: string[] = [];
  const losses: string[] = [];
  const items = m('sumItemUnit');
  if (up.length > 0) gains.push(m('sumPreviousUp', { then, count: count(up), list: capped(up.map(move), unit, lang) }));
  if (rectified.length > 0) gains.push(m('sumPreviousRectified', { then, count: rectified.length, list: capped(rectified, items, lang) }));
  if (down.length > 0) losses.push(m('sumPreviousDown', { then, count: count(down), list: capped(down.map(move), unit, lang) }));
  if (failed.length > 0) losses.push(m('sumPreviousNewlyFailed', { then, count: failed.length, list: capped(failed, items, lang) }));
  return { gains, losses };
}
