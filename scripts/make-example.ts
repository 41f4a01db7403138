/**
 * Writes examples/驻村干部台账示例.xlsx: a township's stationed-cadre ledger for
 * April to June 2024 as staff really keep it, one sheet per month, each month a
 * little differently laid out, with the mess the reader must cope with. The
 * data come from a seeded generator plus hand-placed oddities, so the file is
 * the same byte for byte on every run.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { rng } from './random';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples', '驻村干部台账示例.xlsx');
const TOWNSHIP = '某某苏木';
/** The day the file pretends to have been saved: after the June ledger was filed. */
const SAVED = new Date(Date.UTC(2024, 6, 5, 9, 30, 0));

/** Seeded, so "random" data are the same every run. */
function seeded(seed: number) {
  const next = rng(seed);
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}

type Tier = 'A' | 'B' | 'C' | 'D' | 'E';
type Month = 4 | 5 | 6;

interface Cadre {
  name: string;
  village: string;
  post: string;
  tier: Tier;
  months: Month[];
}

const EAST = ['宝力格嘎查', '额很嘎查', '巴彦宝力格嘎查', '哈日诺尔嘎查', '乌兰哈达嘎查', '查干淖尔嘎查'];
const WEST = ['希日塔拉嘎查', '阿拉坦嘎查', '额尔敦嘎查', '呼和陶勒盖嘎查', '锡林嘎查', '图门嘎查'];
const ALL: Month[] = [4, 5, 6];

const CADRES: Cadre[] = [
  { name: '巴特尔', village: '宝力格嘎查', post: '第一书记', tier: 'A', months: ALL },
  { name: '张伟', village: '宝力格嘎查', post: '工作队员', tier: 'B', months: ALL },
  { name: '何建军', village: '宝力格嘎查', post: '工作队员', tier: 'D', months: [4, 5] },
  { name: '其木格', village: '额很嘎查', post: '第一书记', tier: 'A', months: ALL },
  { name: '李志强', village: '额很嘎查', post: '工作队员', tier: 'C', months: ALL },
  { name: '白音仓', village: '额很嘎查', post: '工作队员', tier: 'C', months: [5, 6] },
  { name: '乌日娜', village: '巴彦宝力格嘎查', post: '第一书记', tier: 'B', months: ALL },
  { name: '王芳', village: '巴彦宝力格嘎查', post: '工作队员', tier: 'B', months: ALL },
  { name: '朝鲁', village: '哈日诺尔嘎查', post: '工作队员', tier: 'D', months: ALL },
  { name: '刘凤英', village: '哈日诺尔嘎查', post: '第一书记', tier: 'B', months: ALL },
  { name: '苏日娜', village: '乌兰哈达嘎查', post: '第一书记', tier: 'A', months: ALL },
  { name: '赵晓东', village: '乌兰哈达嘎查', post: '工作队员', tier: 'C', months: ALL },
  { name: '刘洋', village: '乌兰哈达嘎查', post: '工作队员', tier: 'B', months: [6] },
  { name: '孟和', village: '查干淖尔嘎查', post: '工作队员', tier: 'E', months: ALL },
  { name: '陈立新', village: '查干淖尔嘎查', post: '第一书记', tier: 'B', months: ALL },
  { name: '娜仁花', village: '希日塔拉嘎查', post: '第一书记', tier: 'B', months: ALL },
  { name: '高晓峰', village: '希日塔拉嘎查', post: '工作队员', tier: 'C', months: ALL },
  { name: '斯琴', village: '阿拉坦嘎查', post: '第一书记', tier: 'A', months: ALL },
  { name: '韩雪梅', village: '阿拉坦嘎查', post: '工作队员', tier: 'B', months: ALL },
  { name: '宝音', village: '额尔敦嘎查', post: '第一书记', tier: 'C', months: ALL },
  { name: '杨春生', village: '额尔敦嘎查', post: '工作队员', tier: 'D', months: ALL },
  { name: '敖特根', village: '呼和陶勒盖嘎查', post: '第一书记', tier: 'B', months: ALL },
  { name: '吴桂兰', village: '呼和陶勒盖嘎查', post: '工作队员', tier: 'C', months: ALL },
  { name: '萨仁', village: '锡林嘎查', post: '第一书记', tier: 'B', months: ALL },
  { name: '孙国栋', village: '锡林嘎查', post: '工作队员', tier: 'E', months: ALL },
  { name: '图雅', village: '图门嘎查', post: '第一书记', tier: 'A', months: ALL },
  { name: '周丽娟', village: '图门嘎查', post: '工作队员', tier: 'C', months: ALL },
  { name: '额尔德木图', village: '图门嘎查', post: '工作队员', tier: 'B', months: ALL },
];

