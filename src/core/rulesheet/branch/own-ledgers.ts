import { both } from '../../messages';
import type { ColumnValue } from '../../pack/schema';
import { branchLedgers } from '../../branch/scheme';
import { type BranchPack, MEETINGS_LEDGER, type MeetingType, WORK_LEDGER } from '../../branch/schema';
import type { SchemeLedger } from '../../scheme/schema';
import { labelKey } from '../../text';
import { headerKey } from '../grid';
import type { ReadContext } from '../section';

const MEETING_TYPE = 'meetingType';

/**
 * What a branch block's 【台账】 lays out: the meeting records (their types as
 * the 取值 of 会议类型) and the work ledger (its stated rates as 核对) first, then
 * the ledgers the pack declares. The tolerance of the stated rates is left to
 * 【设置】, where it has always been, so it is not written in two places.
 */
export function laidLedgers(pack: BranchPack): SchemeLedger[] {
  return branchLedgers(pack).map((ledger) => (ledger.id === WORK_LEDGER ? { ...ledger, rateTolerance: undefined } : ledger));
}

/** The branch's own ledgers and the declared ones as read from 【台账】; `tolerance` when a 核对 of the work ledger wrote one. */
export interface BranchLedgersRead {
  meetings: BranchPack['meetings'];
  work: BranchPack['work'];
  ledgers: SchemeLedger[];
  tolerance?: number;
}

const wordings = (v: { label: string; aliases: string[] }) => [v.label, ...v.aliases].map(labelKey);

/**
 * The meeting types as the 取值 of 会议类型 lists them. A type's id names facts
 * (committeeMeetings) and a fact's 条件 reads it, but 取值 shows labels only:
 * a value keeps the id of the carried type it is written as (its label first,
 * else any wording they share), and a value added in cells gets one from its
 * place in the list (type8), so ids stay as they were while labels change.
 */
export function meetingTypes(values: ColumnValue[], carried: MeetingType[]): MeetingType[] {
  const used = new Set<string>();
  const matched = values.map((v) => {
    const keys = new Set(wordings(v));
    const free = carried.filter((t) => !used.has(t.id));
    const same = free.find((t) => labelKey(t.label) === labelKey(v.label)) ?? free.find((t) => wordings(t).some((k) => keys.has(k)));
    if (same) used.add(same.id);
    return same;
  });
  const taken = new Set(carried.map((t) => t.id));
  return values.map((v, i) => {
    const same = matched[i];
    if (same) return { id: same.id, label: v.label, ...(same.labelEn ? { labelEn: same.labelEn } : {}), aliases: v.aliases };
    let n = i + 1;
    while (taken.has(`type${n}`)) n++;
    taken.add(`type${n}`);
    return { id: `type${n}`, label: v.label, aliases: v.aliases };
  });
}

/**
 * Splits the ledgers read from 【台账】 (into `ledgers[i]` paths) into the
 * meeting records and the work ledger, known by their ids or titles, and the
 * declared ones, and moves the cells they were read at to the paths
 * validateBranchPack names (meetings.columns, meetings.types[i],
 * work.statedRates[i], ledgers[i]). A sheet written before 【台账】 held the
 * branch's own two ledgers has no rows for them: it keeps the carried ones.
 */
export function splitBranchLedgers(read: SchemeLedger[], ctx: ReadContext, carried: BranchPack): BranchLedgersRead {
  const is = (l: SchemeLedger, id: string, title: string) => l.id === id || headerKey(l.title) === headerKey(title);
  const meetingsAt = read.findIndex((l) => is(l, MEETINGS_LEDGER, carried.meetings.title));
  const workAt = read.findIndex((l, i) => i !== meetingsAt && is(l, WORK_LEDGER, carried.work.title));
  const declared = read.map((_, i) => i).filter((i) => i !== meetingsAt && i !== workAt);
  const pathOf = (i: number) => (i === meetingsAt ? 'meetings' : i === workAt ? 'work' : `ledgers[${declared.indexOf(i)}]`);
  const moved = [...ctx.cells].filter(([path]) => /^ledgers\[\d+\]/.test(path));
  for (const [path] of moved) ctx.cells.delete(path);
  for (const [path, cell] of moved) {
    const m = /^ledgers\[(\d+)\](.*)$/.exec(path)!;
    ctx.cells.set(pathOf(Number(m[1])) + m[2], cell);
  }

  const out: BranchLedgersRead = { meetings: carried.meetings, work: carried.work, ledgers: declared.map((i) => read[i]!) };
  const meetings = read[meetingsAt];
  if (meetings) {
    const at = meetings.columns.findIndex((c) => c.fact === MEETING_TYPE);
    const types = meetingTypes(meetings.columns[at]?.values ?? [], carried.meetings.types);
    const typesCell = ctx.cells.get(`meetings.columns[${at}].values`) ?? ctx.cells.get(`meetings.columns[${at}]`);
    if (typesCell) {
      ctx.cells.set('meetings.types', typesCell);
      types.forEach((_, k) => ctx.cells.set(`meetings.types[${k}]`, typesCell));
    }
    out.meetings = {
      title: meetings.title,
      ...(meetings.titleEn ? { titleEn: meetings.titleEn } : {}),
      columns: meetings.columns.map(({ values, ...c }) => (c.fact === MEETING_TYPE || values === undefined ? c : { ...c, values })),
      ignoredColumns: meetings.ignoredColumns,
      types,
    };
  }
  const work = read[workAt];
  if (work) {
    out.work = {
      title: work.title,
      ...(work.titleEn ? { titleEn: work.titleEn } : {}),
      columns: work.columns,
      ignoredColumns: work.ignoredColumns,
      statedRates: work.statedRates ?? [],
    };
    if (work.rateTolerance !== undefined) out.tolerance = work.rateTolerance;
  }
  return out;
}

/** The tolerance of the stated rates: 【设置】's, else one a 核对 wrote; the two differing is reported at the 核对. */
export function rateTolerance(ctx: ReadContext, settings: number | undefined, checks: number | undefined): number | undefined {
  if (settings === undefined || checks === undefined || settings === checks) return settings ?? checks;
  const percent = (x: number) => `${Number((x * 100).toFixed(4))}%`;
  const at = ctx.cells.get('work.rateTolerance')!;
  ctx.report(at, both('rsCheckToleranceConflict', { text: percent(checks), other: percent(settings), cell: ctx.cells.get('rateTolerance') ?? '' }));
  return settings;
}
