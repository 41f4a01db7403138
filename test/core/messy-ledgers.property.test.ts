import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import branchPackJson from '../../rules/branch.json';
import { type Assessment, assessWorkbook, CadreAssessor, type CadreResult } from '../../src/core/assess/assess';
import { validateBranchPack } from '../../src/core/branch/validate';
import { ColumnMatcher } from '../../src/core/ledger/columns';
import { readLedgers, type Warning } from '../../src/core/ledger/read';
import { daysOf } from '../../src/core/ledger/ranges';
import { ruleInputs } from '../../src/core/pack/compile';
import { columnRange } from '../../src/core/pack/range';
import type { Column } from '../../src/core/pack/schema';
import { assessAll, runSummaries, runTables } from '../../src/core/run';
import { type Cell, mergeFromA1, type SheetSnapshot } from '../../src/core/snapshot';
import { simplified } from '../../src/core/text';
import { isDitto } from '../../src/core/values';
import { loadWorkbook } from '../../src/node/workbook-file';
import {
  addressOf,
  columnBlocks,
  edit,
  fullWidth,
  GARBAGE,
  insertRows,
  type Mutated,
  originOf,
  permutation,
  permuteColumns,
  plainNumber,
  type Script,
  SCRIPTS,
  splitHeader,
  start,
  traditional,
} from '../fixtures/messy';
import { defaultPack } from '../fixtures/pack';

/**
 * The month sheets of the example workbook, mutated as real ledgers come in:
 * columns reordered, blank, 合计 and pre-numbered rows between the cadres,
 * labels in traditional characters, numbers in full-width digits or with
 * units, a one-row header split into a merged two-row one — and some cells
 * damaged (garbage, negative, huge, fractional counts, a part over its whole,
 * days beyond the month). Whatever the mix, the run must not throw, every
 * damaged cell is warned where it now is and scores as missing, and every
 * other cadre comes out exactly as in the untouched sheet.
 */
const EXAMPLE = 'examples/驻村干部台账示例.xlsx';
const SEED = 20240506;
const RUNS = 80;
const pack = defaultPack();
const columnOf = new Map(pack.columns.map((c) => [c.fact, c]));
const assessor = new CadreAssessor(pack);

/** A month sheet of the example as read before any mutation. */
interface Profile {
  sheet: SheetSnapshot;
  /** 0-based header rows. */
  headerTop: number;
  headerBottom: number;
  /** 0-based rows that are cadre records. */
  dataRows: number[];
  /** fact → 0-based column. */
  cols: Map<string, number>;
  /** The 序号 column, where pre-numbered template rows carry their number. */
  numberCol: number | undefined;
  period: string;
  baseline: Assessment;
  /** Results by 0-based original row. */
  byRow: Map<number, CadreResult>;
  /** Where rows may go: before these rows, between records, never inside a merge that spans rows. */
  gaps: number[];
  blocks: number[][];
}

let profiles: Profile[] = [];
let infoSheet: SheetSnapshot;

const colIndex = (cell: string) => mergeFromA1(cell).left;

beforeAll(async () => {
  const { snapshot } = await loadWorkbook(EXAMPLE);
  infoSheet = snapshot.sheets.find((s) => s.name === '填表说明')!;
  for (const sheet of snapshot.sheets) {
    const alone = { sheets: [sheet] };
    const read = readLedgers(alone, pack);
    const info = read.ledgers[0];
    if (!info) continue;
    const baseline = await assessWorkbook(alone, pack);
    const byRow = new Map(baseline.cadres.map((c) => [c.source.row - 1, c]));
    const dataRows = read.records.map((r) => r.row - 1);
    const headerTop = info.headerRows[0] - 1;
    const headerBottom = info.headerRows[1] - 1;
    const m = start(sheet);
    const spans = sheet.merges.filter((x) => x.bottom > x.top);
    const gaps = [...dataRows, Math.max(...dataRows) + 1].filter((g) => !spans.some((x) => x.top < g && x.bottom >= g));
    const numberCol = m.sheet.values[headerTop]!.findIndex((v) => typeof v === 'string' && /^序[号號]$/.test(v.trim()));
    profiles.push({
      sheet: m.sheet,
      headerTop,
      headerBottom,
      dataRows,
      cols: new Map(info.columns.map((c) => [c.fact, colIndex(c.cell)])),
      numberCol: numberCol >= 0 ? numberCol : undefined,
      period: read.records[0]!.period,
      baseline,
      byRow,
      gaps,
      blocks: columnBlocks(m, headerTop),
    });
  }
  expect(profiles.map((p) => p.sheet.name)).toEqual(['2024年4月驻村干部台账', '5月台账', '2024.06']);
});

