import * as z from 'zod';
import { ParamsSchema } from '../pack/params';
import { ColumnSchema, ConditionSchema, FactIdSchema, GradeBandSchema, IndicatorSchema, RankingSchema, RuleSchema, StatedRateSchema } from '../pack/schema';

/**
 * An assessment (考核方案) as data: who is assessed, over which periods, from
 * which ledgers, with which facts, and then the indicators, rules and grades
 * the cadre and branch packs already have, plus the parts seed 003 and 004
 * need: vetoes, a quota on a grade, and computed outputs (a coefficient by
 * grade, pay as a product). Nothing in it names a subject the code knows:
 * 党员中心户 and 村干部 are words staff write, not cases in the code.
 */

const IdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'ids are letters, digits, - _ .');

export const PeriodKindSchema = z.enum(['month', 'quarter', 'year']);
export type PeriodKind = z.infer<typeof PeriodKindSchema>;

/**
 * A ledger an assessment reads: its columns, one of them the subject (whose
 * row it is), optionally the group (village, branch) and the period (a month,
 * quarter or year column; else the title or sheet name gives it).
 */
export const SchemeLedgerSchema = z.object({
  id: FactIdSchema,
  title: z.string().min(1),
  titleEn: z.string().optional(),
  columns: z.array(ColumnSchema).min(1),
  ignoredColumns: z.array(z.string()).default([]),
  /** Its rows say how things stand (a roster: 书记姓名, 空缺时间), not what a period did: every period reads them. */
  standing: z.boolean().default(false),
  /** Rate columns staff fill in beside their counts: each recomputed, and one that differs is warned and replaced by the counts'. */
  statedRates: z.array(StatedRateSchema).optional(),
  /** How far a stated rate may be from the counts' (0.005 = 0.5 percentage points); 0.005 when absent. */
  rateTolerance: z.number().min(0).max(1).optional(),
  /** The column whose presence marks a sheet as this ledger when the subject's does not (会议类型: one sheet per branch names the branch only in its title). */
  keyColumn: FactIdSchema.optional(),
  /** A sheet without a subject column may name its subject in its title row or sheet name (巴彦嘎查党支部2024年三会一课记录), as the run's name rules read it. */
  subjectFromTitle: z.boolean().optional(),
  /** Whether a column a sheet lacks is warned (when absent it is): off where each sheet holds some of the columns (承诺, 服务, 纠纷 apart). */
  warnMissing: z.boolean().optional(),
  /** Its rows are kept per month: a sheet or period cell naming only a quarter or a year is not read as one (a row may stand for either when absent). */
  monthsOnly: z.boolean().optional(),
});
export type SchemeLedger = z.infer<typeof SchemeLedgerSchema>;

/** Only the rows whose column holds one of the values (会议类型 = 组织生活会; 书记姓名 blank or 空缺, written ""). */
export const WhereSchema = z.object({
  column: FactIdSchema,
  values: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1),
});
export type Where = z.infer<typeof WhereSchema>;

const FactShape = { fact: FactIdSchema, label: z.string().min(1), labelEn: z.string().optional() };

/**
 * How a fact is gathered for one subject and one period:
 * - value: the column's value in the subject's row of the period;
 * - rows: sum, count, mean, min or max of a column over the subject's rows of
 *   the period (or of the `years` years ending with it), optionally only rows
 *   `where` a column holds given values;
 * - ratio: one fact over another (a rate);
 * - either: the first of several facts that has a value (a rate stated, else counted);
 * - unitsWithout: months, quarters or years wholly inside the period, each
 *   covered by the ledger, with fewer than `min` rows (a yearly item is not
 *   due in a quarter);
 * - covered: the months of the period the ledger has rows for from anyone;
 * - attendance: the lowest share present of expected over the rows;
 * - monthsSince: months from the latest date in a column to the period's end
 *   (0 when the subject has rows and none matches `where`);
 * - results: another assessment's results for the subject in the period: the
 *   mean score, how many of its results (one per subject and period) are
 *   graded one of `grades`, how many of its subjects are graded so at least
 *   once (stationed cadres 不合格), or the months it was assessed in that hold
 *   no result for the subject.
 */
