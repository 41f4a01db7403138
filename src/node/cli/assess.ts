import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import {
  assessAll,
  assessmentJson,
  assessmentsJson,
  branchesJson,
  type BranchPack,
  branchReportJson,
  defaultRules,
  packFor,
  parsePeriodId,
  resultSheetNames,
  periodLabel,
  rulesOfWorkbook,
  type RulesRead,
  type RunPacks,
  type RunResult,
  runAssessments,
  runChartSheet,
  schemesOf,
  runSummaries,
  runTables,
  shippedSchemes,
  runSheets,
  runWarnings,
  sheetsJson,
  sheetsNotRead,
  summaryText,
  t,
} from '../../core/index';
import { reportDocument, runReportSheets } from '../../core/report/index';
import { renderDocx } from '../../docx/render';
import { loadWorkbook, type LoadedWorkbook, writeChartSheet, writeReportSheet, writeResultTable } from '../workbook-file';
import { bilingual, CliError, usage, usageLines } from './errors';
import { checkOutput, checkWorkbookFile, type FileArg, fileArg, writeAtomically } from './files';
import type { CliIo } from './io';
import { cadrePack, loadBranchPack, loadRules, usable } from './rules-input';

/** What a finished run prints and writes from. */
interface Outcome {
  run: RunResult;
  packs: RunPacks;
  summary: string;
  branchText: string;
  warnings: ReturnType<typeof runWarnings>;
  /** Every sheet of the workbook as the run saw it, before any result sheet was added. */
  sheets: ReturnType<typeof runSheets>;
}

function parse(args: string[], io: CliIo) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      period: { type: 'string' },
      rules: { type: 'string' },
      'branch-rules': { type: 'string' },
      out: { type: 'string' },
      report: { type: 'string' },
      feedback: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const given = positionals[0];
  if (!given) throw usage();
  // The notes go into the report file, or into the copy's 考评反馈单: without either they would go nowhere.
  if (values.feedback && values.report === undefined && values.out === undefined) throw new CliError([...bilingual('cliFeedbackNeedsReport'), ...usageLines()]);
  if (values.report !== undefined && extname(values.report).toLowerCase() !== '.docx') throw new CliError(bilingual('cliReportNotDocx', { file: values.report }));
  const period = values.period === undefined ? undefined : parsePeriodId(values.period);
  if (values.period !== undefined && !period) throw new CliError(bilingual('cliBadPeriod', { period: values.period }));
  const file = (name: string | undefined) => (name === undefined ? undefined : fileArg(io, name));
  return { workbook: fileArg(io, given), period, rules: file(values.rules), branchRules: file(values['branch-rules']), out: file(values.out), report: file(values.report), feedback: values.feedback, json: values.json };
}

async function openWorkbook(file: FileArg): Promise<LoadedWorkbook> {
  await checkWorkbookFile(file);
  try {
    return await loadWorkbook(file.path, resultSheetNames(shippedSchemes()));
  } catch (e) {
    throw new CliError(bilingual('cliUnreadable', { file: file.given, detail: (e as Error).message }), { cause: e });
  }
}

/**
 * Each pack comes from the rules named on the command line when they hold one; else from the workbook's own rules
 * sheet; else from the defaults. So a file with only a branch pack leaves the cadre pack to the workbook, and the
 * other way round. A branch pack named with --branch-rules wins over both; rules/branch.json stands in for a rules
 * sheet written before it had a branch block.
 */
function choosePacks(snapshot: LoadedWorkbook['snapshot'], given: RulesRead | undefined, branchFile: BranchPack | undefined): RunPacks {
  const defaults = defaultRules();
  if (given) usable(given);
  const own = rulesOfWorkbook(snapshot, defaults);
  const sourceOf = (subject: 'cadre' | 'branch') => (given?.packs.some((p) => p.subject === subject) ? given : own);
  const cadre = cadrePack(sourceOf('cadre'));
  const schemes = (given && schemesOf(given)) ?? schemesOf(usable(own)) ?? shippedSchemes();
  return { cadre, branch: branchFile ?? packFor(usable(sourceOf('branch')), 'branch')?.pack ?? defaults[1].branch, schemes };
}

