import type { MissingReason } from '../assess/facts';
import type { FactValue, LedgerRecord } from '../ledger/read';
import { t } from '../messages';
import { monthsOf, type PeriodId } from '../period';
import { labelKey } from '../text';
import type { SourceRow } from './evidence';
import type { SubjectResult } from './result';
import type { SchemeFact, Where } from './schema';
import { lastDay, monthsBetween, monthsEnding, unitOf } from './units';

/** What one subject has, in every period: its rows of each ledger and its results in other assessments. */
export interface SubjectData {
  rows: ReadonlyMap<string, LedgerRecord[]>;
  results: ReadonlyMap<string, SubjectResult[]>;
}

/** What the whole run knows, the same for every subject: which months each ledger and each assessment covers. */
export interface FactContext {
  /** Months with a row of the ledger from anyone; absent for a ledger no sheet holds. */
  ledgerMonths: ReadonlyMap<string, ReadonlySet<string>>;
  /** Ledgers whose rows say how things stand, read for every period. */
  standing: ReadonlySet<string>;
  /** Months another assessment judged anyone in. */
  resultMonths: ReadonlyMap<string, ReadonlySet<string>>;
  /** Where a record's cell for a column is, as Sheet!A1. */
  cellOf: (record: LedgerRecord, column: string) => string;
  /** Each ledger column by id, with the ledger it is read from (the first that has it): rules read its value as a fact. */
  columns: ReadonlyMap<string, string>;
}

/**
 * Why a fact has no value when the data as a whole, not one cell, is short.
 * The first four are "no data" and are said as such; the last two are no
 * one's failing and need no word (a branch without a stationed cadre, a
 * yearly item in a quarter).
 */
export type GapReason = 'noLedger' | 'uncovered' | 'notReported' | 'notRecorded' | 'notApplicable' | 'notDue';

export interface DataGap {
  reason: GapReason;
  /** The ledger the fact is read from, in words. */
  ledger: { zh: string; en: string };
  /** The columns left empty, for notRecorded. */
  inputs?: { zh: string; en: string }[];
  /** For uncovered: the months of the period the ledger has no rows for, when it has some. */
  months?: string[];
}

export const NO_DATA_REASONS: ReadonlySet<GapReason> = new Set(['noLedger', 'uncovered', 'notReported', 'notRecorded']);

export interface GatheredFacts {
  /** Flat facts for the engine, null where missing. */
  values: Record<string, FactValue>;
  missing: Map<string, MissingReason[]>;
  /** Why a missing fact is missing when it is the data, not a cell: a must-meet item reading it is not judged, and says why. */
  gaps: Map<string, DataGap>;
  /** The ledger rows behind each fact, for the evidence a failed item or a risk reason points at. */
  evidence: Map<string, SourceRow[]>;
  /** What a flag may say beside a value: {factDetail}, the months a count names. */
  detail: Record<string, { zh: string; en: string }>;
  /** The cells a value was read from, or that were empty. */
  cells: Map<string, string[]>;
}

/** Facts given as they are (a cadre's row, a rule test's inputs), with nothing gathered behind them. */
export function givenFacts(values: Record<string, FactValue>, missing: Map<string, MissingReason[]> = new Map()): GatheredFacts {
  return { values, missing, gaps: new Map(), evidence: new Map(), detail: {}, cells: new Map() };
}

const BLANK_WORDS = new Set(['', '无', '没有', '沒有', '/', '-', '—', '－']);

/** Whether a cell's value is one of a where's values: "" stands for a blank cell. */
export function matches(value: FactValue, where: Where): boolean {
  return where.values.some((v) => {
    if (v === '') return value === null || (typeof value === 'string' && value.trim() === '');
    if (typeof v === 'string') return typeof value === 'string' && labelKey(value) === labelKey(v);
    return value === v;
  });
}

/** Whether a text holds something (a veto named), not blank or 无. */
export function isSaid(value: FactValue): value is string {
  return typeof value === 'string' && !BLANK_WORDS.has(labelKey(value));
}

const monthWord = (m: string) => ({ zh: t('monthShort', { month: Number(m.slice(5, 7)) }), en: m });
const listed = (months: string[]) => ({ zh: months.map((m) => monthWord(m).zh).join('、'), en: months.join(', ') });