export const SchemeFactSchema = z.discriminatedUnion('source', [
  z.object({ ...FactShape, source: z.literal('value'), ledger: FactIdSchema, column: FactIdSchema }),
  z.object({
    ...FactShape,
    source: z.literal('rows'),
    ledger: FactIdSchema,
    op: z.enum(['sum', 'count', 'mean', 'min', 'max']),
    column: FactIdSchema.optional(),
    where: WhereSchema.optional(),
    years: z.number().int().positive().optional(),
  }),
  z.object({ ...FactShape, source: z.literal('ratio'), numerator: FactIdSchema, denominator: FactIdSchema }),
  z.object({ ...FactShape, source: z.literal('either'), facts: z.array(FactIdSchema).min(2) }),
  z.object({
    ...FactShape,
    source: z.literal('unitsWithout'),
    ledger: FactIdSchema,
    per: z.enum(['month', 'quarter', 'year']),
    where: WhereSchema.optional(),
    min: z.number().int().positive().default(1),
  }),
  z.object({ ...FactShape, source: z.literal('covered'), ledger: FactIdSchema }),
  z.object({ ...FactShape, source: z.literal('attendance'), ledger: FactIdSchema, present: FactIdSchema, expected: FactIdSchema, where: WhereSchema.optional() }),
  z.object({ ...FactShape, source: z.literal('monthsSince'), ledger: FactIdSchema, column: FactIdSchema, where: WhereSchema.optional() }),
  z.object({
    ...FactShape,
    source: z.literal('results'),
    scheme: z.string().min(1),
    op: z.enum(['meanScore', 'countGraded', 'subjectsGraded', 'monthsMissing']),
    grades: z.array(z.string().min(1)).optional(),
  }),
]);
export type SchemeFact = z.infer<typeof SchemeFactSchema>;

/** Any text in the fact's cell but blank or 无 vetoes: the grade becomes the lowest band, with a flag naming the text. */
export const VetoSchema = z.object({
  id: IdSchema,
  fact: FactIdSchema,
  flag: z.string().min(1),
  flagEn: z.string().optional(),
});
export type Veto = z.infer<typeof VetoSchema>;

/**
 * A must-meet item. It fails when every condition holds; its texts are
 * templates where {fact} is the fact's value and {factDetail} where or what
 * (the months missed, the meeting, the counts).
 */
export const RequirementSchema = z.object({
  id: IdSchema,
  label: z.string().min(1),
  labelEn: z.string().optional(),
  enabled: z.boolean().default(true),
  when: z.array(ConditionSchema).min(1),
  expected: z.string().min(1),
  expectedEn: z.string().optional(),
  actual: z.string().min(1),
  actualEn: z.string().optional(),
  message: z.string().min(1),
  messageEn: z.string().optional(),
  /** What the branch is to do, for the rectification list. */
  fix: z.string().min(1),
  fixEn: z.string().optional(),
});
export type Requirement = z.infer<typeof RequirementSchema>;

/** One way into 软弱涣散风险: conditions over the outcome facts (failedItems, lastPlace, score, rank) and the branch's facts. */
export const RiskCriterionSchema = z.object({
  id: IdSchema,
  when: z.array(ConditionSchema).min(1),
  reason: z.string().min(1),
  reasonEn: z.string().optional(),
});

export const RiskSchema = z.object({
  label: z.string().min(1),
  labelEn: z.string().optional(),
  /** Any criterion that holds marks the branch. */
  any: z.array(RiskCriterionSchema).min(1),
  maxStars: z.number().int().min(0).max(5),
  /** Months given to rectify, counted from the end of the period. */
  rectifyMonths: z.number().int().positive(),
});
export type Risk = z.infer<typeof RiskSchema>;

