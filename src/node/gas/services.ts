import { CallLog } from './calls';
import { a1Notation, checkCellText, FormulaValue, GasError, isFormula, TEXT_FORMAT, typedValue, type CellFormat, type ChartRecord, type SheetMetadata, type SheetModel, type StoredValue, type ValidationRule, type WorkbookModel } from './model';
import { type Merge, mergeFromA1 } from '../../core/snapshot';
import { formatDate, isTimeZone } from './time';

/**
 * Fakes of the Apps Script services the server uses, over a WorkbookModel.
 * Each service object is wrapped so that every method call goes through the
 * CallLog (counted, checked against the authorization mode, possibly made to
 * fail), and a method the fake lacks fails loudly instead of returning undefined.
 */

export interface MenuRecord {
  title: string;
  items: { caption: string; functionName: string }[];
}

export interface SidebarRecord {
  title: string;
  html: string;
}

export interface GasServicesOptions {
  workbook: WorkbookModel;
  /** The project's HTML files by name without extension, as HtmlService.createHtmlOutputFromFile finds them. */
  files?: Record<string, string>;
  log?: CallLog;
  /** The add-on's name, which Sheets shows as the add-on menu's title. */
  addonName?: string;
}

const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';

function counted<T extends object>(log: CallLog, kind: string, target: T): T {
  const proxy: T = new Proxy(target, {
    get(obj, prop) {
      if (typeof prop === 'symbol') return Reflect.get(obj, prop);
      const member: unknown = Reflect.get(obj, prop);
      if (typeof member === 'function') {
        return (...args: unknown[]) => {
          log.enter(kind, prop);
          const out = (member as (...a: unknown[]) => unknown).apply(obj, args);
          return out === obj ? proxy : out;
        };
      }
      if (member === undefined && !(prop in obj) && prop !== 'toJSON' && prop !== 'then') {
        throw new TypeError(`the Apps Script fake has no ${kind}.${prop}`);
      }
      return member;
    },
  });
  return proxy;
}

class FakeRange {
  constructor(
    private readonly gas: GasServices,
    private readonly sheet: SheetModel,
    private readonly row: number,
    private readonly col: number,
    private readonly rows: number,
    private readonly cols: number,
  ) {
    sheet.checkRange(row, col, rows, cols);
  }

  private each(visit: (r: number, c: number) => void): void {
    for (let r = this.row - 1; r < this.row - 1 + this.rows; r++) for (let c = this.col - 1; c < this.col - 1 + this.cols; c++) visit(r, c);
  }

  private get box(): Merge {
    return { top: this.row - 1, left: this.col - 1, bottom: this.row + this.rows - 2, right: this.col + this.cols - 2 };
  }

  private format(patch: CellFormat): this {
    this.gas.checkAlive(this.sheet);
    this.each((r, c) => this.sheet.updateFormat(r, c, patch));
    return this;
  }

  /** A grid argument (setValues, setBackgrounds, …) must be exactly the range's size, or Sheets refuses it. */
  private eachOf<T>(grid: T[][], visit: (r: number, c: number, value: T) => void): this {
    this.gas.checkAlive(this.sheet);
    if (!Array.isArray(grid) || grid.length !== this.rows) {
      throw new GasError(`The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(grid) ? grid.length : 0} but the range has ${this.rows}.`);
    }
    for (const line of grid) {
      if (!Array.isArray(line) || line.length !== this.cols) {
        throw new GasError(`The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(line) ? line.length : 0} but the range has ${this.cols}.`);
      }
    }
    grid.forEach((line, i) => line.forEach((value, j) => visit(this.row - 1 + i, this.col - 1 + j, value)));
    return this;
  }

  getValues(): unknown[][] {
    this.gas.checkAlive(this.sheet);
    const out: unknown[][] = [];
    for (let r = this.row - 1; r < this.row - 1 + this.rows; r++) {
      const line: unknown[] = [];
      for (let c = this.col - 1; c < this.col - 1 + this.cols; c++) line.push(this.gas.readable(this.sheet.value(r, c)));
      out.push(line);
    }
    return out;
  }

  getValue(): unknown {
    return this.gas.readable(this.sheet.value(this.row - 1, this.col - 1));
  }

  setValues(values: unknown[][]): this {
    if (Array.isArray(values)) for (const line of values) if (Array.isArray(line)) line.forEach(checkCellText);
    return this.eachOf(values, (r, c, value) => this.sheet.setValue(r, c, this.gas.stored(value, this.sheet.format(r, c))));
  }