/** What each tier of cadre tends to do in a month: ranges and chances. */
const TIERS: Record<Tier, { days: [number, number]; rate: [number, number]; done: number; kept: [number, number]; leader: [number, number]; people: [number, number] }> = {
  A: { days: [12, 22], rate: [0.25, 0.55], done: 0.95, kept: [0.9, 1], leader: [88, 98], people: [86, 98] },
  B: { days: [10, 18], rate: [0.2, 0.4], done: 0.78, kept: [0.75, 1], leader: [80, 92], people: [78, 94] },
  C: { days: [9, 15], rate: [0.15, 0.3], done: 0.7, kept: [0.6, 0.9], leader: [74, 86], people: [72, 88] },
  D: { days: [8, 12], rate: [0.12, 0.24], done: 0.6, kept: [0.6, 0.9], leader: [68, 80], people: [65, 82] },
  E: { days: [4, 9], rate: [0.05, 0.15], done: 0.35, kept: [0.3, 0.7], leader: [60, 72], people: [55, 75] },
};

interface MonthRecord {
  days: number;
  households: number;
  visits: number;
  fiveOnes: [boolean, boolean, boolean, boolean, boolean];
  promised: number;
  fulfilled: number;
  leader: number;
  people: number;
}

function generate(rand: ReturnType<typeof seeded>, tier: Tier): MonthRecord {
  const t = TIERS[tier];
  const households = rand.int(3, 9) * 5;
  const rate = t.rate[0] + rand.next() * (t.rate[1] - t.rate[0]);
  const promised = rand.int(3, 10);
  const kept = t.kept[0] + rand.next() * (t.kept[1] - t.kept[0]);
  return {
    days: rand.int(...t.days),
    households,
    visits: Math.round(households * rate),
    fiveOnes: [0, 1, 2, 3, 4].map(() => rand.chance(t.done)) as MonthRecord['fiveOnes'],
    promised,
    fulfilled: Math.min(promised, Math.round(promised * kept)),
    leader: rand.int(...t.leader),
    people: rand.int(...t.people),
  };
}

type Cell = string | number | null;
type Column = 'no' | 'name' | 'post' | 'village' | 'days' | 'households' | 'visits' | 'project' | 'cooperative' | 'central' | 'earner' | 'poor' | 'promised' | 'fulfilled' | 'leader' | 'people' | 'note' | 'contact';
const FIVE: Column[] = ['project', 'cooperative', 'central', 'earner', 'poor'];

/** Cells a month's sheet writes differently from the generated value: the hand-placed mess. */
type Overrides = Record<string, Partial<Record<Column, Cell>>>;

interface MonthSheet {
  month: Month;
  name: string;
  title: string;
  meta: string[];
  columns: Column[];
  /** One header row, or a group row above the column labels. */
  header: Partial<Record<Column, string>>;
  groups?: { label: string; from: Column; to: Column }[];
  /** How a done / not done item is marked this month. */
  yes: readonly Cell[];
  no: readonly Cell[];
  villageStyle: 'merge' | 'ditto' | 'repeat';
  /** A 小计 row after the east zone. */
  zoneSubtotals: boolean;
  overrides: Overrides;
  /** Cells typed as a percentage (96%), which the spreadsheet stores as 0.96 with a percent format. */
  percentCells?: Partial<Record<string, Column>>;
  /** How a cadre's name is typed in this month's sheet, when not plainly. */
  typedNames: Record<string, string>;
}

