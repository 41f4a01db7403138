import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { assessWorkbook, cadreResultTable, defaultRules, type RunPacks, shippedSchemes, stationedCadrePack, tableTop, validatePack, type ResultTable, type WorkbookSnapshot } from '../../src/core/index';
import { FormulaValue, GasSandbox, workbookFromExcel, type SheetModel, type StoredValue, type WorkbookModel, type WorkbookOptions } from '../../src/node/gas/index';

export const CODE_FILE = 'dist/Code.js';
export const SIDEBAR_FILE = 'dist/Sidebar.html';

/** `npm test` builds first; a lone `vitest run` builds here when dist/ is missing. */
export function ensureBuilt(): void {
  if (!existsSync(CODE_FILE) || !existsSync(SIDEBAR_FILE)) execFileSync('npx', ['tsx', 'esbuild.config.ts'], { stdio: 'inherit' });
}

export function shippedCode(): string {
  ensureBuilt();
  return readFileSync(CODE_FILE, 'utf8');
}

export function shippedSidebar(): string {
  ensureBuilt();
  return readFileSync(SIDEBAR_FILE, 'utf8');
}

/** The workbook as Sheets would hold it after importing the .xlsx bytes. */
export async function workbookOf(wb: ExcelJS.Workbook, options: WorkbookOptions = {}): Promise<WorkbookModel> {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load(await wb.xlsx.writeBuffer());
  return workbookFromExcel(copy, { name: '红旗镇驻村干部台账', ...options });
}

export function sandboxOf(workbook: WorkbookModel): GasSandbox {
  return new GasSandbox({ code: shippedCode(), files: { Sidebar: shippedSidebar() }, workbook });
}

/**
 * Everything a sheet holds, for before/after comparisons: its name and place,
 * values and formulas, number formats and styles (fonts, colours, alignment,
 * wrapping, borders), notes, drop-downs, merges, frozen rows and columns,
 * size, column widths and developer metadata. Every field of the fake's sheet
 * is taken, so one the fakes learn later is compared too.
 */
export function sheetState(workbook: WorkbookModel, name: string) {
  const sheet = workbook.sheet(name);
  if (!sheet) return undefined;
  return structuredClone({ ...sheet, index: workbook.sheets.indexOf(sheet) });
}

/** The developer metadata key the add-on marks its sheets with (src/server/owned.ts). */
export const OWNED_KEY = 'ledgerRules.owned';

/** Marks a sheet as the add-on marks the sheets it creates, for `role` (考评结果, 支部汇总, 考评规则). */
export function markAsAddons(sheet: SheetModel, role: string): void {
  sheet.metadata.push({ id: 1000 + sheet.metadata.length, key: OWNED_KEY, value: role, visibility: 'DOCUMENT' });
}

/** Whether the add-on's mark for `role` is on the sheet. */
export function carriesMark(sheet: SheetModel | undefined, role: string): boolean {
  return sheet?.metadata.some((m) => m.key === OWNED_KEY && m.value === role) ?? false;
}

/** The 考评结果 table the sidebar would send for this snapshot, computed by the real core. */
export async function resultTableFor(snapshot: WorkbookSnapshot, time = '2024-06-01 09:00:00'): Promise<ResultTable> {
  const checked = validatePack(stationedCadrePack);
  if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join('\n'));
  const assessment = await assessWorkbook(snapshot, checked.pack);
  return cadreResultTable(assessment, checked.pack, { time });
}

/** Every row a result table fills, as a reader sees it: title, note and figures, the header, the data. */
export function tableGrid(table: ResultTable): (string | number)[][] {
  return [...tableTop(table).rows, table.header, ...table.rows];
}

/** The 0-based row of a result table's header on its sheet. */
export const headerRowOf = (table: ResultTable): number => tableTop(table).rows.length;

/** A cell as a reader sees it: a link by its text, '' for empty. */
export function shownValue(value: StoredValue | undefined): unknown {
  if (value === undefined) return '';
  return value instanceof FormulaValue ? value.toString() : value;
}

/** The 0-based row of a written result sheet's header: the last row it freezes (the title, note and figures come before it). */
export function writtenHeaderRow(workbook: WorkbookModel, sheet: string): number {
  return workbook.sheet(sheet)!.frozenRows - 1;
}

/** The township example's result sheets, one per assessment, in the order a run writes them. */
export const TOWNSHIP_RESULT_SHEETS = ['考评结果', '支部汇总', '驻村干部季度评星定档结果', '党员中心户季度测评结果', '村干部年度目标考评结果'];

/** A sheet a write left behind: a half-written temporary, or old results set aside. */
export const LEFTOVER_SHEET = /（台账考评·(写入中|旧结果)）$/;

/** The shipped packs and schemes, as a host runs them on a workbook with no 考评规则. */
export function shippedRunPacks(): RunPacks {
  const [cadre, branch] = defaultRules();
  return { cadre: cadre.pack, branch: branch.branch, schemes: shippedSchemes() };
}