// ---------------------------------------------------------------- damage

/** A cell made impossible or unreadable; a part over its whole also writes the whole (a possible value). */
interface Damage {
  kind: string;
  fact: string;
  value: Cell;
  whole?: { fact: string; value: number };
}

type Written = 'number' | 'text' | 'fullWidth';
const written = (n: number, how: Written): Cell => (how === 'number' ? n : how === 'text' ? String(n) : fullWidth(String(n)));
const writtenArb = fc.constantFrom<Written>('number', 'text', 'fullWidth');
const numberDamage = (kind: string, fact: string, values: fc.Arbitrary<number>) =>
  fc.tuple(values, writtenArb).map(([n, how]): Damage => ({ kind, fact, value: written(n, how) }));

/** Every way the cell of `fact` can be damaged on a row of the given month. */
function damageArbs(fact: string, period: string, present: Set<string>): fc.Arbitrary<Damage>[] {
  const column = columnOf.get(fact)!;
  const arbs: fc.Arbitrary<Damage>[] = [fc.constantFrom(...GARBAGE).map((text): Damage => ({ kind: 'garbage', fact, value: text }))];
  if (column.type !== 'number') return arbs;
  const range = columnRange(column);
  if (range?.min === 0) arbs.push(numberDamage('negative', fact, fc.oneof(fc.integer({ min: -1000, max: -1 }), fc.constantFrom(-0.5, -1e308))));
  if (range?.whole) {
    arbs.push(numberDamage('huge', fact, fc.constantFrom(1e16, 1e20, 1e308, 2 ** 53)));
    arbs.push(numberDamage('fraction', fact, fc.tuple(fc.integer({ min: 0, max: 50 }), fc.constantFrom(0.5, 0.25, 0.1)).map(([n, f]) => n + f)));
  }
  if (range?.max === 'periodDays') arbs.push(numberDamage('overDays', fact, fc.oneof(fc.integer({ min: daysOf(period) + 1, max: 400 }), fc.constantFrom(1e10, 1e308))));
  if (typeof range?.max === 'number') arbs.push(numberDamage('overScale', fact, fc.oneof(fc.integer({ min: range.max + 1, max: 1000 }), fc.constantFrom(range.max + 0.5, 1e10, 1e308))));
  if (column.atMost && present.has(column.atMost)) {
    const whole = column.atMost;
    arbs.push(
      fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 30 })).map(([w, over]): Damage => ({ kind: 'overWhole', fact, value: w + over, whole: { fact: whole, value: w } })),
    );
  }
  return arbs;
}

const factsOf = (d: Damage) => (d.whole ? [d.fact, d.whole.fact] : [d.fact]);

/**
 * Facts a row's damage may hit: numbers and yes/no marks — not one whose cell
 * the next record copies with a ditto mark (同上), since that row would then
 * change too without being touched.
 */
function damageable(p: Profile, row: number): string[] {
  const next = p.dataRows[p.dataRows.indexOf(row) + 1];
  return [...p.cols.keys()].filter((fact) => {
    const type = columnOf.get(fact)!.type;
    const copied = next !== undefined && isDitto(p.sheet.values[next]![p.cols.get(fact)!] ?? null);
    return (type === 'number' || type === 'boolean') && !copied;
  });
}