  /** Every cell of the range gets the value. */
  setValue(value: unknown): this {
    this.gas.checkAlive(this.sheet);
    checkCellText(value);
    this.each((r, c) => this.sheet.setValue(r, c, this.gas.stored(value, this.sheet.format(r, c))));
    return this;
  }

  setBackgrounds(colors: (string | null)[][]): this {
    return this.eachOf(colors, (r, c, color) => this.sheet.updateFormat(r, c, { background: cssColor(color) }));
  }

  setFontColors(colors: (string | null)[][]): this {
    return this.eachOf(colors, (r, c, color) => this.sheet.updateFormat(r, c, { fontColor: cssColor(color) }));
  }

  setFontWeights(weights: (string | null)[][]): this {
    return this.eachOf(weights, (r, c, weight) => {
      if (weight !== null && weight !== 'bold' && weight !== 'normal') throw new GasError(`Invalid argument: fontWeight ${String(weight)}`);
      this.sheet.updateFormat(r, c, { bold: weight === 'bold' });
    });
  }

  setNotes(notes: (string | null)[][]): this {
    return this.eachOf(notes, (r, c, note) => this.sheet.setNote(r, c, note === null ? '' : String(note)));
  }

  /** '' for a cell without a note. */
  getNotes(): string[][] {
    this.gas.checkAlive(this.sheet);
    const out: string[][] = [];
    for (let r = this.row - 1; r < this.row - 1 + this.rows; r++) {
      const line: string[] = [];
      for (let c = this.col - 1; c < this.col - 1 + this.cols; c++) line.push(this.sheet.note(r, c));
      out.push(line);
    }
    return out;
  }

  /** Every cell of the range gets the note; '' or null removes it. */
  setNote(note: string | null): this {
    this.gas.checkAlive(this.sheet);
    this.each((r, c) => this.sheet.setNote(r, c, note === null ? '' : String(note)));
    return this;
  }

  /** A null entry removes the cell's rule. */
  setDataValidations(rules: (FakeDataValidation | null)[][]): this {
    return this.eachOf(rules, (r, c, rule) => this.sheet.setValidation(r, c, rule === null ? undefined : this.gas.validationRule(rule)));
  }

  merge(): this {
    this.gas.checkAlive(this.sheet);
    this.sheet.merge(this.box);
    return this;
  }

  /** Merges each row of the range across its columns, as Sheets does. */
  mergeAcross(): this {
    this.gas.checkAlive(this.sheet);
    const box = this.box;
    for (let r = box.top; r <= box.bottom; r++) this.sheet.merge({ ...box, top: r, bottom: r });
    return this;
  }

  breakApart(): this {
    this.gas.checkAlive(this.sheet);
    this.sheet.breakApart(this.box);
    return this;
  }

  clear(): this {
    this.gas.checkAlive(this.sheet);
    this.sheet.clear(this.box);
    return this;
  }

  clearNote(): this {
    this.gas.checkAlive(this.sheet);
    this.each((r, c) => this.sheet.setNote(r, c, ''));
    return this;
  }

  clearDataValidations(): this {
    this.gas.checkAlive(this.sheet);
    this.each((r, c) => this.sheet.setValidation(r, c, undefined));
    return this;
  }

  setNumberFormat(numberFormat: string): this {
    return this.format({ numberFormat });
  }

  /** Sheets answers "0.###############" for a cell whose number format was never set. */
  getNumberFormats(): string[][] {
    this.gas.checkAlive(this.sheet);
    const out: string[][] = [];
    for (let r = this.row - 1; r < this.row - 1 + this.rows; r++) {
      const line: string[] = [];
      for (let c = this.col - 1; c < this.col - 1 + this.cols; c++) line.push(this.sheet.format(r, c).numberFormat ?? '0.###############');
      out.push(line);
    }
    return out;
  }

  setFontWeight(weight: string | null): this {
    return this.format({ bold: weight === 'bold' });
  }

  setFontSize(size: number): this {
    if (!Number.isInteger(size) || size < 1 || size > 400) throw new GasError(`Invalid argument: size ${String(size)}`);
    return this.format({ fontSize: size });
  }

  setFontStyle(style: string | null): this {
    return this.format({ italic: style === 'italic' });
  }

  setFontColor(fontColor: string): this {
    return this.format({ fontColor });
  }

  setBackground(background: string): this {
    return this.format({ background });
  }

