import { type MessageKey, t } from '../messages';
import type { ColumnType, Indicator, Pack } from '../pack/schema';
import { headerKey } from './grid';

/**
 * The words a rules sheet uses for a pack's settings, both ways: each value is
 * written with its first word and read from any of its words (folded for
 * width, script and case), so 取第一条, 第一条 and first all read the same.
 */
export class Vocabulary<T extends string> {
  private readonly read = new Map<string, T>();

  constructor(private readonly words: [T, MessageKey, ...string[]][]) {
    for (const [value, key, ...more] of words) {
      for (const w of [t(key), t(key, {}, 'en'), value, ...more]) this.read.set(headerKey(w), value);
    }
  }

  word(value: T, lang: 'zh' | 'en' = 'zh'): string {
    const entry = this.words.find(([v]) => v === value);
    return entry ? t(entry[1], {}, lang) : value;
  }

  parse(text: string): T | undefined {
    return this.read.get(headerKey(text));
  }

  /** Every value's word, for a drop-down in the sheet. */
  list(): string[] {
    return this.words.map(([, key]) => t(key));
  }
}

export const HIT_POLICIES = new Vocabulary<Indicator['hitPolicy']>([
  ['first', 'rsWordFirst', '第一条', '取首条', '首条', '取第一个', '分档'],
  ['sum', 'rsWordSum', '累计', '相加', '求和', '合计', '加总'],
]);

export const ON_MISSING = new Vocabulary<Indicator['onMissing']>([
  ['flag', 'rsWordFlagMissing', '标记', '提示扣分'],
  ['warn', 'rsWordWarnMissing', '提醒', '只提醒', '不提示', 'warn'],
]);

export const COLUMN_TYPES = new Vocabulary<ColumnType>([
  ['name', 'colName', '人名'],
  ['text', 'rsWordText', '文本', '文字型'],
  ['number', 'rsWordNumber', '数值', '数', '整数'],
  ['percent', 'rsWordPercent', '百分数', '比例', '比率', '%'],
  ['boolean', 'rsWordBoolean', '是/否', '是或否', '有无'],
  ['date', 'rsWordDate'],
  ['period', 'rsWordMonth', '考评期', '年月'],
]);

export type Role = NonNullable<Pack['columns'][number]['role']>;

export const ROLES = new Vocabulary<Role>([
  ['subject', 'rsWordSubjectRole', '对象', '姓名'],
  ['branch', 'rsWordBranchRole', '支部', '所在村', '所驻村'],
  ['period', 'rsWordPeriodRole', '月份', '考评期'],
]);

export const SUBJECTS = new Vocabulary<string>([
  ['cadre', 'rsWordCadre', '干部', '驻村干部'],
  ['branch', 'rsWordBranch', '党支部', '支部'],
]);

export const ENABLED = new Vocabulary<'yes' | 'no'>([
  ['yes', 'rsWordYes', '√', '✓', '1', 'y', 'true', '启用', '开', '用'],
  ['no', 'rsWordNo', '×', '✗', 'x', '0', 'n', 'false', '停用', '不启用', '关', '不用'],
]);
