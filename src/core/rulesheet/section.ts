import { both, type Bilingual, type MessageKey, type Params, t } from '../messages';
import type { Param } from '../pack/params';
import type { ColumnType, GradeBand, Indicator, Pack, PackInput, Rule } from '../pack/schema';
import type { Cell } from '../snapshot';
import { labelKey } from '../text';
import { FactDirectory } from './facts';
import type { SheetBlock, TableColumn, TableRow, TableView } from './grid';
import { problemAt, type RuleProblem } from './problem';
import type { RiskName, RuleTestCase } from './rule-tests';
import type { SchemeTestCase } from '../scheme/rule-tests';

/** A pack and the tests that come with it: what one block of the sheet holds. */
export interface PackEntry {
  pack: Pack;
  tests: RuleTestCase[];
}

/** A fact a block's rules may read as it is: a cadre pack's ledger column, a count or yes/no a branch pack works out, a scheme's column or fact. */
export interface ScoringFact {
  fact: string;
  label: string;
  labelEn?: string;
  type: ColumnType;
  /** Other names staff write for it (a ledger column's aliases). */
  aliases?: string[];
}

/**
 * A rate a block's rules may read, as a percentage. How it is computed is not
 * the shared tables' business: a cadre pack's 【计算项】 divide two columns, a
 * branch pack's rates come from its own catalogue.
 */
export interface ScoringRate {
  fact: string;
  label: string;
  labelEn?: string;
}

/**
 * A block's scoring as the tables every kind of block shares see it
 * (【指标】【规则】【等次】【规则测试】), and the checks of rule rows and the
 * change log of those tables with them: its indicators, rules and grades, and
 * the facts its rules may read, named as staff write them. A cadre pack is one
 * as it is; a branch pack (branch/facts.ts) and a scheme (scheme/view.ts) make
 * theirs from the facts they have.
 */
export interface ScoringPack {
  columns: ScoringFact[];
  derived: ScoringRate[];
  indicators: Indicator[];
  rules: Rule[];
  grades: GradeBand[];
}

/** A block's scoring and the tests of its 【规则测试】 table: what the shared tables are written from. */
export interface ScoringEntry<P extends ScoringPack = ScoringPack> {
  pack: P;
  tests: RuleTestCase[];
}

/** One column of a table as written: its header, and how its cells are kept. */
export interface ColumnOut {
  header: string;
  width: number;
  /** Values offered in a drop-down (typing others is still allowed). */
  list?: string[];
  /** Cells kept as plain text, so the spreadsheet never turns "1-2" into a date. */
  text?: boolean;
}

export interface TableOut {
  columns: ColumnOut[];
  rows: Cell[][];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The pack as it is read, before validation: every list present, the rest filled in as found. */
export interface DraftPack extends Mutable<Partial<Omit<PackInput, 'columns' | 'derived' | 'indicators' | 'rules' | 'grades' | 'ignoredColumns'>>> {
  columns: PackInput['columns'];
  derived: NonNullable<PackInput['derived']>;
  indicators: PackInput['indicators'];
  rules: PackInput['rules'];
  grades: PackInput['grades'];
  ignoredColumns: string[];
}

/** Where a rule was read: its row, and the cell of each part, for problems found after validation. */
export interface RuleSite {
  /** 1-based row, as staff see it. */
  row: number;
  conditions: Record<string, { cell: string; text: string }>;
}

export interface LocatedTest {
  /** A cadre or branch case; a scheme's case may also expect output values. */
  test: SchemeTestCase;
  /** The test's row, first cell: where the sidebar links a failure to. */
  cell: string;
}

/** Everything reading one block gathers: the draft pack, its tests, the cells things came from, and problems. */
export class ReadContext {
  readonly problems: RuleProblem[] = [];
  readonly cells = new Map<string, string>();
  readonly draft: DraftPack = { columns: [], derived: [], indicators: [], rules: [], grades: [], ignoredColumns: [] };
  readonly sites: RuleSite[] = [];
  readonly tests: LocatedTest[] = [];
  /** Indicators (ids, or names as written when unknown) some of whose rows were left out for problems. */
  readonly incomplete = new Set<string>();
  /**
   * Folded names of columns, computed values and indicators whose own rows were
   * left out for problems: rows that name them are left out too, without a
   * message of their own, since the one at the broken row says it all.
   */
  readonly broken = new Set<string>();
  /** Tables that lost rows to problems. */
  readonly partial = new Set<MessageKey>();

