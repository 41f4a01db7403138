import ExcelJS from 'exceljs';
import { rng } from './random';
import { dateCell, FULL_WIDTH, headerRow, titleRow } from './sheet-cells';
import { type AnnualMeetings, moreLedgers } from './township-more';

/**
 * A township's Party-building ledgers as staff keep them: 三会一课 records (one
 * long sheet, plus a few branches that keep a sheet of their own), a quarterly
 * work-count table with stated rates, monthly stationed-cadre ledgers and a
 * 填表说明 sheet. Built from a fixed seed so the example and the benchmarks
 * are the same on every machine; the mess (date formats, name variants,
 * ditto marks, duplicates, a wrong rate, a name that matches nothing) is
 * placed on purpose.
 */

export type Problem =
  | `committeeMissed:${string}`
  | `groupMissed:${string}`
  | `themeDayMissed:${string}`
  | `themeDayLowAttendance:${string}`
  | 'lectureMissing'
  | 'memberMeetingMissing'
  | 'serviceLow'
  | 'commitLow'
  | 'disputeLow'
  | 'failingCadre'
  /** The secretary post vacant since the date: written 空缺 when it began before the period, else left blank. */
  | `secretaryVacant:${string}`
  | 'satisfactionLow'
  | 'noCandidates'
  | 'noAnnualMeetings';

export interface TownshipOptions {
  seed: number;
  township: string;
  /** Months of meeting records, 2024-04 … */
  months: string[];
  /** Months with a stationed-cadre ledger (a month not yet handed in is missing). */
  cadreMonths: string[];
  branches: BranchPlan[];
  /** Branches that keep their meeting records in a sheet of their own. */
  ownSheets: string[];
  /** A village the cadre ledger misspells so that it matches no branch: [branch, as written]. */
  misspelt?: [string, string];
  /**
   * The ledgers of the other assessments (党员中心户, 村干部, branch risk: see
   * township-more.ts), drawn from their own seed so that every sheet above
   * stays as it was.
   */
  more?: { seed: number };
}

export interface BranchPlan {
  name: string;
  members: number;
  /** Party groups, each meeting every month (one when not given). */
  groups?: number;
  cadre?: string;
  problems: Problem[];
}


const VILLAGES = [
  '巴彦', '乌兰', '宝力根', '查干诺尔', '额尔敦', '阿拉坦', '哈拉图', '呼和陶勒盖', '那仁宝力格', '赛罕', '希日塔拉',
  '巴音乌拉', '浩勒图', '都兰', '满都拉', '乌力吉图', '宝日温都尔', '敖包图', '朝克图', '达布希勒图', '温都尔',
];
const OTHERS = ['镇区第一社区', '镇区第二社区', '镇机关'];
const CADRES = [
  '其其格', '巴特尔', '乌日娜', '张海军', '王建华', '苏和', '娜仁花', '李志刚', '额尔德木图', '刘丽', '孟和',
  '高娃', '陈亮', '赵敏', '斯琴', '白音', '包金山', '韩雪', '那日苏', '吴国庆', '图雅',
];

/** The example township: 24 branches, April to June 2024, a realistic spread of problems. */
export function exampleTownship(): TownshipOptions {
  const problems: Record<string, Problem[]> = {
    乌兰: ['committeeMissed:2024-05'],
    查干诺尔: ['serviceLow'],
    哈拉图: ['themeDayLowAttendance:2024-06'],
    赛罕: ['lectureMissing'],
    满都拉: ['failingCadre'],
    希日塔拉: ['committeeMissed:2024-05', 'committeeMissed:2024-06', 'groupMissed:2024-06', 'commitLow', 'disputeLow'],
    敖包图: ['memberMeetingMissing', 'themeDayMissed:2024-04', 'failingCadre'],
    朝克图: ['groupMissed:2024-04', 'themeDayLowAttendance:2024-05', 'serviceLow'],
  };
  const more: Record<string, Problem[]> = {
    乌兰: ['secretaryVacant:2024-01-15'],
    宝日温都尔: ['secretaryVacant:2024-05-20'],
    满都拉: ['satisfactionLow'],
    浩勒图: ['noCandidates'],
    敖包图: ['noAnnualMeetings'],
  };
  const random = rng(20240705);
  const branches: BranchPlan[] = [
    ...VILLAGES.map((v, i) => ({ name: `${v}嘎查党支部`, members: 16 + Math.floor(random() * 28), cadre: CADRES[i], problems: [...(problems[v] ?? []), ...(more[v] ?? [])] })),
    ...OTHERS.map((o) => ({ name: `${o}党支部`, members: 20 + Math.floor(random() * 30), problems: [] })),
  ];
  return {
    seed: 20240705,
    township: '巴彦宝力格镇',
    months: ['2024-04', '2024-05', '2024-06'],
    cadreMonths: ['2024-04', '2024-05'],
    branches,
    ownSheets: ['阿拉坦嘎查党支部', '都兰嘎查党支部', '镇区第二社区党支部'],
    misspelt: ['温都尔嘎查党支部', '温多尔'],
    more: { seed: 20240706 },
  };
}

