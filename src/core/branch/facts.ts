import type { FactValue } from '../ledger/read';
import { type GapReason, type GatheredFacts, givenFacts } from '../scheme/facts';
import { monthsOf, type PeriodId } from '../period';
import type { BranchCadre } from './cadres';
import { MEETING_MONTHS, meetingCountFact } from './catalogue';
import type { SourceRow } from '../scheme/evidence';
import type { LedgerKind } from './ledgers';
import type { Meeting } from './meetings';
import { dayLabel, unitsLabel, unitsWithin } from '../period';
import type { BranchFact, BranchPack } from './schema';
import type { WorkRow } from './work';

export interface MissingFact {
  reason: GapReason;
  ledger: LedgerKind;
  /** The columns left empty, for notRecorded. */
  inputs?: { zh: string; en: string }[];
  /** For uncovered: the months of the period the ledger has no records for, when it has some (a yearly item in a year covered in part). */
  months?: string[];
}

/** Per ledger, the months (for work counts also quarters or years) it has rows for; absent when there is no such ledger. */
export interface Coverage {
  meetings?: Set<string>;
  work?: Set<string>;
  cadres?: Set<string>;
}

export interface BranchData {
  meetings: Meeting[];
  work: WorkRow[];
  cadres: BranchCadre[];
}

export interface BranchFacts {
  /** Flat facts for the engine; null where missing. */
  values: Record<string, FactValue>;
  missing: Map<string, MissingFact>;
  /** What a flag says beside the value: the months missed, the meeting, the counts. */
  detail: Record<string, { zh: string; en: string }>;
  evidence: Map<string, SourceRow[]>;
}

const meetingRow = (m: Meeting): SourceRow => ({ sheet: m.sheet, row: m.row, cell: m.cell });

/**
 * The facts of one branch for one period, computed from its meetings, work
 * rows and stationed cadres. Months a ledger does not cover are never counted
 * as missed: a unit (month, quarter) is missed only when every month of it is
 * covered and the meetings held fall short.
 */
export function branchFacts(pack: BranchPack, data: BranchData, period: PeriodId, coverage: Coverage): BranchFacts {
  const months = monthsOf(period);
  const inPeriod = new Set(months);
  const out: BranchFacts = { values: { always: true }, missing: new Map(), detail: {}, evidence: new Map() };
  const missing = (fact: string, m: MissingFact) => {
    out.values[fact] = null;
    out.missing.set(fact, m);
  };

  const meetings = data.meetings.filter((m) => inPeriod.has(m.month));
  const coveredMeetings = months.filter((m) => coverage.meetings?.has(m));
  const meetingGap: MissingFact | undefined = !coverage.meetings
    ? { reason: 'noLedger', ledger: 'meetings' }
    : coveredMeetings.length === 0
      ? { reason: 'uncovered', ledger: 'meetings' }
      : undefined;
  if (meetingGap) missing(MEETING_MONTHS, meetingGap);
  else out.values[MEETING_MONTHS] = coveredMeetings.length;
  for (const t of pack.meetings.types) {
    const fact = meetingCountFact(t.id);
    const held = meetings.filter((m) => m.type === t.id);
    if (meetingGap) missing(fact, meetingGap);
    else out.values[fact] = held.length;
    out.evidence.set(fact, held.map(meetingRow));
  }

  // A quarter's or a year's counts belong to a period only when they lie wholly inside it.
  const within = (unit: string) => monthsOf(unit).every((m) => inPeriod.has(m));
  const work = data.work.filter((w) => within(w.unit));
  const workGap: MissingFact | undefined = !coverage.work
    ? { reason: 'noLedger', ledger: 'work' }
    : ![...coverage.work].some(within)
      ? { reason: 'uncovered', ledger: 'work' }
      : work.length === 0
        ? { reason: 'notReported', ledger: 'work' }
        : undefined;
  for (const c of pack.work.columns) {
    if (c.type !== 'number') continue;
    const rows = work.filter((w) => w.counts[c.fact] !== null);
    out.evidence.set(c.fact, rows.map((w) => ({ sheet: w.sheet, row: w.row, cell: w.cells[c.fact] ?? `A${w.row}` })));
    if (workGap) missing(c.fact, workGap);
    else if (rows.length === 0) missing(c.fact, { reason: 'notRecorded', ledger: 'work', inputs: [{ zh: c.label, en: c.labelEn ?? c.label }] });
    else out.values[c.fact] = rows.reduce((sum, w) => sum + w.counts[c.fact]!, 0);
  }

  for (const f of pack.facts) computeFact(f, { pack, period, meetings, coveredMeetings, meetingGap, data, months, coverage }, out, missing);
  return out;
}

interface Context {
  pack: BranchPack;
  period: PeriodId;
  meetings: Meeting[];
  coveredMeetings: string[];
  meetingGap: MissingFact | undefined;
  data: BranchData;
  months: string[];
  coverage: Coverage;
}

