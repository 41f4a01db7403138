export { CallLog, SPREADSHEET_SERVICES, type AuthMode } from './calls';
export { FormulaValue, SheetModel, WorkbookModel, type CellFormat, type ChartRecord, type StoredValue, type WorkbookOptions } from './model';
export { GasSandbox, type SandboxOptions } from './sandbox';
export { GasServices, type MenuRecord, type SidebarRecord } from './services';
export { formatDate } from './time';
export { readWorkbookFile, workbookFromExcel, workbookToExcel } from './xlsx';
