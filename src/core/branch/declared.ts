import type { ColumnMapping } from '../ledger/columns';
import type { FactValue, LedgerInfo, LedgerRecord, Warning } from '../ledger/read';
import { both } from '../messages';
import { monthsOf, type PeriodId } from '../period';
import type { WorkbookSnapshot } from '../snapshot';
import { a1Column } from '../scheme/cells';
import { type FactContext, gatherFacts, inOrder, matches } from '../scheme/facts';
import { declaredKind } from '../scheme/ledgers';
import { readDeclaredLedgers } from '../scheme/read';
import type { SchemeFact, SchemeLedger } from '../scheme/schema';
import { monthsEnding } from '../scheme/units';
import { declaredLedgerOf } from './catalogue';
import type { SourceRow } from '../scheme/evidence';
import type { BranchFacts, MissingFact } from './facts';
import type { SheetKinds } from './ledgers';
import type { BranchRoster } from './names';
import type { BranchPack } from './schema';
import type { UnmatchedName } from './work';

/**
 * The ledgers the branch pack declares as data (支部基本情况, 群众满意度测评,
 * 发展党员), read once, their rows given to the branch the roster matches
 * them to, and their facts gathered per branch and period by the generic
 * assessment model's `gatherFacts`. What is added here is only what the branch
 * assessment says beyond a value: why a fact has none (no such ledger, a
 * period it does not cover, a branch it has no row for, an empty cell) and the
 * rows behind it.
 */
export interface DeclaredBranchLedgers {
  /** The sheets read as each declared ledger, by ledger id. */
  infos: Record<string, LedgerInfo[]>;
  /** Each branch's rows, by roster id, then by ledger id. */
  rows: Map<string, Map<string, LedgerRecord[]>>;
  unmatched: UnmatchedName[];
  warnings: Warning[];
  /** Declared ledgers some sheet holds. */
  present: Set<string>;
  context: FactContext;
}

export interface DeclaredOptions {
  mapping?: ColumnMapping;
  defaultPeriod?: string;
  today?: string;
}

const subjectOf = (ledger: SchemeLedger) => ledger.columns.find((c) => c.role === 'subject')!.fact;

/** Reads the pack's declared ledgers from the sheets the classification gave them and matches each row's branch name. */
export function collectDeclared(workbook: WorkbookSnapshot, pack: BranchPack, kinds: SheetKinds, roster: BranchRoster, rosterTitle: { zh: string; en: string }, options: DeclaredOptions): DeclaredBranchLedgers {
  const read = readDeclaredLedgers(workbook, pack, kinds, options);
  const infos = new Map<string, LedgerInfo>();
  const unmatched = new Map<string, UnmatchedName>();
  const ledgerMonths = new Map<string, Set<string>>();
  const out: DeclaredBranchLedgers = {
    infos: {},
    rows: new Map(),
    unmatched: [],
    warnings: [],
    present: new Set(),
    context: {
      ledgerMonths,
      standing: new Set(pack.ledgers.filter((l) => l.standing).map((l) => l.id)),
      // The branch pack reads no other assessment's results: its cadre results come in through its own facts.
      resultMonths: new Map(),
      cellOf: (record, column) => `${record.sheet}!${a1Column(infos.get(record.sheet), column) ?? 'A'}${record.row}`,
      // Branch rules read the declared facts, not the ledgers' columns as they are.
      columns: new Map(),
    },
  };
  for (const ledger of pack.ledgers) {
    const r = read.get(ledger.id)!;
    out.infos[ledger.id] = r.infos;
    out.warnings.push(...r.warnings);
    for (const info of r.infos) infos.set(info.sheet, info);
    if (r.infos.length === 0) continue;
    out.present.add(ledger.id);
    if (!ledger.standing) ledgerMonths.set(ledger.id, new Set(r.records.flatMap((x) => monthsOf(x.period))));
    for (const record of r.records) {
      const branch = roster.match(record.name);
      if (!branch) {
        const cell = `${a1Column(infos.get(record.sheet), subjectOf(ledger)) ?? 'A'}${record.row}`;
        const key = `${record.sheet}\u0000${record.name}`;
        const seen = unmatched.get(key);
        if (seen) seen.rows++;
        else {
          unmatched.set(key, { name: record.name, ledger: ledger.title, ledgerEn: ledger.titleEn ?? ledger.title, sheet: record.sheet, cell, rows: 1 });
          out.warnings.push({ sheet: record.sheet, cell, ...both('nameUnmatched', { name: record.name, roster: rosterTitle.zh, rosterEn: rosterTitle.en }) });
        }
        continue;
      }
      if (!out.rows.has(branch.id)) out.rows.set(branch.id, new Map());
      const mine = out.rows.get(branch.id)!;
      if (!mine.has(ledger.id)) mine.set(ledger.id, []);
      mine.get(ledger.id)!.push(record);
    }
  }
  out.unmatched = [...unmatched.values()];
  return out;
}

/** The months a declared fact reads rows of: the period, the `years` ending with it, or everything up to its end (a date fallen vacant). */
function windowOf(f: SchemeFact, period: PeriodId): Set<string> {
  if (f.source === 'rows' && f.years) return monthsEnding(period, f.years);
  if (f.source === 'monthsSince') return monthsEnding(period, 100);
  return new Set(monthsOf(period));
}

