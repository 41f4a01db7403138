import type { PeriodKind, SchemeFact } from '../../scheme/schema';
import { type Role, Vocabulary } from '../words';

/** 考核周期: how often a scheme assesses. */
export const PERIOD_KINDS = new Vocabulary<PeriodKind>([
  ['month', 'rsWordPeriodMonth', '月度', '每月', '按月', '月份'],
  ['quarter', 'rsWordPeriodQuarter', '季', '季度考核', '每季度', '按季度', '按季'],
  ['year', 'rsWordPeriodYear', '年度', '每年', '按年', '全年'],
]);

/** 角色 of a ledger column; the cadre block's words read too, so a column copied from 【列】 keeps its role. */
export const LEDGER_ROLES = new Vocabulary<Role>([
  ['subject', 'rsWordSchemeSubjectRole', '考评对象', '对象', '姓名'],
  ['branch', 'rsWordSchemeBranchRole', '所在村', '所在支部', '所属支部', '支部', '所驻村', '村', '所在嘎查', '所在村（社区）', '所在嘎查（支部）'],
  ['period', 'rsWordSchemePeriodRole', '考评月份', '月份', '考评期', '考核期'],
]);

/** The 类型 word of a ledger row that names a column the ledger has but the scheme does not read. */
export const IGNORED = new Vocabulary<'ignored'>([['ignored', 'rsWordIgnored', '不读', '忽略', '不用', 'ignore']]);

/** How a fact is gathered, one word each: a rows fact's operation and a results fact's are words of their own. */
export type SourceWord =
  | 'value'
  | 'sum'
  | 'count'
  | 'mean'
  | 'min'
  | 'max'
  | 'ratio'
  | 'either'
  | 'monthsWithout'
  | 'quartersWithout'
  | 'yearsWithout'
  | 'covered'
  | 'attendance'
  | 'monthsSince'
  | 'meanScore'
  | 'countGraded'
  | 'subjectsGraded'
  | 'monthsMissing';

export const SOURCES = new Vocabulary<SourceWord>([
  ['value', 'rsWordSourceValue', '值', '本列的值', '取本列'],
  ['sum', 'rsWordSourceSum', '合计', '累计', '总和', '加总'],
  ['count', 'rsWordSourceCount', '条数', '次数', '行数', '计次'],
  ['mean', 'rsWordSourceMean', '平均值', '均值', '平均数'],
  ['min', 'rsWordSourceMin', '最小值', '最低'],
  ['max', 'rsWordSourceMax', '最大值', '最高'],
  ['ratio', 'rsWordSourceRatio', '比例', '百分比', '相除', 'rate'],
  ['either', 'rsWordSourceEither', '任取其一', '二选一', '其一'],
  ['monthsWithout', 'rsWordSourceMonthsWithout', '缺月数', '无记录月数', 'unitsWithoutMonth'],
  ['quartersWithout', 'rsWordSourceQuartersWithout', '缺季度数', '无记录季度数', 'unitsWithoutQuarter'],
  ['yearsWithout', 'rsWordSourceYearsWithout', '缺年数', '无记录年数', 'unitsWithoutYear'],
  ['covered', 'rsWordSourceCovered', '有记录的月数', '覆盖月数'],
  ['attendance', 'rsWordSourceAttendance', '参会率', '到会率', '出勤率'],
  ['monthsSince', 'rsWordSourceMonthsSince', '距今几个月', '空缺月数', '已过月数'],
  ['meanScore', 'rsWordSourceMeanScore', '平均得分', '月度平均分', 'results', '其他方案结果'],
  ['countGraded', 'rsWordSourceCountGraded', '等次次数', '评为某等次的次数'],
  ['subjectsGraded', 'rsWordSourceSubjectsGraded', '等次人数', '评为某等次的人数'],
  ['monthsMissing', 'rsWordSourceMonthsMissing', '无结果月数', '缺少考评月数', '无台账记录月数'],
]);

/** Sources that read a ledger's rows. */
export const LEDGER_SOURCES = new Set<SourceWord>(['value', 'sum', 'count', 'mean', 'min', 'max', 'monthsWithout', 'quartersWithout', 'yearsWithout', 'covered', 'attendance', 'monthsSince']);
/** Sources whose rows may be narrowed to those holding given values. */
export const WHERE_SOURCES = new Set<SourceWord>(['sum', 'count', 'mean', 'min', 'max', 'monthsWithout', 'quartersWithout', 'yearsWithout', 'attendance', 'monthsSince']);
/** Sources that take one column of the ledger (count may leave it blank). */
export const COLUMN_SOURCES = new Set<SourceWord>(['value', 'sum', 'count', 'mean', 'min', 'max', 'monthsSince']);

/** The word a fact's source is written with. */
export function sourceOf(fact: SchemeFact): SourceWord {
  switch (fact.source) {
    case 'rows':
      return fact.op;
    case 'unitsWithout':
      return fact.per === 'month' ? 'monthsWithout' : fact.per === 'quarter' ? 'quartersWithout' : 'yearsWithout';
    case 'results':
      return fact.op;
    default:
      return fact.source;
  }
}