function rowDamagesArb(p: Profile, row: number): fc.Arbitrary<{ row: number; damages: Damage[] }> {
  const facts = damageable(p, row);
  const present = new Set(facts);
  return fc
    .uniqueArray(fc.constantFrom(...facts), { minLength: 1, maxLength: 3 })
    .chain((chosen) => fc.tuple(...chosen.map((f) => fc.oneof(...damageArbs(f, p.period, present)))))
    .map((damages) => {
      // Two damages on the same cell (a part's whole damaged on its own too) would be one damage, not two.
      const taken = new Set<string>();
      const kept = damages.filter((d) => !factsOf(d).some((f) => taken.has(f)) && factsOf(d).every((f) => taken.add(f)));
      return { row, damages: kept };
    });
}

// ---------------------------------------------------------------- harmless mutations

/** Units staff write after a number, by fact; ratings may be typed as "96%". */
const UNITS: Record<string, string[]> = {
  days: ['天', '日'],
  households: ['户', '戶'],
  visits: ['户', '戶'],
  promised: ['项', '件', '个'],
  fulfilled: ['项', '件', '个'],
  leaderScore: ['分', '%'],
  publicScore: ['分', '%'],
};
type FormatKind = 'fullWidth' | 'unit' | 'text' | 'fullWidthUnit';
interface Format {
  row: number;
  fact: string;
  kind: FormatKind;
  unit: number;
}

function formatted(cell: Cell, fact: string, f: Format): Cell | undefined {
  const text = plainNumber(cell);
  if (text === undefined) return undefined;
  const units = columnOf.get(fact)!.type === 'number' ? UNITS[fact] ?? [] : [];
  const unit = units.length > 0 ? units[f.unit % units.length]! : '';
  switch (f.kind) {
    case 'text':
      return text;
    case 'fullWidth':
      return fullWidth(text);
    case 'unit':
      return text + unit;
    case 'fullWidthUnit':
      return fullWidth(text) + unit;
  }
}

/** 合计 and its kin as staff label a total row; the traditional ones too. */
const TOTAL_LABELS = ['合计', '小计', '总计', '合 计', '东片小计', '本页合计', '合計', '小計'];
/** Group labels over a run of columns: words that name no column of the pack, nor one it ignores. */
const GROUPS = ['工作情况', '考核内容', '基本信息', '履职情况', '工作实绩'];

interface Insert {
  before: number;
  kind: 'blank' | 'total' | 'numbered';
  label: string;
  at: 'first' | 'name';
  blank: Cell;
}

interface Case {
  sheet: number;
  damaged: { row: number; damages: Damage[] }[];
  formats: Format[];
  script: Script | null;
  /** Also the words in number and yes/no cells (有 / 無 / 是 / 否) in the script. */
  scriptData: boolean;
  order: number[];
  inserts: Insert[];
  split: { from: number; length: number; group: string; mergedDown: boolean } | null;
}