  setHorizontalAlignment(horizontalAlignment: string): this {
    return this.format({ horizontalAlignment });
  }

  setVerticalAlignment(verticalAlignment: string): this {
    return this.format({ verticalAlignment });
  }

  setWrap(wrap: boolean): this {
    return this.format({ wrap });
  }

  setBorder(top: boolean | null, left: boolean | null, bottom: boolean | null, right: boolean | null, _vertical: boolean | null, _horizontal: boolean | null, color?: string): this {
    return this.format({ border: top || left || bottom || right ? (color ?? '#000000') : undefined });
  }

  getMergedRanges(): FakeRange[] {
    this.gas.checkAlive(this.sheet);
    return this.sheet
      .mergesIn(this.box)
      .map((m) => this.gas.range(this.sheet, m.top + 1, m.left + 1, m.bottom - m.top + 1, m.right - m.left + 1));
  }

  getA1Notation(): string {
    return a1Notation(this.row, this.col, this.rows, this.cols);
  }

  getRow(): number {
    return this.row;
  }

  getColumn(): number {
    return this.col;
  }

  getNumRows(): number {
    return this.rows;
  }

  getNumColumns(): number {
    return this.cols;
  }

  getLastRow(): number {
    return this.row + this.rows - 1;
  }

  getLastColumn(): number {
    return this.col + this.cols - 1;
  }

  getSheet(): FakeSheet {
    return this.gas.sheetFacade(this.sheet);
  }

  activate(): this {
    this.gas.checkAlive(this.sheet);
    this.gas.workbook.activeSheetId = this.sheet.id;
    this.gas.workbook.selection = { sheet: this.sheet.name, range: this.getA1Notation() };
    return this;
  }
}

/** Sheets keeps colours as lowercase #rrggbb; null puts the default back. */
const cssColor = (color: string | null): string | undefined => (color === null ? undefined : String(color).toLowerCase());

/** Ranges of one sheet formatted together in one call. */
class FakeRangeList {
  constructor(private readonly ranges: FakeRange[]) {}

  setNumberFormat(numberFormat: string): this {
    for (const range of this.ranges) range.setNumberFormat(numberFormat);
    return this;
  }

  setFontWeight(weight: string | null): this {
    for (const range of this.ranges) range.setFontWeight(weight);
    return this;
  }

  setFontSize(size: number): this {
    for (const range of this.ranges) range.setFontSize(size);
    return this;
  }

  setBackground(color: string): this {
    for (const range of this.ranges) range.setBackground(color);
    return this;
  }

  setHorizontalAlignment(alignment: string): this {
    for (const range of this.ranges) range.setHorizontalAlignment(alignment);
    return this;
  }

  setBorder(top: boolean | null, left: boolean | null, bottom: boolean | null, right: boolean | null, vertical: boolean | null, horizontal: boolean | null, color?: string): this {
    for (const range of this.ranges) range.setBorder(top, left, bottom, right, vertical, horizontal, color);
    return this;
  }
}

/** A built rule: the server hands it to setDataValidations and never reads it back. */
class FakeDataValidation {
  constructor(readonly rule: ValidationRule) {}
}

class FakeDataValidationBuilder {
  private list: { values: string[]; showDropdown: boolean } | undefined;
  /** A new rule warns rather than rejects, as in Sheets. */
  private allowInvalid = true;

  constructor(private readonly gas: GasServices) {}

  requireValueInList(values: string[], showDropdown = true): this {
    if (!Array.isArray(values) || values.length === 0) throw new GasError('Invalid argument: values');
    this.list = { values: values.map(String), showDropdown: Boolean(showDropdown) };
    return this;
  }

  setAllowInvalid(allowInvalid: boolean): this {
    this.allowInvalid = Boolean(allowInvalid);
    return this;
  }

  build(): FakeDataValidation {
    if (!this.list) throw new GasError('You must specify a criteria for the data validation rule.');
    return counted(this.gas.log, 'DataValidation', new FakeDataValidation({ criteria: 'VALUE_IN_LIST', ...this.list, values: this.list.values.slice(), allowInvalid: this.allowInvalid }));
  }
}

/** The chart types the fakes build (Charts.ChartType), by the name Apps Script gives each. */
export const CHART_TYPES = ['COLUMN', 'BAR', 'LINE'] as const;

/** A built chart: the server hands it to insertChart. */
class FakeEmbeddedChart {
  constructor(readonly record: Omit<ChartRecord, 'id'>) {}
}

