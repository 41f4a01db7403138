import type { GradeQuota, Output, PeriodKind, Scheme, SchemeFact, SchemeLedger, Veto } from '../../scheme/schema';
import type { ConditionItem } from '../branch/condition-table';

/** A scheme as its block is read, before validation: the parts the shared tables do not hold (those go in the ReadContext's draft). */
export interface SchemeDraft {
  id?: string;
  titleEn?: string;
  subject?: string;
  subjectEn?: string;
  periodKind?: PeriodKind;
  alsoJudgedFor?: PeriodKind[];
  judgeAbsent?: boolean;
  rescale?: boolean;
  lowestFallsShort?: boolean;
  coverShare?: number;
  fallsShortMaxStars?: number;
  rectifyMonths?: number;
  /** The risk's single values, rows of 【方案】: a risk once 【风险】 has rows. */
  riskLabel?: string;
  riskLabelEn?: string;
  riskMaxStars?: number;
  riskRectifyMonths?: number;
  ledgers: SchemeLedger[];
  facts: SchemeFact[];
  requirements: ConditionItem[];
  riskCriteria: ConditionItem[];
  vetoes: Veto[];
  quota?: GradeQuota;
  ranking?: Scheme['ranking'];
  outputs: Output[];
}

export const emptyDraft = (): SchemeDraft => ({ ledgers: [], facts: [], requirements: [], riskCriteria: [], vetoes: [], outputs: [] });