function caseArb(withDamage: boolean): fc.Arbitrary<Case> {
  return fc.integer({ min: 0, max: profiles.length - 1 }).chain((sheet) => {
    const p = profiles[sheet]!;
    const numeric = [...p.cols.keys()].filter((f) => ['number', 'boolean'].includes(columnOf.get(f)!.type));
    const width = p.sheet.values[0]!.length;
    const blockOrder = fc.tuple(permutation(p.blocks.map((_, i) => i)), fc.tuple(...p.blocks.map((b) => permutation(b))));
    const order = fc.oneof(
      { weight: 1, arbitrary: fc.constant(p.sheet.values[0]!.map((_, c) => c)) },
      { weight: 4, arbitrary: blockOrder.map(([blocks, inner]) => blocks.flatMap((i) => inner[i]!)) },
    );
    return fc.record({
      sheet: fc.constant(sheet),
      damaged: withDamage
        ? fc.uniqueArray(fc.constantFrom(...p.dataRows), { maxLength: 4 }).chain((rows) => fc.tuple(...rows.map((r) => rowDamagesArb(p, r))))
        : fc.constant([]),
      formats: fc.array(fc.record({ row: fc.constantFrom(...p.dataRows), fact: fc.constantFrom(...numeric), kind: fc.constantFrom<FormatKind>('fullWidth', 'unit', 'text', 'fullWidthUnit'), unit: fc.nat(5) }), { maxLength: 30 }),
      script: fc.option(fc.constantFrom(...SCRIPTS), { nil: null }),
      scriptData: fc.boolean(),
      order,
      inserts: fc.array(
        fc.record({
          before: fc.constantFrom(...p.gaps),
          kind: fc.constantFrom<Insert['kind']>('blank', 'total', 'numbered'),
          label: fc.constantFrom(...TOTAL_LABELS),
          at: fc.constantFrom<Insert['at']>('first', 'name'),
          blank: fc.constantFrom<Cell>(null, '', ' ', '\u3000'),
        }),
        { maxLength: 4 },
      ),
      split:
        p.headerTop === p.headerBottom
          ? fc.option(fc.record({ from: fc.nat(width - 2), length: fc.integer({ min: 2, max: 5 }), group: fc.constantFrom(...GROUPS), mergedDown: fc.boolean() }), { nil: null })
          : fc.constant(null),
    });
  });
}

// ---------------------------------------------------------------- applying a case

function damageEdits(p: Profile, c: Case) {
  return c.damaged.flatMap(({ row, damages }) =>
    damages.flatMap((d) => [{ row, col: p.cols.get(d.fact)!, value: d.value }, ...(d.whole ? [{ row, col: p.cols.get(d.whole.fact)!, value: d.whole.value as Cell }] : [])]),
  );
}

function mutate(c: Case): Mutated {
  const p = profiles[c.sheet]!;
  const touched = new Set(damageEdits(p, c).map((e) => `${e.row},${e.col}`));
  const edits: { row: number; col: number; value: Cell }[] = [];
  const values = p.sheet.values.map((r) => r.slice());
  const put = (row: number, col: number, value: Cell) => {
    values[row]![col] = value;
    edits.push({ row, col, value });
  };
  for (const f of c.formats) {
    const col = p.cols.get(f.fact)!;
    if (touched.has(`${f.row},${col}`)) continue;
    const value = formatted(values[f.row]![col]!, f.fact, f);
    if (value !== undefined) put(f.row, col, value);
  }
  if (c.script) {
    for (let r = 0; r <= p.headerBottom; r++) values[r]!.forEach((v, col) => typeof v === 'string' && put(r, col, traditional(v, c.script!)));
    if (c.scriptData) {
      for (const row of p.dataRows) {
        for (const fact of p.cols.keys()) {
          const col = p.cols.get(fact)!;
          const v = values[row]![col];
          if (['number', 'boolean'].includes(columnOf.get(fact)!.type) && typeof v === 'string' && !touched.has(`${row},${col}`)) put(row, col, traditional(v, c.script));
        }
      }
    }
  }
  let m = edit(start(p.sheet), [...edits, ...damageEdits(p, c)]);
  m = permuteColumns(m, c.order, p.headerTop);
  const place = (col: number) => m.colOrigin.indexOf(col);
  const label = (text: string) => (c.script ? traditional(text, c.script) : text);
  m = insertRows(
    m,
    c.inserts.map((ins, i) => {
      const cells: Cell[] = m.colOrigin.map(() => ins.blank);
      if (ins.kind === 'total') {
        // A total row sums the cadres' numbers above it, as staff add one up.
        for (const [fact, col] of p.cols) {
          if (columnOf.get(fact)!.type !== 'number') continue;
          cells[place(col)] = p.dataRows.filter((r) => r < ins.before).reduce((sum, r) => sum + Number(plainNumber(p.sheet.values[r]![col]!) ?? 0), 0);
        }
        cells[ins.at === 'first' ? 0 : place(p.cols.get('name')!)] = label(ins.label);
      }
      if (ins.kind === 'numbered' && p.numberCol !== undefined) cells[place(p.numberCol)] = 100 + i;
      return { before: ins.before, cells };
    }),
  );
  if (c.split) {
    const to = Math.min(c.split.from + c.split.length - 1, m.colOrigin.length - 1);
    m = splitHeader(m, p.headerTop, c.split.from, to, label(c.split.group), c.split.mergedDown);
  }
  return m;
}