/**
 * Sheet.newChart(): records what the server sets. Each range is checked when
 * the server gets it (getRange refuses one outside the sheet); the anchor is
 * checked when the chart is inserted.
 */
class FakeEmbeddedChartBuilder {
  private type: string | undefined;
  private readonly ranges: ChartRecord['ranges'] = [];
  private numHeaders: number | undefined;
  private position = { row: 1, col: 1, offsetX: 0, offsetY: 0 };
  private readonly options: Record<string, unknown> = {};

  constructor(private readonly gas: GasServices) {}

  setChartType(type: string): this {
    if (!(CHART_TYPES as readonly string[]).includes(type)) throw new GasError(`Invalid argument: type (the fakes build ${CHART_TYPES.join(', ')})`);
    this.type = type;
    return this;
  }

  addRange(range: FakeRange): this {
    this.ranges.push(this.gas.rangePlace(range));
    return this;
  }

  setNumHeaders(headers: number): this {
    if (!Number.isInteger(headers) || headers < 0) throw new GasError('Invalid argument: headers');
    this.numHeaders = headers;
    return this;
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    if (![anchorRowPos, anchorColPos, offsetX, offsetY].every(Number.isInteger) || anchorRowPos < 1 || anchorColPos < 1) throw new GasError('Invalid argument: position');
    this.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return this;
  }

  setOption(option: string, value: unknown): this {
    this.options[String(option)] = value;
    return this;
  }

  build(): FakeEmbeddedChart {
    if (this.type === undefined) throw new GasError('Chart type must be set.');
    if (this.ranges.length === 0) throw new GasError('A chart needs at least one range of data.');
    const record = { type: this.type, ranges: this.ranges.map((r) => ({ ...r })), numHeaders: this.numHeaders, position: { ...this.position }, options: structuredClone(this.options) };
    return counted(this.gas.log, 'EmbeddedChart', new FakeEmbeddedChart(record));
  }
}

class FakeSheet {
  constructor(
    private readonly gas: GasServices,
    readonly model: SheetModel,
  ) {}

  getName(): string {
    this.gas.checkAlive(this.model);
    return this.model.name;
  }

  setName(name: string): this {
    this.gas.checkAlive(this.model);
    this.gas.workbook.rename(this.model, name);
    return this;
  }

  getSheetId(): number {
    return this.model.id;
  }

  getIndex(): number {
    this.gas.checkAlive(this.model);
    return this.gas.workbook.sheets.indexOf(this.model) + 1;
  }

  getRange(rowOrA1: number | string, col?: number, rows = 1, cols = 1): FakeRange {
    this.gas.checkAlive(this.model);
    if (typeof rowOrA1 === 'string') {
      const box = mergeFromA1(rowOrA1);
      return this.gas.range(this.model, box.top + 1, box.left + 1, box.bottom - box.top + 1, box.right - box.left + 1);
    }
    return this.gas.range(this.model, rowOrA1, col ?? 1, rows, cols);
  }

  getRangeList(a1Notations: string[]): FakeRangeList {
    this.gas.checkAlive(this.model);
    const ranges = a1Notations.map((ref) => {
      const box = mergeFromA1(ref);
      return new FakeRange(this.gas, this.model, box.top + 1, box.left + 1, box.bottom - box.top + 1, box.right - box.left + 1);
    });
    return counted(this.gas.log, 'RangeList', new FakeRangeList(ranges));
  }

  getDataRange(): FakeRange {
    this.gas.checkAlive(this.model);
    return this.gas.range(this.model, 1, 1, Math.max(1, this.model.lastRow), Math.max(1, this.model.lastColumn));
  }

  getLastRow(): number {
    return this.model.lastRow;
  }

  getLastColumn(): number {
    return this.model.lastColumn;
  }

  getMaxRows(): number {
    return this.model.maxRows;
  }

  getMaxColumns(): number {
    return this.model.maxColumns;
  }

  insertRowsAfter(after: number, count: number): this {
    if (after < 1 || after > this.model.maxRows) throw new GasError('Those rows are out of bounds.');
    this.model.insertRows(after, count, after - 1);
    return this;
  }

  insertRowAfter(after: number): this {
    return this.insertRowsAfter(after, 1);
  }

  insertColumnsAfter(after: number, count: number): this {
    this.model.insertColumns(after, count);
    return this;
  }

