import { type Assessment, type AssessOptions, assessWorkbook } from './assess/assess';
import { assessBranches } from './branch/assess';
import { type Classification, classifyWorkbook, type SheetClass, type SheetKinds, withoutBranchLedgers } from './branch/ledgers';
import { both, type Bilingual } from './messages';
import { branchAssessment, cadreAssessment } from './scheme/adapt';
import { assessScheme } from './scheme/assess';
import { schemeSummary } from './scheme/summary';
import { schemeSheetName } from './results/sheets';
import { schemeResultTable } from './scheme/table';
import { declaredLedgers } from './scheme/ledgers';
import { readDeclaredLedgers } from './scheme/read';
import type { SchemeAssessment, SubjectResult } from './scheme/result';
import type { Scheme } from './scheme/schema';
import { BranchNameRules } from './branch/names';
import type { BranchAssessment } from './branch/result';
import type { BranchPack } from './branch/schema';
import { branchSummary } from './branch/summary';
import { branchResultTable } from './branch/table';
import { packHash } from './pack/hash';
import type { Pack } from './pack/schema';
import { cadreSummary, type Summary, summaryText } from './results/summary';
import { cadreResultTable, type ResultTable, type TableMeta } from './results/table';
import type { WorkbookSnapshot } from './snapshot';

export interface RunPacks {
  cadre: Pack;
  branch: BranchPack;
  /** The assessments declared as data (党员中心户, 村干部, the quarterly roll-up), run after the two above. */
  schemes?: Scheme[];
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
  /** The declared assessments that had something to assess, in the order they ran. */
  schemes: SchemeAssessment[];
  /** Declared assessments that could not run, and why (the assessment whose results one reads is absent). */
  schemeNotes: Bilingual[];
}

/** What every sheet is and which hold which ledger, before anything is assessed (the sidebar shows it on opening). */
export function classifyRun(workbook: WorkbookSnapshot, packs: RunPacks, mapping: RunOptions['mapping'] = {}): Classification {
  const schemes = packs.schemes ?? [];
  // The branch pack's own declared ledgers (支部基本情况) are told apart in the same pass as everyone else's.
  return classifyWorkbook(workbook, packs.branch, new BranchNameRules(packs.branch.names), packs.cadre, mapping, declaredLedgers([packs.branch, ...schemes]), schemes.map(schemeSheetName));
}

/**
 * Runs the declared assessments after the two built-in ones, each once every
 * assessment whose results it reads has run; one reading results no run gave
 * is said and skipped. An assessment with no ledger sheet and nothing to read
 * from others is left out of the results quietly: its ledgers are absent, as
 * the sheet accounting says.
 */
async function assessSchemes(workbook: WorkbookSnapshot, schemes: Scheme[], done: Map<string, SchemeAssessment>, kinds: SheetKinds, options: RunOptions) {
  const out: SchemeAssessment[] = [];
  const notes: Bilingual[] = [];
  const waiting = [...schemes];
  while (waiting.length > 0) {
    const next = waiting.findIndex((s) => s.facts.every((f) => f.source !== 'results' || done.has(f.scheme)));
    if (next < 0) {
      for (const s of waiting) {
        const missing = s.facts.find((f) => f.source === 'results' && !done.has(f.scheme));
        notes.push(both('schemeSourceAbsent', { title: s.title, titleEn: s.titleEn ?? s.title, source: missing && 'scheme' in missing ? missing.scheme : '' }));
      }
      break;
    }
    const scheme = waiting.splice(next, 1)[0]!;
    const ledgers = readDeclaredLedgers(workbook, scheme, kinds, options);
    const results = new Map<string, { results: SubjectResult[]; months: Set<string>; title: { zh: string; en: string } }>();
    for (const f of scheme.facts) {
      if (f.source !== 'results') continue;
      const a = done.get(f.scheme)!;
      results.set(f.scheme, { results: a.results, months: new Set(a.results.map((r) => r.period)), title: { zh: a.title, en: a.titleEn } });
    }
    const hasRows = [...ledgers.values()].some((l) => l.infos.length > 0) || [...results.values()].some((r) => r.results.length > 0);
    if (!hasRows) continue;
    const assessed = await assessScheme(scheme, { ledgers, results }, { period: options.period });
    done.set(scheme.id, assessed);
    out.push(assessed);
  }
  return { schemes: out, notes };
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
  const done = new Map<string, SchemeAssessment>();
  if (cadres.ledgers.length > 0) done.set(packs.cadre.id, cadreAssessment(cadres, packs.cadre));
  if (branches) done.set(packs.branch.id, branchAssessment(branches, packs.branch));
  const declared = await assessSchemes(workbook, packs.schemes ?? [], done, kinds, options);
  return { kinds, sheets, cadres, branches, hasCadreLedgers: cadres.ledgers.length > 0, hasBranchLedgers, schemes: declared.schemes, schemeNotes: declared.notes };
}

