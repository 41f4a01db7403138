import { a1, type Cell, type Merge, type WorkbookSnapshot } from '../../core/snapshot';
import { formatDate, instantFromWall } from './time';

/**
 * The in-memory spreadsheet behind the Apps Script fakes. It keeps what Sheets
 * keeps (values with Dates as instants, formats, merges, frozen rows, column
 * widths, sizes) and enforces the rules Sheets enforces where the server could
 * trip over them: ranges inside the sheet, merges that do not overlap or cross
 * frozen lines, typed strings turning into numbers, dates or formulas.
 */

/** HYPERLINK("url","text") with string literals: what the fake can tell of a link formula. */
const HYPERLINK = /^=\s*HYPERLINK\(\s*"((?:[^"]|"")*)"\s*,\s*"((?:[^"]|"")*)"\s*\)$/i;
const unquote = (text: string) => text.replace(/""/g, '"');

/**
 * A formula typed into a cell. The fake evaluates none but a link: reading a
 * HYPERLINK of two texts gives its text, as Sheets shows it; any other gives Sheets' error text.
 */
export class FormulaValue {
  constructor(readonly formula: string) {}
  /** The link's address and text, for a HYPERLINK formula of two texts. */
  get link(): { url: string; text: string } | undefined {
    const m = HYPERLINK.exec(this.formula);
    return m ? { url: unquote(m[1]!), text: unquote(m[2]!) } : undefined;
  }
  toString(): string {
    return this.link?.text ?? '#ERROR!';
  }
}

export type StoredValue = string | number | boolean | Date | FormulaValue;

export interface CellFormat {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  /** Points, as Range.setFontSize sets them; undefined is Sheets' default 10. */
  fontSize?: number;
  fontColor?: string;
  background?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrap?: boolean;
  border?: string;
}

/** A drop-down rule as DataValidationBuilder.requireValueInList(values, showDropdown).setAllowInvalid(…) builds it. */
export interface ValidationRule {
  criteria: 'VALUE_IN_LIST';
  values: string[];
  showDropdown: boolean;
  /** true: a value off the list is kept with a warning; false: Sheets rejects it. */
  allowInvalid: boolean;
}

/** Developer metadata a script attached to a sheet (Sheet.addDeveloperMetadata). */
export interface SheetMetadata {
  id: number;
  key: string;
  value: string | null;
  visibility: string;
}

/** An embedded chart as Sheet.insertChart placed it: what its builder was told. */
export interface ChartRecord {
  id: number;
  /** A Charts.ChartType name: COLUMN, BAR, LINE. */
  type: string;
  /** The ranges it reads, in A1 notation, each with the id of its sheet. */
  ranges: { sheetId: number; a1: string }[];
  /** Rows of the ranges taken as headers (setNumHeaders); undefined when Sheets is left to guess. */
  numHeaders: number | undefined;
  /** The cell its top left corner is anchored in (1-based) and the offset from it in pixels. */
  position: { row: number; col: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

/** As Apps Script throws them: `message` is the text, `String(error)` reads "Exception: …". */
export class GasError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
/** Sheets' number format that keeps typed text as text. */
export const TEXT_FORMAT = '@';

const intersects = (a: Merge, b: Merge) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const inside = (inner: Merge, outer: Merge) => inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
const PARTIAL_MERGE = 'You must select all cells in a merged range to merge or unmerge them.';

export class SheetModel {
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  /** 0-based rows of 0-based cells; missing means empty. */
  values: (StoredValue | undefined)[][] = [];
  formats: (CellFormat | undefined)[][] = [];
  /** Cell notes (the black corner mark in Sheets); missing means none. */
  notes: (string | undefined)[][] = [];
  validations: (ValidationRule | undefined)[][] = [];
  merges: Merge[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  /** 1-based column → width in pixels, for the columns whose width was set. */
  columnWidths = new Map<number, number>();
  /** 1-based row → height in pixels, for the rows whose height was set. */
  rowHeights = new Map<number, number>();
  /** Hidden from the tab bar (Sheet.hideSheet); a script still reads and writes it. */
  hidden = false;
  metadata: SheetMetadata[] = [];
  /** Embedded charts, in the order they were inserted. */
  charts: ChartRecord[] = [];

  constructor(
    readonly id: number,
    public name: string,
  ) {}

  value(row: number, col: number): StoredValue | undefined {
    return this.values[row]?.[col];
  }

  setValue(row: number, col: number, value: StoredValue | undefined): void {
    (this.values[row] ??= [])[col] = value;
  }

  format(row: number, col: number): CellFormat {
    return this.formats[row]?.[col] ?? {};
  }

  updateFormat(row: number, col: number, patch: CellFormat): void {
    const line = (this.formats[row] ??= []);
    line[col] = { ...line[col], ...patch };
  }

  /** Everything a cell holds besides its value, per row: what inserting and deleting rows and columns moves along. */
  private get grids(): unknown[][][] {
    return [this.values, this.formats, this.notes, this.validations];
  }

  note(row: number, col: number): string {
    return this.notes[row]?.[col] ?? '';
  }

  /** As Range.setNote: an empty text removes the note. */
  setNote(row: number, col: number, text: string): void {
    (this.notes[row] ??= [])[col] = text === '' ? undefined : text;
  }

  validation(row: number, col: number): ValidationRule | undefined {
    return this.validations[row]?.[col];
  }

  setValidation(row: number, col: number, rule: ValidationRule | undefined): void {
    (this.validations[row] ??= [])[col] = rule;
  }

  /** As Range.clear(): contents and formats go; notes, drop-downs and merges stay. */
  clear(box: Merge): void {
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        if (this.values[r]) this.values[r]![c] = undefined;
        if (this.formats[r]) this.formats[r]![c] = undefined;
      }
    }
  }

  /** 1-based, as Sheet.getLastRow: the last row with a value, 0 for an empty sheet. */
  get lastRow(): number {
    for (let r = this.values.length - 1; r >= 0; r--) {
      if (this.values[r]?.some((v) => v !== undefined && v !== '')) return r + 1;
    }
    return 0;
  }

  get lastColumn(): number {
    let last = 0;
    for (const row of this.values) {
      if (!row) continue;
      for (let c = row.length - 1; c >= last; c--) {
        if (row[c] !== undefined && row[c] !== '') {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  checkRange(row: number, col: number, rows: number, cols: number): void {
    if (row < 1) throw new GasError('The starting row of the range is too small.');
    if (col < 1) throw new GasError('The starting column of the range is too small.');
    if (rows < 1) throw new GasError('The number of rows in the range must be at least 1.');
    if (cols < 1) throw new GasError('The number of columns in the range must be at least 1.');
    if (row + rows - 1 > this.maxRows || col + cols - 1 > this.maxColumns) throw new GasError('The coordinates of the range are outside the dimensions of the sheet.');
  }

  /** Merges already inside the box become part of the new one, as in Sheets; one that sticks out is refused. */
  merge(box: Merge): void {
    const overlapping = this.mergesIn(box);
    if (overlapping.some((m) => !inside(m, box))) throw new GasError(PARTIAL_MERGE);
    const crossesRows = this.frozenRows > 0 && box.top < this.frozenRows && box.bottom >= this.frozenRows;
    const crossesColumns = this.frozenColumns > 0 && box.left < this.frozenColumns && box.right >= this.frozenColumns;
    if (crossesRows) throw new GasError("You can't merge frozen and non-frozen rows.");
    if (crossesColumns) throw new GasError("You can't merge frozen and non-frozen columns.");
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) if (r !== box.top || c !== box.left) this.setValue(r, c, undefined);
    }
    this.merges = this.merges.filter((m) => !overlapping.includes(m));
    this.merges.push(box);
  }

  /** As Range.breakApart: every merge inside the box is undone; one reaching outside it is refused. */
  breakApart(box: Merge): void {
    const overlapping = this.mergesIn(box);
    if (overlapping.some((m) => !inside(m, box))) throw new GasError(PARTIAL_MERGE);
    this.merges = this.merges.filter((m) => !overlapping.includes(m));
  }

  mergesIn(box: Merge): Merge[] {
    return this.merges.filter((m) => intersects(m, box));
  }

  setFrozenRows(n: number): void {
    if (n >= this.maxRows) throw new GasError("You can't freeze all visible rows on the sheet.");
    if (this.merges.some((m) => m.top < n && m.bottom >= n)) throw new GasError('Sorry, it is not possible to freeze rows that contain only part of a merged cell.');
    this.frozenRows = n;
  }

  setFrozenColumns(n: number): void {
    if (n >= this.maxColumns) throw new GasError("You can't freeze all visible columns on the sheet.");
    if (this.merges.some((m) => m.left < n && m.right >= n)) throw new GasError('Sorry, it is not possible to freeze columns that contain only part of a merged cell.');
    this.frozenColumns = n;
  }

  /**
   * Inserts `count` empty rows before 0-based row `at`; merges below move down.
   * The new rows take the formats and drop-downs of row `inheritFrom`, as rows
   * Sheets inserts after a row take that row's (values and notes stay behind).
   */
  insertRows(at: number, count: number, inheritFrom?: number): void {
    const formats = inheritFrom === undefined ? [] : (this.formats[inheritFrom] ?? []);
    const validations = inheritFrom === undefined ? [] : (this.validations[inheritFrom] ?? []);
    this.values.splice(at, 0, ...Array.from({ length: count }, () => []));
    this.notes.splice(at, 0, ...Array.from({ length: count }, () => []));
    this.formats.splice(at, 0, ...Array.from({ length: count }, () => Array.from(formats, (f) => (f ? { ...f } : undefined))));
    this.validations.splice(at, 0, ...Array.from({ length: count }, () => validations.slice()));
    this.merges = this.merges.map((m) => (m.top >= at ? { ...m, top: m.top + count, bottom: m.bottom + count } : m.bottom >= at ? { ...m, bottom: m.bottom + count } : m));
    this.maxRows += count;
  }

  deleteRows(at: number, count: number): void {
    if (count >= this.maxRows) throw new GasError("You can't delete all the rows on the sheet.");
    const end = at + count - 1;
    if (this.merges.some((m) => m.top <= end && m.bottom >= at && (m.top < at || m.bottom > end))) throw new GasError('the fake cannot delete rows through part of a merged range');
    for (const grid of this.grids) grid.splice(at, count);
    this.merges = this.merges.filter((m) => m.bottom < at || m.top > end).map((m) => (m.top > end ? { ...m, top: m.top - count, bottom: m.bottom - count } : m));
    this.frozenRows = Math.min(this.frozenRows, this.maxRows - count);
    this.maxRows -= count;
  }

  insertColumns(at: number, count: number): void {
    for (const grid of this.grids) {
      for (const row of grid) if (row && row.length > at) row.splice(at, 0, ...Array<undefined>(count).fill(undefined));
    }
    this.merges = this.merges.map((m) => (m.left >= at ? { ...m, left: m.left + count, right: m.right + count } : m.right >= at ? { ...m, right: m.right + count } : m));
    const widths = new Map<number, number>();
    for (const [col, px] of this.columnWidths) widths.set(col > at ? col + count : col, px);
    this.columnWidths = widths;
    this.maxColumns += count;
  }

  deleteColumns(at: number, count: number): void {
    if (count >= this.maxColumns) throw new GasError("You can't delete all the columns on the sheet.");
    const end = at + count - 1;
    if (this.merges.some((m) => m.left <= end && m.right >= at && (m.left < at || m.right > end))) throw new GasError('the fake cannot delete columns through part of a merged range');
    for (const grid of this.grids) {
      for (const row of grid) if (row) row.splice(at, count);
    }
    this.merges = this.merges.filter((m) => m.right < at || m.left > end).map((m) => (m.left > end ? { ...m, left: m.left - count, right: m.right - count } : m));
    const widths = new Map<number, number>();
    for (const [col, px] of this.columnWidths) {
      if (col - 1 < at) widths.set(col, px);
      else if (col - 1 > end) widths.set(col - count, px);
    }
    this.columnWidths = widths;
    this.frozenColumns = Math.min(this.frozenColumns, this.maxColumns - count);
    this.maxColumns -= count;
  }
}

/**
 * Sheets' limit on what one cell holds. Longer text is refused whole, before
 * any cell of the range is written.
 */
export const CELL_CHARACTERS = 50_000;

export function checkCellText(value: unknown): void {
  if (typeof value === 'string' && value.length > CELL_CHARACTERS) {
    throw new GasError(`Your input contains more than the maximum of ${CELL_CHARACTERS} characters in a single cell.`);
  }
}

/**
 * The document lock (LockService.getDocumentLock) of one spreadsheet. Every
 * editor's executions contend for it, so it lives with the workbook, not with
 * one sandbox; `holder` is the execution that holds it.
 */
export class DocumentLockState {
  holder: object | undefined;
}

export interface WorkbookOptions {
  name?: string;
  timeZone?: string;
}

/** A cell of the snapshot a host would hand the core: dates in the spreadsheet's zone, formulas by their error text. */
function snapshotCell(value: StoredValue | undefined, timeZone: string): Cell {
  if (value === undefined || value === '') return null;
  if (value instanceof Date) return formatDate(value.getTime(), timeZone, "yyyy-MM-dd'T'HH:mm:ss").replace(/T00:00:00$/, '');
  if (value instanceof FormulaValue) return value.toString();
  return value;
}

export class WorkbookModel {
  readonly name: string;
  readonly timeZone: string;
  sheets: SheetModel[] = [];
  activeSheetId: number | undefined;
  /** The range the last Range.activate() selected, as the user would see it. */
  selection: { sheet: string; range: string } | undefined;
  readonly documentProperties = new Map<string, string>();
  readonly documentLock = new DocumentLockState();
  private nextId = 1;

  constructor(options: WorkbookOptions = {}) {
    this.name = options.name ?? '台账';
    this.timeZone = options.timeZone ?? 'Asia/Shanghai';
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  addSheet(name: string, index = this.sheets.length): SheetModel {
    if (this.sheet(name)) throw new GasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = new SheetModel(this.nextId++, name);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    return sheet;
  }

  removeSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1) throw new GasError("You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0]!.id;
  }

  rename(sheet: SheetModel, name: string): void {
    const other = this.sheet(name);
    if (other && other !== sheet) throw new GasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    sheet.name = name;
  }

  get activeSheet(): SheetModel {
    return this.sheets.find((s) => s.id === this.activeSheetId) ?? this.sheets[0]!;
  }

  /** A snapshot of the given sheets as the Apps Script host reads them: '' as null, trailing empties dropped. */
  toSnapshot(skip: readonly string[] = []): WorkbookSnapshot {
    return {
      sheets: this.sheets
        .filter((s) => !skip.includes(s.name))
        .map((s) => {
          const values: Cell[][] = [];
          for (let r = 0; r < s.lastRow; r++) {
            const line = s.values[r] ?? [];
            // Array.from, not map: rows are sparse and map would keep the holes.
            const row = Array.from({ length: line.length }, (_, c) => snapshotCell(line[c], this.timeZone));
            while (row.length > 0 && row[row.length - 1] === null) row.pop();
            values.push(row);
          }
          return { name: s.name, values, merges: s.merges.map((m) => ({ ...m })) };
        }),
    };
  }

  /**
   * A workbook holding a snapshot's cells. ISO strings stay strings, as they
   * would if typed into plain-text cells.
   */
  static fromSnapshot(snapshot: WorkbookSnapshot, options: WorkbookOptions = {}): WorkbookModel {
    const book = new WorkbookModel(options);
    for (const s of snapshot.sheets) {
      const sheet = book.addSheet(s.name);
      sheet.maxRows = Math.max(DEFAULT_ROWS, s.values.length);
      sheet.maxColumns = Math.max(DEFAULT_COLUMNS, ...s.values.map((r) => r.length));
      s.values.forEach((row, r) => row.forEach((v, c) => v !== null && sheet.setValue(r, c, v)));
      sheet.merges = s.merges.map((m) => ({ ...m }));
    }
    if (book.sheets.length === 0) book.addSheet('Sheet1');
    book.activeSheetId = book.sheets[0]!.id;
    return book;
  }
}

/** A1 notation of a 1-based box, as Range.getA1Notation gives it. */
export function a1Notation(row: number, col: number, rows: number, cols: number): string {
  const start = a1(row - 1, col - 1);
  return rows === 1 && cols === 1 ? start : `${start}:${a1(row + rows - 2, col + cols - 2)}`;
}

/** A string Sheets takes for a formula when a script writes it: "=" first, spaces before it aside. */
export function isFormula(text: string): boolean {
  const t = text.trim();
  return t.startsWith('=') && t.length > 1;
}

/**
 * What Sheets stores when a script writes a string into a cell that is not
 * formatted as plain text: it reads the string as if a person typed it.
 */
export function typedValue(text: string, timeZone: string, now = new Date()): StoredValue {
  const t = text.trim();
  if (isFormula(t)) return new FormulaValue(t);
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number(t);
  const percent = /^([+-]?\d+(\.\d+)?)%$/.exec(t);
  if (percent) return Number(percent[1]) / 100;
  const date = (y: number, m: number, d: number) => {
    if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
    return new Date(instantFromWall(Date.UTC(y, m - 1, d), timeZone));
  };
  let m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(t);
  if (m) return date(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1) ?? text;
  m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(t);
  if (m) {
    const year = m[3] ? (m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : now.getUTCFullYear();
    return date(year, Number(m[1]), Number(m[2])) ?? text;
  }
  return text;
}
