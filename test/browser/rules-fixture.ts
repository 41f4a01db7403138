import { join } from 'node:path';
import { RULES_SHEET } from '../../src/core/index';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { WorkbookModel, workbookToExcel } from '../../src/node/gas/index';
import { startPreview, type Preview } from '../../src/node/preview/server';
import { ensureBuilt, writtenHeaderRow } from '../bundle/harness';
import { fileTempDir } from '../fixtures/temp';
import { locate, rowOf } from '../rulesheet/sheet-helpers';
import { smallWorkbook } from '../rulesheet/workbook-fixture';

/** The preview over 吉仁高勒镇's May ledger (eight cadres), saved as the .xlsx staff would open (removed after the test file). */
export async function townshipPreview(name: string): Promise<Preview> {
  ensureBuilt();
  const file = join(fileTempDir(name), '吉仁高勒镇台账.xlsx');
  await workbookToExcel(WorkbookModel.fromSnapshot(smallWorkbook())).xlsx.writeFile(file);
  return startPreview({ file, port: 0 });
}

export function rulesSheetOf(preview: Preview): SheetSnapshot {
  const sheet = preview.sandbox.workbook.toSnapshot().sheets.find((s) => s.name === RULES_SHEET);
  if (!sheet) throw new Error(`no ${RULES_SHEET} sheet`);
  return sheet;
}

/** The cell of a rule's condition (or any field) on the rules sheet the sandbox holds. */
export function ruleCell(preview: Preview, rowKey: string, header: string, table = '规则', block?: string): { row: number; col: number } {
  const sheet = rulesSheetOf(preview);
  return locate(sheet, table, rowKey, header, block ? rowOf(sheet, block) : 0);
}

/** A cadre's row of 考评结果 by header, as the add-on wrote it. */
export function resultOf(preview: Preview, name: string): Record<string, unknown> | undefined {
  const sheet = preview.sandbox.workbook.toSnapshot().sheets.find((s) => s.name === '考评结果');
  if (!sheet) return undefined;
  const header = sheet.values[writtenHeaderRow(preview.sandbox.workbook, '考评结果')]!.map(String);
  const row = sheet.values.find((r) => r[0] === name);
  return row ? Object.fromEntries(header.map((h, i) => [h, row[i]])) : undefined;
}
