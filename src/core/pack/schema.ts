import * as z from 'zod';
import { ParamsSchema } from './params';

/** Fact ids are plain identifiers: they never reach a JSONPath evaluator as paths. */
export const FactIdSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'fact ids are letters and digits, starting with a letter');

export const ColumnTypeSchema = z.enum(['name', 'text', 'number', 'percent', 'boolean', 'date', 'period']);
export type ColumnType = z.infer<typeof ColumnTypeSchema>;

/**
 * The values a column can hold: at least `min`, at most `max` (a number, or
 * the days of the row's period), whole numbers only when `whole`. A rate's
 * bounds are fractions (1 = 100%). A value outside is impossible: warned at
 * its cell and treated as missing, except above a `cap`ped maximum: a score
 * given over its aspect's maximum (28 of 25) is taken as the maximum, warned.
 */
export const RangeSchema = z
  .object({
    min: z.number().optional(),
    max: z.union([z.number(), z.literal('periodDays')]).optional(),
    whole: z.boolean().optional(),
    cap: z.boolean().optional(),
  })
  .strict();
export type Range = z.infer<typeof RangeSchema>;

/**
 * A value a column may hold and the ways staff write it (支委会 / 支委会议 /
 * 支部委员会): a cell is read as the value's id, so rules and counts do not
 * depend on the wording.
 */
export const ColumnValueSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  labelEn: z.string().optional(),
  aliases: z.array(z.string().min(1)).default([]),
});
export type ColumnValue = z.infer<typeof ColumnValueSchema>;

/** A ledger column the pack reads, found in a sheet by its label or any alias. */
export const ColumnSchema = z.object({
  fact: FactIdSchema,
  label: z.string().min(1),
  labelEn: z.string().optional(),
  type: ColumnTypeSchema,
  /** subject: whose row it is (required); branch: where they serve; period: the row's month. */
  role: z.enum(['subject', 'branch', 'period']).optional(),
  aliases: z.array(z.string().min(1)).default([]),
  /** Numbers and rates only; without it, the type's default (see columnRange). */
  range: RangeSchema.optional(),
  /** A part never exceeds its whole: this column's value is at most that column's in the same row (入户数 ≤ 联系户数). */
  atMost: FactIdSchema.optional(),
  /** The values a text column may hold: a cell naming none of them is warned and not counted for the column. */
  values: z.array(ColumnValueSchema).min(1).optional(),
});
export type Column = z.infer<typeof ColumnSchema>;

/** A rate column staff fill in beside the counts it should equal (办结率 beside 办结数, 受理数): recomputed and checked. */
export const StatedRateSchema = z.object({ fact: FactIdSchema, numerator: FactIdSchema, denominator: FactIdSchema });
export type StatedRate = z.infer<typeof StatedRateSchema>;

/** A fact computed from other facts before the rules run. */
export const DerivedSchema = z.object({
  fact: FactIdSchema,
  label: z.string().min(1),
  labelEn: z.string().optional(),
  op: z.literal('ratio'),
  numerator: FactIdSchema,
  denominator: FactIdSchema,
});
export type Derived = z.infer<typeof DerivedSchema>;

export const OperatorSchema = z.enum(['>=', '>', '<', '<=', '=', '!=', 'in', 'notIn']);
export type Operator = z.infer<typeof OperatorSchema>;

const ScalarSchema = z.union([z.number(), z.string(), z.boolean()]);

export const ConditionSchema = z.object({
  fact: FactIdSchema,
  op: OperatorSchema,
  value: z.union([ScalarSchema, z.array(z.union([z.number(), z.string()])).min(1)]),
  /** The parameter the value comes from ({下基层天数标准}): kept so the sheet writes the name back, its value put in on validation. */
  param: z.string().min(1).optional(),
});
export type Condition = z.infer<typeof ConditionSchema>;

/** Fixed points, or points per unit of a fact (2 per day), capped; a deduction's cap bounds what it takes off (每次扣2分，最多扣10分). */
export const PointsSchema = z.union([
  z.number(),
  z.object({ per: FactIdSchema, each: z.number(), max: z.number().nonnegative().optional() }),
]);
export type Points = z.infer<typeof PointsSchema>;

export const RuleSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'rule ids are letters, digits, - _ .'),
  indicator: z.string(),
  enabled: z.boolean().default(true),
  /** Every condition must hold (an empty list always matches). */
  when: z.array(ConditionSchema).default([]),
  points: PointsSchema.default(0),
  /** A flag raised when the rule matches; {fact} is replaced by that fact's value. */
  flag: z.string().optional(),
  flagEn: z.string().optional(),
  note: z.string().optional(),
});
export type Rule = z.infer<typeof RuleSchema>;

export const IndicatorSchema = z.object({
  id: FactIdSchema,
  label: z.string().min(1),
  labelEn: z.string().optional(),
  max: z.number().positive(),
  /** first: the first matching rule decides (bands); sum: every matching rule adds up. */
  hitPolicy: z.enum(['first', 'sum']),
  /** A missing input raises a flag on the cadre (default), or only a warning. */
  onMissing: z.enum(['flag', 'warn']).default('flag'),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const GradeBandSchema = z.object({
  min: z.number(),
  /** The parameter the minimum comes from ({优秀分数线}): kept so the sheet writes the name back, its value put in as a condition's is. */
  param: z.string().min(1).optional(),
  grade: z.string().min(1),
  gradeEn: z.string().optional(),
  stars: z.number().int().min(0).max(5),
});
export type GradeBand = z.infer<typeof GradeBandSchema>;

export const RankingSchema = z.object({
  /** The lowest ⌈share × N⌉ of a period, and any tie with them, are flagged. */
  bottomShare: z.number().min(0).max(1),
  /** The percentage parameter the share comes from ({末位比例}), kept as a band's is. */
  param: z.string().min(1).optional(),
  flag: z.string().min(1),
  flagEn: z.string().optional(),
});

export const PackSchema = z.object({
  id: z.string().min(1),
  version: z.literal(1),
  title: z.string().min(1),
  titleEn: z.string().optional(),
  subject: z.literal('cadre'),
  /** Named standards the rules refer to as {名称}; absent in packs written before parameters. */
  params: ParamsSchema,
  columns: z.array(ColumnSchema).min(1),
  /** Header labels that are known and deliberately not read (序号, 备注). */
  ignoredColumns: z.array(z.string()).default([]),
  derived: z.array(DerivedSchema).default([]),
  indicators: z.array(IndicatorSchema).min(1),
  rules: z.array(RuleSchema).min(1),
  grades: z.array(GradeBandSchema).min(1),
  ranking: RankingSchema.optional(),
});
export type Pack = z.infer<typeof PackSchema>;
export type PackInput = z.input<typeof PackSchema>;
