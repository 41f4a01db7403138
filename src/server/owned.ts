import { OWNED_SHEETS } from '../rpc/contract';

/**
 * Names of the sheets a run writes before it commits (temporary) and the old
 * results it sets aside until the new ones are in place (backup). The marker
 * is unlike anything a person would name a sheet, so a leftover from a run the
 * 6-minute limit cut short can be recognised and cleaned up.
 */
const MARKER = ' ⟨ledger-rules:';
export const temporaryName = (sheet: string) => `${sheet}${MARKER}new⟩`;
export const backupName = (sheet: string) => `${sheet}${MARKER}old⟩`;

export function isOwned(sheet: string): boolean {
  return (OWNED_SHEETS as readonly string[]).includes(sheet);
}

/** Sheets the add-on wrote, finished or not: never part of the user's workbook snapshot. */
export function isAddonSheet(sheet: string): boolean {
  return isOwned(sheet) || sheet.includes(MARKER);
}

export function isTemporary(sheet: string): boolean {
  return sheet.endsWith(`${MARKER}new⟩`);
}

/** The owned sheet a backup was set aside from, or undefined for any other name. */
export function backedUpSheet(sheet: string): string | undefined {
  const suffix = `${MARKER}old⟩`;
  return sheet.endsWith(suffix) ? sheet.slice(0, -suffix.length) : undefined;
}