function computeFact(f: BranchFact, ctx: Context, out: BranchFacts, missing: (fact: string, m: MissingFact) => void): void {
  switch (f.source) {
    case 'meetingsMissed': {
      const held = ctx.meetings.filter((m) => m.type === f.meeting);
      out.evidence.set(f.fact, (held.length > 0 ? held : ctx.meetings).map(meetingRow));
      const units = unitsWithin(ctx.period, f.per);
      if (units.length === 0) return missing(f.fact, { reason: 'notDue', ledger: 'meetings' });
      if (ctx.meetingGap) return missing(f.fact, ctx.meetingGap);
      const missed: string[] = [];
      let judged = 0;
      for (const unit of units) {
        const unitMonths = monthsOf(unit);
        const count = held.filter((m) => unitMonths.includes(m.month)).length;
        if (count >= f.min) judged++;
        else if (unitMonths.every((m) => ctx.coveredMeetings.includes(m))) {
          judged++;
          missed.push(unit);
        }
      }
      if (judged === 0) {
        const gaps = units.flatMap((u) => monthsOf(u)).filter((m) => !ctx.coveredMeetings.includes(m));
        return missing(f.fact, { reason: 'uncovered', ledger: 'meetings', ...(ctx.coveredMeetings.length > 0 ? { months: gaps } : {}) });
      }
      out.values[f.fact] = missed.length;
      out.detail[f.fact] = { zh: unitsLabel(missed), en: unitsLabel(missed, 'en') };
      return;
    }
    case 'attendance': {
      if (ctx.meetingGap) return missing(f.fact, ctx.meetingGap);
      const held = ctx.meetings.filter((m) => m.type === f.meeting);
      if (held.length === 0) return missing(f.fact, { reason: 'notApplicable', ledger: 'meetings' });
      const counted = held.filter((m) => m.expected !== null && m.expected > 0 && m.present !== null);
      if (counted.length === 0) {
        const cols = ctx.pack.meetings.columns.filter((c) => c.fact === 'expected' || c.fact === 'present');
        out.evidence.set(f.fact, held.map(meetingRow));
        return missing(f.fact, { reason: 'notRecorded', ledger: 'meetings', inputs: cols.map((c) => ({ zh: c.label, en: c.labelEn ?? c.label })) });
      }
      const rate = (m: Meeting) => m.present! / m.expected!;
      const lowest = counted.reduce((a, b) => (rate(b) < rate(a) ? b : a));
      out.values[f.fact] = rate(lowest);
      out.detail[f.fact] = { zh: dayLabel(lowest.date), en: lowest.date };
      out.evidence.set(f.fact, [meetingRow(lowest)]);
      return;
    }
    case 'ratio': {
      const num = out.values[f.numerator];
      const den = out.values[f.denominator];
      const rows = [...(out.evidence.get(f.numerator) ?? []), ...(out.evidence.get(f.denominator) ?? [])];
      out.evidence.set(f.fact, rows);
      const gap = out.missing.get(f.denominator) ?? out.missing.get(f.numerator);
      if (gap || typeof num !== 'number' || typeof den !== 'number') return missing(f.fact, gap ?? { reason: 'notRecorded', ledger: 'work' });
      if (den === 0) return missing(f.fact, { reason: 'notApplicable', ledger: 'work' });
      out.values[f.fact] = num / den;
      out.detail[f.fact] = { zh: `${num}/${den}`, en: `${num}/${den}` };
      return;
    }
    case 'cadresGraded': {
      if (!ctx.coverage.cadres) return missing(f.fact, { reason: 'noLedger', ledger: 'cadre' });
      if (!ctx.months.some((m) => ctx.coverage.cadres!.has(m))) return missing(f.fact, { reason: 'uncovered', ledger: 'cadre' });
      const mine = ctx.data.cadres.filter((c) => ctx.months.includes(c.result.period));
      if (mine.length === 0) return missing(f.fact, { reason: 'notApplicable', ledger: 'cadre' });
      const failing = mine.filter((c) => f.grades.includes(c.result.grade));
      const byName = new Map<string, string[]>();
      for (const c of failing) {
        if (!byName.has(c.result.name)) byName.set(c.result.name, []);
        byName.get(c.result.name)!.push(c.result.period);
      }
      out.values[f.fact] = byName.size;
      const names = [...byName.entries()];
      out.detail[f.fact] = {
        zh: names.map(([n, ms]) => `${n}（${unitsLabel(ms)}）`).join('、'),
        en: names.map(([n, ms]) => `${n} (${unitsLabel(ms, 'en')})`).join(', '),
      };
      out.evidence.set(f.fact, (failing.length > 0 ? failing : mine).map((c) => ({ sheet: c.result.source.sheet, row: c.result.source.row, cell: c.cell })));
      return;
    }
  }
}

/** A branch's facts as every assessment's facts are: a gap names its ledger in words. */
export function asGathered(facts: BranchFacts, ledgerWords: (kind: LedgerKind) => { zh: string; en: string }): GatheredFacts {
  const out = givenFacts(facts.values);
  for (const [fact, m] of facts.missing) {
    out.missing.set(fact, [{ kind: 'absent', fact }]);
    out.gaps.set(fact, { reason: m.reason, ledger: ledgerWords(m.ledger), ...(m.inputs ? { inputs: m.inputs } : {}), ...(m.months ? { months: m.months } : {}) });
  }
  out.detail = facts.detail;
  out.evidence = facts.evidence;
  return out;
}