  deleteRows(start: number, count: number): void {
    this.model.checkRange(start, 1, count, 1);
    this.model.deleteRows(start - 1, count);
  }

  deleteColumns(start: number, count: number): void {
    this.model.checkRange(1, start, 1, count);
    this.model.deleteColumns(start - 1, count);
  }

  setFrozenRows(rows: number): void {
    this.model.setFrozenRows(rows);
  }

  setFrozenColumns(columns: number): void {
    this.model.setFrozenColumns(columns);
  }

  getFrozenRows(): number {
    return this.model.frozenRows;
  }

  getFrozenColumns(): number {
    return this.model.frozenColumns;
  }

  setColumnWidth(column: number, width: number): this {
    this.model.checkRange(1, column, 1, 1);
    this.model.columnWidths.set(column, width);
    return this;
  }

  setColumnWidths(start: number, count: number, width: number): this {
    this.model.checkRange(1, start, 1, count);
    for (let c = start; c < start + count; c++) this.model.columnWidths.set(c, width);
    return this;
  }

  setRowHeights(startRow: number, numRows: number, height: number): this {
    this.model.checkRange(startRow, 1, numRows, 1);
    if (!Number.isInteger(height) || height < 1) throw new GasError('Invalid argument: height');
    for (let r = startRow; r < startRow + numRows; r++) this.model.rowHeights.set(r, height);
    return this;
  }

  getColumnWidth(column: number): number {
    return this.model.columnWidths.get(column) ?? 100;
  }

  activate(): this {
    this.gas.checkAlive(this.model);
    this.gas.workbook.activeSheetId = this.model.id;
    return this;
  }

  /** Sheets keeps at least one sheet in view. */
  hideSheet(): this {
    this.gas.checkAlive(this.model);
    if (this.gas.workbook.sheets.every((s) => s === this.model || s.hidden)) throw new GasError("You can't hide all the sheets in a document.");
    this.model.hidden = true;
    return this;
  }

  showSheet(): this {
    this.gas.checkAlive(this.model);
    this.model.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    this.gas.checkAlive(this.model);
    return this.model.hidden;
  }

  /** As Sheet.addDeveloperMetadata(key[, value][, visibility]): DOCUMENT visibility unless given. */
  addDeveloperMetadata(key: string, valueOrVisibility?: string, visibility?: string): this {
    this.gas.checkAlive(this.model);
    if (typeof key !== 'string' || key === '') throw new GasError('Invalid argument: key');
    const isVisibility = valueOrVisibility === 'DOCUMENT' || valueOrVisibility === 'PROJECT';
    const value = valueOrVisibility === undefined || isVisibility ? null : String(valueOrVisibility);
    this.model.metadata.push({ id: this.gas.nextMetadataId(), key, value, visibility: (isVisibility ? valueOrVisibility : visibility) ?? 'DOCUMENT' });
    return this;
  }

  newChart(): FakeEmbeddedChartBuilder {
    this.gas.checkAlive(this.model);
    return counted(this.gas.log, 'EmbeddedChartBuilder', new FakeEmbeddedChartBuilder(this.gas));
  }

  /** Anchored outside the sheet, or reading a range a sheet no longer holds, the chart is refused as Sheets refuses such a range. */
  insertChart(chart: FakeEmbeddedChart): void {
    this.gas.checkAlive(this.model);
    if (!(chart instanceof FakeEmbeddedChart)) throw new GasError('Invalid argument: chart');
    const { record } = chart;
    this.model.checkRange(record.position.row, record.position.col, 1, 1);
    for (const r of record.ranges) {
      const sheet = this.gas.workbook.sheets.find((s) => s.id === r.sheetId);
      if (!sheet) throw new GasError('The sheet has been deleted.');
      const box = mergeFromA1(r.a1);
      sheet.checkRange(box.top + 1, box.left + 1, box.bottom - box.top + 1, box.right - box.left + 1);
    }
    this.model.charts.push({ id: this.gas.nextChartId(), ...structuredClone(record) });
  }

  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.gas.checkAlive(this.model);
    return this.model.metadata.map((m) => counted(this.gas.log, 'DeveloperMetadata', new FakeDeveloperMetadata(this.model, m)));
  }
}

/** One key–value pair a script attached to a sheet; invisible to the user, kept through renames. */
class FakeDeveloperMetadata {
  constructor(
    private readonly sheet: SheetModel,
    private readonly entry: SheetMetadata,
  ) {}

  getId(): number {
    return this.entry.id;
  }

