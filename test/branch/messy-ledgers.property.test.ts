import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { assessBranches } from '../../src/core/branch/assess';
import { branchScheme, WORK_LEDGER } from '../../src/core/branch/scheme';
import type { BranchAssessment, BranchResult } from '../../src/core/branch/result';
import { ColumnMatcher } from '../../src/core/ledger/columns';
import { type LedgerRecord, readLedgerSheets, type Warning } from '../../src/core/ledger/read';
import { assessAll, runSummaries, runTables } from '../../src/core/run';
import { a1, type SheetSnapshot } from '../../src/core/snapshot';
import { simplified } from '../../src/core/text';
import { schemeLedgerSpec } from '../../src/core/scheme/ledgers';
import { loadWorkbook } from '../../src/node/workbook-file';
import {
  addressOf,
  asIfEmpty,
  type Case,
  caseArb,
  chaosArb,
  damageEdits,
  inOriginalCells,
  type Mutated,
  mutate,
  type Profile,
  profileOf,
  runOnce,
  SCRIPTS,
  traditional,
  warningsByCell,
  withChaos,
} from '../fixtures/messy';
import { branchPack, cadrePack } from './helpers';

/**
 * The township example's branch work ledger (支部工作台账: 承诺数/完成数,
 * 受理数/办结数, 排查数/化解数 and the rates staff state beside them, one row
 * per branch for the quarter), mutated as the cadre ledgers are in
 * test/core/messy-ledgers.property.test.ts: columns and their groups
 * reordered, blank and 合计 rows, traditional labels, full-width digits and
 * units, damaged counts and rates. Every damaged cell is warned where it now
 * is and its rate is left uncomputed; every other branch keeps what it had.
 */
const EXAMPLE = 'examples/乡镇党建台账示例.xlsx';
const SHEET = '支部工作台账';
const SEED = 20240705;
const RUNS = 40;
const pack = branchPack();
const packs = { branch: pack, cadre: cadrePack() };
const spec = schemeLedgerSpec(branchScheme(pack).ledgers.find((l) => l.id === WORK_LEDGER)!);
const columnOf = new Map(spec.columns.map((c) => [c.fact, c]));

/** Units staff write after these counts: 19项, 63件, 6起. */
const UNITS: Record<string, string[]> = {
  promised: ['项', '件', '个'],
  fulfilled: ['项', '件', '个'],
  received: ['件', '项'],
  closed: ['件', '项'],
  disputes: ['件', '起'],
  resolved: ['件', '起'],
};

let profile: Profile;
let baseline: BranchAssessment;
/** Each record's branch name, by 0-based row. */
let names: Map<number, string>;
let allSheets: SheetSnapshot[];

const assessSheet = (sheet: SheetSnapshot) => assessBranches({ sheets: [sheet] }, packs);

beforeAll(async () => {
  const { snapshot } = await loadWorkbook(EXAMPLE);
  allSheets = snapshot.sheets;
  const sheet = snapshot.sheets.find((s) => s.name === SHEET)!;
  const read = readLedgerSheets({ sheets: [sheet] }, spec);
  profile = profileOf(sheet, read, spec.columns, UNITS);
  names = new Map(read.records.map((r: LedgerRecord) => [r.row - 1, r.name]));
  baseline = await assessSheet(sheet);
  expect(baseline.branches).toHaveLength(24);
});

/** The result of the branch a ledger row is about: each branch has one row in this ledger. */
const resultOf = (a: BranchAssessment, name: string) => a.branches.find((b) => b.variants.includes(name));

/** What a branch's own counts decide: not its rank, stars or last place, which move with the others. */
const ownResult = (b: BranchResult) => ({
  name: b.name,
  period: b.period,
  scored: b.scored,
  score: b.score,
  fallsShort: b.fallsShort,
  indicators: b.indicators,
  excluded: b.excluded,
  values: b.values,
  noData: b.noData,
  flags: b.flags.map((f) => ({ rule: f.rule, message: f.message, expected: f.expected, actual: f.actual })),
});

/** The rate a count feeds. */
const rateOf = (fact: string) => pack.facts.find((f) => f.source === 'ratio' && (f.numerator === fact || f.denominator === fact))?.fact;

interface Outcome {
  m: Mutated;
  a: BranchAssessment;
}

const run = runOnce(async (c: Case): Promise<Outcome> => {
  const m = mutate(profile, c);
  return { m, a: await assessSheet(m.sheet) };
});

const show = (w: Warning) => `${w.sheet}!${w.cell}：${w.message}`;

