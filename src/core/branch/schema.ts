import * as z from 'zod';
import { ParamsSchema } from '../pack/params';
import { ColumnSchema, ColumnValueSchema, FactIdSchema, GradeBandSchema, IndicatorSchema, RuleSchema, StatedRateSchema } from '../pack/schema';
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

/** The ids the branch pack's own ledgers have as ledgers of the one model. */
export const MEETINGS_LEDGER = 'meetings';
export const WORK_LEDGER = 'work';

/** The id under which the stationed cadres' results are a branch fact's `results` (不合格驻村干部人数). */
export const CADRE_SCHEME = 'stationed-cadre';

type Entry = Record<string, unknown>;
const isEntry = (x: unknown): x is Entry => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * A fact in the shape packs had before their facts were the model's
 * (meetingsMissed, attendance of a meeting, cadresGraded), as the model's:
 * exported rules files and older shipped packs still read.
 */
function modelFact(f: unknown): unknown {
  if (!isEntry(f)) return f;
  const { meeting, per, min, grades, ...base } = f;
  const where = { column: 'meetingType', values: [meeting] };
  if (f.source === 'meetingsMissed') return { ...base, source: 'unitsWithout', ledger: MEETINGS_LEDGER, per, ...(min !== undefined ? { min } : {}), where };
  if (f.source === 'attendance' && meeting !== undefined) return { ...base, source: 'attendance', ledger: MEETINGS_LEDGER, present: 'present', expected: 'expected', where };
  if (f.source === 'cadresGraded') return { ...base, source: 'results', scheme: CADRE_SCHEME, op: 'subjectsGraded', grades };
  return f;
}

/** A pack with its built-in facts and declared facts apart (before both were the model's facts) as one with one list. */
function oneFactList(input: unknown): unknown {
  if (!isEntry(input) || !Array.isArray(input.facts)) return input;
  const { declaredFacts, ...rest } = input;
  return { ...rest, facts: [...input.facts.map(modelFact), ...(Array.isArray(declaredFacts) ? declaredFacts : [])] };
}

/** At most `maxShare` of a period's branches get `stars`; the lowest scorers above it drop one star. */
export const StarQuotaSchema = z.object({
  stars: z.number().int().min(1).max(5),
  maxShare: z.number().min(0).max(1),
  /** The percentage parameter the share comes from, kept as a grade band's is. */
  param: z.string().min(1).optional(),
});

const BranchPackShape = z.object({
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
  /**
   * Ledgers the pack declares as data, as any assessment does (支部基本情况,
   * 群众满意度测评, 发展党员): classified with every other ledger of the run,
   * their branch names matched through the same roster.
   */
  ledgers: z.array(SchemeLedgerSchema).default([]),
  /**
   * Facts gathered per branch and period, the way any assessment gathers its
   * facts, from the meeting records (ledger "meetings", its meetingType
   * column holding a meeting type's id), the work ledger ("work"), the
   * ledgers above and the stationed cadres' results; besides the implicit
   * ones every branch has (meeting counts per type, work column sums).
   */
  facts: z.array(SchemeFactSchema).min(1),
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

export const BranchPackSchema = z.preprocess(oneFactList, BranchPackShape);
export type BranchPack = z.infer<typeof BranchPackSchema>;
export type BranchPackInput = z.input<typeof BranchPackShape>;