  getKey(): string {
    return this.entry.key;
  }

  getValue(): string | null {
    return this.entry.value;
  }

  getVisibility(): string {
    return this.entry.visibility;
  }

  remove(): void {
    this.sheet.metadata = this.sheet.metadata.filter((m) => m !== this.entry);
  }
}

class FakeSpreadsheet {
  constructor(private readonly gas: GasServices) {}

  getName(): string {
    return this.gas.workbook.name;
  }

  getSpreadsheetTimeZone(): string {
    return this.gas.workbook.timeZone;
  }

  getSheets(): FakeSheet[] {
    return this.gas.workbook.sheets.map((s) => this.gas.sheetFacade(s));
  }

  getSheetByName(name: string): FakeSheet | null {
    const sheet = this.gas.workbook.sheet(name);
    return sheet ? this.gas.sheetFacade(sheet) : null;
  }

  getNumSheets(): number {
    return this.gas.workbook.sheets.length;
  }

  getActiveSheet(): FakeSheet {
    return this.gas.sheetFacade(this.gas.workbook.activeSheet);
  }

  /** As in Sheets, the new sheet becomes the active one. */
  insertSheet(name: string, index?: number): FakeSheet {
    const sheet = this.gas.workbook.addSheet(name, index);
    this.gas.workbook.activeSheetId = sheet.id;
    return this.gas.sheetFacade(sheet);
  }

  deleteSheet(sheet: FakeSheet): void {
    const model = this.gas.modelOf(sheet);
    this.gas.checkAlive(model);
    this.gas.workbook.removeSheet(model);
  }
}

class FakeMenu {
  private readonly record: MenuRecord;

  constructor(
    private readonly gas: GasServices,
    title: string,
  ) {
    this.record = { title, items: [] };
  }

  addItem(caption: string, functionName: string): this {
    this.record.items.push({ caption, functionName });
    return this;
  }

  addSeparator(): this {
    return this;
  }

  addToUi(): void {
    this.gas.menus.push(this.record);
  }
}

class FakeUi {
  constructor(private readonly gas: GasServices) {}

  createAddonMenu(): FakeMenu {
    return counted(this.gas.log, 'Menu', new FakeMenu(this.gas, this.gas.addonName));
  }

  createMenu(title: string): FakeMenu {
    return counted(this.gas.log, 'Menu', new FakeMenu(this.gas, title));
  }

  showSidebar(output: FakeHtmlOutput): void {
    this.gas.sidebar = { title: output.getTitle(), html: output.getContent() };
  }
}

class FakeHtmlOutput {
  private title = '';

  constructor(private content: string) {}

  getContent(): string {
    return this.content;
  }

  setContent(content: string): this {
    this.content = content;
    return this;
  }

  setTitle(title: string): this {
    this.title = title;
    return this;
  }

  getTitle(): string {
    return this.title;
  }

  setWidth(): this {
    return this;
  }

  setHeight(): this {
    return this;
  }
}

/** Apps Script's documented limits (Quotas for Google Services): 9 KB per value, 500 KB per property store. */
export const PROPERTY_VALUE_BYTES = 9 * 1024;
export const PROPERTY_STORE_BYTES = 500 * 1024;

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

/**
 * A property store with Apps Script's limits: a value over 9 KB is refused,
 * and so is a write that would take the store (every key and value) over
 * 500 KB; either way nothing of the write is kept.
 */
class FakeProperties {
  constructor(private readonly store: Map<string, string>) {}

  getProperty(key: string): string | null {
    return this.store.get(key) ?? null;
  }

  setProperty(key: string, value: string): this {
    return this.write({ [key]: value }, false);
  }

  setProperties(properties: Record<string, string>, deleteAllOthers = false): this {
    return this.write(properties, deleteAllOthers);
  }

  private write(properties: Record<string, string>, deleteAllOthers: boolean): this {
    const entries = Object.entries(properties).map(([key, value]) => [String(key), String(value)] as const);
    for (const [key, value] of entries) {
      if (utf8Bytes(value) > PROPERTY_VALUE_BYTES) throw new GasError(`Argument too large: value of property ${key}`);
    }
    const after = new Map(deleteAllOthers ? [] : this.store);
    for (const [key, value] of entries) after.set(key, value);
    let total = 0;
    for (const [key, value] of after) total += utf8Bytes(key) + utf8Bytes(value);
    if (total > PROPERTY_STORE_BYTES) throw new GasError('You have exceeded the property storage quota. Please remove some properties and try again.');
    this.store.clear();
    for (const [key, value] of after) this.store.set(key, value);
    return this;
  }

