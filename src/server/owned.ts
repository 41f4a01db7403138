import { t } from '../core/messages';
import { LOG_SHEET, OWNED_SHEETS } from '../rpc/contract';

/**
 * Names of the sheets a run writes before it commits (temporary) and of the
 * old results it sets aside until the new ones are in place (backup). A run
 * the 6-minute limit cuts short can leave one behind; its name tells the user
 * what it is and lets the next run recognise and clean it up.
 */
export const temporaryName = (sheet: string) => t('sheetBeingWritten', { sheet });
export const backupName = (sheet: string) => t('sheetSetAside', { sheet });

export function isOwned(sheet: string): boolean {
  return (OWNED_SHEETS as readonly string[]).includes(sheet);
}

export function isTemporary(sheet: string): boolean {
  return OWNED_SHEETS.some((owned) => sheet === temporaryName(owned));
}

/** The owned sheet a backup was set aside from, or undefined for any other name. */
export function backedUpSheet(sheet: string): string | undefined {
  return OWNED_SHEETS.find((owned) => sheet === backupName(owned));
}

/** Sheets the add-on wrote, finished or not: never part of the user's workbook snapshot. */
export function isAddonSheet(sheet: string): boolean {
  return isOwned(sheet) || sheet === LOG_SHEET || isTemporary(sheet) || backedUpSheet(sheet) !== undefined;
}
