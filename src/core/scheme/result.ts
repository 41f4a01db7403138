import type { Basis } from '../assess/score';
import type { FactValue, LedgerInfo, Warning } from '../ledger/read';
import type { Bilingual } from '../messages';
import type { Evidence } from './evidence';
import type { PeriodKind } from './schema';

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

/** A failed must-meet item: what was required, what the data shows, what is to be done, and the rows behind it. */
export interface FailedItem {
  label: string;
  labelEn: string;
  expected: string;
  expectedEn: string;
  actual: string;
  actualEn: string;
  fix: string;
  fixEn: string;
  evidence: Evidence[];
}

/** A flag on a result: the rule or item that raised it, in words, and the cells it rests on. */
export interface ResultFlag extends Bilingual {
  rule: string;
  indicator?: string;
  /** Sheet!A1 cells the flag is about (a missing rating's cell). */
  cells?: string[];
  /** Set when a must-meet item failed. */
  item?: FailedItem;
}

/** A note on a result; one about missing inputs names their columns, so a host can point at the cells. */
export interface ResultNote extends Bilingual {
  facts?: string[];
  /**
   * What gave the note: a must-meet item's id (not judged for want of data),
   * `score:unreported` or `score:rescaled`, `stars:risk` or `stars:fallsShort`
   * for a cap, `quota` for a grade held to its quota.
   */
  rule?: string;
}

/** Notes on why the grade or stars are fewer than the score gives, rather than on what the data lacked. */
export const isStandingNote = (n: ResultNote) => n.rule === 'quota' || (n.rule?.startsWith('stars:') ?? false);

/** Something a result says falls short (a failed must-meet item, a rule's flag), as it moved between two periods. */
export interface ItemChange {
  /** The item's id or the rule's. */
  rule: string;
  label: string;
  labelEn: string;
  /** What its fact showed then and shows now (84.0% → 95.2%), when it reads one. */
  before?: string;
  now?: string;
}

/** The same subject's result in the period before, and what changed since. */
export interface PreviousResult {
  period: string;
  score: number;
  grade: string;
  gradeEn: string;
  stars: number;
  /** Score now less score then; null when now is not scored. */
  change: number | null;
  /** 1 a better grade than then, -1 a worse one, 0 the same. */
  gradeMove: -1 | 0 | 1;
  /** Items that fell short then and are met now (整改到位). */
  rectified: ItemChange[];
  /** Items met (or not raised) then that fall short now. */
  newlyFailed: ItemChange[];
}

/** One subject in one period of one assessment: the one result shape every assessment gives. */
export interface SubjectResult extends RankedScore {
  name: string;
  group: string | null;
  period: string;
  /** False when no indicator had data: such a subject is neither scored nor ranked. */
  scored: boolean;
  fallsShort: boolean;
  risk: boolean;
  riskReasons: Bilingual[];
  flags: ResultFlag[];
  /** Why the grade or stars are not the band's (a quota), and what the data lacked. */
  notes: ResultNote[];
  indicators: Record<string, number>;
  /** Indicators left out of the score for want of data anyone could have had. */
  excluded: string[];
  basis: Basis[];
  /** Every fact and computed output, by id. */
  values: Record<string, FactValue>;
  /** The ledger rows behind each fact a risk criterion reads, for the cells its reason names. */
  evidence: Record<string, Evidence[]>;
  /** The rectification deadline for a subject that falls short or is at risk (2024年7月31日). */
  rectifyBy: string | null;
  /** The row the result rests on; `cell` is the cell to show it by (a cadre's village), when not the row's first. */
  source: { sheet: string; row: number; cell?: string } | null;
  /** The same subject in the period before, when that period was judged and the subject scored in it. */
  previous?: PreviousResult;
}

/** A computed column the result sheet shows, by id with its labels. */
export interface ValueColumn {
  /** An indicator's id (its points are in the result's indicators) or a fact's or output's id (in its values). */
  id: string;
  /** Whether the column shows an indicator's points: an indicator and the fact it reads may share an id (民主测评 rating). */
  indicator: boolean;
  label: string;
  labelEn: string;
  percent: boolean;
}

/** An assessment's indicators as the columns of its points. */
export const indicatorColumns = (indicators: { id: string; label: string; labelEn?: string }[]): ValueColumn[] =>
  indicators.map((i) => ({ id: i.id, label: i.label, labelEn: i.labelEn ?? i.label, percent: false, indicator: true }));

export interface SchemeAssessment {
  id: string;
  title: string;
  titleEn: string;
  subject: string;
  subjectEn: string;
  periodKind: PeriodKind;
  rulesVersion: string;
  /** The period asked for, when one was. */
  period?: string;
  /** The units judged, in order. */
  periods: string[];
  /** The ledgers read, by ledger id. */
  ledgers: Record<string, LedgerInfo[]>;
  results: SubjectResult[];
  /** The computed columns its result sheet shows beside score and grade. */
  columns: ValueColumn[];
  /** Said once for the assessment: a month no ledger covers, a period of the wrong kind. */
  notes: Bilingual[];
  warnings: Warning[];
}

/** What a result shows in a column: an indicator's points, else the fact's or output's value. */
export function columnValue(column: ValueColumn, result: SubjectResult): FactValue {
  return (column.indicator ? result.indicators[column.id] : result.values[column.id]) ?? null;
}
