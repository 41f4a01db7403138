import { t } from '../messages';
import type { Scheme, SchemeFact, SchemeLedger } from '../scheme/schema';
import type { Column } from '../pack/schema';
import { type BranchPack, type BranchPackInput, MEETINGS_LEDGER, type MeetingType, WORK_LEDGER } from './schema';

const MEETING_TYPE = 'meetingType';

export { MEETINGS_LEDGER, WORK_LEDGER } from './schema';

/** Covered months of the meeting records in the period: null when the records cover none of it. */
export const MEETING_MONTHS = 'meetingMonths';

export const meetingCountFact = (type: string) => `${type}Meetings`;

/** The meeting records' columns, the meeting types the values of the meetingType column: read as any ledger's values are. */
export function meetingColumns(pack: BranchPack): Column[] {
  return pack.meetings.columns.map((c) => (c.fact === MEETING_TYPE ? { ...c, values: pack.meetings.types } : c));
}

/**
 * The meeting records and the work ledger as ledgers of the one model, then
 * the ledgers the pack declares. A sheet of meeting records is marked by its
 * 会议类型 column, kept per month, and often one per branch, the branch named
 * in its title. Work counts often sit in separate sheets (承诺, 服务, 纠纷): a
 * sheet lacking some columns is normal; they are kept per month or as a
 * quarterly or yearly table.
 */
export function branchLedgers(pack: BranchPack): SchemeLedger[] {
  return [
    {
      id: MEETINGS_LEDGER,
      title: pack.meetings.title,
      ...(pack.meetings.titleEn ? { titleEn: pack.meetings.titleEn } : {}),
      columns: meetingColumns(pack),
      ignoredColumns: pack.meetings.ignoredColumns,
      standing: false,
      keyColumn: MEETING_TYPE,
      subjectFromTitle: true,
      monthsOnly: true,
    },
    {
      id: WORK_LEDGER,
      title: pack.work.title,
      ...(pack.work.titleEn ? { titleEn: pack.work.titleEn } : {}),
      columns: pack.work.columns,
      ignoredColumns: pack.work.ignoredColumns,
      standing: false,
      statedRates: pack.work.statedRates,
      rateTolerance: pack.rateTolerance,
      warnMissing: false,
    },
    ...pack.ledgers,
  ];
}

/**
 * The facts every branch has whatever its pack says, named after its meeting
 * types and work columns: the covered months of the meeting records, a count
 * of rows per meeting type and the sum of every work count column.
 */
export function implicitFacts(pack: { meetings: Pick<BranchPack['meetings'], 'types'>; work: Pick<BranchPack['work'], 'columns'> }): SchemeFact[] {
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
    // A branch is judged for the month, quarter or year asked: its yearly items fall due in a year.
    alsoJudgedFor: ['month', 'year'],
    // A branch that held no meeting has missed them all: it is judged, not left out.
    judgeAbsent: true,
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
    // Every branch keeps meeting records and work counts each period; a survey or 发展党员 ledger is kept by few at a time.
    coverLedgers: [MEETINGS_LEDGER, WORK_LEDGER],
  };
}

/** The name rules of a branch pack, which a scheme has no place for: read beside it from the branch block's 【名称规则】【名称对照】. */
export type BranchNames = Pick<BranchPack, 'names'>;

/**
 * The branch pack a scheme read from a branch block stands for: the inverse of
 * branchScheme. Its meeting records and work ledger are the ledgers `meetings`
 * and `work` (the meeting types the values of 会议类型, the stated rates'
 * tolerance the work ledger's), the implicit facts are left to the types and
 * columns that name them, and the quota on a grade is the star quota on that
 * band's stars. Not validated: validateBranchPack names what is missing.
 */
export function branchPackOf(scheme: Scheme, { names }: BranchNames): BranchPackInput {
  const meetings = scheme.ledgers.find((l) => l.id === MEETINGS_LEDGER);
  const work = scheme.ledgers.find((l) => l.id === WORK_LEDGER);
  const typeColumn = meetings?.columns.find((c) => c.fact === MEETING_TYPE);
  // The reader keeps each type's id on its value of 会议类型, as branchLedgers lays them out.
  const types = (typeColumn?.values ?? []).filter((v): v is MeetingType => 'id' in v && typeof v.id === 'string');
  const own = {
    meetings: meetings && {
      title: meetings.title,
      ...(meetings.titleEn ? { titleEn: meetings.titleEn } : {}),
      columns: meetings.columns.map(({ values, ...c }) => (c.fact === MEETING_TYPE || values === undefined ? c : { ...c, values })),
      ignoredColumns: meetings.ignoredColumns,
      types,
    },
    work: work && { title: work.title, ...(work.titleEn ? { titleEn: work.titleEn } : {}), columns: work.columns, ignoredColumns: work.ignoredColumns, statedRates: work.statedRates ?? [] },
  };
  const implicit = new Set(implicitFacts({ meetings: { types }, work: { columns: work?.columns ?? [] } }).map((f) => f.fact));
  const band = scheme.quota && scheme.grades.find((g) => g.grade === scheme.quota!.grade);
  return {
    id: scheme.id,
    version: 1,
    title: scheme.title,
    ...(scheme.titleEn ? { titleEn: scheme.titleEn } : {}),
    subject: 'branch',
    params: scheme.params,
    meetings: own.meetings!,
    work: own.work!,
    names,
    ledgers: scheme.ledgers.filter((l) => l !== meetings && l !== work),
    facts: scheme.facts.filter((f) => !implicit.has(f.fact)),
    requirements: scheme.requirements,
    indicators: scheme.indicators,
    rules: scheme.rules,
    grades: scheme.grades,
    ...(scheme.quota && band ? { starQuota: { stars: band.stars, maxShare: scheme.quota.maxShare, ...(scheme.quota.param ? { param: scheme.quota.param } : {}) } } : {}),
    ...(scheme.fallsShortMaxStars !== undefined ? { fallsShortMaxStars: scheme.fallsShortMaxStars } : {}),
    risk: scheme.risk!,
    rectifyMonths: scheme.rectifyMonths!,
    coverShare: scheme.coverShare,
    ...(work?.rateTolerance !== undefined ? { rateTolerance: work.rateTolerance } : {}),
  };
}