/** "Sheet!D3" as a source row. */
function sourceRow(cell: string): SourceRow | undefined {
  const at = cell.lastIndexOf('!');
  const row = Number(/\d+$/.exec(cell)?.[0]);
  return at > 0 && row > 0 ? { sheet: cell.slice(0, at), row, cell: cell.slice(at + 1) } : undefined;
}

/**
 * Adds one branch's declared facts for one period to its built-in facts, so
 * must-meet items, scoring rules and risk criteria read them alike.
 */
export function addDeclaredFacts(pack: BranchPack, declared: DeclaredBranchLedgers, branchId: string, period: PeriodId, out: BranchFacts): void {
  if (pack.declaredFacts.length === 0) return;
  const rows = declared.rows.get(branchId) ?? new Map<string, LedgerRecord[]>();
  const ctx = declared.context;
  const gathered = gatherFacts(pack.declaredFacts, { rows, results: new Map() }, period, ctx);
  const ledgers = new Map(pack.ledgers.map((l) => [l.id, l]));
  const kind = (f: SchemeFact) => declaredKind(pack.id, declaredLedgerOf(pack.declaredFacts, f) ?? '');

  const missing = (fact: string, gap: MissingFact) => {
    out.values[fact] = null;
    out.missing.set(fact, gap);
  };
  // After what each reads, whatever order the sheet lists them in: a ratio reads the values set before it.
  for (const f of inOrder(pack.declaredFacts, new Set())) {
    const evidence: SourceRow[] = [];
    let value: FactValue = gathered.values[f.fact] ?? null;
    let gap: MissingFact | undefined;
    if ('ledger' in f) {
      const ledger = ledgers.get(f.ledger)!;
      const window = windowOf(f, period);
      const standing = ctx.standing.has(f.ledger);
      const within = (rows.get(f.ledger) ?? []).filter((r) => standing || monthsOf(r.period).every((m) => window.has(m)));
      const where = 'where' in f ? f.where : undefined;
      const matching = where ? within.filter((r) => matches(r.facts[where.column] ?? null, where)) : within;
      const column = 'column' in f && f.column ? f.column : f.source === 'attendance' ? f.present : subjectOf(ledger);
      const shown = (r: LedgerRecord): SourceRow => ({ sheet: r.sheet, row: r.row, cell: ctx.cellOf(r, column).slice(r.sheet.length + 1) });
      const cells = (gathered.cells.get(f.fact) ?? []).map(sourceRow).filter((r): r is SourceRow => r !== undefined);
      // A count of nothing points at the branch's rows it did not count (a member developed three years ago).
      evidence.push(...(cells.length > 0 ? cells : f.source === 'monthsSince' ? [] : matching.length > 0 ? matching.map(shown) : (rows.get(f.ledger) ?? []).map(shown)));
      if (!declared.present.has(f.ledger)) gap = { reason: 'noLedger', ledger: kind(f) };
      else if (!standing && ![...(ctx.ledgerMonths.get(f.ledger) ?? [])].some((m) => window.has(m))) gap = { reason: 'uncovered', ledger: kind(f) };
      else if (gathered.missing.has(f.fact)) {
        const read = [column, ...(f.source === 'attendance' ? [f.expected] : [])].map((c) => ledger.columns.find((x) => x.fact === c)!);
        gap = within.length === 0 ? { reason: 'notReported', ledger: kind(f) } : { reason: 'notRecorded', ledger: kind(f), inputs: read.map((c) => ({ zh: c.label, en: c.labelEn ?? c.label })) };
      }
    } else if (f.source === 'ratio') {
      // Either part may be a built-in fact (办结数), which the generic gathering does not know: divide what the branch has.
      const [num, den] = [out.values[f.numerator], out.values[f.denominator]];
      value = typeof num === 'number' && typeof den === 'number' && den !== 0 ? num / den : null;
      gap = out.missing.get(f.denominator) ?? out.missing.get(f.numerator);
      evidence.push(...(out.evidence.get(f.numerator) ?? []), ...(out.evidence.get(f.denominator) ?? []));
      // With both counts there, only a zero whole leaves a rate without a value.
      if (!gap && value === null) gap = { reason: 'notApplicable', ledger: kind(f) };
      if (!gap) out.detail[f.fact] = { zh: `${out.values[f.numerator]}/${out.values[f.denominator]}`, en: `${out.values[f.numerator]}/${out.values[f.denominator]}` };
    } else if (f.source === 'either') {
      const first = f.facts.find((x) => out.values[x] !== null && out.values[x] !== undefined);
      if (first === undefined) gap = out.missing.get(f.facts[0]!) ?? { reason: 'notRecorded', ledger: kind(f) };
      else {
        value = out.values[first]!;
        evidence.push(...(out.evidence.get(first) ?? []));
        if (out.detail[first]) out.detail[f.fact] = out.detail[first]!;
      }
    } else gap = { reason: 'notApplicable', ledger: kind(f) };

    out.evidence.set(f.fact, evidence);
    if (gap) missing(f.fact, gap);
    else {
      out.values[f.fact] = value;
      const detail = gathered.detail[f.fact];
      if (detail) out.detail[f.fact] = detail;
    }
  }
}
