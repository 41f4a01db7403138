import { type Assessment, assessWorkbook, type ProgressCallback } from '../assess/assess';
import type { ColumnMapping } from '../ledger/columns';
import { both } from '../messages';
import { packHash } from '../pack/hash';
import type { Pack } from '../pack/schema';
import type { LedgerRecord, Warning } from '../ledger/read';
import { monthsOf, periodContains, periodLabel, type PeriodId } from '../period';
import type { WorkbookSnapshot } from '../snapshot';
import { readAliasSheets } from './aliases';
import { type BranchCadre, collectCadres } from './cadres';
import { unitCoverage, type UnitCoverage } from '../scheme/coverage';
import { collectDeclared } from './declared';
import { a1Column } from '../scheme/cells';
import { type FactContext, gatherFacts } from '../scheme/facts';
import { branchScheme, MEETINGS_LEDGER, WORK_LEDGER } from './scheme';
import { SchemeAssessor } from '../scheme/assess';
import type { SubjectResult } from '../scheme/result';
import { ledgerTitle, readBranchLedgers, type SheetKinds, withoutBranchLedgers } from './ledgers';
import { collectMeetings, type Meeting } from './meetings';
import { BranchNameRules, BranchRoster } from './names';
import { quartersSpanning, unitsLabel } from '../period';
import { type BranchAssessment, type BranchResult, branchOrder, branchResultOf, type CoverageNote } from './result';
import type { BranchPack } from './schema';
import { collectWork, type WorkRow } from './work';

export interface BranchPacks {
  branch: BranchPack;
  /** The cadre pack: its ledger gives each branch's stationed-cadre results. */
  cadre?: Pack;
}

export interface BranchAssessOptions {
  /** A month (2024-05), a quarter (2024-Q2) or a year (2024); every quarter the ledgers span when absent. */
  period?: string;
  /** Names as written → the branch they mean, on top of the pack's alias table. */
  aliases?: Record<string, string>;
  mapping?: ColumnMapping;
  /** The month for rows that name none. */
  defaultPeriod?: string;
  /** Today, from the host: rows dated after next year cannot be right. */
  today?: string;
  /** Which sheets hold which ledger, when the caller has told them apart already. */
  kinds?: SheetKinds;
  /** A cadre assessment already made of this workbook; made here from the cadre pack when absent. */
  cadres?: Assessment;
  onProgress?: ProgressCallback;
}

/** Per ledger, the months (for work counts also quarters or years) it has rows for; absent when there is no such ledger. */
interface Coverage {
  meetings?: Set<string>;
  work?: Set<string>;
  cadres?: Set<string>;
}

function coverageNotes(periods: string[], coverage: Coverage, pack: BranchPack, cadre: Pack | undefined): CoverageNote[] {
  const notes: CoverageNote[] = [];
  for (const period of periods) {
    for (const kind of ['meetings', 'work', 'cadre'] as const) {
      const covered = kind === 'meetings' ? coverage.meetings : kind === 'work' ? coverage.work : coverage.cadres;
      if (!covered) continue;
      const months = monthsOf(period);
      const coveredMonths = new Set([...covered].map((u) => monthsOf(u)).filter((ms) => ms.every((m) => months.includes(m))).flat());
      const gaps = months.filter((m) => !coveredMonths.has(m));
      if (gaps.length === 0) continue;
      const title = ledgerTitle(pack, cadre, kind);
      notes.push({ period, ledger: kind, ...both('coverageMissing', { ledger: title.zh, ledgerEn: title.en, months: unitsLabel(gaps), monthsEn: unitsLabel(gaps, 'en') }) });
    }
  }
  return notes;
}

function thinWarning(t: UnitCoverage['thin'][number], ledger: { zh: string; en: string }): Warning {
  return {
    sheet: t.first.sheet,
    cell: t.first.cell,
    ...both('coverageThin', { ledger: ledger.zh, ledgerEn: ledger.en, unit: periodLabel(t.unit), unitEn: t.unit, count: t.subjects }),
  };
}

/** Rows per sheet whose month (or quarter, or year) does not meet the period; a row is counted once however many meetings it records. */
function outsidePeriod(period: string | undefined, rows: { unit: string; sheet: string; row: number }[]): Record<string, number> {
  const counted = new Set<string>();
  const out: Record<string, number> = {};
  for (const r of rows) {
    const key = `${r.sheet}\u0000${r.row}`;
    if (!period || counted.has(key) || monthsOf(r.unit).some((m) => periodContains(period, m))) continue;
    counted.add(key);
    out[r.sheet] = (out[r.sheet] ?? 0) + 1;
  }
  return out;
}

