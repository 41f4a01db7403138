import type { Section } from '../section';
import { columnsSection } from './columns';
import { derivedSection } from './derived';
import { gradesSection } from './grades';
import { indicatorsSection } from './indicators';
import { paramsSection } from './params';
import { rulesSection } from './rules';
import { settingsSection } from './settings';
import { testsSection } from './tests';

/**
 * The tables of a pack block, in the order a block shows them: what staff
 * edit most comes first. A pack with more to say (the branch pack's meeting
 * frequencies, star quota) adds a Section here.
 */
export const SECTIONS: Section[] = [indicatorsSection, rulesSection, gradesSection, settingsSection, columnsSection, derivedSection, paramsSection, testsSection];

/**
 * The order tables are read in: rules need the columns and indicators read before them, and the
 * parameters they refer to, as do 【设置】 (the bottom share) and 【等次】. 【参数】 is laid out after the tables staff
 * had before it, so their cells keep their addresses, and before 【规则测试】, which stays last.
 */
export const READ_ORDER: Section[] = [
  columnsSection,
  derivedSection,
  paramsSection,
  settingsSection,
  indicatorsSection,
  rulesSection,
  gradesSection,
  testsSection,
];
