export { CallLog, SPREADSHEET_SERVICES, type AuthMode } from './calls';
export { jsonProblem } from './json-safe';
export { FormulaValue, GasError, SheetModel, WorkbookModel, type CellFormat, type StoredValue, type WorkbookOptions } from './model';
export { GasSandbox, type SandboxOptions } from './sandbox';
export { GasServices, type MenuRecord, type SidebarRecord } from './services';
export { formatDate, instantFromWall, wallAsUtc } from './time';
export { readWorkbookFile, workbookFromExcel, workbookToExcel } from './xlsx';