/**
 * Reads the branch ledgers of a workbook (meeting records, work counts, the
 * ledgers the pack declares) and the stationed-cadre results, matches the branch names across them, and judges
 * every branch for the period asked (or for every quarter the ledgers span).
 */
export async function assessBranches(workbook: WorkbookSnapshot, packs: BranchPacks, options: BranchAssessOptions = {}): Promise<BranchAssessment> {
  const pack = packs.branch;
  const rules = new BranchNameRules(pack.names);
  const read = readBranchLedgers(workbook, pack, rules, packs.cadre, { mapping: options.mapping, defaultPeriod: options.defaultPeriod, today: options.today, kinds: options.kinds });
  const primary = read.meetings.records.length > 0 ? read.meetings : read.work;
  const rosterTitle = ledgerTitle(pack, packs.cadre, primary === read.meetings ? 'meetings' : 'work');
  // The pack's aliases, then the workbook's name table, then the caller's: the nearer the user, the later.
  const table = readAliasSheets(workbook);
  const roster = new BranchRoster(rules, primary.records.map((r) => r.name), { ...pack.names.aliases, ...table.aliases, ...options.aliases });

  const meetings = collectMeetings(read.meetings, roster);
  const work = collectWork(read.work, pack, roster, rosterTitle);
  const declared = collectDeclared(workbook, pack, read.kinds, roster, rosterTitle, { mapping: options.mapping, defaultPeriod: options.defaultPeriod, today: options.today });
  const cadreAssessment =
    options.cadres ??
    (packs.cadre && read.kinds.cadre.length > 0
      ? await assessWorkbook(withoutBranchLedgers(workbook, read.kinds), packs.cadre, { period: options.period, mapping: options.mapping, defaultPeriod: options.defaultPeriod, today: options.today })
      : undefined);
  const cadres = collectCadres(cadreAssessment, packs.cadre, roster, rosterTitle);

  const branchCount = roster.branches.length;
  const meetingCover = unitCoverage(meetings.meetings.map((m) => ({ unit: m.month, subject: m.branch, sheet: m.sheet, row: m.row, cell: m.cell })), branchCount, pack.coverShare);
  const workCover = unitCoverage(work.rows.map((w) => ({ unit: w.unit, subject: w.branch, sheet: w.sheet, row: w.row, cell: w.cell })), branchCount, pack.coverShare);
  const thinWarnings: Warning[] = [
    ...meetingCover.thin.map((t) => thinWarning(t, ledgerTitle(pack, packs.cadre, 'meetings'))),
    ...workCover.thin.map((t) => thinWarning(t, ledgerTitle(pack, packs.cadre, 'work'))),
  ];
  const coverage: Coverage = {
    meetings: read.meetings.ledgers.length > 0 ? meetingCover.covered : undefined,
    work: read.work.ledgers.length > 0 ? workCover.covered : undefined,
    cadres: cadres.present ? cadres.coverage : undefined,
  };
  const periods: PeriodId[] = options.period ? [options.period] : quartersSpanning([...meetingCover.covered, ...workCover.covered].flatMap((u) => monthsOf(u)));

  const scheme = branchScheme(pack);
  const assessor = new SchemeAssessor(scheme);
  // The stationed cadres' results, under whichever id the pack's facts read them by.
  const cadreSchemes = [...new Set(scheme.facts.flatMap((f) => (f.source === 'results' ? [f.scheme] : [])))];
  const infos = new Map([...read.meetings.ledgers, ...read.work.ledgers, ...Object.values(declared.infos).flat()].map((i) => [i.sheet, i]));
  // Each branch's rows of every ledger and its stationed cadres' results, as any assessment's subject has them.
  const subjects = new Map(roster.branches.map((b) => [b.id, { rows: new Map<string, LedgerRecord[]>(), results: new Map<string, SubjectResult[]>(cadreSchemes.map((id) => [id, []])) }]));
  const add = (branch: string, ledger: string, record: LedgerRecord) => {
    const rows = subjects.get(branch)?.rows;
    if (!rows) return;
    if (!rows.has(ledger)) rows.set(ledger, []);
    rows.get(ledger)!.push(record);
  };
  for (const m of meetings.meetings) add(m.branch, MEETINGS_LEDGER, meetingRecord(m));
  for (const w of work.rows) add(w.branch, WORK_LEDGER, workRecord(w));
  for (const [branch, ledgers] of declared.rows) for (const [ledger, rows] of ledgers) for (const r of rows) add(branch, ledger, r);
  for (const c of cadres.cadres) for (const id of cadreSchemes) subjects.get(c.branch)?.results.get(id)!.push(cadreResult(c));
  const ctx: FactContext = {
    ledgerUnits: new Map([
      ...(coverage.meetings ? [[MEETINGS_LEDGER, coverage.meetings] as const] : []),
      ...(coverage.work ? [[WORK_LEDGER, coverage.work] as const] : []),
      ...declared.units,
    ]),
    standing: new Set(pack.ledgers.filter((l) => l.standing).map((l) => l.id)),
    resultMonths: new Map(coverage.cadres ? cadreSchemes.map((id) => [id, coverage.cadres!] as const) : []),
    cellOf: (record, column) => `${record.sheet}!${a1Column(infos.get(record.sheet), column) ?? 'A'}${record.row}`,
    // A branch has many rows of each ledger: its rules read the facts counted from them, not a column as it stands.
    columns: new Map(),
    present: new Set([...(coverage.meetings ? [MEETINGS_LEDGER] : []), ...(coverage.work ? [WORK_LEDGER] : []), ...declared.present]),
    ledgers: new Map(scheme.ledgers.map((l) => [l.id, l])),
    resultTitles: new Map(cadreSchemes.map((id) => [id, ledgerTitle(pack, packs.cadre, 'cadre')])),
  };
  const branches: BranchResult[] = [];
  const results: SubjectResult[] = [];
  const total = periods.length * roster.branches.length;
  let done = 0;
  for (const period of periods) {
    const inPeriod: SubjectResult[] = [];
    for (const b of roster.branches) {
      const facts = gatherFacts(scheme.facts, subjects.get(b.id)!, period, ctx);
      inPeriod.push(await assessor.judge({ name: b.name, group: null, source: null }, period, facts));
      done++;
      if (options.onProgress && done % 20 === 0) await options.onProgress(done, total);
    }
    await assessor.settle(inPeriod);
    results.push(...inPeriod);
    inPeriod.forEach((r, i) => {
      const b = roster.branches[i]!;
      branches.push(branchResultOf(r, { id: b.id, variants: [...b.variants.keys()] }));
    });
  }
  await options.onProgress?.(total, total);
  branches.sort(branchOrder);

  return {
    packId: pack.id,
    packTitle: pack.title,
    rulesVersion: packHash(pack),
    period: options.period,
    periods,
    branches,
    results,
    sheets: read.kinds,
    ledgers: { meetings: read.meetings.ledgers, work: read.work.ledgers },
    declared: declared.infos,
    meetingRows: meetings.meetings.length,
    workRows: work.rows.length,
    cadreResults: cadres.cadres.length,
    coverage: { meetings: [...meetingCover.covered], work: [...workCover.covered], cadres: [...cadres.coverage].sort() },
    coverageNotes: coverageNotes(periods, coverage, pack, packs.cadre),
    unmatched: [...work.unmatched, ...cadres.unmatched, ...declared.unmatched],
    rateChecks: work.rateChecks,
    aliasSheets: table.sheets,
    outsidePeriod: outsidePeriod(options.period, [...meetings.meetings.map((m) => ({ unit: m.month, sheet: m.sheet, row: m.row })), ...work.rows]),
    warnings: [...table.warnings, ...read.meetings.warnings, ...meetings.warnings, ...read.work.warnings, ...work.warnings, ...cadres.warnings, ...declared.warnings, ...thinWarnings],
  };
}

