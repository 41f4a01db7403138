import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import branchPackJson from '../../rules/branch.json';
import { type Assessment, assessWorkbook, type CadreResult } from '../../src/core/assess/assess';
import { validateBranchPack } from '../../src/core/branch/validate';
import { ColumnMatcher } from '../../src/core/ledger/columns';
import { readLedgers } from '../../src/core/assess/scheme';
import type { Warning } from '../../src/core/ledger/read';
import { ruleInputs } from '../../src/core/pack/compile';
import { assessAll, runSummaries, runTables } from '../../src/core/run';
import { a1, type SheetSnapshot } from '../../src/core/snapshot';
import { simplified } from '../../src/core/text';
import { loadWorkbook } from '../../src/node/workbook-file';
import {
  addressOf,
  asIfEmpty,
  type Case,
  caseArb,
  chaosArb,
  damageEdits,
  GROUPS,
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
const RUNS = 60;
const pack = defaultPack();
const columnOf = new Map(pack.columns.map((c) => [c.fact, c]));

/** A month sheet of the example as read before any mutation, with its results. */
interface Month extends Profile {
  baseline: Assessment;
  /** Results by 0-based original row. */
  byRow: Map<number, CadreResult>;
}

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

const profiles: Month[] = [];
let infoSheet: SheetSnapshot;

beforeAll(async () => {
  const { snapshot } = await loadWorkbook(EXAMPLE);
  infoSheet = snapshot.sheets.find((s) => s.name === '填表说明')!;
  for (const sheet of snapshot.sheets) {
    const alone = { sheets: [sheet] };
    const read = readLedgers(alone, pack);
    if (read.ledgers.length === 0) continue;
    const baseline = await assessWorkbook(alone, pack);
    profiles.push({ ...profileOf(sheet, read, pack.columns, UNITS), baseline, byRow: new Map(baseline.cadres.map((c) => [c.source.row - 1, c])) });
  }
  expect(profiles.map((p) => p.sheet.name)).toEqual(['2024年4月驻村干部台账', '5月台账', '2024.06']);
});

interface Outcome {
  m: Mutated;
  a: Assessment;
}

const run = runOnce(async (c: Case): Promise<Outcome> => {
  const m = mutate(profiles[c.sheet]!, c);
  return { m, a: await assessWorkbook({ sheets: [m.sheet] }, pack) };
});

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
  // The bottom share moves with the other rows' scores: a rank, not this row's result. A flag names its cell, which moves with the rows and columns.
  flags: c.flags.filter((f) => f.rule !== 'ranking:bottom').map((f) => ({ ...f, message: withoutCell(f.message), messageEn: withoutCell(f.messageEn) })),
});

const withoutCell = (text: string) => text.replace(/[（(][^（）()]*![A-Z]+\d+[）)]/g, '');

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
async function scoredIfEmpty(p: Profile, c: Case) {
  const assessed = await assessWorkbook({ sheets: [asIfEmpty(p, c)] }, pack);
  const out = new Map<number, CadreResult>();
  // The bottom share moves with the other rows' scores: not this row's outcome.
  for (const r of assessed.cadres) if (c.damaged.some((d) => d.row === r.source.row - 1)) out.set(r.source.row - 1, { ...r, flags: r.flags.filter((f) => f.rule !== 'ranking:bottom') });
  return out;
}

const show = (w: Warning) => `${w.sheet}!${w.cell}：${w.message}`;

describe('messy ledgers made from the example workbook', () => {
  it('checks its own generators: group labels name no column, and the traditional labels still map', () => {
    const matcher = new ColumnMatcher(pack.columns, pack.ignoredColumns);
    for (const g of GROUPS) for (const s of [null, ...SCRIPTS]) expect(matcher.match(s ? traditional(g, s) : g), g).toBeUndefined();
    for (const column of pack.columns) {
      for (const label of [column.label, ...column.aliases]) for (const s of SCRIPTS) expect(matcher.match(traditional(label, s)), `${label} in ${s}`).toBe(column.fact);
    }
  });

  it('never throws, whatever is written where, and still writes its tables and summaries', async () => {
    const branch = validateBranchPack(branchPackJson);
    if (!branch.ok) throw new Error('the default branch pack does not validate');
    const packs = { cadre: pack, branch: branch.pack };
    await fc.assert(
      fc.asyncProperty(caseArb(profiles, true), chaosArb, async (c, chaos) => {
        const sheet = withChaos(mutate(profiles[c.sheet]!, c).sheet, chaos);
        const workbook = { sheets: [sheet, infoSheet] };
        const result = await assessAll(workbook, packs, { today: '2024-07-01' });
        runTables(result, packs, { time: '2024-07-01T08:00:00' });
        runSummaries(result, packs);
        for (const w of [...result.cadres.warnings, ...(result.branches?.warnings ?? [])]) {
          expect(typeof w.message === 'string' && typeof w.messageEn === 'string' && w.message.length > 0, `a warning without words: ${JSON.stringify(w)}`).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('warns every damaged cell at its new address, and scores its indicators as if the cell were empty, with a flag', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb(profiles, true), async (c) => {
        const p = profiles[c.sheet]!;
        const o = await run(c);
        const byOrigin = resultsByOrigin(o);
        const empty = await scoredIfEmpty(p, c);
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
      fc.asyncProperty(caseArb(profiles, true), async (c) => {
        const p = profiles[c.sheet]!;
        const o = await run(c);
        const byOrigin = resultsByOrigin(o);
        expect(byOrigin.get(null)?.map((r) => `${r.name} at ${r.source.sheet}!${r.source.row}`) ?? [], 'inserted rows taken for cadres').toEqual([]);
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
      fc.asyncProperty(caseArb(profiles, true), async (c) => {
        const p = profiles[c.sheet]!;
        const o = await run(c);
        const damagedCells = new Set(damageEdits(p, c).map((e) => `${e.row},${e.col}`));
        const damagedRows = new Set(c.damaged.map((d) => d.row));
        // Messages naming other cells (a rate cross-check's counts) name them where they were; 不详 rewritten as 不詳 is quoted as written.
        const text = (message: string) => simplified(inOriginalCells(o.m, message));
        const before = warningsByCell(p.baseline.warnings, undefined, simplified);
        const after = warningsByCell(o.a.warnings, o.m, text);
        expect(after.inserted.map((w) => `${w.cell}：${w.message}`), 'warnings on inserted rows').toEqual([]);
        expect(after.sheetWide, 'sheet-wide warnings changed (a column no longer found?)').toEqual(before.sheetWide);
        for (const k of new Set([...before.cells.keys(), ...after.cells.keys()])) {
          const [row, col] = k.split(',').map(Number) as [number, number];
          if (damagedCells.has(k)) continue;
          const was = before.cells.get(k) ?? [];
          const now = after.cells.get(k) ?? [];
          const where = `${p.sheet.name}!${a1(row, col)} (now ${addressOf(o.m, row, col)})`;
          if (row <= p.headerBottom) {
            // Header labels change with the script and the group above them; the warning's place must not.
            expect(now.length, `header warnings at ${where}: ${now.join(' | ')} (was ${was.join(' | ')})`).toBe(was.length);
          } else if (damagedRows.has(row)) {
            // A note about a missing rating names the first missing cell of its row, which may be an older one.
            expect(was.length > 0 || now.length === 0, `new warnings at untouched ${where}: ${now.join(' | ')}`).toBe(true);
          } else {
            expect(now, `warnings at untouched ${where} changed`).toEqual(was);
          }
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
