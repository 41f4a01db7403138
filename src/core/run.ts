import { type Assessment, type AssessOptions, type Reading, readCadres } from './assess/assess';
import { readBranches } from './branch/assess';
import { branchScheme, MEETINGS_LEDGER, WORK_LEDGER } from './branch/scheme';
import { type BranchLedgers, branchFromTitle, ledgersOf, readBranchLedgers } from './branch/ledgers';
import { type Classification, classifyWorkbook, type SheetClass, type SheetKinds, sheetsNamed, sheetsOf } from './ledger/classify';
import { both, type Bilingual, type Lang } from './messages';
import { cadreAssessment } from './assess/adapt';
import { branchAssessment } from './branch/adapt';
import { assessScheme, type Progress, type SchemeInputs } from './scheme/assess';
import { schemeSummary } from './scheme/summary';
import { schemeSheetName } from './results/sheets';
import { schemeResultTable } from './scheme/table';
import { packScheme } from './assess/scheme';
import { ledgerKind } from './scheme/ledgers';
import { readDeclaredLedgers } from './scheme/read';
import type { SchemeAssessment, SubjectResult } from './scheme/result';
import { fitsKind, kindOf, unitsIn } from './scheme/units';
import { monthsOf, previousPeriod } from './period';
import type { Scheme } from './scheme/schema';
import { BranchNameRules } from './branch/names';
import type { BranchAssessment } from './branch/result';
import type { BranchPack } from './branch/schema';
import { branchSummary } from './branch/summary';
import { branchResultTable } from './branch/table';
import { packHash } from './pack/hash';
import type { Pack } from './pack/schema';
import { type ChartSheet, chartSheet } from './results/chart-sheet';
import { cadreSummary, type Summary, summaryText } from './results/summary';
import { cadreResultTable, type ResultTable, type TableMeta } from './results/table';
import type { WorkbookSnapshot } from './snapshot';

