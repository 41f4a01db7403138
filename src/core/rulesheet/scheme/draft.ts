import type { GradeQuota, Output, PeriodKind, SchemeFact, SchemeLedger, SchemeSchema, Veto } from '../../scheme/schema';
import type * as z from 'zod';

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
  ranking?: z.infer<typeof SchemeSchema>['ranking'];
  outputs: Output[];
}

export const emptyDraft = (): SchemeDraft => ({ ledgers: [], facts: [], vetoes: [], outputs: [] });
