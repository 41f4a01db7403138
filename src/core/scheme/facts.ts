import type { FactValue, LedgerRecord } from '../ledger/read';
import { t } from '../messages';
import { dayLabel, monthsOf, type PeriodId, unitsLabel, unitsWithin } from '../period';
import { labelKey } from '../text';
import type { SourceRow } from './evidence';
import type { SubjectResult } from './result';
import type { SchemeFact, SchemeLedger, Where } from './schema';
import { lastDay, monthsBetween, monthsEnding } from './units';

/** Why a fact has no value for a record. */
export type MissingReason =
  | { kind: 'absent'; fact: string }
  | { kind: 'unreadable'; fact: string }
  | { kind: 'impossible'; fact: string }
  | { kind: 'zero'; fact: string; denominator: string };

/** What one subject has, in every period: its rows of each ledger and its results in other assessments. */
export interface SubjectData {
  rows: ReadonlyMap<string, LedgerRecord[]>;
  results: ReadonlyMap<string, SubjectResult[]>;
}

/** What the whole run knows, the same for every subject: which months each ledger and each assessment covers. */
export interface FactContext {
  /**
   * The periods (months, quarters, years) the ledger covers, from anyone's
   * rows; absent for a ledger no sheet holds or a standing one. A window is
   * covered when one of them lies wholly inside it: a quarter's figures say
   * nothing about May.
   */
  ledgerUnits: ReadonlyMap<string, ReadonlySet<string>>;
  /** Ledgers whose rows say how things stand, read for every period. */
  standing: ReadonlySet<string>;
  /** Months another assessment judged anyone in. */
  resultMonths: ReadonlyMap<string, ReadonlySet<string>>;
  /** Where a record's cell for a column is, as Sheet!A1. */
  cellOf: (record: LedgerRecord, column: string) => string;
  /** Each ledger column by id, with the ledger it is read from (the first that has it): rules read its value as a fact. */
  columns: ReadonlyMap<string, string>;
  /** The ledgers some sheet holds: a fact read from any other has no data, not a zero. */
  present: ReadonlySet<string>;
  /** The scheme's ledgers by id: their titles name a gap, their period column the cell a counted row is shown by. */
  ledgers: ReadonlyMap<string, SchemeLedger>;
  /** The title of each assessment whose results are read, as a gap names it. */
  resultTitles: ReadonlyMap<string, { zh: string; en: string }>;
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

const plans = new WeakMap<SchemeFact[], WeakMap<ReadonlyMap<string, string>, { declared: ReadonlySet<string>; order: SchemeFact[] }>>();

/** The facts' ids and their order, worked out once per assessment rather than once per subject. */
function planOf(facts: SchemeFact[], columns: ReadonlyMap<string, string>) {
  let byColumns = plans.get(facts);
  if (!byColumns) plans.set(facts, (byColumns = new WeakMap()));
  let plan = byColumns.get(columns);
  if (!plan) byColumns.set(columns, (plan = { declared: new Set(facts.map((f) => f.fact)), order: inOrder(facts, new Set(columns.keys())) }));
  return plan;
}

/** A map whose entries for the values read straight from a row are made only when asked for: most never are. */
class RowBacked<V> extends Map<string, V> {
  constructor(private readonly make: (fact: string) => V | undefined) {
    super();
  }