  deleteProperty(key: string): this {
    this.store.delete(key);
    return this;
  }

  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store);
  }

  getKeys(): string[] {
    return [...this.store.keys()];
  }
}

/**
 * LockService's document lock, held by one execution at a time. The sandbox is
 * synchronous, so nothing can be waited for: a lock another execution holds is
 * never released while this one waits, and tryLock answers false (waitLock
 * throws) as they do when the wait runs out.
 */
class FakeLock {
  constructor(private readonly gas: GasServices) {}

  private get state() {
    return this.gas.workbook.documentLock;
  }

  tryLock(timeoutInMillis: number): boolean {
    if (typeof timeoutInMillis !== 'number' || !(timeoutInMillis >= 0)) throw new GasError('Invalid argument: timeoutInMillis');
    const me = this.gas.execution;
    if (this.state.holder !== undefined && this.state.holder !== me) return false;
    this.state.holder = me;
    return true;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new GasError('Lock timeout: another process was holding the lock for too long.');
  }

  releaseLock(): void {
    if (this.state.holder === this.gas.execution) this.state.holder = undefined;
  }

  hasLock(): boolean {
    return this.state.holder === this.gas.execution;
  }
}

export class GasServices {
  readonly workbook: WorkbookModel;
  readonly log: CallLog;
  readonly files: Record<string, string>;
  readonly addonName: string;
  /** The sidebar the server last showed. */
  sidebar: SidebarRecord | undefined;
  /** Menus added to the UI, in order. */
  menus: MenuRecord[] = [];
  /** What the server wrote with console.*, one line per call. */
  consoleLines: string[] = [];
  /** Creates Dates in the realm the server runs in, so `instanceof Date` holds there as in Apps Script. */
  makeDate: (ms: number) => Date = (ms) => new Date(ms);
  private readonly sheetFacades = new WeakMap<SheetModel, FakeSheet>();
  private readonly facadeModels = new WeakMap<object, SheetModel>();
  private readonly userProperties = new Map<string, string>();
  private readonly scriptProperties = new Map<string, string>();
  /** The execution running now: what a lock it takes is held by. */
  execution: object = {};
  private metadataIds = 0;
  private chartIds = 0;
  private readonly rangePlaces = new WeakMap<object, ChartRecord['ranges'][number]>();

  constructor(options: GasServicesOptions) {
    this.workbook = options.workbook;
    this.files = options.files ?? {};
    this.log = options.log ?? new CallLog();
    this.addonName = options.addonName ?? '台账考评';
  }

  /**
   * Runs `body` as one Apps Script execution: a lock it still holds at the end
   * is released, as Apps Script releases it when a script finishes.
   */
  asExecution<T>(body: () => T): T {
    const previous = this.execution;
    const current = {};
    this.execution = current;
    try {
      return body();
    } finally {
      if (this.workbook.documentLock.holder === current) this.workbook.documentLock.holder = undefined;
      this.execution = previous;
    }
  }

  nextMetadataId(): number {
    return ++this.metadataIds;
  }

  nextChartId(): number {
    return ++this.chartIds;
  }

  /** Where a range the server got lies, read without a counted call; anything but a range is refused, as Sheets does. */
  rangePlace(range: unknown): ChartRecord['ranges'][number] {
    const place = typeof range === 'object' && range !== null ? this.rangePlaces.get(range) : undefined;
    if (!place) throw new GasError('Invalid argument: range');
    return { ...place };
  }

  checkAlive(sheet: SheetModel): void {
    if (!this.workbook.sheets.includes(sheet)) throw new GasError('The sheet has been deleted.');
  }

  sheetFacade(sheet: SheetModel): FakeSheet {
    let facade = this.sheetFacades.get(sheet);
    if (!facade) {
      facade = counted(this.log, 'Sheet', new FakeSheet(this, sheet));
      this.sheetFacades.set(sheet, facade);
      this.facadeModels.set(facade, sheet);
    }
    return facade;
  }

  modelOf(sheet: FakeSheet): SheetModel {
    const model = this.facadeModels.get(sheet);
    if (!model) throw new GasError('Invalid argument: sheet');
    return model;
  }

  /** The rule a DataValidation from newDataValidation() holds; anything else is refused, as Sheets does. */
  validationRule(value: unknown): ValidationRule {
    if (!(value instanceof FakeDataValidation)) throw new GasError('Invalid argument: rules');
    return value.rule;
  }

