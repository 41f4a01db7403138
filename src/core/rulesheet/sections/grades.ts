import { both, t } from '../../messages';
import { isPercentParam, paramText } from '../../pack/params';
import type { GradeBand } from '../../pack/schema';
import { analyseBands, rowNextToGap, setText } from '../bands';
import { parseConditionCell, references } from '../condition';
import { filledRows, needColumn, optional, type ScoringPack, type Section } from '../section';
import { ALL_NUMBERS, conditionsSet, type Interval, interval, numbers } from '../value-set';

/** A band's minimum as written: its parameter's name when it has one ({优秀分数线}), else the number. */
export const formatMin = (band: GradeBand) => (band.param !== undefined ? `{${band.param}}` : String(band.min));

/** A band's score range as written: >= 90 at the top, [80,90) between, < 60 for a lowest band from 0. */
function rangeText(grades: GradeBand[], i: number): string {
  const band = grades[i]!;
  const higher = grades[i - 1];
  if (!higher) return `>= ${formatMin(band)}`;
  if (i === grades.length - 1 && band.min === 0 && band.param === undefined) return `< ${formatMin(higher)}`;
  return `[${formatMin(band)},${formatMin(higher)})`;
}

/** Stars as a number (4) or drawn (★★★★☆). */
function readStars(text: string): number | undefined {
  if (text === '') return 0;
  if (/^[★☆]+$/.test(text)) return [...text].filter((c) => c === '★').length;
  const n = Number(text.replace(/星$/, ''));
  return Number.isInteger(n) && n >= 0 && n <= 5 ? n : undefined;
}

interface ReadBand {
  band: GradeBand;
  range: Interval;
  cell: string;
}

/**
 * 【等次】: grades by total score. Staff write each grade's range; the pack
 * keeps its lower end, and the ranges must meet end to end over every total
 * the indicators can give (0 to the sum of their maxima).
 */
