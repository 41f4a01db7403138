import type { RpcArgs, RpcResult } from '../rpc/contract';
import { UserError } from './errors';

/** Shows the user a cell the sidebar points at: a warning's source, or the row behind a score. */
export function selectCell(...[{ sheet, cell }]: RpcArgs<'selectCell'>): RpcResult<'selectCell'> {
  const target = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheet);
  if (!target) throw new UserError('sheetMissing', { sheet });
  target.getRange(cell).activate();
  return { ok: true };
}
