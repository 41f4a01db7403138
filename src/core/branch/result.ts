import type { RankedScore } from '../scheme/result';
import type { FactValue, LedgerInfo, Warning } from '../ledger/read';
import type { Bilingual } from '../messages';
import type { Evidence } from '../scheme/evidence';
import { type FailedItem, isStandingNote, type PreviousResult, type SubjectResult } from '../scheme/result';
import type { LedgerKind, SheetKinds } from '../ledger/classify';
import type { RateCheck, UnmatchedName } from './work';

/** What a branch assessment gives back: per branch and period, and for the run as a whole. */

/** A failed must-meet item, with what it needed, what the ledgers show, what to do and the rows behind it. */
export interface BranchFlag extends Bilingual, FailedItem {
  /** The must-meet item's id. */
  rule: string;
}

export interface BranchNote extends Bilingual {
  rule: string;
}

export interface BranchResult extends RankedScore {
  /** The roster key; stable across periods. */
  id: string;
  name: string;
  /** How the ledgers wrote the name. */
  variants: string[];
  period: string;
  /** False when no indicator had data: such a branch is neither scored nor ranked. */
  scored: boolean;
  fallsShort: boolean;
  risk: boolean;
  riskReasons: Bilingual[];
  flags: BranchFlag[];
  /** Items not judged for want of data, and why. */
  noData: BranchNote[];
  /** Why the stars are fewer than the score gives. */
  starNotes: Bilingual[];
  indicators: Record<string, number>;
  /** Indicators left out of the score for want of data. */
  excluded: string[];
  /** Every fact's value (counts, rates), null where missing. */
  values: Record<string, FactValue>;
  /** The ledger rows behind each fact. */
  evidence: Record<string, Evidence[]>;
  /** The rectification deadline for a branch that falls short (2024年7月31日). */
  rectifyBy: string | null;
  /** The same branch in the period before, and what changed. */
  previous?: PreviousResult;
}

export interface CoverageNote extends Bilingual {
  period: string;
  ledger: LedgerKind;
}

export interface BranchAssessment {
  packId: string;
  packTitle: string;
  /** The content hash of the branch pack that produced it (packHash). */
  rulesVersion: string;
  /** The period asked for; undefined when every quarter the ledgers span was assessed. */
  period?: string;
  periods: string[];
  /** Falling short first (at risk first among them), then by rank. */
  branches: BranchResult[];
  /** The same, in the one result shape every assessment gives, in the order judged. */
  results: SubjectResult[];
  sheets: SheetKinds;
  ledgers: { meetings: LedgerInfo[]; work: LedgerInfo[] };
  /** The sheets read as each ledger the pack declares (支部基本情况), by ledger id. */
  declared: Record<string, LedgerInfo[]>;
  meetingRows: number;
  workRows: number;
  /** Cadre results counted per branch. */
  cadreResults: number;
  coverage: { meetings: string[]; work: string[]; cadres: string[] };
  coverageNotes: CoverageNote[];
  unmatched: UnmatchedName[];
  rateChecks: RateCheck[];
  /** Sheets read as the branch name table (支部名称对照). */
  aliasSheets: string[];
  /** Rows of each branch ledger sheet whose month lies outside the period asked for: read, not judged. */
  outsidePeriod: Record<string, number>;
  warnings: Warning[];
}

type Ordered = Pick<BranchResult, 'period' | 'risk' | 'fallsShort' | 'scored' | 'rank' | 'name'>;

/** Falling short first, at risk first among them, then by rank and name. */
export function branchOrder(a: Ordered, b: Ordered): number {
  return (
    a.period.localeCompare(b.period) ||
    Number(b.risk) - Number(a.risk) ||
    Number(b.fallsShort) - Number(a.fallsShort) ||
    Number(b.scored) - Number(a.scored) ||
    a.rank - b.rank ||
    a.name.localeCompare(b.name, 'zh')
  );
}

/** A branch's result in the branch assessment's own shape (its sheet, JSON `branches`), from the one result shape. */
export function branchResultOf(r: SubjectResult, branch: { id: string; variants: string[] }): BranchResult {
  const flags: BranchFlag[] = r.flags.flatMap((f) => (f.item ? [{ rule: f.rule, message: f.message, messageEn: f.messageEn, ...f.item }] : []));
  const note = (n: SubjectResult['notes'][number]): BranchNote => ({ rule: n.rule ?? '', message: n.message, messageEn: n.messageEn });
  return {
    id: branch.id,
    name: r.name,
    variants: branch.variants,
    period: r.period,
    scored: r.scored,
    score: r.score,
    grade: r.grade,
    gradeEn: r.gradeEn,
    stars: r.stars,
    rank: r.rank,
    of: r.of,
    fallsShort: r.fallsShort,
    risk: r.risk,
    riskReasons: r.riskReasons,
    flags,
    noData: r.notes.filter((n) => !isStandingNote(n)).map(note),
    starNotes: r.notes.filter(isStandingNote).map(({ message, messageEn }) => ({ message, messageEn })),
    indicators: r.indicators,
    excluded: r.excluded,
    values: r.values,
    evidence: r.evidence,
    rectifyBy: r.rectifyBy,
    ...(r.previous ? { previous: r.previous } : {}),
  };
}