export interface RunPacks {
  cadre: Pack;
  branch: BranchPack;
  /** The assessments declared as data (党员中心户, 村干部, the quarterly roll-up): judged in the same loop, each after those whose results it reads. */
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

/** The assessments of a run in the order it gives their ledgers: the cadre pack's, the branch pack's, then the declared ones. */
export function runSchemes(packs: RunPacks): Scheme[] {
  return [packScheme(packs.cadre), branchScheme(packs.branch), ...(packs.schemes ?? [])];
}

/** What every sheet is and which hold which ledger, before anything is assessed (the sidebar shows it on opening). */
export function classifyRun(workbook: WorkbookSnapshot, packs: RunPacks, mapping: RunOptions['mapping'] = {}): Classification {
  // Every assessment's ledgers are told apart in the one pass; a subject named in a title is a branch by the branch's name rules.
  return classifyWorkbook(workbook, ledgersOf(runSchemes(packs), new BranchNameRules(packs.branch.names)), mapping, (packs.schemes ?? []).map(schemeSheetName));
}

/** One assessment of a run: its scheme, and how its inputs are read once the assessments whose results it reads have run. */
interface RunEntry {
  scheme: Scheme;
  read: (done: ReadonlyMap<string, SchemeAssessment>) => SchemeInputs;
  /** What the run keeps of its judgement besides the one shape (考评结果's rows, 支部汇总's). */
  judged?: (assessed: SchemeAssessment) => void;
}

/** The assessments a scheme reads the results of. */
const sources = (scheme: Scheme) => [...new Set(scheme.facts.flatMap((f) => (f.source === 'results' ? [f.scheme] : [])))];

/** Whether there is anything to assess: a sheet of some ledger (its header alone says the ledger is kept), or another assessment's result that belongs to someone. */
const hasInputs = (inputs: SchemeInputs) =>
  [...inputs.ledgers.values()].some((l) => l.infos.length > 0) || [...inputs.results.values()].some((r) => r.results.some((x) => !r.owners || r.owners.has(x)));

const sourceAbsent = (s: Scheme, source: string) => both('schemeSourceAbsent', { title: s.title, titleEn: s.titleEn ?? s.title, source });

/** What an assessment's reading came to: its ledger sheets, and their rows with the results it reads of others. */
function readProgress(inputs: SchemeInputs, of: Progress['of'], step: Progress['step']): Progress {
  const ledgers = [...inputs.ledgers.values()];
  const sheets = ledgers.reduce((n, l) => n + l.infos.length, 0);
  const records = ledgers.reduce((n, l) => n + l.records.length, 0) + [...inputs.results.values()].reduce((n, r) => n + r.results.length, 0);
  return { stage: 'reading', done: sheets, total: sheets, records, of, step };
}

/**
 * Judges every assessment once, each after those whose results it reads, by
 * the one assessScheme. An assessment with no ledger sheet and no results to
 * read is left out quietly (its ledgers are absent, as the sheet accounting says); one made
 * only of the results of an assessment that did not run says so. `earlier`
 * holds, by assessment, the results of the period before its first, for each
 * result's `previous`.
 */
async function judgeAll(entries: RunEntry[], options: Pick<RunOptions, 'period' | 'onProgress'>, earlier: ReadonlyMap<string, SubjectResult[]> = new Map()) {
  const done = new Map<string, SchemeAssessment>();
  const order: SchemeAssessment[] = [];
  const notes: Bilingual[] = [];
  const ids = new Set(entries.map((e) => e.scheme.id));
  const waiting = [...entries];
  // An assessment waits for those it reads that are still to run; one that never will is absent.
  const ready = (e: RunEntry) => sources(e.scheme).every((id) => !ids.has(id) || !waiting.some((w) => w.scheme.id === id));
  const report = options.onProgress;
  while (waiting.length > 0) {
    const next = waiting.findIndex(ready);
    if (next < 0) {
      for (const e of waiting) notes.push(sourceAbsent(e.scheme, sources(e.scheme).find((id) => !done.has(id)) ?? ''));
      break;
    }
    const entry = waiting.splice(next, 1)[0]!;
    // Counted among all the run may judge: one with nothing to assess is passed over, and the count moves on.
    const step = { index: entries.length - waiting.length, count: entries.length };
    const of = { zh: entry.scheme.title, en: entry.scheme.titleEn ?? entry.scheme.title };
    const inputs = entry.read(done);
    if (report) await report(readProgress(inputs, of, step));
    if (!hasInputs(inputs)) {
      const missing = sources(entry.scheme).find((id) => !done.has(id));
      if (entry.scheme.ledgers.length === 0 && missing) notes.push(sourceAbsent(entry.scheme, missing));
      continue;
    }
    const onProgress = report && ((p: Progress) => report({ ...p, step }));
    const assessed = await assessScheme(entry.scheme, inputs, { period: options.period, onProgress, earlier: earlier.get(entry.scheme.id) });
    done.set(entry.scheme.id, assessed);
    order.push(assessed);
    entry.judged?.(assessed);
  }
  return { order, notes };
}

/** The period before the first unit an assessment judges of the period asked: a unit of its own kind, or of the period's kind when it is judged for that too. */
function periodBefore(scheme: Scheme, period: string): string | undefined {
  if ((scheme.alsoJudgedFor ?? []).includes(kindOf(period))) return previousPeriod(period);
  return fitsKind(period, scheme.periodKind) ? previousPeriod(unitsIn(period, scheme.periodKind)[0]!) : undefined;
}

/** A declared assessment's inputs: its ledgers as the run's classification found them, and the results of those it reads. */
function declaredInputs(ledgers: SchemeInputs['ledgers'], scheme: Scheme, done: ReadonlyMap<string, SchemeAssessment>): SchemeInputs {
  const results = new Map(
    sources(scheme).flatMap((id) => {
      const a = done.get(id);
      return a ? [[id, { results: a.results, months: new Set(a.results.map((r) => r.period)), title: { zh: a.title, en: a.titleEn } }] as const] : [];
    }),
  );
  return { ledgers, results };
}

/** The months some ledger has rows for: a quarter's or a year's row covers each of its months. */
function monthsWithRows(ledgers: ReadonlyMap<string, { records: { period: string }[] }>[]): Set<string> {
  const months = new Set<string>();
  for (const ledger of ledgers) for (const { records } of ledger.values()) for (const r of records) for (const m of monthsOf(r.period)) months.add(m);
  return months;
}

/** A scheme's ledgers but its rosters, whose rows hold for every period and so say nothing of which have data. */
const withoutRosters = (scheme: Scheme, ledgers: SchemeInputs['ledgers']) => new Map([...ledgers].filter(([id]) => !scheme.ledgers.find((l) => l.id === id)?.standing));

/** A declared assessment's ledgers as the run's classification found them: read once, whichever periods are judged. */
function declaredLedgers(workbook: WorkbookSnapshot, packs: RunPacks, scheme: Scheme, kinds: SheetKinds, options: RunOptions): SchemeInputs['ledgers'] {
  const rules = new BranchNameRules(packs.branch.names);
  return readDeclaredLedgers(workbook, scheme, kinds, { ...options, fromTitle: (title, sheet) => branchFromTitle(title, sheet, rules) });
}

/**
 * Assesses everything a workbook holds, the way every host does it: the
 * sheets are told apart once (each goes to the ledger whose header it matches
 * best, so a work ledger with a 书记姓名 column is not taken for a cadre
 * ledger), each assessment reads its own ledgers from the sheets it was
 * given, and every assessment is judged by assessScheme, the cadre results
 * feeding the branch and the quarterly roll-up instead of being computed twice.
 */
export async function assessAll(workbook: WorkbookSnapshot, packs: RunPacks, options: RunOptions = {}): Promise<RunResult> {
  const { kinds, sheets } = classifyRun(workbook, packs, options.mapping);
  const reading = { period: options.period, mapping: options.mapping, defaultPeriod: options.defaultPeriod, today: options.today };
  const [cadreScheme, branchOwn] = runSchemes(packs) as [Scheme, Scheme];
  // Each ledger is read from the sheets the classification gave it.
  const sheetsFor = (scheme: Scheme, ledger: string) => sheetsOf(kinds, ledgerKind(scheme.id, ledger));
  const cadre = readCadres(sheetsNamed(workbook, sheetsFor(cadreScheme, cadreScheme.ledgers[0]!.id)), packs.cadre, reading);
  const hasBranchLedgers = [MEETINGS_LEDGER, WORK_LEDGER].some((id) => sheetsFor(branchOwn, id).length > 0);
  const declared = new Map<string, SchemeInputs['ledgers']>();
  const ledgersOfDeclared = (scheme: Scheme) => declared.get(scheme.id) ?? declared.set(scheme.id, declaredLedgers(workbook, packs, scheme, kinds, options)).get(scheme.id)!;
  // The meeting records and work ledgers are read once, whichever periods are judged.
  let branchRead: BranchLedgers | undefined;
  const branchLedgers = () => (branchRead ??= readBranchLedgers(workbook, packs.branch, new BranchNameRules(packs.branch.names), packs.cadre, { ...reading, kinds }));

  /** One pass over the workbook for a period, as a run for that period alone would judge it. */
  const pass = async (period: string | undefined, earlier?: ReadonlyMap<string, SubjectResult[]>, onProgress?: RunOptions['onProgress']) => {
    let cadres: Assessment | undefined;
    let branch: Reading<BranchAssessment> | undefined;
    let branches: BranchAssessment | undefined;
    const entries: RunEntry[] = [
      { scheme: cadre.scheme, read: () => cadre.inputs, judged: (a) => (cadres = cadre.view(a)) },
      {
        scheme: branchOwn,
        // Without meeting records or a work ledger there is no roster of branches to judge.
        read: () => {
          if (!hasBranchLedgers) return { ledgers: new Map(), results: new Map() };
          branch = readBranches(workbook, { branch: packs.branch, cadre: packs.cadre }, { ...reading, period, aliases: options.aliases, kinds, cadres, ledgers: branchLedgers() });
          return branch.inputs;
        },
        judged: (a) => (branches = branch!.view(a)),
      },
      ...(packs.schemes ?? []).map((scheme): RunEntry => ({ scheme, read: (done) => declaredInputs(ledgersOfDeclared(scheme), scheme, done) })),
    ];
    const judged = await judgeAll(entries, { period, onProgress }, earlier);
    return { cadres, branches, judged };
  };

  // The period before the one asked is judged first, as a run for it would, for the comparison alone: none of it is reported.
  const earlier = new Map<string, SubjectResult[]>();
  if (options.period) {
    const befores = new Map(runSchemes(packs).flatMap((s) => {
      const before = periodBefore(s, options.period!);
      return before ? [[s.id, before] as const] : [];
    }));
    const rows = monthsWithRows([
      cadre.inputs.ledgers,
      ...(hasBranchLedgers ? [new Map([['meetings', branchLedgers().meetings], ['work', branchLedgers().work]])] : []),
      ...(packs.schemes ?? []).map((scheme) => withoutRosters(scheme, ledgersOfDeclared(scheme))),
    ]);
    for (const before of new Set(befores.values())) {
      // A period no ledger has a row in has nothing to compare with: it is not judged at all.
      if (!monthsOf(before).some((m) => rows.has(m))) continue;
      const { judged } = await pass(before);
      for (const a of judged.order) if (befores.get(a.id) === before) earlier.set(a.id, a.results);
    }
  }
  const main = await pass(options.period, earlier, options.onProgress);
  // A workbook with no cadre rows still has its cadre assessment: empty, with the sheets it looked at.
  const cadres = main.cadres ?? cadre.view(await assessScheme(cadre.scheme, cadre.inputs, { period: options.period }));
  const ids = new Set((packs.schemes ?? []).map((s) => s.id));
  return {
    kinds,
    sheets,
    cadres,
    branches: main.branches,
    hasCadreLedgers: cadres.ledgers.length > 0,
    hasBranchLedgers,
    schemes: main.judged.order.filter((a) => ids.has(a.id)),
    schemeNotes: main.judged.notes,
  };
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

/** The 图表 sheet of a run: the charts of every assessment with results, written in the same batch as its tables. */
export function runChartSheet(run: RunResult, packs: RunPacks, meta: TableMeta & { lang?: Lang }): ChartSheet | undefined {
  const schemes = runSchemes(packs);
  const sources = runAssessments(run, packs).map((assessment) => {
    const scheme = schemes.find((s) => s.id === assessment.id)!;
    return { assessment, grades: scheme.grades, mustMeet: scheme.requirements.length > 0 };
  });
  return chartSheet(sources, meta);
}

export interface RunSummaries {
  cadre?: Summary;
  branch?: Summary;
  /** The declared assessments' summaries, by assessment id. */
  schemes: { id: string; summary: Summary }[];
  /** All of them, as the CLI prints them. */
  text: string;
}

/** Every assessment's summary in one language: Chinese for the CLI and the JSON, the sidebar's language in the sidebar. */
export function runSummaries(run: RunResult, packs: RunPacks, lang: Lang = 'zh'): RunSummaries {
  const cadre = run.hasCadreLedgers ? cadreSummary(run.cadres, packs.cadre, lang) : undefined;
  const branch = run.branches ? branchSummary(run.branches, packs.branch, lang) : undefined;
  const schemes = run.schemes.map((a) => ({ id: a.id, summary: schemeSummary(a, packs.schemes!.find((s) => s.id === a.id)!, lang) }));
  const all = [cadre, branch, ...schemes.map((s) => s.summary)].filter((s): s is Summary => s !== undefined);
  const notes = run.schemeNotes.map((n) => (lang === 'en' ? n.messageEn : n.message));
  const text = [...all.map(summaryText), ...(notes.length > 0 ? [notes.join('\n')] : [])].join('\n\n');
  return { cadre, branch, schemes, text };
}

/** Every warning of a run, cadre ledgers first. */
export function runWarnings(run: RunResult) {
  return [...run.cadres.warnings, ...(run.branches?.warnings ?? []), ...run.schemes.flatMap((s) => s.warnings)];
}
