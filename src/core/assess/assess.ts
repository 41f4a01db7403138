import type { ReadOptions, ReadResult, LedgerInfo, Warning } from '../ledger/read';
import { packHash } from '../pack/hash';
import type { Pack } from '../pack/schema';
import { periodContains } from '../period';
import { assessScheme, type ProgressCallback, type SchemeInputs } from '../scheme/assess';
import { a1Column } from '../scheme/cells';

export type { ProgressCallback };
import { packScheme, readLedgers } from './scheme';
import type { PreviousResult, RankedScore, SchemeAssessment, SubjectResult } from '../scheme/result';
import type { Scheme } from '../scheme/schema';
import type { WorkbookSnapshot } from '../snapshot';
import type { Basis, Flag } from './score';

export interface CadreResult extends RankedScore {
  name: string;
  branch: string | null;
  period: string;
  indicators: Record<string, number>;
  flags: Flag[];
  basis: Basis[];
  source: { sheet: string; row: number };
  /** The same cadre in the month before, and what changed. */
  previous?: PreviousResult;
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

/** What the run needs of an assessment before judging it: its scheme, its inputs, and how its judgement reads in the shape its own sheets and JSON keep. */
export interface Reading<View> {
  scheme: Scheme;
  inputs: SchemeInputs;
  view: (assessed: SchemeAssessment) => View;
}

/** The cadre pack's reading of a workbook: its ledger sheets, each row a cadre in its month. */
export function readCadres(workbook: WorkbookSnapshot, pack: Pack, options: Omit<AssessOptions, 'onProgress'> = {}): Reading<Assessment> {
  const read = readLedgers(workbook, pack, options);
  const inPeriod = (month: string | undefined) => !options.period || month === undefined || periodContains(options.period, month);
  const scheme = packScheme(pack);
  const ledger = scheme.ledgers[0]!.id;
  // Warnings about rows or sheets of other months are not this assessment's business.
  const ledgers = new Map([[ledger, { records: read.records, infos: read.ledgers, warnings: read.warnings.filter((w) => inPeriod(w.period)) }]]);
  return { scheme, inputs: { ledgers, results: new Map() }, view: (assessed) => cadreView(pack, read, assessed, options.period) };
}

/** Reads the ledgers of a workbook and assesses every cadre in them under a pack, as the one model judges its scheme. */
export async function assessWorkbook(workbook: WorkbookSnapshot, pack: Pack, options: AssessOptions = {}): Promise<Assessment> {
  const { onProgress, ...read } = options;
  const reading = readCadres(workbook, pack, read);
  return reading.view(await assessScheme(reading.scheme, reading.inputs, { period: options.period, onProgress }));
}

/** A cadre judgement as 考评结果 and `cadres` show it: a note on a row said as a warning at its cell. */
function cadreView(pack: Pack, read: ReadResult, assessed: SchemeAssessment, period: string | undefined): Assessment {
  const subject = pack.columns.find((c) => c.role === 'subject')!.fact;
  const infos = new Map(read.ledgers.map((l) => [l.sheet, l]));
  // A note on a cadre's row is said at the cell of what it is about, the name cell when it names nothing.
  const cell = (source: { sheet: string; row: number }, facts: string[] = []) => {
    const column = [...facts, subject].map((f) => a1Column(infos.get(source.sheet), f)).find((c) => c !== undefined) ?? 'A';
    return `${column}${source.row}`;
  };
  const warnings = [...assessed.warnings];
  const judged = assessed.results.map((result) => {
    const source = result.source!;
    for (const note of result.notes) {
      warnings.push({ sheet: source.sheet, cell: cell(source, note.facts), period: result.period, message: `${result.name}：${note.message}`, messageEn: `${result.name}: ${note.messageEn}` });
    }
    const cadre: CadreResult = {
      name: result.name,
      branch: result.group,
      period: result.period,
      score: result.score,
      grade: result.grade,
      gradeEn: result.gradeEn,
      stars: result.stars,
      rank: result.rank,
      of: result.of,
      indicators: result.indicators,
      flags: result.flags.map(({ rule, message, messageEn, indicator }) => ({ rule, message, messageEn, ...(indicator ? { indicator } : {}) })),
      basis: result.basis,
      source: { sheet: source.sheet, row: source.row },
      ...(result.previous ? { previous: result.previous } : {}),
    };
    return { cadre, result };
  });
  judged.sort(({ cadre: a }, { cadre: b }) => a.period.localeCompare(b.period) || a.rank - b.rank || a.source.sheet.localeCompare(b.source.sheet) || a.source.row - b.source.row);
  return {
    packId: pack.id,
    packTitle: pack.title,
    rulesVersion: packHash(pack),
    period,
    months: assessed.periods,
    ledgers: read.ledgers,
    otherSheets: read.otherSheets,
    cadres: judged.map((c) => c.cadre),
    results: judged.map((c) => c.result),
    warnings,
  };
}
