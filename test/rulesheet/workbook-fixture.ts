import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';

const HEADER = ['序号', '干部姓名', '所驻嘎查', '驻村天数', '应走访户数', '走访户数', '一事一议', '合作社', '党员中心户', '致富能手', '贫困户', '承诺事项数', '已完成数', '领导评分', '代表测评', '备注'];

const ROWS: Cell[][] = [
  [1, '张  三', '阿拉坦嘎查', 12, 20, 5, '√', '√', '√', '√', '√', 10, 10, 95, 90, null],
  [2, '李四', '巴彦嘎查', 10, 25, 4, '√', '×', '√', '√', '√', 8, 7, 88, 85, null],
  [3, '王五', '乌兰嘎查', 11, 30, 5, '是', '是', '否', '是', '是', 97, 78, 80, 82, '承诺完成率按78/97计'],
  [4, '赵六', '宝力格嘎查', '８', 18, 3, '√', '√', '√', '×', '√', 6, 5, 75, 70, null],
  [5, '孙七', '吉仁嘎查', 15, 20, 2, '√', '√', '√', '√', '×', 5, 3, 70, 65, null],
  [6, '周八', '额尔敦嘎查', 6, 22, 1, '×', '×', '√', '√', '√', 4, 2, 65, 60, '病假'],
  [7, '吴九', '查干嘎查', 20, 15, 6, '√', '√', '√', '√', '√', 12, 12, 92, 95, null],
  [8, '郑十', '阿拉坦嘎查', 10, 20, '无', '√', '√', '√', '√', '√', 9, 9, 85, 80, null],
  [null, '合计', null, 92, 170, 26, null, null, null, null, null, 151, 126, null, null, null],
];

/**
 * A township's May ledger as staff keep it: a merged title, a meta row, their
 * own header wording, padded names, a full-width digit, √/× and 是/否 mixed,
 * "无" for a missing count, a 合计 row.
 */
export function ledgerSheet(): SheetSnapshot {
  return {
    name: '2024年5月台账',
    values: [['吉仁高勒镇2024年5月驻嘎查干部工作台账'], ['填报单位（盖章）：吉仁高勒镇党委'], HEADER, ...ROWS],
    merges: [{ top: 0, left: 0, bottom: 0, right: HEADER.length - 1 }],
  };
}

export function smallWorkbook(extra: SheetSnapshot[] = []): WorkbookSnapshot {
  return { sheets: [ledgerSheet(), ...extra] };
}
