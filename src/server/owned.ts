import { type MessageKey, t } from '../core/messages';
import { RULES_SHEET } from '../core/rulesheet/name';
import { LOG_SHEET, OWNED_SHEETS } from '../rpc/contract';
import { UserError } from './errors';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Names of the sheets a run writes before it commits (temporary) and of the
 * old results it sets aside until the new ones are in place (backup). A run
 * the 6-minute limit cuts short can leave one behind; its name tells the user
 * what it is and lets the next run recognise and clean it up.
 */
export const temporaryName = (sheet: string) => t('sheetBeingWritten', { sheet });
export const backupName = (sheet: string) => t('sheetSetAside', { sheet });

/** The name a message gives some sheet, read back: 党员中心户季度测评结果 → 党员中心户季度测评. */
function named(key: MessageKey, param: string): (name: string) => string | undefined {
  const [before, after] = t(key, { [param]: '\u0000' }).split('\u0000') as [string, string];
  return (name) => (name.length > before.length + after.length && name.startsWith(before) && name.endsWith(after) ? name.slice(before.length, name.length - after.length) : undefined);
}

/**
 * An assessment declared on the rules sheet (新增考核方案) writes to "<its title>结果",
 * a name no fixed list can hold: such a sheet is the add-on's only when it
 * carries the mark, which every writer checks before touching it.
 */
const declaredResult = named('schemeSheetName', 'title');

export function isOwned(sheet: string): boolean {
  return OWNED_SHEETS.includes(sheet) || declaredResult(sheet) !== undefined;
}

const temporaryFor = named('sheetBeingWritten', 'sheet');
const setAsideFrom = named('sheetSetAside', 'sheet');

/** The owned sheet a temporary sheet is being written for, or undefined for any other name. */
export function temporaryOf(sheet: string): string | undefined {
  const owned = temporaryFor(sheet);
  return owned !== undefined && isOwned(owned) ? owned : undefined;
}

export function isTemporary(sheet: string): boolean {
  return temporaryOf(sheet) !== undefined;
}

/** The owned sheet a backup was set aside from, or undefined for any other name. */
export function backedUpSheet(sheet: string): string | undefined {
  const owned = setAsideFrom(sheet);
  return owned !== undefined && isOwned(owned) ? owned : undefined;
}

/**
 * Sheets the add-on wrote, finished or not: never part of the user's workbook
 * snapshot. A fixed name is enough; a name only shaped like a declared
 * assessment's results (a user's 考核结果 ledger may be) must carry the mark.
 */
export function isAddonSheet(sheet: Sheet): boolean {
  const name = sheet.getName();
  if (name === LOG_SHEET) return true;
  const owned = temporaryOf(name) ?? backedUpSheet(name) ?? (isOwned(name) ? name : undefined);
  if (owned === undefined) return false;
  return OWNED_SHEETS.includes(owned) || hasMark(sheet, owned);
}

/**
 * The add-on's own mark on a sheet it created: developer metadata, which the
 * user never sees and cannot type, whose value is the sheet the add-on made it
 * for (考评结果, 支部汇总 or 考评规则; a temporary or set-aside sheet carries
 * the name of the results it holds). A name alone proves nothing: anyone can
 * call a sheet 考评结果.
 */
export const OWNED_KEY = 'ledgerRules.owned';

export function markOwned(sheet: Sheet, role: string): void {
  sheet.addDeveloperMetadata(OWNED_KEY, role);
}

export function hasMark(sheet: Sheet, role: string): boolean {
  return sheet.getDeveloperMetadata().some((m) => m.getKey() === OWNED_KEY && m.getValue() === role);
}

/**
 * How A1 began on the sheets versions before the mark wrote: every result
 * sheet opens with its note (由“台账考评”于 …), and the rules sheet with its
 * first block's title (【规则包】…). A sheet the user made under the same name
 * has neither.
 */
function earlierOpening(role: string): string {
  if (role === RULES_SHEET) return `【${t('rsPackTitle')}】`;
  const split = '\u0000';
  return t('resultNote', { time: split }).split(split)[0]!;
}

/**
 * Whether the add-on may write `sheet` as `role`: it carries the mark, or it
 * was written without one — by a version from before the mark, or it lost the
 * mark on an .xlsx round trip — and is recognised by its opening (A1, or A2
 * under a result sheet's title row; read only when the mark is missing), and
 * is marked now, so the next check needs only the mark.
 */
export function isAddonsOwn(sheet: Sheet, role: string): boolean {
  if (hasMark(sheet, role)) return true;
  const opening = earlierOpening(role);
  const top = sheet.getLastRow() === 0 ? [] : sheet.getRange(1, 1, Math.min(2, sheet.getLastRow()), 1).getValues().map((r) => r[0]);
  if (!top.some((v) => typeof v === 'string' && v.startsWith(opening))) return false;
  markOwned(sheet, role);
  return true;
}

/** Refuses, naming it, a sheet with one of the add-on's names that the add-on did not make. */
export function requireOwn(sheet: Sheet, role: string): void {
  if (!isAddonsOwn(sheet, role)) throw new UserError('sheetNotMarked', { sheet: sheet.getName() });
}
