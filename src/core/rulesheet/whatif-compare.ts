import { round2 } from '../assess/score';
import type { Bilingual } from '../messages';
import type { SubjectResult } from '../scheme/result';

export interface IndicatorChange {
  id: string;
  label: string;
  before: number;
  after: number;
  delta: number;
}

/** What besides score and indicator points can make a subject count as changed. */
export type Aspect = 'grade' | 'stars' | 'standing' | 'flags' | 'risks';

/** One subject's period under two judgements: either side is absent when that judgement did not assess it. */
export interface ResultChange {
  before?: SubjectResult;
  after?: SubjectResult;
  delta: number;
  indicators: IndicatorChange[];
  gradeChanged: boolean;
  starsChanged: boolean;
  /** Falls short or at risk, on one side and not the other. */
  standingChanged: boolean;
  flagsAdded: Bilingual[];
  flagsRemoved: Bilingual[];
  risksAdded: Bilingual[];
  risksRemoved: Bilingual[];
  /** Whether the score, an indicator or any of the aspects watched changed. */
  changed: boolean;
}

export interface CompareOptions {
  /** Which subject and period a result is: results with the same key are compared. */
  key: (r: SubjectResult) => string;
  /** The indicators compared, by id, with their labels. */
  labels: Map<string, string>;
  /** The flags that count: the branch what-if compares failed must-meet items only, not vetoes or the bottom-share flag. */
  flags?: (r: SubjectResult) => SubjectResult['flags'];
  /** Each what-if has its own idea of a change worth listing: a cadre's stars follow its grade, a branch's grade its stars. */
  watch: Aspect[];
}

export const bilingual = (m: Bilingual): Bilingual => ({ message: m.message, messageEn: m.messageEn });

/** Messages in `a` that `b` lacks, compared by their Chinese text (the English follows it). */
const missingFrom = (a: Bilingual[], b: Bilingual[]) => a.filter((m) => !b.some((n) => n.message === m.message));

/**
 * Compares two judgements of the same workbook subject by subject, every key
 * either side has, in the order first met (before's, then after's own): what
 * both what-ifs list, whichever rules changed.
 */
export function compareResults(now: SubjectResult[], next: SubjectResult[], options: CompareOptions): ResultChange[] {
  const { key, labels, watch } = options;
  const flagsOf = (r: SubjectResult | undefined) => (r ? (options.flags?.(r) ?? r.flags).map(bilingual) : []);
  const risksOf = (r: SubjectResult | undefined) => (r ? r.riskReasons.map(bilingual) : []);
  const before = new Map(now.map((r) => [key(r), r]));
  const after = new Map(next.map((r) => [key(r), r]));
  return [...new Set([...before.keys(), ...after.keys()])].map((k) => {
    const b = before.get(k);
    const a = after.get(k);
    const indicators = [...labels].flatMap(([id, label]) => {
      const x = b?.indicators[id] ?? 0;
      const y = a?.indicators[id] ?? 0;
      return x === y ? [] : [{ id, label, before: x, after: y, delta: round2(y - x) }];
    });
    const [flagsBefore, flagsAfter, risksBefore, risksAfter] = [flagsOf(b), flagsOf(a), risksOf(b), risksOf(a)];
    const change = {
      ...(b ? { before: b } : {}),
      ...(a ? { after: a } : {}),
      delta: round2((a?.score ?? 0) - (b?.score ?? 0)),
      indicators,
      gradeChanged: b?.grade !== a?.grade,
      starsChanged: b?.stars !== a?.stars,
      standingChanged: b?.fallsShort !== a?.fallsShort || b?.risk !== a?.risk,
      flagsAdded: missingFrom(flagsAfter, flagsBefore),
      flagsRemoved: missingFrom(flagsBefore, flagsAfter),
      risksAdded: missingFrom(risksAfter, risksBefore),
      risksRemoved: missingFrom(risksBefore, risksAfter),
    };
    const moved: Record<Aspect, boolean> = {
      grade: change.gradeChanged,
      stars: change.starsChanged,
      standing: change.standingChanged,
      flags: change.flagsAdded.length + change.flagsRemoved.length > 0,
      risks: change.risksAdded.length + change.risksRemoved.length > 0,
    };
    return { ...change, changed: change.delta !== 0 || indicators.length > 0 || watch.some((w) => moved[w]) };
  });
}

/** How one subject's period comes out, a branch's or a household's: what the what-if shows beside the other rules'. */
export interface BranchOutcome {
  score: number;
  grade: string;
  gradeEn: string;
  stars: number;
  fallsShort: boolean;
  risk: boolean;
  /** Its flags; a branch's are the must-meet items it fails (未达标事项). */
  flags: Bilingual[];
  /** Why it is at risk (软弱涣散风险). */
  riskReasons: Bilingual[];
  indicators: Record<string, number>;
}

/** A result as the what-if shows it; a branch's flags are its failed items only. */
export function outcomeOf(r: SubjectResult, flags: (r: SubjectResult) => SubjectResult['flags'] = (x) => x.flags): BranchOutcome {
  return {
    score: r.score,
    grade: r.grade,
    gradeEn: r.gradeEn,
    stars: r.stars,
    fallsShort: r.fallsShort,
    risk: r.risk,
    flags: flags(r).map(bilingual),
    riskReasons: r.riskReasons.map(bilingual),
    indicators: r.indicators,
  };
}