const PARTS_A = ['巴彦', '乌兰', '宝力根', '查干', '额尔敦', '阿拉坦', '哈拉', '呼和', '那仁', '赛罕', '希日', '巴音', '浩勒', '都兰', '满都拉', '乌力吉', '宝日', '敖包', '朝克', '达布'];
const PARTS_B = ['', '塔拉', '高勒', '乌苏', '陶勒盖', '宝力格', '温都尔', '图', '诺尔', '芒哈'];

/** A county-sized set: `count` branches over the months, with problems drawn at random. */
export function generatedTownship(seed: number, count: number, months: string[]): TownshipOptions {
  const random = rng(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const branches: BranchPlan[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${PARTS_A[i % PARTS_A.length]}${PARTS_B[Math.floor(i / PARTS_A.length) % PARTS_B.length]}嘎查${i >= PARTS_A.length * PARTS_B.length ? i : ''}党支部`;
    const problems: Problem[] = [];
    if (random() < 0.15) problems.push(`committeeMissed:${pick(months)}`);
    if (random() < 0.1) problems.push(`groupMissed:${pick(months)}`);
    if (random() < 0.08) problems.push(`themeDayLowAttendance:${pick(months)}`);
    if (random() < 0.08) problems.push('serviceLow');
    if (random() < 0.05) problems.push('commitLow');
    if (random() < 0.05) problems.push('lectureMissing');
    branches.push({ name, members: 12 + Math.floor(random() * 40), groups: random() < 0.5 ? 1 : 2, cadre: `干部${String(i + 1).padStart(3, '0')}`, problems });
  }
  return { seed, township: '某旗', months, cadreMonths: months, branches, ownSheets: branches.slice(0, Math.ceil(count / 20)).map((b) => b.name), misspelt: undefined };
}

export interface MeetingRow {
  branch: string;
  type: string;
  date: string;
  expected: number;
  present: number;
  topic: string;
  duplicate?: boolean;
}

const TYPE_WORDS: Record<string, string[]> = {
  committee: ['支委会', '支委会', '支委会议', '支部委员会会议'],
  group: ['党小组会', '党小组会', '小组会', '第一党小组会'],
  themeDay: ['主题党日', '主题党日活动', '主题党日', '固定党日'],
  memberMeeting: ['支部党员大会', '党员大会'],
  lecture: ['党课', '讲党课', '书记讲党课'],
};
const TOPICS: Record<string, string[]> = {
  committee: ['研究发展党员工作', '研究党费收缴', '部署本月工作', '研究困难党员慰问', '讨论嘎查集体经济项目'],
  group: ['学习党章', '学习《条例》', '交流学习体会', '党员联户情况交流'],
  themeDay: ['重温入党誓词', '清理村容村貌', '走访慰问老党员', '学习党纪学习教育读本', '草原防火宣传'],
  memberMeeting: ['通报上半年工作', '民主评议党员', '讨论村规民约修订'],
  lecture: ['书记讲党课：牢记初心使命', '党纪学习教育专题党课', '乡村振兴专题党课'],
};

const q = (month: string) => Math.ceil(Number(month.slice(5)) / 3);
const has = (plan: BranchPlan, p: Problem) => plan.problems.includes(p);

function meetingsOf(plan: BranchPlan, months: string[], random: () => number): MeetingRow[] {
  const rows: MeetingRow[] = [];
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const day = (month: string, from: number, to: number) => `${month}-${String(from + Math.floor(random() * (to - from + 1))).padStart(2, '0')}`;
  const attend = (low = false) => {
    const expected = plan.members;
    const share = low ? 0.7 + random() * 0.05 : 0.84 + random() * 0.16;
    return { expected, present: Math.min(expected, Math.round(expected * share)) };
  };
  for (const month of months) {
    if (!has(plan, `committeeMissed:${month}`)) rows.push({ branch: plan.name, type: pick(TYPE_WORDS.committee!), date: day(month, 2, 8), expected: 5, present: 5 - (random() < 0.15 ? 1 : 0), topic: pick(TOPICS.committee!) });
    for (let g = 0; g < (plan.groups ?? 1); g++) {
      if (!has(plan, `groupMissed:${month}`)) rows.push({ branch: plan.name, type: g === 0 ? pick(TYPE_WORDS.group!) : `第${'一二三四五'[g]}党小组会`, date: g === 0 ? day(month, 12, 20) : day(month, 21 + 2 * g, 22 + 2 * g), ...attend(), topic: pick(TOPICS.group!) });
    }
    if (!has(plan, `themeDayMissed:${month}`)) rows.push({ branch: plan.name, type: pick(TYPE_WORDS.themeDay!), date: day(month, 9, 11), ...attend(has(plan, `themeDayLowAttendance:${month}`)), topic: pick(TOPICS.themeDay!) });
  }
  const quarters = [...new Set(months.map((m) => `${m.slice(0, 4)}-${q(m)}`))];
  for (const quarter of quarters) {
    const inQuarter = months.filter((m) => `${m.slice(0, 4)}-${q(m)}` === quarter);
    const month = inQuarter[Math.min(1, inQuarter.length - 1)]!;
    const together = random() < 0.3;
    if (!has(plan, 'memberMeetingMissing') && !has(plan, 'lectureMissing') && together) {
      rows.push({ branch: plan.name, type: '支部党员大会暨党课', date: day(month, 20, 26), ...attend(), topic: pick(TOPICS.lecture!) });
      continue;
    }
    if (!has(plan, 'memberMeetingMissing')) rows.push({ branch: plan.name, type: pick(TYPE_WORDS.memberMeeting!), date: day(month, 20, 26), ...attend(), topic: pick(TOPICS.memberMeeting!) });
    if (!has(plan, 'lectureMissing')) rows.push({ branch: plan.name, type: pick(TYPE_WORDS.lecture!), date: day(inQuarter.at(-1)!, 9, 11), ...attend(), topic: pick(TOPICS.lecture!) });
  }
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}

/** Variants of a branch name as different hands write it in the long meeting ledger. */
function writtenName(name: string, style: number): string {
  const short = name.replace(/党支部$/, '');
  if (name === '巴彦嘎查党支部' && style % 3 === 1) return '巴彥嘎查党支部';
  if (style % 5 === 2) return short;
  if (style % 7 === 3) return `${short.slice(0, 2)} ${short.slice(2)}党支部`;
  return name;
}

/**
 * The long meeting ledger. `annual` (组织生活会, 民主评议党员) comes last, before
 * the footer, styled from its own generator, so the rows above keep their places
 * and values.
 */
function longMeetingSheet(wb: ExcelJS.Workbook, opts: TownshipOptions, rows: MeetingRow[], random: () => number, annual?: AnnualMeetings): void {
  const ws = wb.addWorksheet('三会一课记录');
  const header = ['序号', '党支部名称', '会议类型', '召开时间', '会议主题', '主持人', '应到人数', '实到人数', '缺席人员及原因', '备注'];
  const year = opts.months[0]!.slice(0, 4);
  const quarterWord = opts.months.length === 3 ? `第${'一二三四'[q(opts.months[0]!) - 1]}季度` : '';
  titleRow(ws, `${opts.township}各党支部${year}年${quarterWord}“三会一课”及主题党日开展情况登记表`, header.length);
  ws.addRow([`填报单位（盖章）：${opts.township}党委组织办`, null, null, null, null, null, '填报时间：', `${year}年7月5日`]);
  headerRow(ws, header);
  [6, 18, 14, 13, 26, 10, 9, 9, 18, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  let n = 0;
  let previous = '';
  const write = (r: MeetingRow, style: number) => {
    n++;
    const sameAsAbove = r.branch === previous;
    const name = sameAsAbove && style % 4 === 0 ? '同上' : writtenName(r.branch, style);
    const expected: ExcelJS.CellValue = style % 37 === 5 ? null : style % 23 === 4 ? FULL_WIDTH(r.expected) : style % 19 === 7 ? `${r.expected}人` : r.expected;
    const present: ExcelJS.CellValue = style % 29 === 6 ? FULL_WIDTH(r.present) : r.present;
    const absent = r.expected - r.present > 0 ? `${r.expected - r.present}人请假（外出放牧）` : '无';
    ws.addRow([n, name, r.type, dateCell(r.date, style, true), r.topic, style % 2 ? '支部书记' : '副书记', expected, present, absent, r.duplicate ? '' : null]);
    previous = r.branch;
  };
  for (const r of rows) {
    if (r.branch !== previous && previous && random() < 0.2) ws.addRow([]);
    write(r, Math.floor(random() * 1000));
  }
  if (annual) for (const r of annual.rows) write(r, Math.floor(annual.random() * 1000));
  ws.addRow(['合计', null, `共召开会议${rows.length + (annual?.rows.length ?? 0)}次`]);
  ws.addRow(['填表人：王丽', null, null, null, null, null, '审核人：乌日娜']);
}

function ownMeetingSheet(wb: ExcelJS.Workbook, branch: string, rows: MeetingRow[], random: () => number): void {
  const sheetName = branch.replace(/党支部$/, '');
  const ws = wb.addWorksheet(sheetName);
  const header = ['日期', '会议类型', '会议内容', '应到人数', '实到人数', '记录人'];
  titleRow(ws, `${branch}${rows[0]?.date.slice(0, 4) ?? ''}年三会一课记录`, header.length);
  headerRow(ws, header);
  [14, 16, 30, 10, 10, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const r of rows) {
    const [, m, d] = r.date.split('-').map(Number);
    ws.addRow([`${m}月${d}日`, r.type, r.topic, r.expected, random() < 0.1 ? `${r.present}人` : r.present, '组织委员']);
  }
}

interface WorkCounts {
  promised: number;
  fulfilled: number;
  received: number;
  closed: number;
  disputes: number;
  resolved: number;
}

function workOf(plan: BranchPlan, random: () => number, months: number): WorkCounts {
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);
  const promised = Math.round(between(8, 20) * months / 3);
  const received = Math.round(between(25, 70) * months / 3);
  const disputes = Math.round(between(4, 14) * months / 3);
  // A branch without the problem stays at or above the line whatever the rounding.
  const done = (total: number, low: boolean, line: number, bad: number) =>
    low ? Math.round(total * bad) : Math.max(Math.ceil(total * line), Math.round(total * between(line, 1)));
  return {
    promised,
    fulfilled: done(promised, has(plan, 'commitLow'), 0.82, 0.7),
    received,
    closed: done(received, has(plan, 'serviceLow'), 0.9, 0.84),
    disputes,
    resolved: done(disputes, has(plan, 'disputeLow'), 0.86, 0.78),
  };
}

function statedRate(num: number, den: number, style: number): ExcelJS.CellValue {
  if (den === 0) return '—';
  const r = num / den;
  if (style % 4 === 0) return null;
  if (style % 4 === 1) return Math.round(r * 1000) / 1000;
  return `${(r * 100).toFixed(1)}%`;
}

function workSheet(wb: ExcelJS.Workbook, opts: TownshipOptions, random: () => number): void {
  const ws = wb.addWorksheet('支部工作台账');
  const year = opts.months[0]!.slice(0, 4);
  const quarterly = opts.months.length === 3;
  const label = quarterly ? `${year}年第${'一二三四'[q(opts.months[0]!) - 1]}季度` : `${year}年`;
  const widths = [6, 20, 8, 8, 9, 8, 8, 9, 8, 8, 9, 16];
  titleRow(ws, `${label}各党支部承诺践诺、为民服务、矛盾纠纷化解情况统计表`, widths.length);
  ws.addRow(['单位：项、件', ...Array(10).fill(null), `统计时间：${label}`]);
  const top = ['序号', '支部名称', '承诺践诺', null, null, '为民服务', null, null, '矛盾纠纷化解', null, null, '备注'];
  const bottom = [null, null, '承诺数', '完成数', '完成率', '受理数', '办结数', '办结率', '排查数', '化解数', '化解率', null];
  headerRow(ws, top as string[]);
  headerRow(ws, bottom as string[]);
  const h = ws.rowCount;
  ws.mergeCells(h - 1, 1, h, 1);
  ws.mergeCells(h - 1, 2, h, 2);
  ws.mergeCells(h - 1, 3, h - 1, 5);
  ws.mergeCells(h - 1, 6, h - 1, 8);
  ws.mergeCells(h - 1, 9, h - 1, 11);
  ws.mergeCells(h - 1, 12, h, 12);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const totals: WorkCounts = { promised: 0, fulfilled: 0, received: 0, closed: 0, disputes: 0, resolved: 0 };
  opts.branches.forEach((plan, i) => {
    const style = Math.floor(random() * 1000);
    let c = workOf(plan, random, opts.months.length);
    let statedCommit: ExcelJS.CellValue = statedRate(c.fulfilled, c.promised, style);
    let note: string | null = null;
    if (plan.name === '镇区第一社区党支部') {
      // Seed 000's figures: 97 commitments, 78 fulfilled, reported as 93.8%.
      c = { ...c, promised: 97, fulfilled: 78 };
      statedCommit = '93.8%';
    }
    if (plan.name === '镇机关党支部') {
      c = { ...c, disputes: 0, resolved: 0 };
      note = '机关支部无矛盾纠纷排查任务';
    }
    // The work table often names the village, not the branch: 巴彦嘎查 for 巴彦嘎查党支部.
    const name = style % 3 === 0 || plan.name === '巴彦嘎查党支部' ? plan.name.replace(/党支部$/, '') : plan.name;
    ws.addRow([
      i + 1,
      name,
      c.promised,
      c.fulfilled,
      statedCommit,
      c.received,
      c.closed,
      statedRate(c.closed, c.received, style >> 2),
      c.disputes,
      c.resolved,
      c.disputes === 0 ? '—' : statedRate(c.resolved, c.disputes, style >> 4),
      note,
    ]);
    for (const k of Object.keys(totals) as (keyof WorkCounts)[]) totals[k] += c[k];
  });
  ws.addRow(['合计', null, totals.promised, totals.fulfilled, `${((totals.fulfilled / totals.promised) * 100).toFixed(1)}%`, totals.received, totals.closed, `${((totals.closed / totals.received) * 100).toFixed(1)}%`, totals.disputes, totals.resolved, `${((totals.resolved / totals.disputes) * 100).toFixed(1)}%`]);
  ws.addRow(['填表人：赵敏', null, null, null, null, null, '审核人：苏和']);
  for (let r = h + 1; r <= ws.rowCount; r++) for (const col of [5, 8, 11]) if (typeof ws.getCell(r, col).value === 'number') ws.getCell(r, col).numFmt = '0.0%';
}

function cadreSheet(wb: ExcelJS.Workbook, opts: TownshipOptions, month: string, random: () => number): void {
  const m = Number(month.slice(5));
  const ws = wb.addWorksheet(`${m}月驻村台账`);
  const top = ['序号', '干部姓名', '所驻嘎查', '下基层天数', '联系户数', '入户数', '五个一', null, null, null, null, '承诺数', '完成数', '领导评分', '群众测评', '备注'];
  const bottom = [null, null, null, null, null, null, '一事一议', '合作社', '党员中心户', '致富能手', '贫困户', null, null, null, null, null];
  titleRow(ws, `${opts.township}驻嘎查干部${month.slice(0, 4)}年${m}月工作台账`, top.length);
  ws.addRow(['填报单位（盖章）：', null, null, null, null, null, null, null, null, null, null, null, null, '单位：天、户']);
  headerRow(ws, top as string[]);
  headerRow(ws, bottom as string[]);
  const h = ws.rowCount;
  for (const col of [1, 2, 3, 4, 5, 6, 12, 13, 14, 15, 16]) ws.mergeCells(h - 1, col, h, col);
  ws.mergeCells(h - 1, 7, h - 1, 11);
  [6, 10, 12, 10, 9, 8, 8, 8, 10, 9, 8, 8, 8, 9, 9, 14].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  let n = 0;
  opts.branches.forEach((plan, index) => {
    if (!plan.cadre) return;
    n++;
    const failing = has(plan, 'failingCadre');
    const style = Math.floor(random() * 1000);
    const households = 20 + Math.floor(random() * 30);
    const days = failing ? 4 + Math.floor(random() * 3) : 10 + Math.floor(random() * 8);
    const visits = failing ? Math.floor(households * 0.05) : Math.ceil(households * (0.2 + random() * 0.3));
    // One clerk keeps the ledger: a village is written the same way every month.
    const village = plan.name.replace(/党支部$/, '');
    const written = opts.misspelt?.[0] === plan.name ? opts.misspelt[1] : village === '巴彦嘎查' ? '巴彥' : index % 3 === 0 ? village : village.replace(/嘎查$/, '');
    const mark = (ok: boolean) => (ok ? (style % 2 ? '√' : '是') : style % 2 ? '×' : '否');
    const five = [0, 1, 2, 3, 4].map((k) => mark(failing ? k < 2 : random() < 0.95));
    const promised = 3 + Math.floor(random() * 5);
    const fulfilled = failing ? Math.floor(promised / 2) : promised - (random() < 0.3 ? 1 : 0);
    ws.addRow([n, plan.cadre.length === 2 && style % 5 === 0 ? `${plan.cadre[0]}  ${plan.cadre[1]}` : plan.cadre, written, style % 11 === 0 ? `${days}天` : days, households, visits, ...five, promised, fulfilled, failing ? 62 : 80 + Math.floor(random() * 18), failing ? 58 : 82 + Math.floor(random() * 16), null]);
  });
  ws.addRow(['合计', null, `${n}人`]);
}

function instructionsSheet(wb: ExcelJS.Workbook, opts: TownshipOptions): void {
  const ws = wb.addWorksheet('填表说明');
  ws.getColumn(1).width = 100;
  for (const line of [
    `${opts.township}党建工作台账填表说明`,
    '一、“三会一课记录”按会议逐条登记，支部名称、会议类型、召开时间、应到和实到人数必须填写；单独建表的支部在本支部工作表中登记。',
    '二、会议类型填写：支部党员大会、支委会、党小组会、党课、主题党日、组织生活会；合并召开的写“支部党员大会暨党课”。',
    '三、“支部工作台账”每季度填报一次，完成率、办结率、化解率按“完成数÷承诺数”等公式计算，保留一位小数。',
    '四、驻村干部台账每月5日前报送上月情况，下基层天数以考勤记录为准。',
    '五、各台账中支部名称写法不一致、系统对应不上时，新建“支部名称对照”表，填写“台账中的写法”和“对应支部”两列。',
    '六、本工作簿由镇党委组织办汇总，各支部不得更改其他支部数据。',
  ]) ws.addRow([line]);
  ws.getRow(1).font = { bold: true, size: 14 };
}

/**
 * The whole workbook: instructions, meeting records, the work table, the cadre
 * ledgers, and with `more` the other assessments' ledgers after them.
 */
export function townshipWorkbook(opts: TownshipOptions): ExcelJS.Workbook {
  const random = rng(opts.seed);
  const wb = new ExcelJS.Workbook();
  const at = new Date(Date.UTC(2024, 6, 5, 9, 0, 0));
  wb.creator = `${opts.township}党委组织办`;
  wb.lastModifiedBy = `${opts.township}党委组织办`;
  wb.created = at;
  wb.modified = at;
  instructionsSheet(wb, opts);
  const own = new Set(opts.ownSheets);
  const longRows: MeetingRow[] = [];
  const ownRows = new Map<string, MeetingRow[]>();
  for (const plan of opts.branches) {
    const rows = meetingsOf(plan, opts.months, random);
    if (own.has(plan.name)) ownRows.set(plan.name, rows);
    else longRows.push(...rows);
  }
  // Two meetings entered twice, as happens when two people keep the ledger.
  for (const i of [3, Math.floor(longRows.length / 2)]) {
    const r = longRows[i];
    if (r) longRows.splice(i + 1, 0, { ...r, duplicate: true });
  }
  if (longRows.length > 10) longRows.splice(10, 0, { ...longRows[9]!, type: '民情恳谈会', topic: '听取牧民意见' });
  const more = opts.more ? moreLedgers(opts, opts.more.seed) : undefined;
  longMeetingSheet(wb, opts, longRows, random, more?.meetings);
  for (const [branch, rows] of ownRows) ownMeetingSheet(wb, branch, rows, random);
  workSheet(wb, opts, random);
  for (const month of opts.cadreMonths) cadreSheet(wb, opts, month, random);
  more?.addSheets(wb);
  return wb;
}
