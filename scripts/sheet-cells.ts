import type ExcelJS from 'exceljs';

/** How the example workbooks write cells: titles, headers, dates and digits as staff type them. */

/** How a date is written in a given row: the formats real ledgers mix. */
export function dateCell(iso: string, style: number, titledYear: boolean): ExcelJS.CellValue {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  switch (style % 6) {
    case 0:
      return `${y}.${m}.${d}`;
    case 1:
      return `${y}年${m}月${d}日`;
    case 2:
      return `${y}/${m}/${d}`;
    case 3:
      return Number(`${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`);
    case 4:
      return new Date(Date.UTC(y, m - 1, d));
    default:
      return titledYear ? `${m}月${d}日` : `${y}年${m}月${d}日`;
  }
}

export const FULL_WIDTH = (n: number) => String(n).replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const THIN = { style: 'thin', color: { argb: 'FF999999' } } as const;

export function titleRow(ws: ExcelJS.Worksheet, text: string, width: number): void {
  ws.addRow([text]);
  ws.mergeCells(ws.rowCount, 1, ws.rowCount, width);
  const row = ws.getRow(ws.rowCount);
  row.font = { bold: true, size: 14 };
  row.alignment = { horizontal: 'center' };
  row.height = 26;
}

export function headerRow(ws: ExcelJS.Worksheet, labels: (string | null)[]): void {
  const row = ws.addRow(labels);
  row.font = { bold: true };
  row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  row.eachCell((c) => {
    c.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  });
}
