import type { LedgerInfo, ReadResult, Warning } from '../ledger/read';
import { both } from '../messages';
import { labelKey } from '../text';
import { cellOf } from './ledgers';
import type { BranchRoster } from './names';
import type { MeetingType } from './schema';

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

/** Several types in one cell: "主题党日+党课", "支部党员大会暨党课". */
const SEPARATORS = /[、,，+＋/／;；&]|暨|及|和|与/;

/**
 * Meeting types as staff write them, matched on their folded form: the label
 * or an alias exactly, else the longest one the text contains ("5月主题党日活动").
 */
export class MeetingTypeMatcher {
  private readonly exact = new Map<string, string>();
  private readonly contained: { key: string; id: string }[] = [];

  constructor(types: MeetingType[]) {
    for (const t of types) {
      for (const text of [t.label, ...t.aliases]) {
        const key = labelKey(text);
        if (!this.exact.has(key)) this.exact.set(key, t.id);
        this.contained.push({ key, id: t.id });
      }
    }
    this.contained.sort((a, b) => b.key.length - a.key.length);
  }

  /** The type ids a cell names, or undefined when a part of it names none. */
  match(text: string): string[] | undefined {
    const ids: string[] = [];
    for (const part of text.split(SEPARATORS)) {
      const key = labelKey(part);
      if (!key) continue;
      const id = this.exact.get(key) ?? this.contained.find((c) => c.key.length >= 2 && key.includes(c.key))?.id;
      if (!id) return undefined;
      if (!ids.includes(id)) ids.push(id);
    }
    return ids.length > 0 ? ids : undefined;
  }
}

export interface MeetingRecords {
  meetings: Meeting[];
  warnings: Warning[];
}

const rowLabel = (sheet: string, row: number) => ({ zh: `${sheet}第${row}行`, en: `${sheet} row ${row}` });

/**
 * The meetings of the records, each tied to a roster branch and a known type.
 * Rows naming an unknown type are reported and left out; a meeting written
 * twice (same branch, type and day, in one sheet or two) is reported and
 * counted once.
 */
export function collectMeetings(read: ReadResult, types: MeetingType[], roster: BranchRoster): MeetingRecords {
  const matcher = new MeetingTypeMatcher(types);
  const infos = new Map<string, LedgerInfo>(read.ledgers.map((l) => [l.sheet, l]));
  const warnings: Warning[] = [];
  const seen = new Map<string, Meeting>();
  const meetings: Meeting[] = [];
  for (const r of read.records) {
    const info = infos.get(r.sheet);
    const typeCell = cellOf(info, 'meetingType', r.row) ?? `A${r.row}`;
    const dateCell = cellOf(info, 'date', r.row) ?? typeCell;
    const text = r.facts.meetingType;
    if (typeof text !== 'string') {
      if (!r.unreadable.has('meetingType')) warnings.push({ sheet: r.sheet, cell: typeCell, ...both('meetingTypeMissing') });
      continue;
    }
    const ids = matcher.match(text);
    if (!ids) {
      warnings.push({ sheet: r.sheet, cell: typeCell, ...both('meetingTypeUnknown', { text }) });
      continue;
    }
    const branch = roster.match(r.name);
    if (!branch) continue;
    const date = typeof r.facts.date === 'string' ? r.facts.date : r.period;
    const expected = typeof r.facts.expected === 'number' ? r.facts.expected : null;
    const present = typeof r.facts.present === 'number' ? r.facts.present : null;
    for (const type of ids) {
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
  }
  return { meetings, warnings };
}