const SHEETS: MonthSheet[] = [
  {
    month: 4,
    name: '2024年4月驻村干部台账',
    title: `${TOWNSHIP}驻嘎查干部工作台账`,
    // The filing date is May's: the month must come from the sheet name, not from here.
    meta: [`填报单位（盖章）：${TOWNSHIP}党委组织办　　　　填报人：乌云　　　　填报日期：2024年5月6日`],
    columns: ['no', 'name', 'post', 'village', 'days', 'households', 'visits', 'project', 'cooperative', 'central', 'earner', 'poor', 'promised', 'fulfilled', 'leader', 'people', 'contact', 'note'],
    header: {
      no: '序号', name: '姓名', post: '职务', village: '所驻嘎查', days: '下基层天数（天）', households: '联系户数（户）', visits: '入户数（户）',
      project: '一事一议项目', cooperative: '经济合作社', central: '联系党员中心户', earner: '带领致富能手', poor: '帮扶贫困户',
      promised: '承诺事项数', fulfilled: '已完成数', leader: '领导评分', people: '群众测评', contact: '包联领导', note: '备注',
    },
    yes: ['√', '√', '√', '是'],
    no: ['×', '×', '否'],
    villageStyle: 'merge',
    zoneSubtotals: false,
    overrides: {
      李志强: { days: '不详', note: '考勤表未报' },
      孟和: { days: '3天', note: '4月病假' },
      苏日娜: { days: '１８', households: '４０' },
      陈立新: { leader: '88分', people: '92分' },
      乌日娜: { people: '96%' },
      朝鲁: { note: '4月参加旗委党校培训一周' },
    },
    typedNames: { 张伟: '张  伟', 其木格: ' 其木格 ' },
  },
  {
    month: 5,
    name: '5月台账',
    title: `${TOWNSHIP}驻嘎查干部工作台账（2024年5月）`,
    meta: [`填报单位（盖章）：${TOWNSHIP}党委`, '单位：天、户、件'],
    columns: ['no', 'name', 'village', 'days', 'households', 'visits', 'project', 'cooperative', 'central', 'earner', 'poor', 'promised', 'fulfilled', 'leader', 'people', 'note'],
    header: {
      no: '序号', name: '干部姓名', village: '所驻嘎查', days: '下基层天数', households: '联系户数', visits: '入户数',
      project: '一事一议', cooperative: '合作社', central: '党员中心户', earner: '致富能手', poor: '贫困户',
      promised: '承诺数', fulfilled: '完成数', leader: '领导评分', people: '群众测评', note: '备注',
    },
    groups: [
      { label: '入户情况', from: 'households', to: 'visits' },
      { label: '五个一', from: 'project', to: 'poor' },
      { label: '承诺践诺', from: 'promised', to: 'fulfilled' },
      { label: '双评', from: 'leader', to: 'people' },
    ],
    yes: ['是', '是', '有', '√', 1],
    no: ['否', '无', '×', 0],
    villageStyle: 'ditto',
    zoneSubtotals: true,
    overrides: {
      // Arrived on 20 May: no households assigned yet.
      白音仓: { days: 8, households: 0, visits: 0, note: '5月20日到岗，尚未分配联系户' },
      赵晓东: { visits: '不详' },
      王芳: { days: '１２', visits: '8户' },
      斯琴: { leader: '95分', people: '96%' },
      杨春生: { promised: '—', fulfilled: '—', note: '本月未作承诺' },
    },
    typedNames: { 王芳: '王　芳', 敖特根: '敖 特 根' },
  },
  {
    month: 6,
    name: '2024.06',
    title: '某某蘇木駐嘎查幹部工作台賬',
    meta: ['填報單位（蓋章）：某某蘇木黨委'],
    columns: ['no', 'name', 'village', 'days', 'households', 'visits', 'project', 'cooperative', 'central', 'earner', 'poor', 'promised', 'fulfilled', 'leader', 'people', 'note'],
    header: {
      no: '序號', name: '姓名', village: '所駐嘎查', days: '下基層天數', households: '聯繫戶數', visits: '入戶數',
      project: '一事一議', cooperative: '合作社', central: '黨員中心戶', earner: '致富能手', poor: '貧困戶',
      promised: '承諾數', fulfilled: '完成數', leader: '領導評分', people: '群眾測評', note: '備註',
    },
    groups: [
      { label: '入戶情況', from: 'households', to: 'visits' },
      { label: '五個一', from: 'project', to: 'poor' },
    ],
    yes: [1, 1, '√', '有'],
    no: [0, 0, '×'],
    villageStyle: 'repeat',
    zoneSubtotals: false,
    overrides: {
      // Away on a training course when the representatives rated.
      韩雪梅: { people: null, note: '群众测评时外出培训，未参加' },
      宝音: { promised: 0, fulfilled: 0, note: '本月未作承诺' },
      孙国栋: { leader: '不详' },
      刘洋: { days: '１１天', note: '6月3日到岗' },
      图雅: { people: 0.95 },
    },
    percentCells: { 图雅: 'people' },
    typedNames: { 其木格: '其木格 ', 额尔德木图: '额尔德木图　' },
  },
];

