import { type ChartKind, type ChartSheet, chartSheetCells } from '../core/results/chart-sheet';
import { BORDER_COLOR, HEADER_FILL, NOTE_COLOR, resize, TEXT_FORMAT, widthRuns } from './layout';
import { literalGrid } from './literal';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Read when a chart is built, not when the bundle loads: the Charts service is only needed here. */
function chartType(kind: ChartKind): GoogleAppsScript.Charts.ChartType {
  const types = { column: Charts.ChartType.COLUMN, bar: Charts.ChartType.BAR, line: Charts.ChartType.LINE };
  return types[kind];
}

/**
 * Writes the 图表 sheet into a fresh sheet: its tables with one setValues, each
 * block's title and header formatted, then one embedded chart per spec over
 * its table. The calls grow with the number of charts, never with the rows.
 */
export function layOutChartSheet(sheet: Sheet, charts: ChartSheet): void {
  resize(sheet, charts.size.rows, charts.size.columns);
  const cells = chartSheetCells(charts);
  const all = sheet.getRange(1, 1, cells.length, cells[0]!.length);
  // As in the result sheets: text stays text (a period "2024-05" is no date), numbers get their column's format.
  all.setNumberFormat(TEXT_FORMAT);
  for (const block of charts.blocks) {
    if (block.rows.length === 0) continue;
    block.numberFormats.forEach((format, col) => {
      if (format) sheet.getRange(block.row + 2, col + 1, block.rows.length, 1).setNumberFormat(format);
    });
  }
  const literal = literalGrid(cells);
  all.setValues(literal.values);
  if (literal.notes) all.setNotes(literal.notes);

  sheet.getRange(1, 1).setFontStyle('italic').setFontColor(NOTE_COLOR).setWrap(false);
  for (const block of charts.blocks) {
    sheet.getRange(block.row, 1).setFontWeight('bold');
    sheet
      .getRange(block.row + 1, 1, 1, block.header.length)
      .setFontWeight('bold')
      .setBackground(HEADER_FILL)
      .setHorizontalAlignment('center')
      .setBorder(true, true, true, true, true, true, BORDER_COLOR, SpreadsheetApp.BorderStyle.SOLID);
  }
  for (const run of widthRuns(charts.columnWidths)) sheet.setColumnWidths(run.start, run.count, Math.round(run.width));

  for (const spec of charts.charts) {
    const chart = sheet
      .newChart()
      .setChartType(chartType(spec.kind))
      .addRange(sheet.getRange(spec.range))
      .setNumHeaders(1)
      .setPosition(spec.position.row, spec.position.col, 0, 0)
      .setOption('title', spec.title)
      .build();
    sheet.insertChart(chart);
  }
}
