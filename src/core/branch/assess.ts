import { assessWorkbook, type ProgressCallback, type Reading } from '../assess/assess';
import type { ColumnMapping } from '../ledger/columns';
import { both, t } from '../messages';
import { packHash } from '../pack/hash';
import type { Pack } from '../pack/schema';
import type { LedgerRecord } from '../ledger/read';
import { monthsOf, periodContains, unitsLabel } from '../period';
import type { WorkbookSnapshot } from '../snapshot';
import { readAliasSheets } from './aliases';
import { type BranchCadre, type CadreResults, collectCadres } from './cadres';
import { unitCoverage } from '../scheme/coverage';
import { collectDeclared } from './declared';
import { branchScheme, MEETINGS_LEDGER, WORK_LEDGER } from './scheme';
import { assessScheme } from '../scheme/assess';
import type { SchemeAssessment, SubjectResult } from '../scheme/result';
import { type BranchLedgers, branchFromTitle, classifySheets, readBranchLedgers } from './ledgers';
import { type LedgerKind, ledgerTitle, type SheetKinds, sheetsNamed, sheetsOf } from '../ledger/classify';
import { packScheme } from '../assess/scheme';
import { ledgerKind } from '../scheme/ledgers';
import { collectMeetings, type Meeting } from './meetings';
import { BranchNameRules, BranchRoster } from './names';
import { type BranchAssessment, branchOrder, branchResultOf, type CoverageNote } from './result';
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
  /** The stationed cadres' results already made of this workbook; made here from the cadre pack when absent. */
  cadres?: CadreResults;
  /** The meeting records and work ledgers when the caller has read them already (a run judging several periods reads them once). */
  ledgers?: BranchLedgers;
  onProgress?: ProgressCallback;
}

/** Per ledger kind, the months (for work counts also quarters or years) it has rows for; a ledger with no sheet is left out. */
type Coverage = Map<LedgerKind, Set<string>>;

function coverageNotes(periods: string[], coverage: Coverage, titles: (kind: LedgerKind) => { zh: string; en: string }): CoverageNote[] {
  const notes: CoverageNote[] = [];
  for (const period of periods) {
    for (const [kind, covered] of coverage) {
      const months = monthsOf(period);
      const coveredMonths = new Set([...covered].map((u) => monthsOf(u)).filter((ms) => ms.every((m) => months.includes(m))).flat());
      const gaps = months.filter((m) => !coveredMonths.has(m));
      if (gaps.length === 0) continue;
      const title = titles(kind);
      notes.push({ period, ledger: kind, ...both('coverageMissing', { ledger: title.zh, ledgerEn: title.en, months: unitsLabel(gaps), monthsEn: unitsLabel(gaps, 'en') }) });
    }
  }
  return notes;
}

/** The stationed cadres' ledger as named without a cadre pack (its results given by the caller). */
const cadreTitle = {
  zh: t('cadreLedgerTitle', { title: t('subjectStationedCadre') }),
  en: t('cadreLedgerTitle', { title: t('subjectStationedCadre', {}, 'en') }, 'en'),
};

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
  const { onProgress, ...rest } = options;
  const kinds = options.kinds ?? classifySheets(workbook, packs.branch, new BranchNameRules(packs.branch.names), packs.cadre, options.mapping);
  const cadreSheets = packs.cadre ? sheetsOf(kinds, ledgerKind(packs.cadre.id, packScheme(packs.cadre).ledgers[0]!.id)) : [];
  const cadres =
    options.cadres ??
    (packs.cadre && cadreSheets.length > 0
      ? await assessWorkbook(sheetsNamed(workbook, cadreSheets), packs.cadre, { period: options.period, mapping: options.mapping, defaultPeriod: options.defaultPeriod, today: options.today })
      : undefined);
  const reading = readBranches(workbook, packs, { ...rest, kinds, cadres });
  return reading.view(await assessScheme(reading.scheme, reading.inputs, { period: options.period, onProgress }));
}

/**
 * The branch pack's reading of a workbook: every branch the primary ledger
 * names is a subject, each row of every ledger is tied to its branch by the
 * name rules and alias tables (one sheet per branch by its title), a row
 * naming several meeting types counts once for each, and the stationed
 * cadres' months belong to the branch of the village served.
 */