/**
 * Scores in a real township bunch up; a few hand-set records make sure the
 * example shows ties, including one at the edge of the bottom 20%.
 */
const FIXED: Record<string, Partial<MonthRecord>> = {
  '4:刘凤英': { days: 15, households: 30, visits: 9, fiveOnes: [true, true, true, true, false], promised: 5, fulfilled: 5, leader: 85, people: 85 },
  '4:敖特根': { days: 12, households: 40, visits: 12, fiveOnes: [true, true, false, true, true], promised: 8, fulfilled: 8, leader: 86, people: 84 },
  '5:高晓峰': { days: 9, households: 25, visits: 4, fiveOnes: [true, false, true, false, true], promised: 5, fulfilled: 3, leader: 70, people: 77 },
  '5:吴桂兰': { days: 9, households: 30, visits: 5, fiveOnes: [false, true, true, true, false], promised: 6, fulfilled: 4, leader: 77, people: 70 },
  '5:朝鲁': { days: 11, households: 35, visits: 7, fiveOnes: [true, false, true, false, true], promised: 4, fulfilled: 3, leader: 72, people: 70 },
};

function records(): Map<string, MonthRecord> {
  const rand = seeded(20240705);
  const out = new Map<string, MonthRecord>();
  for (const month of ALL) {
    for (const c of CADRES) {
      const generated = generate(rand, c.tier);
      if (!c.months.includes(month)) continue;
      out.set(`${month}:${c.name}`, { ...generated, ...FIXED[`${month}:${c.name}`] });
    }
  }
  return out;
}

function zoneOf(village: string): '东片' | '西片' {
  return EAST.includes(village) ? '东片' : '西片';
}

function villageOrder(village: string): number {
  return [...EAST, ...WEST].indexOf(village);
}

const THIN = { style: 'thin', color: { argb: 'FF808080' } } as const;
const BOX = { top: THIN, bottom: THIN, left: THIN, right: THIN };

interface Written {
  rows: Cell[][];
  merges: [number, number, number, number][];
  /** Cells with a number format: row, column, format. */
  formats: [number, number, string][];
}