  isBroken(name: string): boolean {
    return this.broken.has(labelKey(name));
  }

  breakNames(...names: string[]): void {
    for (const n of names) if (n) this.broken.add(labelKey(n));
  }
  /** The block's 【参数】, by name: what {名称} in its cells may refer to. */
  params = new Map<string, Param>();
  /** Filled once the 列 and 计算项 tables are read. */
  facts = new FactDirectory([], []);
  /** What a condition header naming no known fact is told: a branch block has no 列 table to add an alias in. */
  unknownFact: MessageKey = 'rsColumnUnknown';
  /** What a test may expect values of, in columns headed 预期 and a name: only a scheme block has outputs to expect. */
  testValues?: FactDirectory;
  /** The name a scheme block's risk column and checks say in place of 软弱涣散风险. */
  riskName?: RiskName;

  constructor(
    readonly sheet: string,
    readonly block: SheetBlock,
  ) {}

  report(cell: string, message: Bilingual): void {
    this.problems.push(problemAt(this.sheet, cell, message));
  }

  /** A problem whose message has a {field} naming a column of the table. */
  reportField(cell: string, key: MessageKey, field: MessageKey, params: Params = {}): void {
    this.report(cell, both(key, { ...params, field: t(field), fieldEn: t(field, {}, 'en') }));
  }

  hasProblemAt(cell: string): boolean {
    return this.problems.some((p) => p.cell === cell);
  }
}

/**
 * One table of a pack block: how it is written from a pack and read back into
 * the draft. The tables every kind of block shares are written from its
 * ScoringPack (`Section<ScoringPack>`); the cadre block's own from its Pack.
 */
export interface Section<P extends ScoringPack = Pack> {
  /** The table's name, written as 【name】 in its title row. */
  name: MessageKey;
  hint: MessageKey;
  /** A block without this table is reported; optional tables are simply absent. */
  required: boolean;
  /** Notes on header cells that explain how to fill the column, by header word. */
  notes: Partial<Record<MessageKey, MessageKey>>;
  /** Header words of the table's own columns; any other header names a ledger column (conditions, test inputs). */
  fixed?: MessageKey[];
  /** The note on a header that names a ledger column. */
  otherNote?: MessageKey;
  /** A header made of a word and a name (预期绩效报酬系数), and its note. */
  prefixed?: { header: MessageKey; note: MessageKey };
  write(entry: ScoringEntry<P>): TableOut;
  read(view: TableView, ctx: ReadContext): void;
}

/** The column headed by a word, or a problem saying the header lacks it. */
export function needColumn(view: TableView, ctx: ReadContext, header: MessageKey): TableColumn | undefined {
  const col = view.column(t(header), t(header, {}, 'en'));
  if (!col) ctx.report(view.titleCell, both('rsHeaderMissing', { table: view.table.name, header: t(header) }));
  return col;
}

/** The first id of the form prefix1, prefix2, … not yet taken. */
export function freshId(prefix: string, taken: Set<string>): string {
  let n = 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** Rows that hold something in the table's own columns. */
export function filledRows(view: TableView): TableRow[] {
  return view.table.rows.filter((r) => view.table.columns.some((c) => view.text(r, c) !== ''));
}

/** Optional text: blank becomes undefined, so a round trip leaves absent fields absent. */
export const optional = (text: string): string | undefined => (text === '' ? undefined : text);

export const listSeparators = /[、,，;；\n]+/;
