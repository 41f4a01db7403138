import { title as householdTitle } from '../../../rules/household.json';
import { title as quarterTitle } from '../../../rules/stationed-cadre-quarter.json';
import { title as villageCadreTitle } from '../../../rules/village-cadre.json';
import { t } from '../messages';
import { LOG_SHEET } from '../rulesheet/name';

/**
 * The titles of the assessments shipped as data (shippedSchemes), taken from
 * their files alone: the server needs their result sheets' names, not the
 * schemes, and must not bundle what validates them.
 */
export const SHIPPED_SCHEME_TITLES: readonly string[] = [quarterTitle, householdTitle, villageCadreTitle];

/**
 * Every result sheet a run writes for these assessments: 考评结果, 支部汇总,
 * one per declared assessment, named by it, 图表, and the printable 考评报告
 * and 考评反馈单. The one list the server refuses
 * other tables by, leaves out of the snapshot and cleans up after.
 */
export function resultSheetNames(schemes: readonly { title: string }[]): string[] {
  // From the message table, not the table modules: the server bundle stays free of what they import.
  return [t('resultSheetTitle'), t('branchSheetTitle'), ...schemes.map(schemeSheetName), t('chartSheetTitle'), t('reportSheetTitle'), t('feedbackSheetTitle')];
}

/** The sheet a declared assessment's results go to, named by it: 党员中心户季度测评结果. */
export function schemeSheetName(scheme: { title: string }): string {
  return t('schemeSheetName', { title: scheme.title }).slice(0, 100);
}

/** The sheets the add-on writes its results to, and the hidden one it logs its rules in: never a ledger. */
export const RESULT_SHEETS: readonly string[] = [...resultSheetNames([]), LOG_SHEET];
