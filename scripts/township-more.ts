import type ExcelJS from 'exceljs';
import { rng } from './random';
import { dateCell, headerRow, titleRow } from './sheet-cells';
import type { BranchPlan, MeetingRow, Problem, TownshipOptions } from './township';

/**
 * The example township's ledgers for the assessments beyond the stationed-cadre
 * and branch packs: 党员中心户 rated every quarter (seed 003: the bottom 20% are
 * adjusted), the village cadres' annual target assessment on six aspects tied
 * to pay (seed 004), and what the branch risk criteria read (软弱涣散: the
 * secretary post vacant over three months, satisfaction below 60%, no one
 * developed for two years, 组织生活会 and 民主评议党员 not held). Each part
 * draws from its own generator, so changing one leaves the others as they are;
 * the mess is placed on purpose, as in township.ts.
 */

export interface AnnualMeetings {
  rows: MeetingRow[];
  /** Styles the rows (date format, name variant) as the long meeting ledger's own rows are. */
  random: () => number;
}

const MONGOLIAN = [
  '巴图', '朝鲁门', '乌力吉', '萨仁', '其木格', '阿拉坦仓', '巴雅尔', '宝音', '毕力格', '达来', '额日和木', '呼和', '吉日嘎拉',
  '满达', '那顺', '诺敏', '青格乐', '塔娜', '乌云', '苏布达', '特木尔', '图门', '阿木古楞', '哈斯', '格日勒', '金花', '斯日古楞',
  '道尔吉', '布和', '朝格图', '德力格尔', '敖登', '呼日乐', '萨出拉', '乌恩', '孟克', '宝力道', '希吉日', '阿如娜', '哈斯巴根',
  '斯琴高娃', '额尔敦巴雅尔', '苏日娜', '额尔敦毕力格', '查干', '乌日根', '锡林', '牧仁', '那木拉', '通拉嘎',
];
const SURNAMES = ['王', '李', '张', '刘', '杨', '孙', '马', '周', '郭', '田', '徐', '何', '宋', '贾', '包', '白'];
const GIVEN = ['德明', '春梅', '国华', '永胜', '秀英', '志强', '玉兰', '建国', '丽娟', '有福', '海燕', '振东', '晓东', '红梅', '文博', '佳琪', '宇航', '雅静', '桂兰', '振华', '瑞峰', '凤英', '玉春', '占军', '慧敏', '树林', '金凤', '永刚'];

