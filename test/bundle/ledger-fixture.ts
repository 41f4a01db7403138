import ExcelJS from 'exceljs';

/**
 * A stationed-cadre ledger as a township keeps it: a merged title, a meta row,
 * a two-row header with merged groups, a village merged down its cadres, names
 * padded with spaces, traditional characters, full-width digits, "无" and "—",
 * date cells (one with a time of day), ID numbers kept as text and a 合计 row.
 * Every data row has the same shape, so `rows` changes the size and nothing else.
 */
export function ledgerWorkbook(rows: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2024年5月驻村干部台账');
  const width = 17;
  ws.getCell('A1').value = '2024年5月驻村干部工作台账';
  ws.mergeCells(1, 1, 1, width);
  ws.getCell('A2').value = '填报单位（盖章）：红旗镇党委';
  ws.getCell('N2').value = '单位：天、户';
  const top = ['序号', '姓名', '所驻村', '下基层天数', '入户情况', null, '五个一', null, null, null, null, '承诺数', '完成数', '领导评分', '群众测评', '填报日期', '身份证号'];
  const sub = [null, null, null, null, '联系户数', '入户数', '一事一议项目', '经济合作社', '联系党员中心户', '带领致富能手', '帮扶贫困户'];
  ws.getRow(3).values = top;
  ws.getRow(4).values = sub;
  for (const col of [1, 2, 3, 4, 12, 13, 14, 15, 16, 17]) ws.mergeCells(3, col, 4, col);
  ws.mergeCells(3, 5, 3, 6);
  ws.mergeCells(3, 7, 3, 11);

  const names = ['张  三', '李四', '王五', '黃志強', '赵六', '孙七', '周八', '吴九', '郑十', '冯十一'];
  const villages = ['红旗村', '东风嘎查', '新华村', '前进村'];
  for (let i = 0; i < rows; i++) {
    const r = 5 + i;
    const name = i < names.length ? names[i]! : `干部${String(i + 1).padStart(4, '0')}`;
    const days = i % 7 === 3 ? '１２' : i % 11 === 5 ? '无' : 6 + (i % 9);
    const visited = i % 13 === 4 ? '—' : 3 + (i % 8);
    const filed = i % 5 === 2 ? new Date(Date.UTC(2024, 4, 31, 8, 30)) : new Date(Date.UTC(2024, 4, 1 + (i % 28)));
    ws.getRow(r).values = [
      i + 1,
      name,
      villages[i % villages.length]!,
      days,
      20,
      visited,
      i % 3 === 0 ? '√' : '×',
      i % 4 === 0 ? '是' : '否',
      '有',
      i % 2 === 0 ? '√' : '无',
      '是',
      5,
      i % 6 === 1 ? 3 : 5,
      80 + (i % 20),
      i % 9 === 2 ? '96%' : 85 + (i % 15),
      filed,
      `15010219${String(800101 + (i % 90)).padStart(6, '0')}${String(1000 + i).slice(-4)}`,
    ];
    ws.getCell(r, 16).numFmt = 'yyyy-mm-dd';
  }
  // The first village is merged down its first two cadres, as staff often do.
  if (rows >= 2) ws.mergeCells(5, 3, 6, 3);
  ws.getRow(5 + rows).values = [null, '合计', null, null, 20 * rows, null, null, null, null, null, null, 5 * rows];

  const notes = wb.addWorksheet('填表说明');
  notes.getCell('A1').value = '每月5日前报镇党委组织办';
  notes.getCell('A2').value = '报送日期';
  notes.getCell('B2').value = new Date(Date.UTC(2024, 5, 5));
  return wb;
}
