import type { Lang } from '../messages';
import { t } from '../messages';
import { periodLabel } from '../period';
import type { Summary } from '../results/summary';
import { runAssessments, type RunPacks, type RunResult, runSchemes, runSummaries, type RunSummaries } from '../run';
import type { SchemeAssessment } from '../scheme/result';
import { type Block, pageBreak, type ReportDocument } from './document';
import { assessmentReport } from './assessment';
import { feedbackNote } from './feedback';

export interface ReportOptions {
  lang?: Lang;
  /** The period the run was asked for: it names the document. */
  period?: string;
  /** Add a 考评反馈单 for every subject and period, each on its own page, after the reports. */
  feedback?: boolean;
}

/** Each assessment's summary, found by the assessment it was written for. */
function summaryFor(summaries: RunSummaries, packs: RunPacks, a: SchemeAssessment): Summary | undefined {
  if (a.id === packs.cadre.id) return summaries.cadre;
  if (a.id === packs.branch.id) return summaries.branch;
  return summaries.schemes.find((s) => s.id === a.id)?.summary;
}

/**
 * The report of a run: every assessment's report in the order the run gives
 * them, each from a new page, then, when asked, a feedback note per subject
 * and period. Built from the run alone, summaries included, so every host lays
 * out the same document and every sentence is in the language asked for.
 */
export function reportDocument(run: RunResult, packs: RunPacks, options: ReportOptions = {}): ReportDocument {
  const lang = options.lang ?? 'zh';
  const summaries = runSummaries(run, packs, lang);
  const schemes = new Map(runSchemes(packs).map((s) => [s.id, s]));
  const blocks: Block[] = [];
  const notes: Block[] = [];
  for (const a of runAssessments(run, packs)) {
    const scheme = schemes.get(a.id);
    const summary = summaryFor(summaries, packs, a);
    if (!scheme || !summary) continue;
    if (blocks.length > 0) blocks.push(pageBreak);
    blocks.push(...assessmentReport(a, scheme, summary, lang));
    if (options.feedback) for (const r of a.results) notes.push(...feedbackNote(a, scheme, r, lang));
  }
  const scope = options.period ? periodLabel(options.period, lang) : '';
  return { lang, title: t('rptDocTitle', { scope }, lang).trim(), blocks: [...blocks, ...notes] };
}
