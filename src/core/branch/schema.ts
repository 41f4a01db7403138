import * as z from 'zod';
import { ParamsSchema } from '../pack/params';
import { ColumnSchema, ColumnValueSchema, ConditionSchema, FactIdSchema, GradeBandSchema, IndicatorSchema, RuleSchema, StatedRateSchema } from '../pack/schema';
import { RequirementSchema, RiskSchema, SchemeFactSchema, SchemeLedgerSchema } from '../scheme/schema';

export { RequirementSchema, RiskCriterionSchema, RiskSchema, type Requirement } from '../scheme/schema';
export { StatedRateSchema, type StatedRate } from '../pack/schema';

/**
 * The branch rule pack (党支部考核): which ledgers to read, which facts to
 * compute per branch and period, the must-meet items, the scoring rules and
 * the star rules. Everything a township may want to change is data here, in
 * the same rule, indicator, condition and grade shapes as the cadre pack.
 */

const LedgerShape = {
  title: z.string().min(1),
  titleEn: z.string().optional(),
  columns: z.array(ColumnSchema).min(1),
  /** Header labels that are known and deliberately not read (序号, 备注). */
  ignoredColumns: z.array(z.string()).default([]),
};

/** A meeting type and the ways staff write it (支委会 / 支委会议 / 支部委员会): a value of the meetingType column whose id names facts. */
export const MeetingTypeSchema = ColumnValueSchema.extend({ id: FactIdSchema });
export type MeetingType = z.infer<typeof MeetingTypeSchema>;

/** 三会一课 / 主题党日 records: columns branch, meetingType, date, expected, present. */
export const MeetingLedgerSchema = z.object({ ...LedgerShape, types: z.array(MeetingTypeSchema).min(1) });

/** Branch work counts (承诺, 服务事项, 矛盾纠纷) per branch and month. */
export const WorkLedgerSchema = z.object({ ...LedgerShape, statedRates: z.array(StatedRateSchema).default([]) });

export const NameRulesSchema = z.object({
  /** Endings that name the Party organisation, not the place: 党支部, 党总支, 支部, 党委. */
  suffixes: z.array(z.string().min(1)),
  /** Endings that name the kind of place: 嘎查, 村, 社区. Matched on only when that is unambiguous. */
  placeSuffixes: z.array(z.string().min(1)),
  /** Prefixes naming the township (…镇, …苏木), dropped when nothing else matches. */
  townshipSuffixes: z.array(z.string().min(1)).default([]),
  /** Names as written in a ledger → the branch they mean; edited by the user. */
  aliases: z.record(z.string(), z.string()).default({}),
});
export type NameRules = z.infer<typeof NameRulesSchema>;

const FactShape = { fact: FactIdSchema, label: z.string().min(1), labelEn: z.string().optional() };

/**
 * A fact computed per branch and period before the rules run. Its source says
 * how: units (months, quarters, the year) in which a meeting type was held
 * fewer than `min` times; the lowest attendance at a meeting type; a ratio of
 * two work counts summed over the period; stationed cadres graded in `grades`.
 */
export const BranchFactSchema = z.discriminatedUnion('source', [
  z.object({
    ...FactShape,
    source: z.literal('meetingsMissed'),
    meeting: FactIdSchema,
    per: z.enum(['month', 'quarter', 'year']),
    min: z.number().int().positive().default(1),
  }),
  z.object({ ...FactShape, source: z.literal('attendance'), meeting: FactIdSchema }),
  z.object({ ...FactShape, source: z.literal('ratio'), numerator: FactIdSchema, denominator: FactIdSchema }),
  z.object({ ...FactShape, source: z.literal('cadresGraded'), grades: z.array(z.string().min(1)).min(1) }),
]);
export type BranchFact = z.infer<typeof BranchFactSchema>;

/** At most `maxShare` of a period's branches get `stars`; the lowest scorers above it drop one star. */
export const StarQuotaSchema = z.object({
  stars: z.number().int().min(1).max(5),
  maxShare: z.number().min(0).max(1),
  /** The percentage parameter the share comes from, kept as a grade band's is. */
  param: z.string().min(1).optional(),
});

export const BranchPackSchema = z.object({
  id: z.string().min(1),
  version: z.literal(1),
  title: z.string().min(1),
  titleEn: z.string().optional(),
  subject: z.literal('branch'),
  /** Named standards the must-meet items, risk criteria and rules refer to as {名称}; absent in older packs. */
  params: ParamsSchema,
  meetings: MeetingLedgerSchema,
  work: WorkLedgerSchema,
  names: NameRulesSchema,
  facts: z.array(BranchFactSchema).min(1),
  /**
   * Ledgers the pack declares as data, as any assessment does (支部基本情况,
   * 群众满意度测评, 发展党员): classified with every other ledger of the run,
   * their branch names matched through the same roster.
   */
  ledgers: z.array(SchemeLedgerSchema).default([]),
  /** Facts gathered per branch and period from those ledgers, the way any assessment gathers its facts. */
  declaredFacts: z.array(SchemeFactSchema).default([]),
  requirements: z.array(RequirementSchema).min(1),
  indicators: z.array(IndicatorSchema).min(1),
  rules: z.array(RuleSchema).min(1),
  grades: z.array(GradeBandSchema).min(1),
  starQuota: StarQuotaSchema.optional(),
  /** A branch that fails any must-meet item gets at most this many stars. */
  fallsShortMaxStars: z.number().int().min(0).max(5).optional(),
  risk: RiskSchema,
  /** Months given to rectify a failed item, counted from the end of the period. */
  rectifyMonths: z.number().int().positive(),
  /**
   * A month (or quarter) counts as covered by the meeting records or the work
   * ledger when at least this share of the branches have a row for it; below
   * that, its rows are taken for mistyped dates and the month is "no data".
   */
  coverShare: z.number().min(0).max(1).default(0.25),
  /** A stated rate may differ from the counts by this much (0.005 = 0.5 percentage points). */
  rateTolerance: z.number().min(0).max(1).default(0.005),
});
export type BranchPack = z.infer<typeof BranchPackSchema>;
export type BranchPackInput = z.input<typeof BranchPackSchema>;