  override get(fact: string): V | undefined {
    if (!super.has(fact)) {
      const made = this.make(fact);
      if (made !== undefined) super.set(fact, made);
    }
    return super.get(fact);
  }
}

const words = (l: { title: string; titleEn?: string } | undefined, id: string) => ({ zh: l?.title ?? id, en: l?.titleEn ?? l?.title ?? id });

/**
 * The facts of one subject for one period, each after the facts it reads. A
 * fact with nothing to stand on is null with its reasons: the cells (a blank
 * rating) for the indicators that read it, and the gap in the data (no such
 * ledger, a period it does not cover, no row of the subject, an empty
 * column) for the must-meet items and the rescaled score. Each value keeps
 * the rows it rests on.
 */
export function gatherFacts(facts: SchemeFact[], data: SubjectData, unit: PeriodId, ctx: FactContext): GatheredFacts {
  // A value read straight from the subject's row points at its cell; that cell is worked out only when a flag or an item asks.
  const read = new Map<string, { row: LedgerRecord; column: string }>();
  const cellOf = (fact: string) => {
    const r = read.get(fact);
    return r && ctx.cellOf(r.row, r.column);
  };
  const out: GatheredFacts = {
    ...givenFacts({ always: true }),
    cells: new RowBacked((fact) => {
      const at = cellOf(fact);
      return at === undefined ? undefined : [at];
    }),
    evidence: new RowBacked((fact) => {
      const at = cellOf(fact);
      const r = read.get(fact);
      return at === undefined || !r ? undefined : [{ sheet: r.row.sheet, row: r.row.row, cell: at.slice(r.row.sheet.length + 1) }];
    }),
  };
  const months = new Set(monthsOf(unit));
  const set = (fact: string, value: FactValue) => {
    out.values[fact] = value;
  };
  const miss = (fact: string, reasons: MissingReason[], gap?: DataGap) => {
    out.values[fact] = null;
    out.missing.set(fact, reasons);
    if (gap) out.gaps.set(fact, gap);
  };
  const ledgerOf = (id: string) => ctx.ledgers.get(id);
  const title = (id: string) => words(ledgerOf(id), id);
  const label = (ledger: string, column: string) => {
    const c = ledgerOf(ledger)?.columns.find((x) => x.fact === column);
    return { zh: c?.label ?? column, en: c?.labelEn ?? c?.label ?? column };
  };
  const periodColumn = (ledger: string) => ledgerOf(ledger)?.columns.find((c) => c.role === 'period')?.fact;
  const shown = (r: LedgerRecord, column: string | undefined): SourceRow => {
    const at = ctx.cellOf(r, column ?? '');
    return { sheet: r.sheet, row: r.row, cell: at.slice(r.sheet.length + 1) };
  };
  // The period's rows of a ledger are asked for once per column read from it: worked out once.
  const ofUnit = new Map<string, LedgerRecord[]>();
  const within = (ledger: string, window: Set<string>) => (data.rows.get(ledger) ?? []).filter((r) => ctx.standing.has(ledger) || monthsOf(r.period).every((m) => window.has(m)));
  const inUnit = (ledger: string, window?: Set<string>): LedgerRecord[] => {
    if (window) return within(ledger, window);
    if (!ofUnit.has(ledger)) ofUnit.set(ledger, within(ledger, months));
    return ofUnit.get(ledger)!;
  };
  const where = (rows: LedgerRecord[], w: Where | undefined) => (w ? rows.filter((r) => matches(r.facts[w.column] ?? null, w)) : rows);
  /** No such ledger, or none of the window covered: nobody could have data. */
  const ledgerGap = (ledger: string, window: Set<string>): DataGap | undefined => {
    if (!ctx.present.has(ledger)) return { reason: 'noLedger', ledger: title(ledger) };
    if (ctx.standing.has(ledger)) return undefined;
    const units = [...(ctx.ledgerUnits.get(ledger) ?? [])];
    if (!units.some((u) => monthsOf(u).every((m) => window.has(m)))) return { reason: 'uncovered', ledger: title(ledger) };
    return undefined;
  };
  const absent = (fact: string): MissingReason[] => [{ kind: 'absent', fact }];
  const coveredMonths = (ledger: string) => new Set([...(ctx.ledgerUnits.get(ledger) ?? [])].flatMap((u) => monthsOf(u)));

  const valueOf = (fact: string, ledger: string, column: string) => {
    const row = inUnit(ledger)[0];
    const value = row?.facts[column] ?? null;
    if (row) read.set(fact, { row, column });
    if (value !== null) return set(fact, value);
    const kind = row?.impossible.has(column) ? 'impossible' : row?.unreadable.has(column) ? 'unreadable' : 'absent';
    const gap = ledgerGap(ledger, months) ?? (row ? { reason: 'notRecorded' as const, ledger: title(ledger), inputs: [label(ledger, column)] } : { reason: 'notReported' as const, ledger: title(ledger) });
    miss(fact, [{ kind, fact }], gap);
  };
  // A column's own value in the subject's row needs no 数据项 of its own: rules name the column.
  const { declared, order } = planOf(facts, ctx.columns);
  for (const [column, ledger] of ctx.columns) if (!declared.has(column)) valueOf(column, ledger, column);

  for (const f of order) {
    switch (f.source) {
      case 'value':
        valueOf(f.fact, f.ledger, f.column);
        break;
      case 'rows': {
        const window = f.years ? monthsEnding(unit, f.years) : months;
        const all = inUnit(f.ledger, f.years ? window : undefined);
        const rows = where(all, f.where);
        const gap = ledgerGap(f.ledger, window);
        if (f.op === 'count') {
          // A count of nothing points at the subject's rows it did not count (a member developed three years ago).
          const behind = rows.length > 0 ? rows : (data.rows.get(f.ledger) ?? []);
          out.evidence.set(f.fact, behind.map((r) => shown(r, periodColumn(f.ledger))));
          if (gap) miss(f.fact, absent(f.fact), gap);
          else set(f.fact, rows.length);
          break;
        }
        const column = f.column!;
        const counted = rows.filter((r) => typeof r.facts[column] === 'number');
        out.evidence.set(f.fact, (counted.length > 0 ? counted : rows).map((r) => shown(r, column)));
        if (counted.length === 0) {
          const kind = rows.some((r) => r.unreadable.has(column) || r.impossible.has(column)) ? 'unreadable' : 'absent';
          out.cells.set(f.fact, rows.map((r) => ctx.cellOf(r, column)));
          miss(f.fact, [{ kind, fact: f.fact }], gap ?? (all.length === 0 ? { reason: 'notReported', ledger: title(f.ledger) } : { reason: 'notRecorded', ledger: title(f.ledger), inputs: [label(f.ledger, column)] }));
          break;
        }
        const numbers = counted.map((r) => r.facts[column] as number);
        const sum = numbers.reduce((a, b) => a + b, 0);
        if (gap) miss(f.fact, absent(f.fact), gap);
        else set(f.fact, f.op === 'sum' ? sum : f.op === 'mean' ? sum / numbers.length : f.op === 'min' ? Math.min(...numbers) : Math.max(...numbers));
        break;
      }
      case 'ratio': {
        const num = out.values[f.numerator];
        const den = out.values[f.denominator];
        out.evidence.set(f.fact, [...(out.evidence.get(f.numerator) ?? []), ...(out.evidence.get(f.denominator) ?? [])]);
        const gap = out.gaps.get(f.denominator) ?? out.gaps.get(f.numerator);
        const zero = { reason: 'notApplicable' as const, ledger: { zh: '', en: '' } };
        if (den === 0) miss(f.fact, [{ kind: 'zero', fact: f.fact, denominator: f.denominator }], gap ?? zero);
        else if (typeof num === 'number' && typeof den === 'number') {
          set(f.fact, num / den);
          out.detail[f.fact] = { zh: `${num}/${den}`, en: `${num}/${den}` };
        } else miss(f.fact, [f.denominator, f.numerator].flatMap((x) => out.missing.get(x) ?? []), gap);
        break;
      }
      case 'either': {
        const first = f.facts.find((x) => out.values[x] !== null && out.values[x] !== undefined);
        if (first !== undefined) {
          set(f.fact, out.values[first]!);
          out.evidence.set(f.fact, out.evidence.get(first) ?? []);
          if (out.detail[first]) out.detail[f.fact] = out.detail[first]!;
        } else miss(f.fact, f.facts.flatMap((x) => out.missing.get(x) ?? []), out.gaps.get(f.facts[0]!));
        break;
      }
      case 'unitsWithout': {
        const units = unitsWithin(unit, f.per);
        const inPeriod = inUnit(f.ledger);
        const held = where(inPeriod, f.where);
        out.evidence.set(f.fact, (held.length > 0 ? held : inPeriod).map((r) => shown(r, periodColumn(f.ledger))));
        // A yearly item is not due in a quarter: no one's failing, and nothing to say.
        if (units.length === 0) {
          miss(f.fact, absent(f.fact), { reason: 'notDue', ledger: title(f.ledger) });
          break;
        }
        const gap = ledgerGap(f.ledger, months);
        if (gap) {
          miss(f.fact, absent(f.fact), gap);
          break;
        }
        const covered = coveredMonths(f.ledger);
        const missed: string[] = [];
        let judged = 0;
        for (const u of units) {
          const inside = new Set(monthsOf(u));
          const count = held.filter((r) => monthsOf(r.period).every((m) => inside.has(m))).length;
          if (count >= f.min) judged++;
          else if ([...inside].every((m) => covered.has(m))) {
            judged++;
            missed.push(u);
          }
        }
        if (judged === 0) {
          // A year covered from April to June has no rows for the other nine months, not none for the year.
          const gaps = [...months].filter((m) => !covered.has(m));
          miss(f.fact, absent(f.fact), { reason: 'uncovered', ledger: title(f.ledger), months: gaps });
          break;
        }
        set(f.fact, missed.length);
        if (missed.length > 0) out.detail[f.fact] = { zh: unitsLabel(missed), en: unitsLabel(missed, 'en') };
        break;
      }
      case 'covered': {
        const gap = ledgerGap(f.ledger, months);
        if (gap) miss(f.fact, absent(f.fact), gap);
        else set(f.fact, [...months].filter((m) => coveredMonths(f.ledger).has(m)).length);
        break;
      }
      case 'attendance': {
        const gap = ledgerGap(f.ledger, months);
        const held = where(inUnit(f.ledger), f.where);
        const counted = held.filter((r) => typeof r.facts[f.present] === 'number' && typeof r.facts[f.expected] === 'number' && (r.facts[f.expected] as number) > 0);
        if (gap) {
          miss(f.fact, absent(f.fact), gap);
          break;
        }
        if (held.length === 0) {
          miss(f.fact, absent(f.fact), { reason: 'notApplicable', ledger: title(f.ledger) });
          break;
        }
        if (counted.length === 0) {
          out.evidence.set(f.fact, held.map((r) => shown(r, periodColumn(f.ledger))));
          miss(f.fact, absent(f.fact), { reason: 'notRecorded', ledger: title(f.ledger), inputs: [label(f.ledger, f.expected), label(f.ledger, f.present)] });
          break;
        }
        const rate = (r: LedgerRecord) => (r.facts[f.present] as number) / (r.facts[f.expected] as number);
        const lowest = counted.reduce((a, b) => (rate(b) < rate(a) ? b : a));
        set(f.fact, rate(lowest));
        const column = periodColumn(f.ledger);
        const when = column ? lowest.facts[column] : null;
        const day = typeof when === 'string' ? when : lowest.period;
        out.detail[f.fact] = { zh: dayLabel(day), en: day };
        out.evidence.set(f.fact, [shown(lowest, periodColumn(f.ledger))]);
        break;
      }
      case 'monthsSince': {
        const end = lastDay(unit);
        const all = inUnit(f.ledger, ctx.standing.has(f.ledger) ? undefined : new Set(monthsEnding(unit, 100)));
        if (!ctx.present.has(f.ledger) || all.length === 0) {
          miss(f.fact, absent(f.fact), { reason: ctx.present.has(f.ledger) ? 'notReported' : 'noLedger', ledger: title(f.ledger) });
          break;
        }
        const dates = where(all, f.where)
          .map((r) => ({ r, d: r.facts[f.column] }))
          .filter((x): x is { r: LedgerRecord; d: string } => typeof x.d === 'string' && x.d <= end)
          .sort((a, b) => b.d.localeCompare(a.d));
        const latest = dates[0];
        set(f.fact, latest ? Math.max(0, monthsBetween(latest.d, end)) : 0);
        if (latest) {
          out.cells.set(f.fact, [ctx.cellOf(latest.r, f.column)]);
          out.evidence.set(f.fact, [shown(latest.r, f.column)]);
          out.detail[f.fact] = { zh: latest.d, en: latest.d };
        }
        break;
      }
      case 'results': {
        const judged = ctx.resultMonths.get(f.scheme);
        const source = ctx.resultTitles.get(f.scheme) ?? { zh: f.scheme, en: f.scheme };
        const covered = [...months].filter((m) => judged?.has(m)).sort();
        if (!judged || covered.length === 0) {
          miss(f.fact, absent(f.fact), { reason: judged ? 'uncovered' : 'noLedger', ledger: source });
          break;
        }
        const results = (data.results.get(f.scheme) ?? []).filter((r) => monthsOf(r.period).every((m) => months.has(m)));
        const rowsOf = (list: SubjectResult[]) => list.flatMap((r) => (r.source ? [{ sheet: r.source.sheet, row: r.source.row, cell: r.source.cell ?? `A${r.source.row}` }] : []));
        if (f.op === 'monthsMissing') {
          const had = new Set(results.flatMap((r) => monthsOf(r.period)));
          const gaps = covered.filter((m) => !had.has(m));
          set(f.fact, gaps.length);
          if (gaps.length > 0) out.detail[f.fact] = listed(gaps);
          break;
        }
        if (results.length === 0) {
          // A branch with no stationed cadre has no one to fail; a cadre with no month has no mean.
          if (f.op === 'countGraded') set(f.fact, 0);
          else miss(f.fact, absent(f.fact), { reason: f.op === 'subjectsGraded' ? 'notApplicable' : 'notReported', ledger: source });
          break;
        }
        if (f.op === 'countGraded' || f.op === 'subjectsGraded') {
          const graded = results.filter((r) => f.grades?.includes(r.grade));
          const byName = new Map<string, string[]>();
          for (const r of graded) byName.set(r.name, [...(byName.get(r.name) ?? []), r.period]);
          set(f.fact, f.op === 'countGraded' ? graded.length : byName.size);
          const named = [...byName];
          out.detail[f.fact] = { zh: named.map(([n, ps]) => `${n}（${unitsLabel(ps)}）`).join('、'), en: named.map(([n, ps]) => `${n} (${unitsLabel(ps, 'en')})`).join(', ') };
          out.evidence.set(f.fact, rowsOf(graded.length > 0 ? graded : results));
        } else {
          set(f.fact, results.reduce((s, r) => s + r.score, 0) / results.length);
          out.evidence.set(f.fact, rowsOf(results));
        }
        break;
      }
    }
  }
  return out;
}
