import type { GradeQuota, Output, PeriodKind, Scheme, SchemeFact, SchemeLedger, Veto } from '../../scheme/schema';

/** A scheme as its block is read, before validation: the parts the shared tables do not hold (those go in the ReadContext's draft). */
export interface SchemeDraft {
  id?: string;
  titleEn?: string;
  subject?: string;
  subjectEn?: string;
  periodKind?: PeriodKind;
  ledgers: SchemeLedger[];
  facts: SchemeFact[];
  vetoes: Veto[];
  quota?: GradeQuota;
  ranking?: Scheme['ranking'];
  outputs: Output[];
}

export const emptyDraft = (): SchemeDraft => ({ ledgers: [], facts: [], vetoes: [], outputs: [] });