const has = (plan: BranchPlan, p: Problem) => plan.problems.includes(p);
const village = (plan: BranchPlan) => plan.name.replace(/党支部$/, '');
const isVillage = (plan: BranchPlan) => plan.name.endsWith('嘎查党支部');
const vacancy = (plan: BranchPlan) => plan.problems.find((p) => p.startsWith('secretaryVacant:'))?.slice('secretaryVacant:'.length);
const half = (n: number) => Math.round(n * 2) / 2;
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Party members' names, each drawn once and none a stationed cadre's. */
function namePool(random: () => number, taken: Set<string>): () => string {
  const used = new Set(taken);
  return () => {
    for (;;) {
      const name = random() < 0.7 ? MONGOLIAN[Math.floor(random() * MONGOLIAN.length)]! : `${SURNAMES[Math.floor(random() * SURNAMES.length)]}${GIVEN[Math.floor(random() * GIVEN.length)]}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}

function shuffled<T>(list: T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** 组织生活会 and 民主评议党员 in the quarter's last two months, often held as one meeting. */
function annualMeetings(opts: TownshipOptions, random: () => number): MeetingRow[] {
  const rows: MeetingRow[] = [];
  const late = opts.months.slice(-2);
  for (const plan of opts.branches) {
    if (has(plan, 'noAnnualMeetings')) continue;
    const month = late[random() < 0.7 ? late.length - 1 : 0]!;
    const day = 18 + Math.floor(random() * 8);
    const attend = () => ({ expected: plan.members, present: Math.min(plan.members, Math.round(plan.members * (0.84 + random() * 0.16))) });
    if (random() < 0.4) {
      rows.push({ branch: plan.name, type: '组织生活会暨民主评议党员', date: `${month}-${day}`, ...attend(), topic: '党纪学习教育专题组织生活会，评定党员等次' });
      continue;
    }
    rows.push({ branch: plan.name, type: random() < 0.5 ? '组织生活会' : '专题组织生活会', date: `${month}-${day}`, ...attend(), topic: random() < 0.5 ? '党纪学习教育专题组织生活会' : '对照检查，开展批评和自我批评' });
    rows.push({ branch: plan.name, type: random() < 0.7 ? '民主评议党员' : '民主评议', date: `${month}-${day + 1 + Math.floor(random() * 4)}`, ...attend(), topic: '民主评议党员，评定等次' });
  }
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}

interface Household {
  name: string;
  plan: BranchPlan;
}

const HOUSEHOLD_HEADER = ['序号', '姓名', '所在嘎查（支部）', '民主测评得分', '政策宣传（次）', '帮代办服务（件）', '征求意见（条）', '调解纠纷（起）', '备注'];

/** One quarter's ratings and work counts; a lower rating goes with less work done. */
function householdRows(households: Household[], ratings: (number | string)[], random: () => number, written: (plan: BranchPlan) => string): ExcelJS.CellValue[][] {
  return households.map((h, i) => {
    const rating = ratings[i]!;
    const zeal = typeof rating === 'number' ? (rating - 60) / 38 : 0.5;
    const count = (most: number) => Math.min(most, Math.floor(random() * (most + 1) * (0.4 + zeal * 0.8)));
    return [i + 1, h.name, written(h.plan), rating, count(8), count(8), count(6), count(3), null];
  });
}

/** Two quarters of 党员中心户 ratings: a tie at the bottom in one, a rating missing in the other, 合计 and a traditional header. */
function householdSheets(wb: ExcelJS.Workbook, opts: TownshipOptions, households: Household[], random: () => number): void {
  const widths = [6, 10, 18, 12, 12, 14, 12, 12, 18];
  const year = opts.months[0]!.slice(0, 4);

  const q1 = wb.addWorksheet('一季度中心户测评');
  titleRow(q1, `${opts.township}${year}年第一季度党员中心户测评表`, widths.length);
  q1.addRow(['填报单位：镇党委组织办', null, null, null, null, null, null, null, `测评时间：${year}年3月28日`]);
  headerRow(q1, HOUSEHOLD_HEADER);
  widths.forEach((w, i) => (q1.getColumn(i + 1).width = w));
  const first = households.map(() => half(72 + random() * 26));
  const [lowA, lowB] = shuffled(households.map((_, i) => i), random);
  first[lowA!] = 65;
  first[lowB!] = 65;
  const rows1 = householdRows(households, first, random, village);
  for (const r of rows1) q1.addRow(r);
  const sum = (col: number) => rows1.reduce((n, r) => n + (r[col] as number), 0);
  q1.addRow(['合计', null, `${households.length}户`, null, sum(4), sum(5), sum(6), sum(7), null]);

  const q2 = wb.addWorksheet(`${year}年第二季度党员中心户测评`);
  titleRow(q2, `${opts.township}党员中心户民主测评及履职情况统计表`, widths.length);
  headerRow(q2, HOUSEHOLD_HEADER.map((h) => (h === '政策宣传（次）' ? '政策宣傳（次）' : h)));
  widths.forEach((w, i) => (q2.getColumn(i + 1).width = w));
  const second: (number | string)[] = households.map(() => half(70 + random() * 28));
  const [bottom, unknown] = shuffled(households.map((_, i) => i), random);
  second[bottom!] = 62;
  second[unknown!] = '不详';
  const rows2 = householdRows(households, second, random, (plan) => plan.name);
  rows2[unknown!]![8] = '外出放牧，未参加测评';
  for (const r of rows2) q2.addRow(r);
}

const ASPECTS = ['党建工作（25分）', '经济发展（20分）', '民生实事（15分）', '平安稳定（15分）', '生态环境（10分）', '群众满意度（15分）'];
const MAX = [25, 20, 15, 15, 10, 15];
/**
 * The totals the cadres' six aspects add up to: six of sixteen at 90 or more,
 * three of them tied at 92 where a 20% or 25% quota on 优秀 cuts.
 */
const TOTALS = [96, 94, 92, 92, 92, 90.5, 88, 87.5, 86, 84, 83, 81.5, 79, 76, 72.5, 68];
const VETOED = 88;
const OVER_MAX = 84;

/** Moves `diff` points (a multiple of 0.5) across the aspects but `keep`, each within 0 and its maximum. */
function shift(scores: number[], diff: number, keep = -1): void {
  for (let i = 0; diff !== 0; i = (i + 1) % scores.length) {
    if (i === keep) continue;
    const step = diff > 0 ? Math.min(diff, 0.5, MAX[i]! - scores[i]!) : Math.max(diff, -0.5, -scores[i]!);
    scores[i] = scores[i]! + step;
    diff -= step;
  }
}

/** Six aspect scores adding up to `total`, the points lost spread unevenly. */
function aspects(total: number, random: () => number): number[] {
  const weights = MAX.map((m) => m * (0.3 + random()));
  const all = weights.reduce((a, b) => a + b, 0);
  const scores = MAX.map((m, i) => Math.max(0, m - half(((100 - total) * weights[i]!) / all)));
  shift(scores, total - scores.reduce((a, b) => a + b, 0));
  return scores;
}

interface Post {
  title: string;
  pay: number;
  secretary?: boolean;
}
const SECRETARY: Post = { title: '党支部书记', pay: 30000, secretary: true };
const BOTH: Post = { title: '党支部书记、嘎查委员会主任', pay: 30000, secretary: true };
const HEAD: Post = { title: '嘎查委员会主任', pay: 24000 };
const MEMBER: Post = { title: '嘎查委员会委员', pay: 18000 };
const POSTS: Post[][] = [[SECRETARY, HEAD, MEMBER], [BOTH, MEMBER], [SECRETARY, HEAD, MEMBER], [SECRETARY, HEAD], [SECRETARY, HEAD, { ...MEMBER, title: '支部委员' }], [SECRETARY, HEAD, MEMBER]];

/** The annual target assessment of 嘎查“两委” cadres: a two-row header, one aspect over its maximum, one veto. */
function villageCadreSheet(wb: ExcelJS.Workbook, opts: TownshipOptions, secretaries: Map<string, string>, name: () => string, random: () => number): void {
  const year = opts.months[0]!.slice(0, 4);
  const ws = wb.addWorksheet(`${year}年度村干部考评`);
  const widths = [6, 12, 14, 24, 10, 10, 10, 10, 10, 11, 22, 14];
  titleRow(ws, `${year}年度嘎查“两委”干部目标考核评分表`, widths.length);
  ws.addRow([`考核单位：${opts.township}党委`, null, null, null, null, null, null, null, null, null, null, '单位：分、元']);
  headerRow(ws, ['序号', '姓名', '所在嘎查', '职务', '考核得分', null, null, null, null, null, '一票否决事项', '基本绩效报酬（元）']);
  headerRow(ws, [null, null, null, null, ...ASPECTS, null, null]);
  const h = ws.rowCount;
  for (const col of [1, 2, 3, 4, 11, 12]) ws.mergeCells(h - 1, col, h, col);
  ws.mergeCells(h - 1, 5, h - 1, 10);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const villages = shuffled(opts.branches.filter((p) => isVillage(p) && !vacancy(p)), random).slice(0, POSTS.length);
  villages.sort((a, b) => opts.branches.indexOf(a) - opts.branches.indexOf(b));
  const cadres = villages.flatMap((plan, i) => POSTS[i]!.map((post) => ({ plan, post })));
  const totals = shuffled(TOTALS, random);
  let memberPay = 0;
  cadres.forEach(({ plan, post }, i) => {
    const total = totals[i]!;
    const scores = aspects(total, random);
    const written: ExcelJS.CellValue[] = [...scores];
    if (total === OVER_MAX) {
      // Written 27 of 25: capped, the aspects still add up to the total.
      const gain = 25 - scores[0]!;
      scores[0] = 25;
      shift(scores, -gain, 0);
      written.splice(0, 6, 27, ...scores.slice(1));
    }
    const veto = total === VETOED ? '发生重大安全生产事故' : random() < 0.6 ? '无' : null;
    const pay: ExcelJS.CellValue = post.pay === 18000 && memberPay++ === 1 ? '18000元' : post.pay;
    ws.addRow([i + 1, post.secretary ? secretaries.get(plan.name)! : name(), village(plan), post.title, ...written, veto, pay]);
  });
  ws.addRow(['备注：基本绩效报酬按考核等次核定发放，优秀比例不超过参考人数的20%。']);
  ws.mergeCells(ws.rowCount, 1, ws.rowCount, widths.length);
}

/** Each branch's secretary and members; one post vacant since before the quarter (空缺), one since within it (left blank). */
function branchInfoSheet(wb: ExcelJS.Workbook, opts: TownshipOptions, secretaries: Map<string, string>): void {
  const ws = wb.addWorksheet('支部基本情况');
  const end = opts.months.at(-1)!;
  const widths = [6, 22, 12, 16, 10, 30];
  titleRow(ws, `${opts.township}党支部基本情况统计表（截至${end.slice(0, 4)}年${Number(end.slice(5))}月底）`, widths.length);
  headerRow(ws, ['序号', '支部名称', '书记姓名', '书记空缺时间', '党员人数', '备注']);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  opts.branches.forEach((plan, i) => {
    const since = vacancy(plan);
    if (!since) {
      ws.addRow([i + 1, plan.name, secretaries.get(plan.name)!, null, plan.members, null]);
      return;
    }
    const [y, m, d] = since.split('-').map(Number) as [number, number, number];
    const before = since < `${opts.months[0]!}-01`;
    const note = before ? `原书记${y}年${m}月调任，由嘎查委员会主任主持工作` : `原书记${m}月辞职，待补选`;
    ws.addRow([i + 1, plan.name, before ? '空缺' : null, before ? new Date(Date.UTC(y, m - 1, d)) : `${y}年${m}月${d}日`, plan.members, note]);
    if (before) ws.getCell(ws.rowCount, 4).numFmt = 'yyyy-mm-dd';
  });
  ws.addRow(['合计', `${opts.branches.length}个支部`, null, null, opts.branches.reduce((n, p) => n + p.members, 0), null]);
}

/** The quarter's satisfaction ratings: one branch below 60%, one row giving only the rate. */
function satisfactionSheet(wb: ExcelJS.Workbook, opts: TownshipOptions, random: () => number): void {
  const ws = wb.addWorksheet('群众满意度测评');
  const end = opts.months.at(-1)!;
  const [y, m] = end.split('-').map(Number) as [number, number];
  const widths = [6, 22, 14, 10, 10, 10];
  titleRow(ws, `${y}年第${'一二三四'[Math.ceil(m / 3) - 1]}季度各党支部群众满意度测评结果`, widths.length);
  headerRow(ws, ['序号', '支部名称', '测评时间', '参评人数', '满意人数', '满意度']);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  opts.branches.forEach((plan, i) => {
    const style = Math.floor(random() * 1000);
    const name = style % 3 === 0 ? village(plan) : plan.name;
    const when = style % 4 === 0 ? dateCell(iso(y, m, 10 + (style % 15)), style >> 2, false) : `${y}年${m}月`;
    if (i === opts.branches.length - 1) {
      ws.addRow([i + 1, name, when, null, null, '96.5%']);
      return;
    }
    const rated = has(plan, 'satisfactionLow') ? 58 : 30 + Math.floor(random() * 40);
    const satisfied = has(plan, 'satisfactionLow') ? 31 : Math.round(rated * (0.82 + random() * 0.17));
    const rate = satisfied / rated;
    ws.addRow([i + 1, name, when, rated, satisfied, style % 2 ? Math.round(rate * 1000) / 1000 : `${(rate * 100).toFixed(1)}%`]);
    if (style % 2) ws.getCell(ws.rowCount, 6).numFmt = '0.0%';
  });
}

const STAGES = ['入党积极分子', '发展对象', '预备党员'];

/** Who each branch is developing, 2022 to the quarter's end; one branch has no one since 2021. */
function developmentSheet(wb: ExcelJS.Workbook, opts: TownshipOptions, name: () => string, random: () => number): void {
  const ws = wb.addWorksheet('发展党员情况');
  const endYear = Number(opts.months.at(-1)!.slice(0, 4));
  const endMonth = Number(opts.months.at(-1)!.slice(5));
  const widths = [6, 22, 12, 14, 14, 24];
  titleRow(ws, `${opts.township}${endYear - 2}—${endYear}年发展党员情况登记表`, widths.length);
  headerRow(ws, ['序号', '支部名称', '姓名', '发展阶段', '确定时间', '备注']);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  let n = 0;
  const add = (plan: BranchPlan, stage: string, date: string, note: string | null) => {
    const style = Math.floor(random() * 1000);
    ws.addRow([++n, style % 4 === 0 ? village(plan) : plan.name, name(), stage, dateCell(date, style >> 2, false), note]);
  };
  for (const plan of opts.branches) {
    if (has(plan, 'noCandidates')) {
      add(plan, '预备党员', `${endYear - 3}-06-28`, `${endYear - 2}年6月已转正`);
      continue;
    }
    const people = 1 + Math.floor(random() * 3);
    for (let k = 0; k < people; k++) {
      // The first is recent, so every other branch has someone within the last two years.
      const months = k === 0 ? 18 : 30;
      const back = Math.floor(random() * months);
      const total = endYear * 12 + endMonth - 1 - back;
      const date = iso(Math.floor(total / 12), (total % 12) + 1, 1 + Math.floor(random() * 28));
      const stage = STAGES[Math.floor(random() * STAGES.length)]!;
      add(plan, stage, date, stage === '预备党员' && random() < 0.5 ? '预备期一年' : null);
    }
  }
}

/**
 * The annual meetings the long meeting ledger appends, and the sheets that
 * come after the township's own: each part from its own generator.
 */
export function moreLedgers(opts: TownshipOptions, seed: number): { meetings: AnnualMeetings; addSheets: (wb: ExcelJS.Workbook) => void } {
  const meetings = { rows: annualMeetings(opts, rng(seed)), random: rng(seed + 1) };
  const names = namePool(rng(seed + 2), new Set([...opts.branches.flatMap((p) => (p.cadre ? [p.cadre] : [])), '王丽']));
  const secretaries = new Map(opts.branches.filter((p) => !vacancy(p)).map((p) => [p.name, names()]));
  const addSheets = (wb: ExcelJS.Workbook) => {
    const households = shuffled(opts.branches.filter(isVillage), rng(seed + 3))
      .slice(0, 12)
      .sort((a, b) => opts.branches.indexOf(a) - opts.branches.indexOf(b))
      .map((plan) => ({ name: names(), plan }));
    householdSheets(wb, opts, households, rng(seed + 4));
    villageCadreSheet(wb, opts, secretaries, names, rng(seed + 5));
    branchInfoSheet(wb, opts, secretaries);
    satisfactionSheet(wb, opts, rng(seed + 6));
    developmentSheet(wb, opts, names, rng(seed + 7));
  };
  return { meetings, addSheets };
}
