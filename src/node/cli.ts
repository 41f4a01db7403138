#!/usr/bin/env node
import { access, mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import {
  assessAll,
  assessmentJson,
  BRANCH_RESULT_SHEET,
  branchesJson,
  type BranchPack,
  branchReportJson,
  CADRE_RESULT_SHEET,
  defaultRules,
  diffRules,
  entriesOfRules,
  entryPack,
  entrySubject,
  isBranchEntry,
  type MessageKey,
  type Pack,
  packFileJson,
  packFor,
  packHash,
  type Params,
  parsePeriodId,
  periodLabel,
  problemLine,
  RULES_SHEET,
  type RulesEntry,
  type RulesRead,
  rulesOfWorkbook,
  rulesSheetLayout,
  runEntryTests,
  runSummaries,
  runTables,
  runSheets,
  runWarnings,
  sheetsJson,
  sheetsNotRead,
  summaryText,
  t,
} from '../core/index';
import { loadRulesFile, RulesFileError, writeRulesSheet } from './rules-file';
import { loadWorkbook, writeResultTable } from './workbook-file';

/** A failure the user can act on: printed in both languages, exit code 2. */
class UsageError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/** A message in Chinese, then in English. */
const bilingual = (key: MessageKey, params: Params = {}) => [t(key, params), t(key, params, 'en')];

const usage = () => new UsageError([t('cliUsage'), t('cliUsageBranch'), t('rsCliUsage'), t('cliUsage', {}, 'en'), t('cliUsageBranch', {}, 'en'), t('rsCliUsage', {}, 'en')]);

async function loadRules(file: string): Promise<RulesRead> {
  try {
    return await loadRulesFile(file);
  } catch (e) {
    if (e instanceof RulesFileError) {
      throw new UsageError(e.kind === 'noSheet' ? bilingual('rsCliNoRulesSheet', { file }) : bilingual('cliUnreadable', { file, detail: e.message }));
    }
    throw e;
  }
}

/** Every problem with its cell, Chinese first, each followed by its English. */
function problemLines(header: MessageKey, rules: RulesRead): string[] {
  const count = rules.problems.length;
  return [
    t(header, { count }),
    ...rules.problems.flatMap((p) => [`  ${problemLine(p)}`, `    ${problemLine(p, 'en')}`]),
    t(header, { count }, 'en'),
  ];
}

/** Every pack of rules that have no problems, cadre and branch blocks alike; rules with problems stop here. */
function allEntriesOf(rules: RulesRead, header: MessageKey): RulesEntry[] {
  if (rules.problems.length > 0) throw new UsageError(problemLines(header, rules));
  return entriesOfRules(rules);
}

/** Rules a run may take a pack from: any problem in them stops it. */
function usable(rules: RulesRead): RulesRead {
  if (rules.problems.length > 0) throw new UsageError(problemLines('rsCliProblems', rules));
  return rules;
}

/** The cadre pack of the rules; rules with any problem never assess anything. */
function cadrePack(rules: RulesRead): Pack {
  const found = packFor(usable(rules), 'cadre')?.pack;
  if (!found) throw new UsageError(bilingual('rsCliNoSubjectPack'));
  return found;
}

/** The branch pack given with --branch-rules: a pack file (either shape) or a workbook's rules sheet. */
async function loadBranchPack(file: string): Promise<BranchPack> {
  const found = packFor(usable(await loadRules(file)), 'branch')?.pack;
  if (!found) throw new UsageError(bilingual('rsCliNoBranchPack', { file }));
  return found;
}

const READABLE = ['.xlsx', '.xlsm', '.csv'];

/** The reasons a workbook cannot be opened that a user can fix, said plainly before trying. */
async function checkWorkbookFile(file: string): Promise<void> {
  const ext = extname(file).toLowerCase();
  if (!(await stat(file).then((s) => s.isFile(), () => false))) throw new UsageError(bilingual('cliNoFile', { file }));
  if (!READABLE.includes(ext)) {
    throw new UsageError([t('cliFileType', { file, ext: ext || '（无扩展名）' }), t('cliFileType', { file, ext: ext || '(no extension)' }, 'en')]);
  }
}

async function assess(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      period: { type: 'string' },
      rules: { type: 'string' },
      'branch-rules': { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file) throw usage();
  const period = values.period === undefined ? undefined : parsePeriodId(values.period);
  if (values.period !== undefined && !period) throw new UsageError(bilingual('cliBadPeriod', { period: values.period }));
  const given = values.rules === undefined ? undefined : await loadRules(values.rules);
  const branchFile = values['branch-rules'] === undefined ? undefined : await loadBranchPack(values['branch-rules']);

  await checkWorkbookFile(file);
  let loaded;
  try {
    loaded = await loadWorkbook(file, [CADRE_RESULT_SHEET, BRANCH_RESULT_SHEET]);
  } catch (e) {
    throw new UsageError(bilingual('cliUnreadable', { file, detail: (e as Error).message }));
  }
  // Each pack comes from the rules named on the command line when they hold one; else from the workbook's own rules
  // sheet; else from the defaults. So a file with only a branch pack leaves the cadre pack to the workbook, and the
  // other way round.
  const defaults = defaultRules();
  if (given) usable(given);
  const own = rulesOfWorkbook(loaded.snapshot, defaults);
  const sourceOf = (subject: 'cadre' | 'branch') => (given?.packs.some((p) => p.subject === subject) ? given : own);
  const pack = cadrePack(sourceOf('cadre'));
  // A branch pack named with --branch-rules wins over both; rules/branch.json stands in for a rules sheet written
  // before it had a branch block.
  const branch = branchFile ?? packFor(usable(sourceOf('branch')), 'branch')?.pack ?? defaults[1].branch;
  const defaultPeriod = period && /^\d{4}-\d{2}$/.test(period) ? period : undefined;
  const packs = { cadre: pack, branch };
  const run = await assessAll(loaded.snapshot, packs, { period, defaultPeriod });
  const { cadres: assessment, branches, hasCadreLedgers } = run;
  if (!hasCadreLedgers && !run.hasBranchLedgers) {
    throw new UsageError([t('noLedger', { title: pack.title }), t('noBranchLedger'), t('noLedger', { titleEn: pack.titleEn ?? pack.title }, 'en'), t('noBranchLedger', {}, 'en')]);
  }
  if (period && assessment.cadres.length === 0 && (branches?.branches.length ?? 0) === 0) {
    throw new UsageError([t('noRecordsInPeriod', { period: periodLabel(period) }), t('noRecordsInPeriod', { periodEn: period }, 'en')]);
  }
  const summaries = runSummaries(run, packs);
  const summary = summaries.text;
  const branchText = summaries.branch ? summaryText(summaries.branch) : '';

  if (values.out) {
    const time = new Date().toISOString().slice(0, 19).replace('T', ' ');
    for (const table of runTables(run, packs, { time })) writeResultTable(loaded.workbook, table);
    await mkdir(dirname(values.out), { recursive: true });
    await loaded.workbook.xlsx.writeFile(values.out);
  }
  const warnings = runWarnings(run);
  const sheets = runSheets(run, packs, loaded.workbook.worksheets.map((ws) => ws.name));
  if (values.json) {
    const json = assessmentJson(assessment, summary);
    const out = branches
      ? { ...json, warnings: warnings.map((w) => ({ sheet: w.sheet, cell: w.cell, message: w.message, messageEn: w.messageEn })), branches: branchesJson(branches), branchReport: branchReportJson(branches), branchSummary: branchText }
      : json;
    process.stdout.write(`${JSON.stringify({ ...out, sheets: sheetsJson(sheets) }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${summary}\n`);
  if (warnings.length > 0) {
    process.stderr.write(`\n${t('cliWarnings', { count: warnings.length })}\n`);
    for (const w of warnings) process.stderr.write(`  ${w.sheet}${w.cell ? `!${w.cell}` : ''}：${w.message}\n`);
  }
  const notRead = [...sheetsNotRead(sheets, 'zh'), ...sheetsNotRead(sheets, 'en')];
  if (notRead.length > 0) process.stderr.write(`\n${notRead.join('\n')}\n`);
  if (values.out) process.stderr.write(`\n${t('cliWrote', { file: values.out })}\n`);
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** rules export <out.xlsx>: the rules sheet (the defaults, or --rules) into a new workbook, or added to an existing one. */
async function exportSheet(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { rules: { type: 'string' }, force: { type: 'boolean', default: false } } });
  const out = positionals[0];
  if (!out) throw usage();
  const entries = values.rules ? allEntriesOf(await loadRules(values.rules), 'rsCliCheckProblems') : defaultRules();
  const workbook = new ExcelJS.Workbook();
  if (await exists(out)) {
    try {
      await workbook.xlsx.readFile(out);
    } catch (e) {
      throw new UsageError(bilingual('cliUnreadable', { file: out, detail: (e as Error).message }));
    }
    if (workbook.getWorksheet(RULES_SHEET) && !values.force) throw new UsageError(bilingual('rsCliExists', { file: out }));
  }
  writeRulesSheet(workbook, rulesSheetLayout(entries));
  await mkdir(dirname(out), { recursive: true });
  await workbook.xlsx.writeFile(out);
  process.stderr.write(`${t('cliWrote', { file: out })}\n`);
  return 0;
}

/** rules check <file>: problems with their cells (exit 2), then each pack's rule tests (exit 1 if one fails). */
async function check(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const file = positionals[0];
  if (!file) throw usage();
  const rules = await loadRules(file);
  const entries = allEntriesOf(rules, 'rsCliCheckProblems');
  let failed = 0;
  for (const entry of entries) {
    const pack = isBranchEntry(entry) ? entry.branch : entry.pack;
    const params = { pack: pack.title, indicators: pack.indicators.length, rules: pack.rules.length, version: packHash(pack) };
    process.stdout.write(`${t('rsCliPackOk', params)}\n`);
    if (entry.tests.length === 0) continue;
    const results = await runEntryTests(entry);
    for (const r of results) {
      const status = t(r.pass ? 'rsTestPass' : 'rsTestFail');
      process.stdout.write(`  ${status} ${r.id}${r.pass ? '' : `：${r.checks.filter((c) => !c.pass).map((c) => c.message).join('；')}`}\n`);
    }
    const passed = results.filter((r) => r.pass).length;
    failed += results.length - passed;
    process.stdout.write(`${t('rsCliTestsSummary', { passed, total: results.length })}\n`);
  }
  return failed > 0 ? 1 : 0;
}

/**
 * rules export-json <rules> <out.json>: the whole rules (every pack, with its tests) as one file for another
 * township to import; --pack cadre|branch|<id> writes one pack in its own shape.
 */
async function exportJson(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { pack: { type: 'string' } } });
  const [from, out] = positionals;
  if (!from || !out) throw usage();
  const entries = allEntriesOf(await loadRules(from), 'rsCliCheckProblems');
  const which = values.pack;
  const chosen = which === undefined ? entries : (entries.find((e) => entrySubject(e) === which) ?? entries.find((e) => entryPack(e).id === which));
  if (!chosen) throw new UsageError(bilingual('rsCliNoPack', { pack: which ?? '' }));
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(packFileJson(chosen), null, 2)}\n`);
  process.stderr.write(`${t('cliWrote', { file: out })}\n`);
  return 0;
}

/** rules diff <old> <new>: the change log between two versions of the rules, pack by pack, cadre and branch alike. */
async function diff(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [from, to] = positionals;
  if (!from || !to) throw usage();
  const before = allEntriesOf(await loadRules(from), 'rsCliCheckProblems');
  const after = allEntriesOf(await loadRules(to), 'rsCliCheckProblems');
  for (const d of diffRules(before, after)) {
    if (d.from === undefined) {
      process.stdout.write(`${t('rsCliNewPack', { pack: d.title, indicators: d.indicators, rules: d.rules, to: d.to })}\n`);
      continue;
    }
    const params = { pack: d.title, count: d.changes.length, from: d.from, to: d.to };
    process.stdout.write(`${t(d.changes.length > 0 ? 'rsPackChanges' : 'rsPackNoChanges', params)}\n`);
    for (const c of d.changes) process.stdout.write(`  ${c.message}\n`);
  }
  return 0;
}

async function rules(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'export') return exportSheet(rest);
  if (sub === 'check') return check(rest);
  if (sub === 'export-json') return exportJson(rest);
  if (sub === 'diff') return diff(rest);
  throw usage();
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'assess') {
      await assess(rest);
      return 0;
    }
    if (command === 'rules') return await rules(rest);
    throw usage();
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.lines.join('\n')}\n`);
      return 2;
    }
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${e.message}\n${usage().lines.join('\n')}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
