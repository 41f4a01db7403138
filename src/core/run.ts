import { type Assessment, type AssessOptions, assessWorkbook } from './assess/assess';
import { assessBranches } from './branch/assess';
import { type Classification, classifyWorkbook, type SheetClass, type SheetKinds, withoutBranchLedgers } from './branch/ledgers';
import { BranchNameRules } from './branch/names';
import type { BranchAssessment } from './branch/result';
import type { BranchPack } from './branch/schema';
import { branchSummary } from './branch/summary';
import { branchResultTable } from './branch/table';
import type { Pack } from './pack/schema';
import { cadreSummary, type Summary, summaryText } from './results/summary';
import { cadreResultTable, type ResultTable, type TableMeta } from './results/table';
import type { WorkbookSnapshot } from './snapshot';

export interface RunPacks {
  cadre: Pack;
  branch: BranchPack;
}

export interface RunOptions extends Pick<AssessOptions, 'period' | 'defaultPeriod' | 'mapping' | 'onProgress' | 'today'> {
  /** Branch names as written → the branch they mean, on top of the pack's table. */
  aliases?: Record<string, string>;
}

/** One run over a workbook: the cadre assessment, and the branch assessment when it has branch ledgers. */
export interface RunResult {
  kinds: SheetKinds;
  /** What every sheet of the snapshot is, as the run told them apart. */
  sheets: SheetClass[];
  cadres: Assessment;
  branches?: BranchAssessment;
  hasCadreLedgers: boolean;
  hasBranchLedgers: boolean;
}

/** What every sheet is and which hold which ledger, before anything is assessed (the sidebar shows it on opening). */
export function classifyRun(workbook: WorkbookSnapshot, packs: RunPacks, mapping: RunOptions['mapping'] = {}): Classification {
  return classifyWorkbook(workbook, packs.branch, new BranchNameRules(packs.branch.names), packs.cadre, mapping);
}

/**
 * Assesses everything a workbook holds, the way every host does it: meeting
 * records and work ledgers are kept out of the cadre run (a column such as
 * 书记姓名 must not make one pass for a cadre ledger), and the cadre results
 * then feed the branch assessment instead of being computed twice.
 */
export async function assessAll(workbook: WorkbookSnapshot, packs: RunPacks, options: RunOptions = {}): Promise<RunResult> {
  const { kinds, sheets } = classifyRun(workbook, packs, options.mapping);
  const hasBranchLedgers = kinds.meetings.length > 0 || kinds.work.length > 0;
  const cadres = await assessWorkbook(withoutBranchLedgers(workbook, kinds), packs.cadre, options);
  const branches = hasBranchLedgers
    ? await assessBranches(workbook, { branch: packs.branch, cadre: packs.cadre }, { period: options.period, defaultPeriod: options.defaultPeriod, today: options.today, mapping: options.mapping, aliases: options.aliases, cadres, kinds })
    : undefined;
  return { kinds, sheets, cadres, branches, hasCadreLedgers: cadres.ledgers.length > 0, hasBranchLedgers };
}

/** The result sheets a run writes, all in one batch: 考评结果 and, with branch ledgers, 支部汇总. */
export function runTables(run: RunResult, packs: RunPacks, meta: TableMeta): ResultTable[] {
  const tables: ResultTable[] = [];
  if (run.hasCadreLedgers) tables.push(cadreResultTable(run.cadres, packs.cadre, meta));
  if (run.branches) tables.push(branchResultTable(run.branches, packs.branch, meta));
  return tables;
}

export interface RunSummaries {
  cadre?: Summary;
  branch?: Summary;
  /** Both, as the CLI prints them. */
  text: string;
}

export function runSummaries(run: RunResult, packs: RunPacks): RunSummaries {
  const cadre = run.hasCadreLedgers ? cadreSummary(run.cadres, packs.cadre) : undefined;
  const branch = run.branches ? branchSummary(run.branches, packs.branch) : undefined;
  const text = [cadre, branch].filter((s): s is Summary => s !== undefined).map(summaryText).join('\n\n');
  return { cadre, branch, text };
}

/** Every warning of a run, cadre ledgers first. */
export function runWarnings(run: RunResult) {
  return [...run.cadres.warnings, ...(run.branches?.warnings ?? [])];
}