/** A meeting as a row of the meeting records: one per type the row names, its type the pack's id. */
function meetingRecord(m: Meeting): LedgerRecord {
  return { sheet: m.sheet, row: m.row, name: m.branch, branch: null, period: m.month, facts: { meetingType: m.type, date: m.date, expected: m.expected, present: m.present }, unreadable: new Set(), impossible: new Set() };
}

function workRecord(w: WorkRow): LedgerRecord {
  return { sheet: w.sheet, row: w.row, name: w.branch, branch: null, period: w.unit, facts: { ...w.counts }, unreadable: new Set(), impossible: new Set() };
}

/** A stationed cadre's month, shown by the village cell of the cadre's row. */
function cadreResult(c: BranchCadre): SubjectResult {
  const r = c.result;
  return {
    name: r.name,
    group: r.branch,
    period: r.period,
    scored: true,
    score: r.score,
    grade: r.grade,
    gradeEn: r.gradeEn,
    stars: r.stars,
    rank: r.rank,
    of: r.of,
    fallsShort: false,
    risk: false,
    riskReasons: [],
    flags: [],
    notes: [],
    indicators: r.indicators,
    excluded: [],
    basis: r.basis,
    values: {},
    evidence: {},
    rectifyBy: null,
    source: { ...r.source, cell: c.cell },
  };
}
