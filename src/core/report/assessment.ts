import { type Lang, type MessageKey, t } from '../messages';
import { periodLabel } from '../period';
import type { Summary } from '../results/summary';
import type { SchemeAssessment } from '../scheme/result';
import type { Scheme } from '../scheme/schema';
import { type Block, heading, paragraph, title } from './document';
import { fallingShort, fallsShortTable, gradeTable, rectifyTable, toRectify } from './tables';

/** The period an assessment covers, as its title names it: the one asked for, else the span of its periods. */
export function scopeOf(a: SchemeAssessment, lang: Lang): string {
  if (a.period) return periodLabel(a.period, lang);
  if (a.periods.length === 0) return '';
  if (a.periods.length === 1) return periodLabel(a.periods[0]!, lang);
  return t('sumSpan', { from: periodLabel(a.periods[0]!, lang), to: periodLabel(a.periods.at(-1)!, lang) }, lang);
}

export const assessmentTitle = (a: SchemeAssessment, lang: Lang) => (lang === 'en' ? a.titleEn : a.title);

/** Which table goes under which of the four sections: the grades under 主要成效, who falls short under 存在问题, the list under 下步打算. */
const TABLES: Record<number, (a: SchemeAssessment, scheme: Scheme, lang: Lang) => Block[]> = {
  1: (a, scheme, lang) => [heading(2, t(scheme.grades.some((g) => g.stars > 0) ? 'rptStarsTable' : 'rptGradesTable', {}, lang)), gradeTable(a, scheme, lang)],
  2: (a, scheme, lang) => [heading(2, scheme.risk ? t('rptShortRiskTable', { label: (lang === 'en' && scheme.risk.labelEn) || scheme.risk.label }, lang) : t('rptShortTable', {}, lang)), fallingShort(a).length > 0 ? fallsShortTable(a, lang) : paragraph(t('rptNoShort', {}, lang))],
  3: (a, scheme, lang) => [heading(2, t('rptRectifyTable', {}, lang)), toRectify(a).length > 0 ? rectifyTable(a, scheme, lang) : paragraph(t('rptNoRectify', {}, lang))],
};

const SECTION_HEADINGS: MessageKey[] = ['sumHeading1', 'sumHeading2', 'sumHeading3', 'sumHeading4'];

/**
 * One assessment's report: its title, the four sections of its summary as
 * level-1 headings with their sentences, and under each the table its
 * figures come from, all in the language asked for (the summary's own).
 */
export function assessmentReport(a: SchemeAssessment, scheme: Scheme, summary: Summary, lang: Lang): Block[] {
  const blocks: Block[] = [title(t('rptTitle', { scope: scopeOf(a, lang), title: assessmentTitle(a, lang) }, lang))];
  summary.sections.forEach((section, i) => {
    blocks.push(heading(1, SECTION_HEADINGS[i] ? t(SECTION_HEADINGS[i], {}, lang) : section.heading));
    blocks.push(...section.sentences.map(paragraph));
    // An assessment with nothing to assess has its 基本情况 only, and no table to show.
    if (a.results.length > 0) blocks.push(...(TABLES[i]?.(a, scheme, lang) ?? []));
  });
  return blocks;
}
