import { starText } from '../assess/grade';
import { type Lang, t } from '../messages';
import { periodLabel } from '../period';
import type { Evidence } from '../scheme/evidence';
import { itemMove } from '../scheme/previous';
import type { ItemChange, ResultFlag, SchemeAssessment, SubjectResult } from '../scheme/result';
import type { Scheme } from '../scheme/schema';
import { type Block, heading, pageBreak, paragraph, table, title } from './document';
import { ruleLabeller } from './rules';
import { assessmentTitle } from './assessment';
import { tasksOf } from './tables';
import { sourceCell, sourceText } from '../results/cells';

const evidenceText = (e: Evidence, lang: Lang) => (e.rows.length > 1 ? `${e.sheet}!${e.cell}（${t('rptRows', { rows: e.rows.join('、') }, lang)}）` : `${e.sheet}!${e.cell}`);

/** Where a flag rests in the ledgers: its cells, the rows of its failed item, else the row the result rests on. */
function whereOf(f: ResultFlag, r: SubjectResult, lang: Lang): string {
  if (f.cells && f.cells.length > 0) return f.cells.join('、');
  if (f.item && f.item.evidence.length > 0) return f.item.evidence.map((e) => evidenceText(e, lang)).join('、');
  return sourceText(sourceCell(r.source));
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

/**
 * The note's comparison with the same subject's last period, from the result's
 * own `previous`: the score then and now, the grade's (and stars') move, the
 * items rectified (整改到位) and those newly failed. None without a last period.
 */
function comparison(r: SubjectResult, starred: boolean, lang: Lang): string[] {
  const p = r.previous;
  if (!p) return [];
  const m = (key: Parameters<typeof t>[0], params = {}) => t(key, params, lang);
  const then = periodLabel(p.period, lang);
  const out: string[] = [];
  if (p.change === null) out.push(m('rptFbScoreThen', { then, before: p.score }));
  else {
    const change = p.change > 0 ? m('rptFbScoreUp', { delta: p.change }) : p.change < 0 ? m('rptFbScoreDown', { delta: -p.change }) : m('rptFbScoreSame');
    out.push(m('rptFbScoreMove', { then, before: p.score, now: r.score, change }));
  }
  const grade = (g: { grade: string; gradeEn: string }) => (lang === 'en' ? g.gradeEn : g.grade);
  if (r.scored) {
    if (p.gradeMove !== 0) out.push(m('rptFbGradeMove', { before: grade(p), now: grade(r), direction: m(p.gradeMove > 0 ? 'rptFbGradeUp' : 'rptFbGradeDown') }));
    else out.push(m('rptFbGradeSame', { grade: grade(r) }));
    if (starred && p.stars !== r.stars) out.push(m('rptFbStarsMove', { before: starText(p.stars), now: starText(r.stars) }));
  }
  const items = (list: ItemChange[]) => list.map((i) => itemMove(i, lang)).join(m('sumSep'));
  if (p.rectified.length > 0) out.push(m('rptFbRectified', { items: items(p.rectified) }));
  if (p.newlyFailed.length > 0) out.push(m('rptFbNewlyFailed', { items: items(p.newlyFailed) }));
  return out;
}

/** One 考评反馈单: on a page of its own, who and when, the standing, the comparison with the last period, the points and the rules behind them, the flags with their cells, and what to do. */
export function feedbackNote(a: SchemeAssessment, scheme: Scheme, r: SubjectResult, lang: Lang): Block[] {
  const m = (key: Parameters<typeof t>[0], params = {}) => t(key, params, lang);
  const starred = scheme.grades.some((g) => g.stars > 0);
  const compared = comparison(r, starred, lang);
  return [
    pageBreak,
    title(m('rptFbTitle', { title: assessmentTitle(a, lang) })),
    paragraph(m('rptFbWho', { name: r.name, group: r.group ? m('rptFbGroup', { group: r.group }) : '' })),
    paragraph(m('rptFbPeriod', { period: periodLabel(r.period, lang) })),
    paragraph(standing(r, starred, lang)),
    ...(compared.length > 0 ? [heading(2, m('rptFbComparison')), ...compared.map(paragraph)] : []),
    heading(2, m('rptFbIndicators')),
    indicatorTable(r, scheme, lang),
    heading(2, m('rptFbFlags')),
    ...flagBlocks(r, lang),
    heading(2, m('rptFbNext')),
    ...nextSteps(r, scheme, lang),
  ];
}