/** One month's sheet as cells and merges, 1-based like ExcelJS. */
function monthCells(spec: MonthSheet, data: Map<string, MonthRecord>, rand: ReturnType<typeof seeded>): Written {
  const cols = spec.columns;
  const at = (c: Column) => cols.indexOf(c) + 1;
  const width = cols.length;
  const rows: Cell[][] = [];
  const merges: Written['merges'] = [];
  const formats: Written['formats'] = [];
  const blank = (): Cell[] => Array(width).fill(null);

  rows.push([spec.title, ...Array(width - 1).fill(null)]);
  merges.push([1, 1, 1, width]);
  for (const m of spec.meta) {
    rows.push([m, ...Array(width - 1).fill(null)]);
    merges.push([rows.length, 1, rows.length, width]);
  }
  const headerTop = rows.length + 1;
  if (spec.groups) {
    const upper = blank();
    const lower = blank();
    for (const c of cols) {
      const group = spec.groups.find((g) => at(c) >= at(g.from) && at(c) <= at(g.to));
      if (group) {
        upper[at(c) - 1] = at(c) === at(group.from) ? group.label : null;
        lower[at(c) - 1] = spec.header[c]!;
      } else {
        upper[at(c) - 1] = spec.header[c]!;
        merges.push([headerTop, at(c), headerTop + 1, at(c)]);
      }
    }
    for (const g of spec.groups) merges.push([headerTop, at(g.from), headerTop, at(g.to)]);
    rows.push(upper, lower);
  } else {
    rows.push(cols.map((c) => spec.header[c]!));
  }

  const cadres = CADRES.filter((c) => c.months.includes(spec.month)).sort((a, b) => villageOrder(a.village) - villageOrder(b.village));
  const numeric: Column[] = ['days', 'households', 'visits', 'promised', 'fulfilled'];
  const totals = (list: Cadre[]) => {
    const sum = blank();
    for (const c of numeric) {
      sum[at(c) - 1] = list.reduce((n, cadre) => {
        const v = data.get(`${spec.month}:${cadre.name}`)![c as keyof MonthRecord];
        return n + (typeof v === 'number' ? v : 0);
      }, 0);
    }
    return sum;
  };
  const writeNumber = (n: number, unit: string): Cell => {
    const r = rand.next();
    if (r < 0.08) return `${n}${unit}`;
    if (r < 0.12) return String(n);
    return n;
  };

  let serial = 0;
  let villageStart = 0;
  let previousVillage = '';
  const zoneRows: Cadre[] = [];
  const flushVillage = (endRow: number) => {
    if (spec.villageStyle === 'merge' && villageStart > 0 && endRow > villageStart) merges.push([villageStart, at('village'), endRow, at('village')]);
  };
  cadres.forEach((cadre, i) => {
    const rec = data.get(`${spec.month}:${cadre.name}`)!;
    const row = blank();
    serial += 1;
    const sameVillage = cadre.village === previousVillage;
    if (!sameVillage) {
      flushVillage(rows.length);
      villageStart = rows.length + 1;
    }
    const set = (c: Column, v: Cell) => {
      if (at(c) > 0) row[at(c) - 1] = v;
    };
    set('no', serial);
    set('name', spec.typedNames[cadre.name] ?? cadre.name);
    set('post', cadre.post);
    if (!sameVillage || spec.villageStyle === 'repeat') set('village', cadre.village);
    else if (spec.villageStyle === 'ditto') set('village', i % 2 === 0 ? '同上' : '〃');
    set('days', writeNumber(rec.days, '天'));
    set('households', writeNumber(rec.households, '户'));
    set('visits', writeNumber(rec.visits, '户'));
    FIVE.forEach((c, k) => set(c, rec.fiveOnes[k] ? rand.pick(spec.yes) : rand.pick(spec.no)));
    set('promised', rec.promised);
    set('fulfilled', rec.fulfilled);
    set('leader', rec.leader);
    set('people', rec.people);
    set('contact', cadre.post === '第一书记' ? '苏木党委副书记' : null);
    for (const [c, v] of Object.entries(spec.overrides[cadre.name] ?? {})) set(c as Column, v);
    const percent = spec.percentCells?.[cadre.name];
    if (percent) formats.push([rows.length + 1, at(percent), '0%']);
    previousVillage = cadre.village;

    const next = cadres[i + 1];
    zoneRows.push(cadre);
    rows.push(row);
    if (spec.zoneSubtotals && next && zoneOf(next.village) !== zoneOf(cadre.village)) {
      flushVillage(rows.length);
      villageStart = 0;
      const sub = totals(zoneRows);
      sub[at('name') - 1] = '小计';
      sub[at('village') - 1] = `${zoneOf(cadre.village)}（${zoneRows.length}人）`;
      rows.push(sub);
      rows.push(blank());
      zoneRows.length = 0;
      previousVillage = '';
    }
  });
  flushVillage(rows.length);
  rows.push(blank());
  const total = totals(cadres);
  total[0] = '合计';
  total[at('name') - 1] = `${cadres.length}人`;
  rows.push(total);
  rows.push(['填表人：乌云　　　审核人：阿拉坦仓', ...Array(width - 1).fill(null)]);
  return { rows, merges: merges.filter(([, , , right]) => right <= width), formats };
}