interface Outcome {
  m: Mutated;
  a: Assessment;
}

// Each property checks other things about the same cases (the same seed): a case is mutated and run once.
const outcomes = new Map<string, Promise<Outcome>>();
function run(c: Case): Promise<Outcome> {
  const key = JSON.stringify(c);
  let out = outcomes.get(key);
  if (!out) {
    const m = mutate(c);
    out = assessWorkbook({ sheets: [m.sheet] }, pack).then((a) => ({ m, a }));
    outcomes.set(key, out);
  }
  return out;
}

// ---------------------------------------------------------------- what results are compared

const withoutRank = (c: CadreResult) => ({
  name: c.name,
  branch: c.branch,
  period: c.period,
  score: c.score,
  grade: c.grade,
  stars: c.stars,
  indicators: c.indicators,
  basis: c.basis,
  // The bottom share moves with the other rows' scores: a rank, not this row's result.
  flags: c.flags.filter((f) => f.rule !== 'ranking:bottom'),
});

/** The mutated run's results by the original row they came from. */
function resultsByOrigin(o: Outcome): Map<number | null, CadreResult[]> {
  const out = new Map<number | null, CadreResult[]>();
  for (const c of o.a.cadres) {
    const row = o.m.rowOrigin[c.source.row - 1] ?? null;
    out.set(row, [...(out.get(row) ?? []), c]);
  }
  return out;
}

/** The indicators a column feeds, directly or through a rate. */
function indicatorsOf(fact: string): string[] {
  const feeds = new Set([fact, ...pack.derived.filter((d) => d.numerator === fact || d.denominator === fact).map((d) => d.fact)]);
  return pack.indicators.filter((ind) => pack.rules.some((r) => r.indicator === ind.id && ruleInputs(r).some((f) => feeds.has(f)))).map((ind) => ind.id);
}

/** The damaged rows scored as if each damaged cell (and a part's whole) were left empty in the untouched sheet. */
async function asIfEmpty(p: Profile, c: Case) {
  const values = p.sheet.values.map((r) => r.slice());
  for (const { row, damages } of c.damaged) for (const d of damages) for (const f of factsOf(d)) values[row]![p.cols.get(f)!] = null;
  const read = readLedgers({ sheets: [{ ...p.sheet, values }] }, pack);
  const out = new Map<number, Awaited<ReturnType<CadreAssessor['scoreRecord']>>>();
  for (const record of read.records) if (c.damaged.some((d) => d.row === record.row - 1)) out.set(record.row - 1, await assessor.scoreRecord(record));
  return out;
}

const show = (w: Warning) => `${w.sheet}!${w.cell}：${w.message}`;
const describeCase = (c: Case) => JSON.stringify(c);