/** assess <workbook>: every ledger through both packs; the summary (or JSON) on stdout, warnings on stderr. */
export async function assess(args: string[], io: CliIo): Promise<number> {
  const options = parse(args, io);
  const inputs = [options.workbook, options.rules, options.branchRules].filter((f): f is FileArg => f !== undefined);
  if (options.out) await checkOutput(options.out, inputs);
  if (options.report) await checkOutput(options.report, [...inputs, ...(options.out ? [options.out] : [])]);
  const given = options.rules === undefined ? undefined : await loadRules(options.rules);
  const branchFile = options.branchRules === undefined ? undefined : await loadBranchPack(options.branchRules);
  const loaded = await openWorkbook(options.workbook);
  const packs = choosePacks(loaded.snapshot, given, branchFile);
  const pack = packs.cadre;
  const { period } = options;
  const defaultPeriod = period && /^\d{4}-\d{2}$/.test(period) ? period : undefined;
  const run = await assessAll(loaded.snapshot, packs, { period, defaultPeriod, today: new Date().toISOString().slice(0, 10) });
  const declared = run.schemes.some((a) => Object.values(a.ledgers).some((l) => l.length > 0));
  if (!run.hasCadreLedgers && !run.hasBranchLedgers && !declared) {
    throw new CliError([t('noLedger', { title: pack.title }), t('noBranchLedger'), t('noLedger', { titleEn: pack.titleEn ?? pack.title }, 'en'), t('noBranchLedger', {}, 'en')]);
  }
  if (period && run.cadres.cadres.length === 0 && (run.branches?.branches.length ?? 0) === 0 && run.schemes.every((a) => a.results.length === 0 && a.notes.length === 0)) {
    throw new CliError([t('noRecordsInPeriod', { period: periodLabel(period) }), t('noRecordsInPeriod', { periodEn: period }, 'en')]);
  }
  const summaries = runSummaries(run, packs);
  const report = options.report && { file: options.report, document: reportDocument(run, packs, { period, feedback: options.feedback }) };
  const outcome: Outcome = {
    run,
    packs,
    summary: summaries.text,
    branchText: summaries.branch ? summaryText(summaries.branch) : '',
    warnings: runWarnings(run),
    sheets: runSheets(run, packs, loaded.workbook.worksheets.map((ws) => ws.name)),
  };

  if (options.out) await writeResults(loaded, outcome, options.out, { period, feedback: options.feedback });
  if (report) await writeAtomically(report.file, await renderDocx(report.document));
  if (options.json) printJson(io, outcome);
  else printText(io, outcome, options.out);
  printNotRead(io, outcome);
  // Said whatever stdout carries: JSON on stdout stays JSON.
  if (report) io.stderr(`\n${bilingual('cliWrote', { file: report.file.given }).join('\n')}\n`);
  return 0;
}

/**
 * A copy of the workbook with the result sheets, 图表's tables and the printable 考评报告 (and 考评反馈单 with
 * --feedback) added (or replaced); the input file itself is only ever read.
 */
async function writeResults(loaded: LoadedWorkbook, { run, packs }: Outcome, out: FileArg, report: { period?: string; feedback: boolean }): Promise<void> {
  const time = new Date().toISOString().slice(0, 19).replace('T', ' ');
  for (const table of runTables(run, packs, { time })) writeResultTable(loaded.workbook, table);
  const charts = runChartSheet(run, packs, { time });
  if (charts) writeChartSheet(loaded.workbook, charts);
  for (const sheet of runReportSheets(run, packs, { period: report.period, time }, { feedback: report.feedback })) writeReportSheet(loaded.workbook, sheet);
  await writeAtomically(out, Buffer.from(await loaded.workbook.xlsx.writeBuffer()));
}

function printJson(io: CliIo, { run, packs, summary, branchText, warnings, sheets }: Outcome): void {
  const json = { ...assessmentJson(run.cadres, summary), warnings: warnings.map((w) => ({ sheet: w.sheet, cell: w.cell, message: w.message, messageEn: w.messageEn })) };
  const { branches } = run;
  const out = branches ? { ...json, branches: branchesJson(branches), branchReport: branchReportJson(branches), branchSummary: branchText } : json;
  io.stdout(`${JSON.stringify({ ...out, assessments: assessmentsJson(runAssessments(run, packs)), sheets: sheetsJson(sheets) }, null, 2)}\n`);
}

/** The sheets the run did not read, each with why, in both languages: nothing is left out without a word. */
function printNotRead(io: CliIo, { sheets }: Outcome): void {
  const notRead = [...sheetsNotRead(sheets, 'zh'), ...sheetsNotRead(sheets, 'en')];
  if (notRead.length > 0) io.stderr(`\n${notRead.join('\n')}\n`);
}

/** For a person at a terminal: the summary on stdout; each warning with its cell, and what was written, on stderr. */
function printText(io: CliIo, { summary, warnings }: Outcome, out: FileArg | undefined): void {
  io.stdout(`${summary}\n`);
  if (warnings.length > 0) {
    io.stderr(`\n${bilingual('cliWarnings', { count: warnings.length }).join(' / ')}\n`);
    for (const w of warnings) io.stderr(`  ${w.sheet}${w.cell ? `!${w.cell}` : ''}：${w.message}\n    ${w.messageEn}\n`);
  }
  if (out) io.stderr(`\n${bilingual('cliWrote', { file: out.given }).join('\n')}\n`);
}
