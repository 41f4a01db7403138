import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { defaultRules, diffRules, entryPack, entrySubject, packFileJson, packHash, removedPacks, RULES_SHEET, rulesSheetLayout, runEntryTests, t } from '../../core/index';
import { writeRulesSheet } from '../rules-file';
import { bilingual, CliError, usage } from './errors';
import { checkOutput, exists, type FileArg, fileArg, writeAtomically } from './files';
import type { CliIo } from './io';
import { allEntriesOf, loadRules } from './rules-input';

/** The new file `rules export` writes beside an existing workbook, which it never rewrites: 台账.xlsx → 台账-含考评规则.xlsx. */
function copyBeside(io: CliIo, file: FileArg): FileArg {
  const name = `${basename(file.given, extname(file.given))}-含${RULES_SHEET}.xlsx`;
  return fileArg(io, join(dirname(file.given), name));
}

async function readExisting(file: FileArg): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file.path);
  } catch (e) {
    throw new CliError(bilingual('cliUnreadable', { file: file.given, detail: (e as Error).message }), { cause: e });
  }
  return workbook;
}

/**
 * rules export <out.xlsx>: the rules sheet (the defaults, or --rules) in a new workbook. An existing workbook is read,
 * never rewritten (ExcelJS does not carry every feature of a workbook): the sheet goes into a new file beside it.
 */
async function exportSheet(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { rules: { type: 'string' }, force: { type: 'boolean', default: false } } });
  if (!positionals[0]) throw usage();
  const named = fileArg(io, positionals[0]);
  const rulesFile = values.rules === undefined ? undefined : fileArg(io, values.rules);
  await checkOutput(named, rulesFile ? [rulesFile] : []);
  const entries = rulesFile ? allEntriesOf(await loadRules(rulesFile)) : defaultRules();

  const existing = (await exists(named.path)) ? named : undefined;
  const workbook = existing ? await readExisting(existing) : new ExcelJS.Workbook();
  if (existing && workbook.getWorksheet(RULES_SHEET) && !values.force) throw new CliError(bilingual('rsCliExists', { file: existing.given }));
  const out = existing ? copyBeside(io, existing) : named;
  if (existing) {
    await checkOutput(out, [existing, ...(rulesFile ? [rulesFile] : [])]);
    if ((await exists(out.path)) && !values.force) throw new CliError(bilingual('rsCliCopyExists', { copy: out.given }));
  }
  writeRulesSheet(workbook, rulesSheetLayout(entries));
  await writeAtomically(out, Buffer.from(await workbook.xlsx.writeBuffer()));
  io.stderr(`${existing ? bilingual('rsCliWroteCopy', { file: existing.given, copy: out.given }).join('\n') : bilingual('cliWrote', { file: out.given }).join('\n')}\n`);
  return 0;
}

/** rules check <file>: problems with their cells (exit 2), then each pack's rule tests (exit 1 if one fails). */
async function check(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (!positionals[0]) throw usage();
  const entries = allEntriesOf(await loadRules(fileArg(io, positionals[0])));
  let failed = 0;
  for (const entry of entries) {
    const pack = entryPack(entry);
    io.stdout(`${t('rsCliPackOk', { pack: pack.title, indicators: pack.indicators.length, rules: pack.rules.length, version: packHash(pack) })}\n`);
    if (entry.tests.length === 0) continue;
    const results = await runEntryTests(entry);
    for (const r of results) {
      const status = t(r.pass ? 'rsTestPass' : 'rsTestFail');
      io.stdout(`  ${status} ${r.id}${r.pass ? '' : `：${r.checks.filter((c) => !c.pass).map((c) => c.message).join('；')}`}\n`);
    }
    const passed = results.filter((r) => r.pass).length;
    failed += results.length - passed;
    io.stdout(`${t('rsCliTestsSummary', { passed, total: results.length })}\n`);
  }
  return failed > 0 ? 1 : 0;
}

/**
 * rules export-json <rules> <out.json>: the whole rules (every pack, with its tests) as one file for another
 * township to import; --pack cadre|branch|<id> writes one pack in its own shape.
 */
async function exportJson(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { pack: { type: 'string' } } });
  if (!positionals[0] || !positionals[1]) throw usage();
  const from = fileArg(io, positionals[0]);
  const out = fileArg(io, positionals[1]);
  await checkOutput(out, [from]);
  const entries = allEntriesOf(await loadRules(from));
  const which = values.pack;
  const chosen = which === undefined ? entries : (entries.find((e) => entrySubject(e) === which) ?? entries.find((e) => entryPack(e).id === which));
  if (!chosen) throw new CliError(bilingual('rsCliNoPack', { pack: which ?? '' }));
  await writeAtomically(out, `${JSON.stringify(packFileJson(chosen), null, 2)}\n`);
  io.stderr(`${bilingual('cliWrote', { file: out.given }).join('\n')}\n`);
  return 0;
}

/** rules diff <old> <new>: the change log between two versions of the rules, block by block (cadre, branch, declared assessments), then the blocks deleted. */
async function diff(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (!positionals[0] || !positionals[1]) throw usage();
  const before = allEntriesOf(await loadRules(fileArg(io, positionals[0])));
  const after = allEntriesOf(await loadRules(fileArg(io, positionals[1])));
  for (const d of diffRules(before, after)) {
    if (d.from === undefined) {
      io.stdout(`${t('rsCliNewPack', { pack: d.title, indicators: d.indicators, rules: d.rules, to: d.to })}\n`);
      continue;
    }
    io.stdout(`${t(d.changes.length > 0 ? 'rsPackChanges' : 'rsPackNoChanges', { pack: d.title, count: d.changes.length, from: d.from, to: d.to })}\n`);
    for (const c of d.changes) io.stdout(`  ${c.message}\n`);
  }
  for (const r of removedPacks(before, after)) io.stdout(`${t('rsPackRemoved', { pack: r.title, from: r.from })}\n`);
  return 0;
}

const SUBCOMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = { export: exportSheet, check, 'export-json': exportJson, diff };

export async function rules(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const command = sub === undefined ? undefined : SUBCOMMANDS[sub];
  if (!command) throw usage();
  return command(rest, io);
}
