import { starText } from '../assess/grade';
import { t } from '../messages';
import type { GradeBand } from '../pack/schema';
import { periodLabel } from '../period';
import type { SubjectResult } from '../scheme/result';
import type { Preamble, PreambleLine } from './table';

/** What the title and the figures above a result sheet's header are made of: any assessment gives them. */
export interface PreambleInput {
  title: string;
  /** The period asked for, when one was. */
  period?: string;
  /** The units judged, in order. */
  periods: readonly string[];
  results: readonly Pick<SubjectResult, 'name' | 'group' | 'scored' | 'score' | 'grade' | 'stars'>[];
  grades: readonly GradeBand[];
  /** People are counted in 人 and 人次, bodies (branches) in 个 and 个次. */
  people: boolean;
}

/** The period the sheet covers: the one asked for, else the first to the last judged. */
function periodText(period: string | undefined, periods: readonly string[]): string {
  if (period) return periodLabel(period);
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (first === undefined || last === undefined) return '';
  return first === last ? periodLabel(first) : t('resultPeriodSpan', { from: periodLabel(first), to: periodLabel(last) });
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The title and the figures a reader looks for before the rows: how many
 * subjects (人) and how many results (人次) over how many periods, the mean,
 * highest and lowest score, and how many results got each grade and each
 * number of stars. A subject judged in three months is one person, three results.
 */
export function resultPreamble(input: PreambleInput): Preamble {
  const { results, grades } = input;
  const period = periodText(input.period, input.periods);
  const title = period ? t('resultTitle', { period, title: input.title }) : t('resultTitleAll', { title: input.title });
  const subjects = new Set(results.map((r) => JSON.stringify([r.name, r.group]))).size;
  const scored = results.filter((r) => r.scored);
  const times = t(input.people ? 'preUnitPersonTimes' : 'preUnitBodyTimes');
  const lines: PreambleLine[] = [
    [
      { label: t('preSubjects', { unit: t(input.people ? 'preUnitPeople' : 'preUnitBodies') }), value: subjects },
      { label: t('preResults', { unit: times }), value: results.length },
      { label: t('prePeriods'), value: input.periods.length },
    ],
  ];
  const scores = scored.map((r) => r.score);
  const unscored = results.length - scored.length;
  const spread: PreambleLine =
    scores.length > 0
      ? [
          { label: t('preMean'), value: round(scores.reduce((a, b) => a + b, 0) / scores.length) },
          { label: t('preMax'), value: round(Math.max(...scores)) },
          { label: t('preMin'), value: round(Math.min(...scores)) },
        ]
      : [];
  if (unscored > 0) spread.push({ label: t('preUnscored', { unit: times }), value: unscored });
  if (spread.length > 0) lines.push(spread);
  const bands = [...new Set(grades.map((g) => g.grade))];
  if (bands.length > 0) lines.push(bands.map((grade) => ({ label: grade, value: scored.filter((r) => r.grade === grade).length })));
  if (grades.some((g) => g.stars > 0)) {
    const stars = [...new Set([...grades.map((g) => g.stars), ...scored.map((r) => r.stars)])].sort((a, b) => b - a);
    lines.push(stars.map((n) => ({ label: starText(n), value: scored.filter((r) => r.stars === n).length })));
  }
  return { title, lines };
}
