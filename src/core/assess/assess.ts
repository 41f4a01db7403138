import { type ReadOptions, readLedgers, type LedgerInfo, type LedgerRecord, type Warning } from '../ledger/read';
import { both } from '../messages';
import { rulesTextsFilled } from '../pack/params';
import { packHash } from '../pack/hash';
import type { Pack } from '../pack/schema';
import { periodContains, periodLabel } from '../period';
import { SchemeAssessor } from '../scheme/assess';
import { packScheme } from '../scheme/from-pack';
import type { SubjectResult } from '../scheme/result';
import type { WorkbookSnapshot } from '../snapshot';
import { type RecordFacts, recordFacts } from './facts';
import { givenFacts } from '../scheme/facts';
import { type Basis, type Flag, scoringPlan } from './score';
import { RuleScorer } from './scorer';

/** A score with its grade band and its place among the others of its period. */
export interface RankedScore {
  score: number;
  grade: string;
  gradeEn: string;
  stars: number;
  rank: number;
  /** How many were ranked together in the period. */
  of: number;
}

export interface CadreResult extends RankedScore {
  name: string;
  branch: string | null;
  period: string;
  indicators: Record<string, number>;
  flags: Flag[];
  basis: Basis[];
  source: { sheet: string; row: number };
}

export interface Assessment {
  packId: string;
  packTitle: string;
  /** The content hash of the rules that produced it (packHash). */
  rulesVersion: string;
  /** The period asked for, or undefined for everything the ledgers hold. */
  period?: string;
  /** Months assessed, in order. */
  months: string[];
  ledgers: LedgerInfo[];
  otherSheets: string[];
  cadres: CadreResult[];
  /** The same, in the one result shape every assessment gives, in the same order. */
  results: SubjectResult[];
  warnings: Warning[];
}

export interface AssessOptions extends ReadOptions {
  /** A month, quarter or year; rows outside it are not assessed. */
  period?: string;
  /** Called every so often with (done, total): the sidebar shows progress. */
  onProgress?: ProgressCallback;
}

/** May return a promise: the sidebar yields to the browser there so the progress bar paints. */
export type ProgressCallback = (done: number, total: number) => void | Promise<void>;

const PROGRESS_EVERY = 50;

/**
 * Builds the engine for a pack once; every row then runs through it with flat
 * facts, one after another (concurrent runs over thousands of rows are slower).
 */
export class CadreAssessor {
  private readonly scorer: RuleScorer;

  readonly pack: Pack;

  constructor(pack: Pack) {
    // Flags and notes are shown with their parameters' values; conditions already hold them.
    this.pack = rulesTextsFilled(pack);
    const { labels, percentFacts } = scoringPlan(this.pack);
    this.scorer = new RuleScorer(this.pack.indicators, this.pack.rules, labels, percentFacts);
  }

  async scoreRecord(record: LedgerRecord) {
    return this.scoreFacts(recordFacts(record, this.pack));
  }

  /** Facts gathered elsewhere (a rule test's inputs) are scored exactly as a ledger row's. */
  async scoreFacts(facts: RecordFacts) {
    return this.scorer.score(facts);
  }
}

/** Where a record's cell for a fact is, as its sheet's header placed the column. */
class CellFinder {
  private readonly columns = new Map<string, Map<string, string>>();

  constructor(ledgers: LedgerInfo[], private readonly subject: string) {
    for (const l of ledgers) this.columns.set(l.sheet, new Map(l.columns.map((c) => [c.fact, c.cell.replace(/\d+$/, '')])));
  }

  /** The first of `facts` the sheet has a column for, else the name cell. */
  cell(record: LedgerRecord, facts: string[] = []): string {
    const sheet = this.columns.get(record.sheet);
    const col = [...facts, this.subject].map((f) => sheet?.get(f)).find((c) => c !== undefined) ?? 'A';
    return `${col}${record.row}`;
  }
}

function duplicateWarnings(records: LedgerRecord[], cells: CellFinder): Warning[] {
  const seen = new Map<string, LedgerRecord>();
  const warnings: Warning[] = [];
  for (const r of records) {
    const key = `${r.period}\u0000${r.name}\u0000${r.branch ?? ''}`;
    const other = seen.get(key);
    if (other) {
      warnings.push({
        sheet: r.sheet,
        cell: cells.cell(r),
        period: r.period,
        ...both('duplicateRecord', { name: r.name, period: periodLabel(r.period), periodEn: r.period, other: `${other.sheet}!${other.row}` }),
      });
    } else seen.set(key, r);
  }
  return warnings;
}

/** Reads the ledgers of a workbook and assesses every cadre in them under a pack. */
export async function assessWorkbook(workbook: WorkbookSnapshot, pack: Pack, options: AssessOptions = {}): Promise<Assessment> {
  const read = readLedgers(workbook, pack, options);
  const inPeriod = (month: string | undefined) => !options.period || month === undefined || periodContains(options.period, month);
  const records = read.records.filter((r) => inPeriod(r.period));
  const cells = new CellFinder(read.ledgers, pack.columns.find((c) => c.role === 'subject')!.fact);
  // Warnings about rows or sheets of other months are not this assessment's business.
  const warnings = [...read.warnings.filter((w) => inPeriod(w.period)), ...duplicateWarnings(records, cells)];
  // The pack is judged as an assessment of the one model: each row a subject in its month.
  const assessor = new SchemeAssessor(packScheme(pack));
  const judged: { record: LedgerRecord; result: SubjectResult }[] = [];
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const { values, missing } = recordFacts(record, pack);
    const result = await assessor.judge({ name: record.name, group: record.branch, source: { sheet: record.sheet, row: record.row } }, record.period, givenFacts(values, missing));
    judged.push({ record, result });
    if (options.onProgress && (i + 1) % PROGRESS_EVERY === 0) await options.onProgress(i + 1, records.length);
  }
  await options.onProgress?.(records.length, records.length);

  const months = [...new Set(judged.map((s) => s.record.period))].sort();
  const cadres: { cadre: CadreResult; result: SubjectResult }[] = [];
  for (const month of months) {
    const inMonth = judged.filter((s) => s.record.period === month);
    await assessor.settle(inMonth.map((s) => s.result));
    for (const { record, result } of inMonth) {
      for (const note of result.notes) {
        warnings.push({ sheet: record.sheet, cell: cells.cell(record, note.facts), period: month, message: `${record.name}：${note.message}`, messageEn: `${record.name}: ${note.messageEn}` });
      }
      const cadre: CadreResult = {
        name: record.name,
        branch: record.branch,
        period: month,
        score: result.score,
        grade: result.grade,
        gradeEn: result.gradeEn,
        stars: result.stars,
        rank: result.rank,
        of: result.of,
        indicators: result.indicators,
        flags: result.flags.map(({ rule, message, messageEn, indicator }) => ({ rule, message, messageEn, ...(indicator ? { indicator } : {}) })),
        basis: result.basis,
        source: { sheet: record.sheet, row: record.row },
      };
      cadres.push({ cadre, result });
    }
  }
  cadres.sort(({ cadre: a }, { cadre: b }) => a.period.localeCompare(b.period) || a.rank - b.rank || a.source.sheet.localeCompare(b.source.sheet) || a.source.row - b.source.row);
  return {
    packId: pack.id,
    packTitle: pack.title,
    rulesVersion: packHash(pack),
    period: options.period,
    months,
    ledgers: read.ledgers,
    otherSheets: read.otherSheets,
    cadres: cadres.map((c) => c.cadre),
    results: cadres.map((c) => c.result),
    warnings,
  };
}
