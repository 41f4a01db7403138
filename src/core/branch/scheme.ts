import { t } from '../messages';
import type { Pack } from '../pack/schema';
import type { Scheme, SchemeFact } from '../scheme/schema';
import { MEETING_MONTHS, meetingCountFact } from './catalogue';
import { meetingColumns } from './ledgers';
import type { BranchPack } from './schema';

/** The ids the branch pack's own ledgers have as ledgers of the one model. */
export const MEETINGS_LEDGER = 'meetings';
export const WORK_LEDGER = 'work';

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
export function branchScheme(pack: BranchPack, cadre?: Pack): Scheme {
  const type = (id: string) => ({ column: 'meetingType', values: [id] });
  const facts: SchemeFact[] = [
    { fact: MEETING_MONTHS, label: t('branchFactMeetingMonths'), labelEn: t('branchFactMeetingMonths', {}, 'en'), source: 'covered', ledger: MEETINGS_LEDGER },
    ...pack.meetings.types.map(
      (m): SchemeFact => ({
        fact: meetingCountFact(m.id),
        label: t('branchFactMeetingsHeld', { meeting: m.label }),
        labelEn: t('branchFactMeetingsHeld', { meeting: m.labelEn ?? m.label }, 'en'),
        source: 'rows',
        ledger: MEETINGS_LEDGER,
        op: 'count',
        where: type(m.id),
      }),
    ),
    ...pack.work.columns
      .filter((c) => c.type === 'number')
      .map((c): SchemeFact => ({ fact: c.fact, label: c.label, labelEn: c.labelEn ?? c.label, source: 'rows', ledger: WORK_LEDGER, op: 'sum', column: c.fact })),
    ...pack.facts.map((f): SchemeFact => {
      const base = { fact: f.fact, label: f.label, labelEn: f.labelEn ?? f.label };
      switch (f.source) {
        case 'meetingsMissed':
          return { ...base, source: 'unitsWithout', ledger: MEETINGS_LEDGER, per: f.per, min: f.min, where: type(f.meeting) };
        case 'attendance':
          return { ...base, source: 'attendance', ledger: MEETINGS_LEDGER, present: 'present', expected: 'expected', where: type(f.meeting) };
        case 'ratio':
          return { ...base, source: 'ratio', numerator: f.numerator, denominator: f.denominator };
        case 'cadresGraded':
          return { ...base, source: 'results', scheme: cadre?.id ?? 'stationed-cadre', op: 'subjectsGraded', grades: f.grades };
      }
    }),
    ...pack.declaredFacts,
  ];
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
    ledgers: [
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
    ],
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