export const gradesSection: Section<ScoringPack> = {
  name: 'rsTableGrades',
  hint: 'rsHintGrades',
  required: true,
  notes: { rsHeadScoreRange: 'rsNoteScoreRange' },
  write: ({ pack }) => ({
    columns: [
      { header: t('rsHeadGrade'), width: 90 },
      { header: t('rsHeadScoreRange'), width: 100, text: true },
      { header: t('rsHeadStars'), width: 50 },
      { header: t('rsHeadEnglish'), width: 160 },
    ],
    rows: pack.grades.map((g, i) => [g.grade, rangeText(pack.grades, i), g.stars, g.gradeEn ?? '']),
  }),
  read(view, ctx) {
    const gradeCol = needColumn(view, ctx, 'rsHeadGrade');
    const rangeCol = needColumn(view, ctx, 'rsHeadScoreRange');
    if (!gradeCol || !rangeCol) return;
    const starsCol = view.column(t('rsHeadStars'));
    const enCol = view.column(t('rsHeadEnglish'));
    const total = { kind: 'number' as const, label: t('rsWordTotal'), labelEn: t('rsWordTotal', {}, 'en') };
    const max = ctx.draft.indicators.reduce((sum, i) => sum + i.max, 0);
    const names = new Map<string, string>();
    const bands: ReadBand[] = [];
    let dropped = false;
    for (const row of filledRows(view)) {
      let ok = true;
      const grade = view.text(row, gradeCol);
      if (grade === '') {
        ctx.reportField(view.at(row, gradeCol), 'rsRequired', 'rsHeadGrade');
        ok = false;
      } else if (names.has(grade)) {
        ctx.report(view.at(row, gradeCol), both('rsDuplicateName', { name: grade, other: names.get(grade)!, otherEn: names.get(grade)! }));
        ok = false;
      }
      const rangeTextRead = view.text(row, rangeCol);
      const percent = references(view.cell(row, rangeCol)).map((n) => ctx.params.get(n)).find((p) => p !== undefined && isPercentParam(p));
      const parsed = percent
        ? { ok: false as const, problem: both('packParamPercentScore', { name: percent.name, value: paramText(percent) }) }
        : parseConditionCell(view.cell(row, rangeCol), total, ctx.params);
      let range: Interval | undefined;
      let param: string | undefined;
      if (!parsed.ok) {
        ctx.report(view.at(row, rangeCol), parsed.problem);
        ok = false;
      } else {
        // A single number is the grade's minimum: "90" reads as 90 and above.
        const only = parsed.conditions.length === 1 ? parsed.conditions[0]! : undefined;
        const conditions = only?.op === '=' ? [{ ...only, op: '>=' as const }] : parsed.conditions;
        const set = conditionsSet(conditions, ALL_NUMBERS);
        if (set.kind !== 'num' || set.parts.length !== 1) {
          ctx.report(view.at(row, rangeCol), both('rsGradeNotRange', { grade, text: rangeTextRead }));
          ok = false;
        } else if (set.parts[0]!.lo !== -Infinity && !set.parts[0]!.loIn) {
          ctx.report(view.at(row, rangeCol), both('rsGradeLowerOpen', { grade, text: rangeTextRead }));
          ok = false;
        } else {
          range = set.parts[0]!;
          const lo = range.lo;
          param = conditions.find((c) => c.op === '>=' && c.value === lo)?.param;
        }
      }
      const starsText = view.text(row, starsCol);
      const stars = readStars(starsText);
      if (stars === undefined) {
        ctx.report(view.at(row, starsCol), both('rsStarsUnreadable', { text: starsText }));
        ok = false;
      }
      if (!ok || !range || stars === undefined) {
        dropped = true;
        continue;
      }
      names.set(grade, view.at(row, gradeCol));
      const gradeEn = optional(view.text(row, enCol));
      const min = range.lo === -Infinity ? 0 : range.lo;
      bands.push({ band: { min, ...(param ? { param } : {}), grade, stars, ...(gradeEn ? { gradeEn } : {}) }, range, cell: view.at(row, rangeCol) });
    }
    bands.sort((a, b) => b.band.min - a.band.min || b.range.lo - a.range.lo);

    // The total's range is known only when every indicator was read, and ranges are
    // compared only when every grade was: a row with a problem would leave a false gap.
    const maxKnown = max > 0 && !ctx.partial.has('rsTableIndicators');
    const reachable = bands.filter((b) => {
      if (maxKnown && b.band.min > max) {
        ctx.report(b.cell, both('rsGradeAboveMax', { grade: b.band.grade, min: b.band.min, max }));
        return false;
      }
      return true;
    });
    const sets = reachable.map((b) => numbers([b.range]));
    // Below the lowest grade's range every total still gets that grade, so no gap can open there.
    const lowest = Math.max(0, Math.min(...reachable.map((b) => b.band.min)));
    const domain = numbers([interval(lowest, maxKnown ? max : Infinity, true, maxKnown)]);
    const analysis = dropped ? { shadowed: [], overlaps: [], gaps: numbers([]) } : analyseBands(sets, domain);
    for (const s of analysis.shadowed) ctx.report(reachable[s.index]!.cell, both('rsGradeShadowed', { grade: reachable[s.index]!.band.grade }));
    for (const o of analysis.overlaps) {
      ctx.report(
        reachable[o.index]!.cell,
        both('rsGradeOverlap', { range: setText(o.set, 'number'), grade: reachable[o.index]!.band.grade, other: reachable[o.other]!.band.grade }),
      );
    }
    if (analysis.gaps.kind === 'num' && reachable.length > 0) {
      for (const gap of analysis.gaps.parts) {
        ctx.report(reachable[rowNextToGap(sets, gap)]!.cell, both('rsGradeGap', { range: setText({ kind: 'num', parts: [gap] }, 'number') }));
      }
    }
    bands.forEach((b, i) => {
      ctx.cells.set(`grades[${i}]`, b.cell);
      ctx.draft.grades.push(b.band);
    });
    ctx.cells.set('grades', view.titleCell);
    if (bands.length === 0) ctx.report(view.titleCell, both('rsTableEmpty', { table: view.table.name }));
  },
};