describe('messy ledgers made from the example workbook', () => {
  it('checks its own generators: group labels name no column, and the traditional labels still map', () => {
    const matcher = new ColumnMatcher(pack.columns, pack.ignoredColumns);
    for (const g of GROUPS) for (const s of [null, ...SCRIPTS]) expect(matcher.match(s ? traditional(g, s) : g), g).toBeUndefined();
    for (const column of pack.columns as Column[]) {
      for (const label of [column.label, ...column.aliases]) for (const s of SCRIPTS) expect(matcher.match(traditional(label, s)), `${label} in ${s}`).toBe(column.fact);
    }
  });

  it('never throws, whatever is written where, and still writes its tables and summaries', async () => {
    const branch = validateBranchPack(branchPackJson);
    if (!branch.ok) throw new Error('the default branch pack does not validate');
    const packs = { cadre: pack, branch: branch.pack };
    const chaosCell = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(...GARBAGE, ...TOTAL_LABELS, '同上', '〃', '无', '—', '2024/02/30', '９９９９年１月', '1e308', '-0', '姓名', '下基层天数'),
    );
    const chaos = fc.array(fc.record({ row: fc.nat(45), col: fc.nat(20), value: chaosCell }), { maxLength: 12 });
    const merges = fc.array(fc.record({ top: fc.nat(40), left: fc.nat(20), height: fc.nat(3), width: fc.nat(4) }), { maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(caseArb(true), chaos, merges, async (c, cells, boxes) => {
        const m = mutate(c);
        const values = m.sheet.values.map((r) => r.slice());
        for (const { row, col, value } of cells) {
          while (values.length <= row) values.push([]);
          values[row]![col] = value;
        }
        const sheet = { ...m.sheet, values, merges: [...m.sheet.merges, ...boxes.map((b) => ({ top: b.top, left: b.left, bottom: b.top + b.height, right: b.left + b.width }))] };
        const workbook = { sheets: [sheet, infoSheet] };
        const result = await assessAll(workbook, packs, { today: '2024-07-01' });
        runTables(result, packs, { time: '2024-07-01T08:00:00' });
        runSummaries(result, packs);
        for (const w of [...result.cadres.warnings, ...(result.branches?.warnings ?? [])]) {
          expect(typeof w.message === 'string' && typeof w.messageEn === 'string' && w.message.length > 0, `a warning without words: ${JSON.stringify(w)}`).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('warns every damaged cell at its new address, and scores its indicators as if the cell were empty, with a flag', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb(true), async (c) => {
        const p = profiles[c.sheet]!;
        const o = await run(c);
        const byOrigin = resultsByOrigin(o);
        const empty = await asIfEmpty(p, c);
        const at = (cell: string) => o.a.warnings.filter((w) => w.sheet === p.sheet.name && w.cell === cell);
        for (const { row, damages } of c.damaged) {
          const [result] = byOrigin.get(row) ?? [];
          expect(result, `the cadre of damaged row ${row + 1} was not assessed at all`).toBeDefined();
          for (const d of damages) {
            const cell = addressOf(o.m, row, p.cols.get(d.fact)!);
            const label = columnOf.get(d.fact)!.label;
            expect(
              at(cell).some((w) => w.message.includes(label)),
              `${d.kind} ${JSON.stringify(d.value)} in ${label} (was ${p.sheet.name}!row ${row + 1}) is not warned at ${cell}; warnings there: ${at(cell).map(show).join(' | ') || 'none'}`,
            ).toBe(true);
            if (d.whole) {
              const wholeCell = addressOf(o.m, row, p.cols.get(d.whole.fact)!);
              expect(at(wholeCell).map(show), `the whole ${d.whole.value} of ${d.kind} is warned at its own cell`).toEqual([]);
            }
            for (const id of indicatorsOf(d.fact)) {
              const indicator = pack.indicators.find((i) => i.id === id)!;
              if (indicator.onMissing === 'flag') {
                expect(result!.flags.map((f) => f.rule), `${result!.name}: ${d.kind} in ${label} leaves ${id} without a flag`).toContain(`missing:${id}`);
              } else {
                const notes = o.a.warnings.filter((w) => w.message.startsWith(`${result!.name}：${indicator.label}：`));
                expect(notes.length, `${result!.name}: ${d.kind} in ${label} leaves ${id} without a note`).toBeGreaterThan(0);
              }
            }
          }
          const expected = empty.get(row)!;
          expect({ score: result!.score, indicators: result!.indicators }, `row ${row + 1} (${result!.name}) with ${JSON.stringify(damages)} scores other than with those cells empty`).toEqual({
            score: expected.score,
            indicators: expected.indicators,
          });
          expect(result!.flags.filter((f) => f.rule !== 'ranking:bottom').map((f) => f.rule), `row ${row + 1} (${result!.name}): flags differ from those cells left empty`).toEqual(expected.flags.map((f) => f.rule));
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("leaves every untouched row's result exactly as in the untouched sheet, and takes no inserted row for a cadre", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb(true), async (c) => {
        const p = profiles[c.sheet]!;
        const o = await run(c);
        const byOrigin = resultsByOrigin(o);
        expect(byOrigin.get(null)?.map((r) => `${r.name} at ${r.source.sheet}!${r.source.row}`) ?? [], `inserted rows taken for cadres in ${describeCase(c)}`).toEqual([]);
        const damaged = new Set(c.damaged.map((d) => d.row));
        expect([...byOrigin.keys()].sort((x, y) => Number(x) - Number(y)), 'the rows assessed are not the rows of the untouched sheet').toEqual([...p.byRow.keys()].sort((x, y) => x - y));
        for (const [row, before] of p.byRow) {
          if (damaged.has(row)) continue;
          const after = byOrigin.get(row) ?? [];
          expect(after.length, `row ${row + 1} (${before.name}) assessed ${after.length} times`).toBe(1);
          expect(withoutRank(after[0]!), `row ${row + 1} (${before.name}) changed, though untouched`).toEqual(withoutRank(before));
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('warns about no untouched cell the untouched sheet did not warn about, and still warns about those it did', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb(true), async (c) => {
        const p = profiles[c.sheet]!;
        const o = await run(c);
        const damagedCells = new Set(damageEdits(p, c).map((e) => `${e.row},${e.col}`));
        const damagedRows = new Set(c.damaged.map((d) => d.row));
        const key = (row: number, col: number) => `${row},${col}`;
        const group = (warnings: Warning[], where: (w: Warning) => { row: number; col: number } | null) => {
          const cells = new Map<string, string[]>();
          const sheetWide: string[] = [];
          for (const w of warnings) {
            if (w.cell === '') {
              sheetWide.push(w.message);
              continue;
            }
            const origin = where(w);
            expect(origin, `a warning on an inserted row: ${show(w)}`).not.toBeNull();
            const k = key(origin!.row, origin!.col);
            cells.set(k, [...(cells.get(k) ?? []), w.message]);
          }
          return { cells, sheetWide };
        };
        const before = group(p.baseline.warnings, (w) => ({ row: mergeFromA1(w.cell).top, col: mergeFromA1(w.cell).left }));
        const after = group(o.a.warnings, (w) => originOf(o.m, w.cell));
        expect(after.sheetWide, 'sheet-wide warnings changed (a column no longer found?)').toEqual(before.sheetWide);
        for (const k of new Set([...before.cells.keys(), ...after.cells.keys()])) {
          const [row, col] = k.split(',').map(Number) as [number, number];
          if (damagedCells.has(k)) continue;
          const was = before.cells.get(k) ?? [];
          const now = after.cells.get(k) ?? [];
          const where = `${p.sheet.name} original ${String.fromCharCode(65 + col)}${row + 1}, now ${addressOf(o.m, row, col)}`;
          if (row <= p.headerBottom) {
            // Header labels change with the script and the group above them; the warning's place must not.
            expect(now.length, `header warnings at ${where}: ${now.join(' | ')} (was ${was.join(' | ')})`).toBe(was.length);
          } else if (damagedRows.has(row)) {
            // A note about a missing rating names the first missing cell of its row, which may be an older one.
            expect(was.length > 0 || now.length === 0, `new warnings at untouched ${where}: ${now.join(' | ')}`).toBe(true);
          } else {
            // An unreadable cell's warning quotes it: 不详 rewritten as 不詳 is quoted as written.
            expect(now.map(simplified), `warnings at untouched ${where} changed`).toEqual(was.map(simplified));
          }
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