/**
 * Facts in an order where a ratio or an either comes after what it reads,
 * whatever order the sheet lists them in. One caught in a loop of others
 * comes last and finds nothing to read: missing, not a wrong number.
 */
export function inOrder(facts: SchemeFact[], columns: ReadonlySet<string>): SchemeFact[] {
  const inputs = (f: SchemeFact) => (f.source === 'ratio' ? [f.numerator, f.denominator] : f.source === 'either' ? f.facts : []);
  const done = new Set(columns);
  const out: SchemeFact[] = [];
  let left = facts;
  while (left.length > 0) {
    const ready = left.filter((f) => inputs(f).every((x) => done.has(x) || !left.some((g) => g.fact === x)));
    const next = ready.length > 0 ? ready : left;
    for (const f of next) {
      out.push(f);
      done.add(f.fact);
    }
    left = left.filter((f) => !next.includes(f));
  }
  return out;
}

/**
 * The facts of one subject for one period, each after the facts it reads. A fact with
 * nothing to stand on is null with its reason: the indicators that read it
 * score nothing and say why, and a must-meet item that reads it is not judged.
 */
export function gatherFacts(facts: SchemeFact[], data: SubjectData, unit: PeriodId, ctx: FactContext): GatheredFacts {
  const out: GatheredFacts = { values: { always: true }, missing: new Map(), gaps: new Map(), evidence: new Map(), detail: {}, cells: new Map() };
  const months = new Set(monthsOf(unit));
  const set = (fact: string, value: FactValue) => {
    out.values[fact] = value;
  };
  const miss = (fact: string, reasons: MissingReason[]) => {
    out.values[fact] = null;
    out.missing.set(fact, reasons);
  };
  // The period's rows of a ledger are asked for once per column read from it: worked out once.
  const ofUnit = new Map<string, LedgerRecord[]>();
  const within = (ledger: string, window: Set<string>) => (data.rows.get(ledger) ?? []).filter((r) => ctx.standing.has(ledger) || monthsOf(r.period).every((m) => window.has(m)));
  const inUnit = (ledger: string, window?: Set<string>): LedgerRecord[] => {
    if (window) return within(ledger, window);
    if (!ofUnit.has(ledger)) ofUnit.set(ledger, within(ledger, months));
    return ofUnit.get(ledger)!;
  };
  const rowsWhere = (ledger: string, where: Where | undefined, window?: Set<string>) => inUnit(ledger, window).filter((r) => !where || matches(r.facts[where.column] ?? null, where));

  const valueOf = (fact: string, ledger: string, column: string) => {
    const row = inUnit(ledger)[0];
    const value = row?.facts[column] ?? null;
    if (row) out.cells.set(fact, [ctx.cellOf(row, column)]);
    if (value === null) {
      const kind = row?.impossible.has(column) ? 'impossible' : row?.unreadable.has(column) ? 'unreadable' : 'absent';
      miss(fact, [{ kind, fact }]);
    } else set(fact, value);
  };
  // A column's own value in the subject's row needs no 数据项 of its own: rules name the column.
  const declared = new Set(facts.map((f) => f.fact));
  for (const [column, ledger] of ctx.columns) if (!declared.has(column)) valueOf(column, ledger, column);

  for (const f of inOrder(facts, new Set(ctx.columns.keys()))) {
    switch (f.source) {
      case 'value':
        valueOf(f.fact, f.ledger, f.column);
        break;
      case 'rows': {
        const rows = rowsWhere(f.ledger, f.where, f.years ? monthsEnding(unit, f.years) : undefined);
        if (f.op === 'count') {
          set(f.fact, rows.length);
          break;
        }
        const numbers = rows.map((r) => r.facts[f.column!]).filter((v): v is number => typeof v === 'number');
        if (numbers.length === 0) {
          miss(f.fact, [{ kind: rows.some((r) => r.unreadable.has(f.column!) || r.impossible.has(f.column!)) ? 'unreadable' : 'absent', fact: f.fact }]);
          out.cells.set(f.fact, rows.map((r) => ctx.cellOf(r, f.column!)));
          break;
        }
        const sum = numbers.reduce((a, b) => a + b, 0);
        set(f.fact, f.op === 'sum' ? sum : f.op === 'mean' ? sum / numbers.length : f.op === 'min' ? Math.min(...numbers) : Math.max(...numbers));
        break;
      }
      case 'ratio': {
        const num = out.values[f.numerator];
        const den = out.values[f.denominator];
        if (den === 0) miss(f.fact, [{ kind: 'zero', fact: f.fact, denominator: f.denominator }]);
        else if (typeof num === 'number' && typeof den === 'number') set(f.fact, num / den);
        else miss(f.fact, [f.denominator, f.numerator].flatMap((x) => out.missing.get(x) ?? []));
        break;
      }
      case 'either': {
        const first = f.facts.find((x) => out.values[x] !== null && out.values[x] !== undefined);
        if (first !== undefined) set(f.fact, out.values[first]!);
        else miss(f.fact, f.facts.flatMap((x) => out.missing.get(x) ?? []));
        break;
      }
      case 'unitsWithout': {
        const covered = ctx.ledgerMonths.get(f.ledger);
        const units = [...new Set([...months].map((m) => unitOf(m, f.per)!))].filter((u) => monthsOf(u).every((m) => covered?.has(m)));
        if (units.length === 0) {
          miss(f.fact, [{ kind: 'absent', fact: f.fact }]);
          break;
        }
        const rows = rowsWhere(f.ledger, f.where);
        const short = units.filter((u) => rows.filter((r) => monthsOf(r.period).every((m) => monthsOf(u).includes(m))).length < f.min);
        set(f.fact, short.length);
        if (short.length > 0) out.detail[f.fact] = f.per === 'month' ? listed(short) : { zh: short.join('、'), en: short.join(', ') };
        break;
      }
      case 'attendance': {
        const shares = rowsWhere(f.ledger, f.where)
          .map((r) => [r.facts[f.present], r.facts[f.expected]] as const)
          .filter((pair): pair is readonly [number, number] => typeof pair[0] === 'number' && typeof pair[1] === 'number' && pair[1] > 0)
          .map(([p, e]) => p / e);
        if (shares.length === 0) miss(f.fact, [{ kind: 'absent', fact: f.fact }]);
        else set(f.fact, Math.min(...shares));
        break;
      }
      case 'monthsSince': {
        const end = lastDay(unit);
        const all = inUnit(f.ledger, ctx.standing.has(f.ledger) ? undefined : new Set(monthsEnding(unit, 100)));
        if (all.length === 0) {
          miss(f.fact, [{ kind: 'absent', fact: f.fact }]);
          break;
        }
        const dates = all
          .filter((r) => !f.where || matches(r.facts[f.where.column] ?? null, f.where))
          .map((r) => ({ r, d: r.facts[f.column] }))
          .filter((x): x is { r: LedgerRecord; d: string } => typeof x.d === 'string' && x.d <= end)
          .sort((a, b) => b.d.localeCompare(a.d));
        const latest = dates[0];
        set(f.fact, latest ? Math.max(0, monthsBetween(latest.d, end)) : 0);
        if (latest) {
          out.cells.set(f.fact, [ctx.cellOf(latest.r, f.column)]);
          out.detail[f.fact] = { zh: latest.d, en: latest.d };
        }
        break;
      }
      case 'results': {
        const judged = ctx.resultMonths.get(f.scheme);
        const covered = [...months].filter((m) => judged?.has(m)).sort();
        if (covered.length === 0) {
          miss(f.fact, [{ kind: 'absent', fact: f.fact }]);
          break;
        }
        const results = (data.results.get(f.scheme) ?? []).filter((r) => monthsOf(r.period).every((m) => months.has(m)));
        if (f.op === 'countGraded') set(f.fact, results.filter((r) => f.grades?.includes(r.grade)).length);
        else if (f.op === 'monthsMissing') {
          const had = new Set(results.flatMap((r) => monthsOf(r.period)));
          const gaps = covered.filter((m) => !had.has(m));
          set(f.fact, gaps.length);
          if (gaps.length > 0) out.detail[f.fact] = listed(gaps);
        } else if (results.length === 0) miss(f.fact, [{ kind: 'absent', fact: f.fact }]);
        else set(f.fact, results.reduce((s, r) => s + r.score, 0) / results.length);
        break;
      }
    }
  }
  return out;
}
