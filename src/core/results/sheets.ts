import { title as householdTitle } from '../../../rules/household.json';
import { title as quarterTitle } from '../../../rules/stationed-cadre-quarter.json';
import { title as villageCadreTitle } from '../../../rules/village-cadre.json';
import { BRANCH_RESULT_SHEET } from '../branch/table';
import { schemeSheetName } from '../scheme/table';
import { CADRE_RESULT_SHEET } from './table';

/**
 * The titles of the assessments shipped as data (shippedSchemes), taken from
 * their files alone: the server needs their result sheets' names, not the
 * schemes, and must not bundle what validates them.
 */
export const SHIPPED_SCHEME_TITLES: readonly string[] = [quarterTitle, householdTitle, villageCadreTitle];

/**
 * Every result sheet a run writes for these assessments: 考评结果, 支部汇总 and
 * one per declared assessment, named by it. The one list the server refuses
 * other tables by, leaves out of the snapshot and cleans up after.
 */
export function resultSheetNames(schemes: readonly { title: string }[]): string[] {
  return [CADRE_RESULT_SHEET, BRANCH_RESULT_SHEET, ...schemes.map(schemeSheetName)];
}
