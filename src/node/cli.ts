#!/usr/bin/env node
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { parseArgs } from 'node:util';
import {
  assessmentJson,
  assessWorkbook,
  CADRE_RESULT_SHEET,
  cadreResultTable,
  cadreSummary,
  parsePeriodId,
  periodLabel,
  stationedCadrePack,
  summaryText,
  t,
  validatePack,
  type Pack,
} from '../core/index';
import { loadWorkbook, writeResultTable } from './workbook-file';

/** A failure the user can act on: printed in both languages, exit code 2. */
class UsageError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

function unreadable(file: string, e: unknown): UsageError {
  const detail = (e as Error).message;
  return new UsageError([t('cliUnreadable', { file, detail }), t('cliUnreadable', { file, detail }, 'en')]);
}

async function readPackFile(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch((e: unknown) => {
    throw unreadable(file, e);
  });
  try {
    return JSON.parse(text);
  } catch (e) {
    const detail = (e as Error).message;
    throw new UsageError([t('cliPackNotJson', { file, detail }), t('cliPackNotJson', { file, detail }, 'en')]);
  }
}

const READABLE = ['.xlsx', '.xlsm', '.csv'];

/** The reasons a workbook cannot be opened that a user can fix, said plainly before trying. */
async function checkWorkbookFile(file: string): Promise<void> {
  const ext = extname(file).toLowerCase();
  if (!(await stat(file).then((s) => s.isFile(), () => false))) throw new UsageError([t('cliNoFile', { file }), t('cliNoFile', { file }, 'en')]);
  if (!READABLE.includes(ext)) {
    const shown = ext || '（无扩展名）';
    throw new UsageError([t('cliFileType', { file, ext: shown }), t('cliFileType', { file, ext: ext || '(no extension)' }, 'en')]);
  }
}

async function loadPack(file: string | undefined): Promise<Pack> {
  const input = file ? await readPackFile(file) : stationedCadrePack;
  const result = validatePack(input);
  if (!result.ok) {
    const name = file ?? 'stationed-cadre';
    throw new UsageError(result.problems.flatMap((p) => [t('packInvalid', { pack: name, detail: p.message }), t('packInvalid', { pack: name, detail: p.messageEn }, 'en')]));
  }
  return result.pack;
}

async function assess(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      period: { type: 'string' },
      rules: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file) throw new UsageError([t('cliUsage'), t('cliUsage', {}, 'en')]);
  const period = values.period === undefined ? undefined : parsePeriodId(values.period);
  if (values.period !== undefined && !period) throw new UsageError([t('cliBadPeriod', { period: values.period }), t('cliBadPeriod', { period: values.period }, 'en')]);
  const pack = await loadPack(values.rules);

  await checkWorkbookFile(file);
  let loaded;
  try {
    loaded = await loadWorkbook(file, [CADRE_RESULT_SHEET]);
  } catch (e) {
    throw unreadable(file, e);
  }
  const assessment = await assessWorkbook(loaded.snapshot, pack, {
    period,
    defaultPeriod: period && /^\d{4}-\d{2}$/.test(period) ? period : undefined,
  });
  if (assessment.ledgers.length === 0) {
    throw new UsageError([t('noLedger', { title: pack.title }), t('noLedger', { titleEn: pack.titleEn ?? pack.title }, 'en')]);
  }
  if (period && assessment.cadres.length === 0) {
    throw new UsageError([t('noRecordsInPeriod', { period: periodLabel(period) }), t('noRecordsInPeriod', { periodEn: period }, 'en')]);
  }
  const summary = summaryText(cadreSummary(assessment, pack));

  if (values.out) {
    writeResultTable(loaded.workbook, cadreResultTable(assessment, pack, { time: new Date().toISOString().slice(0, 19).replace('T', ' ') }));
    await mkdir(dirname(values.out), { recursive: true });
    await loaded.workbook.xlsx.writeFile(values.out);
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(assessmentJson(assessment, summary), null, 2)}\n`);
    return;
  }
  process.stdout.write(`${summary}\n`);
  if (assessment.warnings.length > 0) {
    process.stderr.write(`\n${t('cliWarnings', { count: assessment.warnings.length })}\n`);
    for (const w of assessment.warnings) process.stderr.write(`  ${w.sheet}${w.cell ? `!${w.cell}` : ''}：${w.message}\n`);
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
    throw new UsageError([t('cliUsage'), t('cliUsage', {}, 'en')]);
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