export function readBranches(workbook: WorkbookSnapshot, packs: BranchPacks, options: Omit<BranchAssessOptions, 'onProgress'> = {}): Reading<BranchAssessment> {
  const pack = packs.branch;
  const rules = new BranchNameRules(pack.names);
  const read = options.ledgers ?? readBranchLedgers(workbook, pack, rules, packs.cadre, { mapping: options.mapping, defaultPeriod: options.defaultPeriod, today: options.today, kinds: options.kinds });
  const scheme = branchScheme(pack);
  const cadreScheme = packs.cadre && packScheme(packs.cadre);
  const own = (id: string) => ledgerKind(pack.id, id);
  const cadreKind = cadreScheme ? ledgerKind(cadreScheme.id, cadreScheme.ledgers[0]!.id) : undefined;
  const titles = (kind: LedgerKind) => ledgerTitle(cadreScheme ? [scheme, cadreScheme] : [scheme], kind);
  const primary = read.meetings.records.length > 0 ? read.meetings : read.work;
  const rosterTitle = titles(own(primary === read.meetings ? MEETINGS_LEDGER : WORK_LEDGER));
  // The pack's aliases, then the workbook's name table, then the caller's: the nearer the user, the later.
  const table = readAliasSheets(workbook);
  const roster = new BranchRoster(rules, primary.records.map((r) => r.name), { ...pack.names.aliases, ...table.aliases, ...options.aliases });

  const meetings = collectMeetings(read.meetings, roster);
  const work = collectWork(read.work, pack, roster, rosterTitle);
  const fromTitle = (title: string, sheetName: string) => branchFromTitle(title, sheetName, rules);
  const declared = collectDeclared(workbook, pack, read.kinds, roster, rosterTitle, { mapping: options.mapping, defaultPeriod: options.defaultPeriod, today: options.today, fromTitle });
  const cadres = collectCadres(options.cadres, packs.cadre, roster, rosterTitle);

  const branchCount = roster.branches.length;
  const meetingCover = unitCoverage(meetings.meetings.map((m) => ({ unit: m.month, subject: m.branch, sheet: m.sheet, row: m.row, cell: m.cell })), branchCount, pack.coverShare);
  const workCover = unitCoverage(work.rows.map((w) => ({ unit: w.unit, subject: w.branch, sheet: w.sheet, row: w.row, cell: w.cell })), branchCount, pack.coverShare);
  const coverage: Coverage = new Map([
    ...(read.meetings.ledgers.length > 0 ? [[own(MEETINGS_LEDGER), meetingCover.covered] as const] : []),
    ...(read.work.ledgers.length > 0 ? [[own(WORK_LEDGER), workCover.covered] as const] : []),
    ...(cadres.present && cadreKind ? [[cadreKind, cadres.coverage] as const] : []),
  ]);
  const cadresCovered = cadreKind ? coverage.get(cadreKind) : undefined;

  // The stationed cadres' results, under whichever id the pack's facts read them by.
  const cadreSchemes = [...new Set(scheme.facts.flatMap((f) => (f.source === 'results' ? [f.scheme] : [])))];
  const infos = (ledger: string) => (ledger === MEETINGS_LEDGER ? read.meetings.ledgers : ledger === WORK_LEDGER ? read.work.ledgers : (declared.infos[ledger] ?? []));
  // Every row of every ledger under the name of the branch the roster matched it to; what was read is warned below.
  const named = new Map(roster.branches.map((b) => [b.id, b.name]));
  const rows = new Map<string, LedgerRecord[]>(scheme.ledgers.map((l) => [l.id, []]));
  const add = (branch: string, ledger: string, record: LedgerRecord) => {
    const name = named.get(branch);
    if (name !== undefined) rows.get(ledger)?.push({ ...record, name, branch: null });
  };
  for (const m of meetings.meetings) add(m.branch, MEETINGS_LEDGER, meetingRecord(m));
  for (const w of work.rows) add(w.branch, WORK_LEDGER, workRecord(w));
  for (const [branch, ledgers] of declared.rows) for (const [ledger, list] of ledgers) for (const r of list) add(branch, ledger, r);
  const present = new Set([...[MEETINGS_LEDGER, WORK_LEDGER].filter((id) => coverage.has(own(id))), ...declared.present]);
  const ledgers = new Map(scheme.ledgers.map((l) => [l.id, { records: rows.get(l.id)!, infos: present.has(l.id) ? infos(l.id) : [], warnings: [] }]));
  const cadreResults = cadres.cadres.map(cadreResult);
  const owners = new Map(cadres.cadres.map((c, i) => [cadreResults[i]!, { name: named.get(c.branch)!, group: null }]));
  const title = cadreKind ? titles(cadreKind) : cadreTitle;
  const results = new Map(cadresCovered ? cadreSchemes.map((id) => [id, { results: cadreResults, months: cadresCovered, title, owners }] as const) : []);
  const inputs = { ledgers, results, titles: new Map(cadreSchemes.map((id) => [id, title])) };
  const view = (assessed: SchemeAssessment): BranchAssessment => {
    const byName = new Map(roster.branches.map((b) => [b.name, b]));
    // 支部汇总 and `branches` show a branch's facts, not the columns of the rows counted for them.
    const facts = new Set(scheme.facts.map((f) => f.fact));
    const branches = assessed.results.map((r) => {
      const b = byName.get(r.name)!;
      const values = Object.fromEntries(Object.entries(r.values).filter(([fact]) => facts.has(fact)));
      return branchResultOf({ ...r, values }, { id: b.id, variants: [...b.variants.keys()] });
    });
    branches.sort(branchOrder);
    const periods = assessed.periods;

    return {
      packId: pack.id,
      packTitle: pack.title,
      rulesVersion: packHash(pack),
      period: options.period,
      periods,
      branches,
      results: assessed.results,
      sheets: read.kinds,
      ledgers: { meetings: read.meetings.ledgers, work: read.work.ledgers },
      declared: declared.infos,
      meetingRows: meetings.meetings.length,
      workRows: work.rows.length,
      cadreResults: cadres.cadres.length,
      coverage: { meetings: [...meetingCover.covered], work: [...workCover.covered], cadres: [...cadres.coverage].sort() },
      coverageNotes: coverageNotes(periods, coverage, titles),
      unmatched: [...work.unmatched, ...cadres.unmatched, ...declared.unmatched],
      rateChecks: work.rateChecks,
      aliasSheets: table.sheets,
      outsidePeriod: outsidePeriod(options.period, [...meetings.meetings.map((m) => ({ unit: m.month, sheet: m.sheet, row: m.row })), ...work.rows]),
      warnings: [...table.warnings, ...read.meetings.warnings, ...meetings.warnings, ...read.work.warnings, ...work.warnings, ...cadres.warnings, ...declared.warnings, ...assessed.warnings],
    };
  };
  return { scheme, inputs, view };
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
  return { ...c.result, source: { ...c.result.source!, cell: c.cell } };
}
