import type { LedgerInfo, ReadResult, Warning } from '../ledger/read';
import { both } from '../messages';
import { cellOf } from '../ledger/classify';
import type { BranchRoster } from './names';

export interface Meeting {
  /** The roster id of the branch. */
  branch: string;
  type: string;
  /** 2024-05-06, or 2024-05 when the ledger gives only the month. */
  date: string;
  month: string;
  expected: number | null;
  present: number | null;
  sheet: string;
  row: number;
  /** The date cell (else the type cell): where the sidebar jumps. */
  cell: string;
}

export interface MeetingRecords {
  meetings: Meeting[];
  warnings: Warning[];
}

const rowLabel = (sheet: string, row: number) => ({ zh: `${sheet}第${row}行`, en: `${sheet} row ${row}` });

/**
 * The meetings of the records, each tied to a roster branch. The reader has
 * read each type cell as the pack's type ids (one record per type the cell
 * names) and warned about a type it does not know or a blank one: those rows
 * have no type and are left out here. A meeting written twice (same branch,
 * type and day, in one sheet or two) is reported and counted once: the
 * branch is the roster's, which only this side knows.
 */
export function collectMeetings(read: ReadResult, roster: BranchRoster): MeetingRecords {
  const infos = new Map<string, LedgerInfo>(read.ledgers.map((l) => [l.sheet, l]));
  const warnings: Warning[] = [];
  const seen = new Map<string, Meeting>();
  const meetings: Meeting[] = [];
  for (const r of read.records) {
    const info = infos.get(r.sheet);
    const type = r.facts.meetingType;
    if (typeof type !== 'string') continue;
    const branch = roster.match(r.name);
    if (!branch) continue;
    const dateCell = cellOf(info, 'date', r.row) ?? cellOf(info, 'meetingType', r.row) ?? `A${r.row}`;
    const date = typeof r.facts.date === 'string' ? r.facts.date : r.period;
    const expected = typeof r.facts.expected === 'number' ? r.facts.expected : null;
    const present = typeof r.facts.present === 'number' ? r.facts.present : null;
    const meeting: Meeting = { branch: branch.id, type, date, month: r.period, expected, present, sheet: r.sheet, row: r.row, cell: dateCell };
    // A day-less date cannot tell two meetings of a month apart: only full days are de-duplicated.
    const key = date.length === 10 ? `${branch.id}\u0000${type}\u0000${date}` : undefined;
    const first = key ? seen.get(key) : undefined;
    if (first) {
      const other = rowLabel(first.sheet, first.row);
      const w = both('meetingDuplicate', { other: other.zh });
      warnings.push({ sheet: r.sheet, cell: dateCell, message: w.message, messageEn: both('meetingDuplicate', { other: other.en }).messageEn });
      continue;
    }
    if (key) seen.set(key, meeting);
    meetings.push(meeting);
  }
  return { meetings, warnings };
}