/** Every assessment of a run in the one result shape: the monthly cadre one, the branch one, then the declared ones. */
export function runAssessments(run: RunResult, packs: RunPacks): SchemeAssessment[] {
  return [
    ...(run.hasCadreLedgers ? [cadreAssessment(run.cadres, packs.cadre)] : []),
    ...(run.branches ? [branchAssessment(run.branches, packs.branch)] : []),
    ...run.schemes,
  ];
}

/**
 * What a run records in the rules log: the version of every assessment it
 * ran, by id, and every pack and declared assessment it used (JSON), so the
 * next change log can compare each block with the rules of this run. A
 * declared assessment with no ledgers this time is carried all the same: it
 * is still a block of the rules, not one added later.
 */
export function runRulesRecord(run: RunResult, packs: RunPacks, time: string) {
  return {
    version: run.cadres.rulesVersion,
    time,
    pack: JSON.stringify(packs.cadre),
    branchVersion: packHash(packs.branch),
    branch: JSON.stringify(packs.branch),
    assessments: Object.fromEntries(runAssessments(run, packs).map((a) => [a.id, a.rulesVersion])),
    schemes: (packs.schemes ?? []).map((s) => ({ id: s.id, version: packHash(s), pack: JSON.stringify(s) })),
  };
}

/** The result sheets a run writes, all in one batch: 考评结果 and, with branch ledgers, 支部汇总. */
export function runTables(run: RunResult, packs: RunPacks, meta: TableMeta): ResultTable[] {
  const tables: ResultTable[] = [];
  if (run.hasCadreLedgers) tables.push(cadreResultTable(run.cadres, packs.cadre, meta));
  if (run.branches) tables.push(branchResultTable(run.branches, packs.branch, meta));
  for (const a of run.schemes) tables.push(schemeResultTable(a, packs.schemes!.find((s) => s.id === a.id)!, meta));
  return tables;
}

export interface RunSummaries {
  cadre?: Summary;
  branch?: Summary;
  /** The declared assessments' summaries, by assessment id. */
  schemes: { id: string; summary: Summary }[];
  /** All of them, as the CLI prints them. */
  text: string;
}

export function runSummaries(run: RunResult, packs: RunPacks): RunSummaries {
  const cadre = run.hasCadreLedgers ? cadreSummary(run.cadres, packs.cadre) : undefined;
  const branch = run.branches ? branchSummary(run.branches, packs.branch) : undefined;
  const schemes = run.schemes.map((a) => ({ id: a.id, summary: schemeSummary(a, packs.schemes!.find((s) => s.id === a.id)!) }));
  const all = [cadre, branch, ...schemes.map((s) => s.summary)].filter((s): s is Summary => s !== undefined);
  const notes = run.schemeNotes.map((n) => n.message);
  const text = [...all.map(summaryText), ...(notes.length > 0 ? [notes.join('\n')] : [])].join('\n\n');
  return { cadre, branch, schemes, text };
}

/** Every warning of a run, cadre ledgers first. */
export function runWarnings(run: RunResult) {
  return [...run.cadres.warnings, ...(run.branches?.warnings ?? []), ...run.schemes.flatMap((s) => s.warnings)];
}
