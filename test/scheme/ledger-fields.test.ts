import { describe, expect, it } from 'vitest';
import { branchScheme, MEETINGS_LEDGER, WORK_LEDGER } from '../../src/core/branch/scheme';
import { packScheme } from '../../src/core/assess/scheme';
import { schemeLedgerSpec } from '../../src/core/scheme/ledgers';
import { type SchemeInput, SchemeSchema } from '../../src/core/scheme/schema';
import { sheet } from '../fixtures/workbook';
import { assessmentOf, runSheets, shippedPacks } from './helpers';

/** A township's own count of visits, kept one sheet per branch: the branch named in the title, each sheet marked by 走访类型. */
const visits = (ledger: Partial<NonNullable<SchemeInput['ledgers']>[number]> = {}) =>
  SchemeSchema.parse({
    id: 'visits',
    version: 1,
    title: '走访情况',
    subject: '党支部',
    periodKind: 'month',
    ledgers: [
      {
        id: 'visits',
        title: '走访记录',
        columns: [
          { fact: 'branchName', label: '支部', type: 'name', role: 'subject' },
          { fact: 'visitType', label: '走访类型', type: 'text' },
          { fact: 'month', label: '月份', type: 'period', role: 'period' },
          { fact: 'households', label: '走访户数', type: 'number' },
        ],
        ...ledger,
      },
    ],
    facts: [{ fact: 'visited', label: '走访户数合计', source: 'rows', ledger: 'visits', op: 'sum', column: 'households' }],
    indicators: [{ id: 'visits', label: '走访', max: 100, hitPolicy: 'first' }],
    rules: [
      { id: 'enough', indicator: 'visits', when: [{ fact: 'visited', op: '>=', value: 5 }], points: 100 },
      { id: 'few', indicator: 'visits', when: [{ fact: 'visited', op: '<', value: 5 }], points: 50 },
    ],
    grades: [
      { min: 90, grade: '好', stars: 0 },
      { min: 0, grade: '差', stars: 0 },
    ],
  });

const bayan = () => sheet('巴彦走访', [['巴彦嘎查党支部2024年活动记录'], ['走访类型', '月份', '走访户数'], ['入户走访', '2024年5月', 3], ['电话回访', '2024年5月', 4]]);

describe('what marks a ledger and how its sheets are read is data of the ledger', () => {
  it('makes the branch and cadre ledgers’ specs from their fields', () => {
    const pack = shippedPacks();
    const fromTitle = () => undefined;
    const [meetings, work] = [MEETINGS_LEDGER, WORK_LEDGER].map((id) => schemeLedgerSpec(branchScheme(pack.branch).ledgers.find((l) => l.id === id)!, fromTitle));
    expect(meetings).toMatchObject({ keyFact: 'meetingType', subjectFromTitle: fromTitle, longerPeriods: false, periodless: false });
    expect(meetings!.warnMissing).toBeUndefined();
    expect(work).toMatchObject({ warnMissing: false, longerPeriods: true, periodless: false, statedRates: pack.branch.work.statedRates });
    expect(work!.keyFact).toBeUndefined();
    expect(work!.subjectFromTitle).toBeUndefined();
    const cadre = schemeLedgerSpec(packScheme(pack.cadre).ledgers[0]!, fromTitle);
    expect(cadre).toMatchObject({ columns: pack.cadre.columns, longerPeriods: false, periodless: false });
    expect([cadre.keyFact, cadre.subjectFromTitle, cadre.warnMissing]).toEqual([undefined, undefined, undefined]);
  });

  it('leaves a declared scheme that sets none of them as it was: its JSON carries none', () => {
    const scheme = visits();
    expect(['keyColumn', 'subjectFromTitle', 'warnMissing', 'monthsOnly'].filter((k) => k in scheme.ledgers[0]!)).toEqual([]);
    expect(schemeLedgerSpec(scheme.ledgers[0]!)).toEqual({ columns: scheme.ledgers[0]!.columns, ignoredColumns: [], longerPeriods: true, periodless: false });
  });

  it('reads a declared ledger kept one sheet per branch, the branch named in its title, when the ledger says so', async () => {
    const run = await runSheets([bayan()], {}, { ...shippedPacks(), schemes: [visits({ keyColumn: 'visitType', subjectFromTitle: true })] });
    expect(run.kinds['visits/visits']).toEqual(['巴彦走访']);
    const a = assessmentOf(run, 'visits');
    expect(a.results.map((r) => [r.name, r.period, r.values.visited])).toEqual([['巴彦嘎查党支部', '2024-05', 7]]);
  });

  it('reads no row of such a sheet when the ledger does not let the title name the subject, and says so', async () => {
    const run = await runSheets([bayan()], {}, { ...shippedPacks(), schemes: [visits({ keyColumn: 'visitType' })] });
    expect(run.kinds['visits/visits']).toEqual(['巴彦走访']);
    const a = assessmentOf(run, 'visits');
    expect(a.results).toEqual([]);
    expect(a.warnings.map((w) => w.sheet)).toContain('巴彦走访');
  });

  it('does not take the same sheet for the ledger without its marking column', async () => {
    const run = await runSheets([bayan()], {}, { ...shippedPacks(), schemes: [visits({ subjectFromTitle: true })] });
    expect(run.kinds['visits/visits']).toBeUndefined();
    expect(run.sheets.find((s) => s.sheet === '巴彦走访')).toMatchObject({ role: 'unrecognised' });
  });
});
