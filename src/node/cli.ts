#!/usr/bin/env node
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import {
  assessBranches,
  assessmentJson,
  assessWorkbook,
  BRANCH_RESULT_SHEET,
  branchesJson,
  branchPack,
  branchReportJson,
  branchResultTable,
  branchSummary,
  BranchNameRules,
  type BranchPack,
  CADRE_RESULT_SHEET,
  cadreResultTable,
  cadreSummary,
  classifySheets,
  parsePeriodId,
  stationedCadrePack,
  summaryText,
  t,
  validateAnyPack,
  withoutBranchLedgers,
  type Pack,
} from '../core/index';
import { loadWorkbook, writeResultTable } from './workbook-file';

/** A failure the user can act on: printed in both languages, exit code 2. */
class UsageError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

const usage = () => new UsageError([t('cliUsage'), t('cliUsageBranch'), t('cliUsage', {}, 'en'), t('cliUsageBranch', {}, 'en')]);

async function readPackFile(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch((e: Error) => {
    throw new UsageError([t('cliUnreadable', { file, detail: e.message }), t('cliUnreadable', { file, detail: e.message }, 'en')]);
  });
  try {
    return JSON.parse(text);
  } catch (e) {
    const detail = (e as Error).message;
    throw new UsageError([t('cliUnreadable', { file, detail }), t('cliUnreadable', { file, detail }, 'en')]);
  }
}

/** The default packs, each replaced by a --rules file of its kind (subject "cadre" or "branch"). */
async function loadPacks(files: string[]): Promise<{ cadre: Pack; branch: BranchPack }> {
  const inputs: [string, unknown][] = [['stationed-cadre', stationedCadrePack], ['branch', branchPack]];
  for (const file of files) inputs.push([file, await readPackFile(file)]);
  const packs: { cadre?: Pack; branch?: BranchPack } = {};
  for (const [name, input] of inputs) {
    const result = validateAnyPack(input);
    if (!result.ok) {
      throw new UsageError(result.problems.flatMap((p) => [t('packInvalid', { pack: name, detail: p.message }), t('packInvalid', { pack: name, detail: p.messageEn }, 'en')]));
    }
    if (result.kind === 'cadre') packs.cadre = result.pack;
    else packs.branch = result.pack;
  }
  return { cadre: packs.cadre!, branch: packs.branch! };
}

async function assess(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      period: { type: 'string' },
      rules: { type: 'string', multiple: true },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file) throw usage();
  const period = values.period === undefined ? undefined : parsePeriodId(values.period);
  if (values.period !== undefined && !period) throw new UsageError([t('cliBadPeriod', { period: values.period }), t('cliBadPeriod', { period: values.period }, 'en')]);
  const packs = await loadPacks(values.rules ?? []);
  const pack = packs.cadre;

  let loaded;
  try {
    loaded = await loadWorkbook(file, [CADRE_RESULT_SHEET, BRANCH_RESULT_SHEET]);
  } catch (e) {
    const detail = (e as Error).message;
    throw new UsageError([t('cliUnreadable', { file, detail }), t('cliUnreadable', { file, detail }, 'en')]);
  }
  const defaultPeriod = period && /^\d{4}-\d{2}$/.test(period) ? period : undefined;
  // Meeting records and work ledgers are kept out of the cadre run, so that a
  // column such as 书记姓名 never makes one of them pass for a cadre ledger.
  const kinds = classifySheets(loaded.snapshot, packs.branch, new BranchNameRules(packs.branch.names), pack);
  const hasBranchLedgers = kinds.meetings.length > 0 || kinds.work.length > 0;
  const assessment = await assessWorkbook(withoutBranchLedgers(loaded.snapshot, kinds), pack, { period, defaultPeriod });
  const hasCadreLedgers = assessment.ledgers.length > 0;
  if (!hasCadreLedgers && !hasBranchLedgers) {
    throw new UsageError([t('noLedger', { title: pack.title }), t('noBranchLedger'), t('noLedger', { titleEn: pack.titleEn ?? pack.title }, 'en'), t('noBranchLedger', {}, 'en')]);
  }
  const branches = hasBranchLedgers ? await assessBranches(loaded.snapshot, packs, { period, defaultPeriod, cadres: assessment }) : undefined;

  const cadreText = hasCadreLedgers ? summaryText(cadreSummary(assessment, pack)) : '';
  const branchText = branches ? summaryText(branchSummary(branches, packs.branch)) : '';
  const summary = [cadreText, branchText].filter(Boolean).join('\n\n');

  if (values.out) {
    const time = new Date().toISOString().slice(0, 19).replace('T', ' ');
    if (hasCadreLedgers) writeResultTable(loaded.workbook, cadreResultTable(assessment, pack, { time }));
    if (branches) writeResultTable(loaded.workbook, branchResultTable(branches, packs.branch, { time }));
    await mkdir(dirname(values.out), { recursive: true });
    await loaded.workbook.xlsx.writeFile(values.out);
  }
  const warnings = [...assessment.warnings, ...(branches?.warnings ?? [])];
  if (values.json) {
    const json = assessmentJson(assessment, summary);
    const out = branches
      ? { ...json, warnings: warnings.map((w) => ({ sheet: w.sheet, cell: w.cell, message: w.message, messageEn: w.messageEn })), branches: branchesJson(branches), branchReport: branchReportJson(branches), branchSummary: branchText }
      : json;
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${summary}\n`);
  if (warnings.length > 0) {
    process.stderr.write(`\n${t('cliWarnings', { count: warnings.length })}\n`);
    for (const w of warnings) process.stderr.write(`  ${w.sheet}${w.cell ? `!${w.cell}` : ''}：${w.message}\n`);
  }
  if (values.out) process.stderr.write(`\n${t('cliWrote', { file: values.out })}\n`);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'assess') {
      await assess(rest);
      return 0;
    }
    throw usage();
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.lines.join('\n')}\n`);
      return 2;
    }
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${e.message}\n${t('cliUsage')}\n${t('cliUsage', {}, 'en')}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