function addMonthSheet(wb: ExcelJS.Workbook, spec: MonthSheet, written: Written): void {
  const ws = wb.addWorksheet(spec.name, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  written.rows.forEach((cells, i) => {
    const row = ws.getRow(i + 1);
    cells.forEach((v, j) => {
      if (v !== null) row.getCell(j + 1).value = v;
    });
  });
  for (const [t, l, b, r] of written.merges) ws.mergeCells(t, l, b, r);
  for (const [r, c, format] of written.formats) ws.getCell(r, c).numFmt = format;
  const width = spec.columns.length;
  const headerRows = spec.groups ? 2 : 1;
  const firstHeader = 2 + spec.meta.length;
  ws.getRow(1).font = { bold: true, size: 16 };
  ws.getRow(1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  for (let r = 2; r < firstHeader; r++) ws.getRow(r).font = { size: 10 };
  for (let r = firstHeader; r < written.rows.length; r++) {
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      cell.border = BOX;
      if (r < firstHeader + headerRows) {
        cell.font = { bold: true };
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      } else {
        cell.alignment = { horizontal: 'center', vertical: 'middle' };
      }
    }
  }
  spec.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c === 'note' ? 26 : c === 'village' ? 14 : c === 'name' ? 10 : c === 'contact' ? 14 : c === 'no' ? 5 : 8;
  });
  ws.views = [{ state: 'frozen', ySplit: firstHeader + headerRows - 1, xSplit: 0 }];
}

function addInstructions(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('填表说明');
  const rows: [string, string][] = [
    ['栏目', '填写要求'],
    ['姓名', '填写驻嘎查干部本人姓名，不得代填'],
    ['下基层天数', '以苏木考勤记录为准，每月不少于10天'],
    ['联系户数 / 入户数', '入户数为当月实际走访的联系户数，入户率不低于20%'],
    ['五个一', '完成的填“√”，未完成的填“×”'],
    ['承诺数 / 完成数', '按季度承诺书填写，当月完成的计入完成数'],
    ['领导评分 / 群众测评', '百分制，群众测评由嘎查党员群众代表打分'],
    ['报送时间', '每月5日前报苏木党委组织办，逾期视为未报'],
  ];
  ws.addRow([`${TOWNSHIP}驻嘎查干部工作台账填表说明`]);
  ws.mergeCells(1, 1, 1, 2);
  ws.getRow(1).font = { bold: true, size: 14 };
  for (const r of rows) ws.addRow(r);
  ws.getRow(2).font = { bold: true };
  ws.getColumn(1).width = 22;
  ws.getColumn(2).width = 60;
}

/**
 * ExcelJS stamps every zip entry with the time of writing. Setting them all to
 * one fixed time keeps the committed file identical from run to run.
 */
function fixZipTimes(zip: Buffer, when: Date): Buffer {
  const dosTime = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1);
  const dosDate = ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const entries = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    zip.writeUInt16LE(dosTime, p + 12);
    zip.writeUInt16LE(dosDate, p + 14);
    const local = zip.readUInt32LE(p + 42);
    zip.writeUInt16LE(dosTime, local + 10);
    zip.writeUInt16LE(dosDate, local + 12);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return zip;
}

async function main(): Promise<void> {
  const data = records();
  const rand = seeded(5);
  const wb = new ExcelJS.Workbook();
  wb.creator = `${TOWNSHIP}党委组织办`;
  wb.lastModifiedBy = `${TOWNSHIP}党委组织办`;
  wb.created = SAVED;
  wb.modified = SAVED;
  for (const spec of SHEETS) addMonthSheet(wb, spec, monthCells(spec, data, rand));
  addInstructions(wb);
  const buffer = fixZipTimes(Buffer.from(await wb.xlsx.writeBuffer()), SAVED);
  await mkdir(dirname(OUT), { recursive: true });
  await writeFile(OUT, buffer);
  process.stdout.write(`${OUT}\n`);
}

await main();
