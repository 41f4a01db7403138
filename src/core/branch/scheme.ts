import { t } from '../messages';
import type { Scheme, SchemeFact, SchemeLedger } from '../scheme/schema';
import { meetingColumns } from './ledgers';
import { type BranchPack, MEETINGS_LEDGER, WORK_LEDGER } from './schema';

export { MEETINGS_LEDGER, WORK_LEDGER } from './schema';

/** Covered months of the meeting records in the period: null when the records cover none of it. */
export const MEETING_MONTHS = 'meetingMonths';

export const meetingCountFact = (type: string) => `${type}Meetings`;

/** The meeting records and the work ledger as ledgers of the one model, then the ledgers the pack declares. */
export function branchLedgers(pack: BranchPack): SchemeLedger[] {
  return [
    { id: MEETINGS_LEDGER, title: pack.meetings.title, ...(pack.meetings.titleEn ? { titleEn: pack.meetings.titleEn } : {}), columns: meetingColumns(pack), ignoredColumns: pack.meetings.ignoredColumns, standing: false },
    {
      id: WORK_LEDGER,
      title: pack.work.title,
      ...(pack.work.titleEn ? { titleEn: pack.work.titleEn } : {}),
      columns: pack.work.columns,
      ignoredColumns: pack.work.ignoredColumns,
      standing: false,
      statedRates: pack.work.statedRates,
      rateTolerance: pack.rateTolerance,
    },
    ...pack.ledgers,
  ];
}

/**
 * The facts every branch has whatever its pack says, named after its meeting
 * types and work columns: the covered months of the meeting records, a count
 * of rows per meeting type and the sum of every work count column.
 */
export function implicitFacts(pack: BranchPack): SchemeFact[] {
  return [
    { fact: MEETING_MONTHS, label: t('branchFactMeetingMonths'), labelEn: t('branchFactMeetingMonths', {}, 'en'), source: 'covered', ledger: MEETINGS_LEDGER },
    ...pack.meetings.types.map(
      (m): SchemeFact => ({
        fact: meetingCountFact(m.id),
        label: t('branchFactMeetingsHeld', { meeting: m.label }),
        labelEn: t('branchFactMeetingsHeld', { meeting: m.labelEn ?? m.label }, 'en'),
        source: 'rows',
        ledger: MEETINGS_LEDGER,
        op: 'count',
        where: { column: 'meetingType', values: [m.id] },
      }),
    ),
    ...pack.work.columns
      .filter((c) => c.type === 'number')
      .map((c): SchemeFact => ({ fact: c.fact, label: c.label, labelEn: c.labelEn ?? c.label, source: 'rows', ledger: WORK_LEDGER, op: 'sum', column: c.fact })),
  ];
}

/**
 * The branch pack as an assessment of the one model: its meeting records and
 * work ledger are two ledgers beside the ones it declares; a meeting count is
 * a count of rows of a type, a missed month a month without such a row,
 * attendance and rates the model's own, the stationed cadres graded 不合格 a
 * count of another assessment's results; its must-meet items, risk, star
 * quota and caps are the model's too, and an indicator without data is left
 * out and the score rescaled. Each branch is judged by the same
 * SchemeAssessor as every other assessment.
 */
export function branchScheme(pack: BranchPack): Scheme {
  const facts: SchemeFact[] = [...implicitFacts(pack), ...pack.facts];
  const top = pack.grades.find((g) => g.stars === pack.starQuota?.stars);
  return {
    id: pack.id,
    version: 1,
    title: pack.title,
    ...(pack.titleEn ? { titleEn: pack.titleEn } : {}),
    subject: t('subjectBranch'),
    subjectEn: t('subjectBranch', {}, 'en'),
    periodKind: 'quarter',
    params: pack.params,
    ledgers: branchLedgers(pack),
    facts,
    indicators: pack.indicators,
    rules: pack.rules,
    grades: pack.grades,
    vetoes: [],
    ...(top && pack.starQuota
      ? { quota: { grade: top.grade, maxShare: pack.starQuota.maxShare, ...(pack.starQuota.param ? { param: pack.starQuota.param } : {}) } }
      : {}),
    outputs: [],
    requirements: pack.requirements,
    risk: pack.risk,
    ...(pack.fallsShortMaxStars !== undefined ? { fallsShortMaxStars: pack.fallsShortMaxStars } : {}),
    rectifyMonths: pack.rectifyMonths,
    rescale: true,
    lowestFallsShort: false,
    coverShare: pack.coverShare,
  };
}
