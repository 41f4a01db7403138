import { starText } from '../assess/grade';
import { type Lang, t } from '../messages';
import { periodLabel } from '../period';
import type { Evidence } from '../scheme/evidence';
import type { ResultFlag, SchemeAssessment, SubjectResult } from '../scheme/result';
import type { Scheme } from '../scheme/schema';
import { type Block, heading, pageBreak, paragraph, table, title } from './document';
import { ruleLabeller } from './rules';
import { assessmentTitle } from './assessment';
import { tasksOf } from './tables';

/**
 * What a feedback note says of the last period, when the host has it: a
 * sentence per result, or undefined for none. The note gives it a heading of
 * its own between the standing and the indicators.
 */
export type Comparison = (result: SubjectResult, lang: Lang) => string | undefined;

const evidenceText = (e: Evidence, lang: Lang) => (e.rows.length > 1 ? `${e.sheet}!${e.cell}（${t('rptRows', { rows: e.rows.join('、') }, lang)}）` : `${e.sheet}!${e.cell}`);

/** Where a flag rests in the ledgers: its cells, the rows of its failed item, else the row the result rests on. */
function whereOf(f: ResultFlag, r: SubjectResult, lang: Lang): string {
  if (f.cells && f.cells.length > 0) return f.cells.join('、');
  if (f.item && f.item.evidence.length > 0) return f.item.evidence.map((e) => evidenceText(e, lang)).join('、');
  return r.source ? `${r.source.sheet}!${r.source.cell ?? r.source.row}` : '';
}

function standing(r: SubjectResult, starred: boolean, lang: Lang): string {
  if (!r.scored) return t('rptFbNotScored', {}, lang);
  const grade = lang === 'en' ? r.gradeEn : r.grade;
  const stars = starred ? t('rptFbStars', { stars: starText(r.stars) }, lang) : '';
  return t('rptFbStanding', { score: r.score, grade, rank: r.rank, of: r.of, stars }, lang);
}

function indicatorTable(r: SubjectResult, scheme: Scheme, lang: Lang) {
  const label = ruleLabeller(scheme, lang);
  const sign = (n: number) => (n >= 0 ? `+${n}` : String(n));
  const rows = scheme.indicators.map((i) => {
    const excluded = r.excluded.includes(i.id);
    const basis = r.basis.filter((b) => b.indicator === i.id).map((b) => `${label(b.rule, r)} ${sign(b.points)}`);
    return [
      (lang === 'en' && i.labelEn) || i.label,
      excluded ? t('rptNoDeadline', {}, lang) : t('rptFbPoints', { points: r.indicators[i.id] ?? 0, max: i.max }, lang),
      excluded ? t('rptFbExcluded', {}, lang) : basis.join(t('rptListSep', {}, lang)),
    ];
  });
  return table([t('rptColIndicator', {}, lang), t('rptColPoints', {}, lang), t('rptColBasis', {}, lang)], rows, [3, 2, 7]);
}

function flagBlocks(r: SubjectResult, lang: Lang): Block[] {
  const rows = [
    ...r.flags.map((f) => [lang === 'en' ? f.messageEn : f.message, whereOf(f, r, lang)]),
    ...r.riskReasons.map((x) => [lang === 'en' ? x.messageEn : x.message, '']),
  ];
  if (rows.length === 0) return [paragraph(t('rptFbNoFlags', {}, lang))];
  return [table([t('rptColFlag', {}, lang), t('rptColWhere', {}, lang)], rows, [7, 4])];
}

function nextSteps(r: SubjectResult, scheme: Scheme, lang: Lang): Block[] {
  const tasks = tasksOf(r, scheme, lang);
  const deadline = r.rectifyBy ? [t('rptFbRectifyBy', { deadline: r.rectifyBy }, lang)] : [];
  const lines = [...tasks, ...deadline];
  return (lines.length > 0 ? lines : [t('rptFbKeep', {}, lang)]).map(paragraph);
}

/** One 考评反馈单: on a page of its own, who and when, the standing, the points and the rules behind them, the flags with their cells, and what to do. */
export function feedbackNote(a: SchemeAssessment, scheme: Scheme, r: SubjectResult, lang: Lang, comparison?: Comparison): Block[] {
  const m = (key: Parameters<typeof t>[0], params = {}) => t(key, params, lang);
  const compared = comparison?.(r, lang);
  return [
    pageBreak,
    title(m('rptFbTitle', { title: assessmentTitle(a, lang) })),
    paragraph(m('rptFbWho', { name: r.name, group: r.group ? m('rptFbGroup', { group: r.group }) : '' })),
    paragraph(m('rptFbPeriod', { period: periodLabel(r.period, lang) })),
    paragraph(standing(r, scheme.grades.some((g) => g.stars > 0), lang)),
    ...(compared ? [heading(2, m('rptFbComparison')), paragraph(compared)] : []),
    heading(2, m('rptFbIndicators')),
    indicatorTable(r, scheme, lang),
    heading(2, m('rptFbFlags')),
    ...flagBlocks(r, lang),
    heading(2, m('rptFbNext')),
    ...nextSteps(r, scheme, lang),
  ];
}
