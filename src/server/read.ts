import { mergeFromA1, type Cell, type SheetSnapshot } from '../core/snapshot';
import type { RpcResult } from '../rpc/contract';
import { cellConverter, snapshotRows } from './cells';
import { loadMapping } from './mapping';
import { isAddonSheet } from './owned';

/**
 * One sheet in a fixed number of service calls whatever its size: one
 * getValues for every cell, one getNumberFormats and one getMergedRanges. Each merged range costs
 * one more call (its A1 notation), since Apps Script offers no batch read of
 * merge positions.
 */
function readSheet(name: string, sheet: GoogleAppsScript.Spreadsheet.Sheet, convert: (value: unknown) => Cell): SheetSnapshot {
  const range = sheet.getDataRange();
  const values = snapshotRows(range.getValues(), range.getNumberFormats(), convert);
  const merges = range.getMergedRanges().map((merged) => mergeFromA1(merged.getA1Notation()));
  return { name, values, merges };
}

/** The user's workbook as plain data for the sidebar: every sheet but the ones the add-on writes. */
export function getWorkbook(): RpcResult<'getWorkbook'> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const convert = cellConverter(timeZone);
  const sheets = spreadsheet
    .getSheets()
    .filter((sheet) => !isAddonSheet(sheet))
    .map((sheet) => readSheet(sheet.getName(), sheet, convert));
  return {
    spreadsheetName: spreadsheet.getName(),
    timeZone,
    snapshot: { sheets },
    mapping: loadMapping(),
  };
}
