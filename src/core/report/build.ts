import type { Lang } from '../messages';
import { t } from '../messages';
import { periodLabel } from '../period';
import type { Summary } from '../results/summary';
import { runAssessments, type RunPacks, type RunResult, runSchemes, runSummaries, type RunSummaries } from '../run';
import type { TableMeta } from '../results/table';
import type { SchemeAssessment } from '../scheme/result';
import { type Block, pageBreak, type ReportDocument } from './document';
import { assessmentReport } from './assessment';
import { feedbackNote } from './feedback';
import { FEEDBACK_SHEET, REPORT_SHEET, type ReportSheet, reportSheet } from './sheet';

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

/** Each assessment of the run that has a scheme and a summary, in the order the run gives them. */
function reported(run: RunResult, packs: RunPacks, summaries: RunSummaries) {
  const schemes = new Map(runSchemes(packs).map((s) => [s.id, s]));
  return runAssessments(run, packs).flatMap((a) => {
    const scheme = schemes.get(a.id);
    const summary = summaryFor(summaries, packs, a);
    return scheme && summary ? [{ a, scheme, summary }] : [];
  });
}

/** A 考评反馈单 for every subject and period of every assessment, each from a new page. */
export function feedbackNotes(run: RunResult, packs: RunPacks, summaries: RunSummaries, options: Pick<ReportOptions, 'lang'> = {}): Block[] {
  const lang = options.lang ?? 'zh';
  return reported(run, packs, summaries).flatMap(({ a, scheme }) => a.results.flatMap((r) => feedbackNote(a, scheme, r, lang)));
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
  const blocks: Block[] = [];
  for (const { a, scheme, summary } of reported(run, packs, summaries)) {
    if (blocks.length > 0) blocks.push(pageBreak);
    blocks.push(...assessmentReport(a, scheme, summary, lang));
  }
  const notes = options.feedback ? feedbackNotes(run, packs, summaries, options) : [];
  const scope = options.period ? periodLabel(options.period, lang) : '';
  return { lang, title: t('rptDocTitle', { scope }, lang).trim(), blocks: [...blocks, ...notes] };
}

/**
 * The printable sheets of a run, written in the same batch as its tables:
 * 考评报告 whenever some assessment has a report, and 考评反馈单 when asked
 * and some subject has a result.
 */
export function runReportSheets(run: RunResult, packs: RunPacks, meta: Pick<ReportOptions, 'period' | 'lang'> & TableMeta, { feedback = false }: { feedback?: boolean } = {}): ReportSheet[] {
  const summaries = runSummaries(run, packs, meta.lang);
  const report = reportDocument(run, packs, meta);
  if (report.blocks.length === 0) return [];
  const notes = feedback ? feedbackNotes(run, packs, summaries, meta) : [];
  // The generation note opens each sheet, as it opens every result sheet: it says whose the sheet is when its mark is lost.
  const note = t('reportSheetNote', { time: meta.time }, meta.lang);
  return [reportSheet(REPORT_SHEET, report, note), ...(notes.length > 0 ? [reportSheet(FEEDBACK_SHEET, { blocks: notes }, note)] : [])];
}
