import type { ColumnType } from '../pack/schema';
import type { BranchPack } from './schema';

export type FactType = ColumnType | 'ratio';

export interface BranchFactInfo {
  type: FactType;
  label: string;
  labelEn: string;
}

/** The outcome facts the risk criteria read, known only after scoring and ranking. */
export const OUTCOME_FACTS: Record<string, BranchFactInfo> = {
  failedItems: { type: 'number', label: '未达标事项数', labelEn: 'failed items' },
  lastPlace: { type: 'boolean', label: '排名末位', labelEn: 'last place' },
  score: { type: 'number', label: '得分', labelEn: 'score' },
  rank: { type: 'number', label: '排名', labelEn: 'rank' },
  of: { type: 'number', label: '参评支部数', labelEn: 'branches ranked' },
};

/** Covered months of the meeting records in the period: null when the records cover none of it. */
export const MEETING_MONTHS = 'meetingMonths';

export const meetingCountFact = (type: string) => `${type}Meetings`;

/**
 * Every fact a rule or requirement of the pack may read, with its type and
 * label: the covered months, a count per meeting type, the sum of every work
 * count column, and the facts the pack defines.
 */
export function factCatalogue(pack: BranchPack): Map<string, BranchFactInfo> {
  const facts = new Map<string, BranchFactInfo>();
  facts.set('always', { type: 'boolean', label: '', labelEn: '' });
  facts.set(MEETING_MONTHS, { type: 'number', label: '有会议记录的月数', labelEn: 'months with meeting records' });
  for (const t of pack.meetings.types) {
    facts.set(meetingCountFact(t.id), { type: 'number', label: `${t.label}次数`, labelEn: `${t.labelEn ?? t.label} held` });
  }
  for (const c of pack.work.columns) {
    if (c.type === 'number') facts.set(c.fact, { type: 'number', label: c.label, labelEn: c.labelEn ?? c.label });
  }
  for (const f of pack.facts) {
    const type: FactType = f.source === 'attendance' || f.source === 'ratio' ? 'ratio' : 'number';
    facts.set(f.fact, { type, label: f.label, labelEn: f.labelEn ?? f.label });
  }
  return facts;
}