describe('messy branch work ledgers made from the township example', () => {
  it('checks its own generators: the traditional labels still map', () => {
    const matcher = new ColumnMatcher(spec.columns, spec.ignoredColumns);
    for (const column of spec.columns) {
      for (const label of [column.label, ...column.aliases]) for (const s of SCRIPTS) expect(matcher.match(traditional(label, s)), `${label} in ${s}`).toBe(column.fact);
    }
  });

  it('never throws on the whole township workbook with its work ledger mutated and scribbled on', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb([profile], true), chaosArb, async (c, chaos) => {
        const sheet = withChaos(mutate(profile, c).sheet, chaos);
        const workbook = { sheets: allSheets.map((s) => (s.name === SHEET ? sheet : s)) };
        const result = await assessAll(workbook, packs, { today: '2024-07-05' });
        runTables(result, packs, { time: '2024-07-05T08:00:00' });
        runSummaries(result, packs);
      }),
      { seed: SEED, numRuns: 10 },
    );
  });

  it('warns every damaged cell at its new address and leaves the rate it feeds uncomputed, as if the cell were empty', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb([profile], true), async (c) => {
        const o = await run(c);
        if (c.damaged.length === 0) return;
        const empty = await assessSheet(asIfEmpty(profile, c));
        const at = (cell: string) => o.a.warnings.filter((w) => w.sheet === SHEET && w.cell === cell);
        for (const { row, damages } of c.damaged) {
          const name = names.get(row)!;
          const result = resultOf(o.a, name);
          expect(result, `branch ${name} of damaged row ${row + 1} was not assessed at all`).toBeDefined();
          for (const d of damages) {
            const cell = addressOf(o.m, row, profile.cols.get(d.fact)!);
            const label = columnOf.get(d.fact)!.label;
            expect(
              at(cell).some((w) => w.message.includes(label)),
              `${d.kind} ${JSON.stringify(d.value)} in ${label} (row ${row + 1}) is not warned at ${cell}; warnings there: ${at(cell).map(show).join(' | ') || 'none'}`,
            ).toBe(true);
            if (d.whole) expect(at(addressOf(o.m, row, profile.cols.get(d.whole.fact)!)).map(show), `the whole ${d.whole.value} of ${d.kind} is warned at its own cell`).toEqual([]);
            const rate = rateOf(d.fact);
            if (rate) expect(result!.values[rate], `${name}: ${rate} computed from ${d.kind} ${JSON.stringify(d.value)} in ${label}`).toBeNull();
          }
          const expected = resultOf(empty, name)!;
          expect(ownResult(result!), `${name} (row ${row + 1}) with ${JSON.stringify(damages)} differs from those cells left empty`).toEqual(ownResult(expected));
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("leaves every untouched branch's result as in the untouched ledger, and takes no inserted row for a branch", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb([profile], true), async (c) => {
        const o = await run(c);
        expect(o.a.branches.map((b) => b.name).sort(), 'the branches assessed are not those of the untouched ledger').toEqual(baseline.branches.map((b) => b.name).sort());
        expect(o.a.workRows, 'work rows read').toBe(baseline.workRows);
        const damaged = new Set(c.damaged.map((d) => names.get(d.row)!));
        for (const before of baseline.branches) {
          if (before.variants.some((v) => damaged.has(v))) continue;
          const after = o.a.branches.find((b) => b.name === before.name)!;
          expect(ownResult(after), `${before.name} changed, though untouched`).toEqual(ownResult(before));
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('warns about no untouched cell the untouched ledger did not warn about, and still warns about those it did', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb([profile], true), async (c) => {
        const o = await run(c);
        const damagedCells = new Set(damageEdits(profile, c).map((e) => `${e.row},${e.col}`));
        const damagedRows = new Set(c.damaged.map((d) => d.row));
        // Messages naming other cells (a rate cross-check's counts) name them where they were; 不详 rewritten as 不詳 is quoted as written.
        const text = (message: string) => simplified(inOriginalCells(o.m, message));
        const before = warningsByCell(baseline.warnings, undefined, simplified);
        const after = warningsByCell(o.a.warnings, o.m, text);
        expect(after.inserted.map((w) => `${w.cell}：${w.message}`), 'warnings on inserted rows').toEqual([]);
        expect(after.sheetWide, 'sheet-wide warnings changed (a column no longer found?)').toEqual(before.sheetWide);
        for (const k of new Set([...before.cells.keys(), ...after.cells.keys()])) {
          if (damagedCells.has(k)) continue;
          const [row, col] = k.split(',').map(Number) as [number, number];
          const was = before.cells.get(k) ?? [];
          const now = after.cells.get(k) ?? [];
          const where = `${SHEET}!${a1(row, col)} (now ${addressOf(o.m, row, col)})`;
          if (row <= profile.headerBottom) expect(now.length, `header warnings at ${where}: ${now.join(' | ')} (was ${was.join(' | ')})`).toBe(was.length);
          // A damaged count takes the cross-check of the rate stated beside it away, never adds one.
          else if (damagedRows.has(row)) expect(was.length > 0 || now.length === 0, `new warnings at untouched ${where}: ${now.join(' | ')}`).toBe(true);
          else expect(now, `warnings at untouched ${where} changed`).toEqual(was);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