  range(sheet: SheetModel, row: number, col: number, rows: number, cols: number): FakeRange {
    const range = counted(this.log, 'Range', new FakeRange(this, sheet, row, col, rows, cols));
    this.rangePlaces.set(range, { sheetId: sheet.id, a1: a1Notation(row, col, rows, cols) });
    return range;
  }

  /** A stored value as getValues returns it: '' for empty, Dates from the server's realm. */
  readable(value: StoredValue | undefined): unknown {
    if (value === undefined) return '';
    if (value instanceof Date) return this.makeDate(value.getTime());
    if (value instanceof FormulaValue) return value.toString();
    return value;
  }

  /**
   * What a cell keeps when the server writes `value` into it. As documented
   * for Range.setValue, a string beginning with "=" is a formula whatever the
   * cell's number format; a leading apostrophe makes the rest literal text and
   * is not part of the value; otherwise a text-formatted cell keeps the string
   * and any other reads it as if typed.
   */
  stored(value: unknown, format: CellFormat): StoredValue | undefined {
    if (value === null || value === undefined || value === '') return undefined;
    if (isDate(value)) return new Date(value.getTime());
    if (typeof value === 'number' || typeof value === 'boolean') return value;
    const text = String(value);
    if (text.startsWith("'")) return text.length > 1 ? text.slice(1) : undefined;
    if (isFormula(text)) return new FormulaValue(text.trim());
    return format.numberFormat === TEXT_FORMAT ? text : typedValue(text, this.workbook.timeZone);
  }

  /** The global objects a script sees: the fakes and nothing else. */
  globals(): Record<string, unknown> {
    const log = this.log;
    const spreadsheet = counted(log, 'Spreadsheet', new FakeSpreadsheet(this));
    const ui = counted(log, 'Ui', new FakeUi(this));
    const lines = this.consoleLines;
    const write = (...parts: unknown[]) => {
      lines.push(parts.map(String).join(' '));
    };
    return {
      SpreadsheetApp: counted(log, 'SpreadsheetApp', {
        getActiveSpreadsheet: () => spreadsheet,
        getActive: () => spreadsheet,
        getUi: () => ui,
        /** Sheets applies pending changes here; the fakes apply them at once, and count the call. */
        flush: () => undefined,
        newDataValidation: () => counted(log, 'DataValidationBuilder', new FakeDataValidationBuilder(this)),
        DeveloperMetadataVisibility: { DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT' },
        BorderStyle: { DOTTED: 'DOTTED', DASHED: 'DASHED', SOLID: 'SOLID', SOLID_MEDIUM: 'SOLID_MEDIUM', SOLID_THICK: 'SOLID_THICK', DOUBLE: 'DOUBLE' },
      }),
      HtmlService: counted(log, 'HtmlService', {
        createHtmlOutput: (html = '') => counted(log, 'HtmlOutput', new FakeHtmlOutput(String(html))),
        createHtmlOutputFromFile: (name: string) => {
          const html = this.files[String(name).replace(/\.html$/, '')];
          if (html === undefined) throw new GasError(`No HTML file named ${name} was found.`);
          return counted(log, 'HtmlOutput', new FakeHtmlOutput(html));
        },
      }),
      PropertiesService: counted(log, 'PropertiesService', {
        getDocumentProperties: () => counted(log, 'Properties', new FakeProperties(this.workbook.documentProperties)),
        getUserProperties: () => counted(log, 'Properties', new FakeProperties(this.userProperties)),
        getScriptProperties: () => counted(log, 'Properties', new FakeProperties(this.scriptProperties)),
      }),
      LockService: counted(log, 'LockService', {
        getDocumentLock: () => counted(log, 'Lock', new FakeLock(this)),
      }),
      Utilities: counted(log, 'Utilities', {
        formatDate: (date: Date, timeZone: string, pattern: string) => {
          if (!isDate(date)) throw new GasError('Invalid argument: date');
          if (!isTimeZone(timeZone)) throw new GasError(`Invalid argument: timeZone ${timeZone}`);
          return formatDate(date.getTime(), timeZone, pattern);
        },
      }),
      Charts: { ChartType: Object.fromEntries(CHART_TYPES.map((type) => [type, type])) },
      ScriptApp: { AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' } },
      console: { log: write, info: write, warn: write, error: write },
    };
  }
}