/** At most ⌊maxShare × N⌋ of a period's subjects keep `grade`; all tied at the cut-off drop to the next band, with a note. */
export const GradeQuotaSchema = z.object({
  grade: z.string().min(1),
  maxShare: z.number().min(0).max(1),
  /** The percentage parameter the share comes from ({优秀名额比例}), kept as a band's is. */
  param: z.string().min(1).optional(),
});
export type GradeQuota = z.infer<typeof GradeQuotaSchema>;

/** The lowest share is flagged as the cadre ranking is, and may name what is to be done about them. */
export const SchemeRankingSchema = RankingSchema.extend({
  action: z.string().optional(),
  actionEn: z.string().optional(),
});

/** A computed column of the result sheet: a value by grade (绩效报酬系数), or a product of two values (绩效报酬). */
export const OutputSchema = z.union([
  z.object({ id: FactIdSchema, label: z.string().min(1), labelEn: z.string().optional(), byGrade: z.record(z.string(), z.number()) }),
  z.object({ id: FactIdSchema, label: z.string().min(1), labelEn: z.string().optional(), product: z.tuple([FactIdSchema, FactIdSchema]) }),
]);
export type Output = z.infer<typeof OutputSchema>;

export const SchemeSchema = z.object({
  id: z.string().min(1),
  version: z.literal(1),
  title: z.string().min(1),
  titleEn: z.string().optional(),
  /** Who is assessed, in staff's words: 党员中心户, 村干部. */
  subject: z.string().min(1),
  subjectEn: z.string().optional(),
  periodKind: PeriodKindSchema,
  /**
   * Other kinds of period the assessment is judged for when one is asked
   * (a branch's month, or its year, when the yearly items fall due); any other
   * period asked is judged in the units of its own kind.
   */
  alsoJudgedFor: z.array(PeriodKindSchema).optional(),
  /**
   * Whether a subject the ledgers name is judged in a period where it has no
   * row (a branch that held no meeting has missed them all), rather than left out.
   */
  judgeAbsent: z.boolean().optional(),
  params: ParamsSchema,
  ledgers: z.array(SchemeLedgerSchema).default([]),
  facts: z.array(SchemeFactSchema).default([]),
  indicators: z.array(IndicatorSchema).min(1),
  rules: z.array(RuleSchema).min(1),
  grades: z.array(GradeBandSchema).min(1),
  vetoes: z.array(VetoSchema).default([]),
  quota: GradeQuotaSchema.optional(),
  ranking: SchemeRankingSchema.optional(),
  outputs: z.array(OutputSchema).default([]),
  /** Must-meet items (必达项): each fails when all its conditions hold; a subject failing one falls short. */
  requirements: z.array(RequirementSchema).default([]),
  /** A standing beyond the grade (软弱涣散风险): any criterion marks the subject, caps its stars and sets a deadline. */
  risk: RiskSchema.optional(),
  /** A subject that fails a must-meet item gets at most this many stars. */
  fallsShortMaxStars: z.number().int().min(0).max(5).optional(),
  /** Months given to rectify a failed item, counted from the end of the period. */
  rectifyMonths: z.number().int().positive().optional(),
  /**
   * How an indicator without data counts. Off, it scores nothing and says so
   * (a cadre's missing entry). On, one no subject could have data for (no
   * ledger, a period the ledger does not cover, nothing to count) is left out
   * and the score scaled to 100; one the subject left empty still scores nothing.
   */
  rescale: z.boolean().default(false),
  /** Whether the lowest band falls short (不合格, 不称职); a branch's 一星 does not: its must-meet items decide. */
  lowestFallsShort: z.boolean().default(true),
  /**
   * A month (quarter, year) counts as covered by a ledger when at least this
   * share of the subjects have a row for it; below that its rows are taken for
   * a mistyped date, said, and the month is no data rather than failed by all.
   */
  coverShare: z.number().min(0).max(1).default(0),
  /** The ledgers whose coverage coverShare judges, when not all: one kept by few subjects by nature (a survey, 发展党员) is left out. */
  coverLedgers: z.array(z.string()).optional(),
});
export type Scheme = z.infer<typeof SchemeSchema>;
export type SchemeInput = z.input<typeof SchemeSchema>;
