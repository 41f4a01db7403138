import { join } from 'node:path';
import ExcelJS from 'exceljs';
import branchPackJson from '../../rules/branch.json';
import stationedCadreJson from '../../rules/stationed-cadre.json';
import { type BranchAssessOptions, assessBranches } from '../../src/core/branch/assess';
import type { BranchAssessment } from '../../src/core/branch/result';
import type { BranchPack } from '../../src/core/branch/schema';
import { validateBranchPack } from '../../src/core/branch/validate';
import type { Pack } from '../../src/core/pack/schema';
import { validatePack } from '../../src/core/pack/validate';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { loadWorkbook } from '../../src/node/workbook-file';
import { fileTempDir } from '../fixtures/temp';

export type Row = ExcelJS.CellValue[];

export interface SheetSpec {
  name: string;
  rows: Row[];
  /** Ranges to merge, as ExcelJS takes them: "A1:H1". */
  merges?: string[];
}

export function branchPack(): BranchPack {
  const r = validateBranchPack(branchPackJson);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.pack;
}

export function cadrePack(): Pack {
  const r = validatePack(stationedCadreJson);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.pack;
}

/** A fresh temporary directory, removed when the test file is done. */
export const tmp = () => fileTempDir('branch');

/** Writes sheets to a real .xlsx file, as staff would hand it over. */
export async function writeXlsx(sheets: SheetSpec[], file = join(tmp(), '台账.xlsx')): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const row of s.rows) ws.addRow(row);
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  await wb.xlsx.writeFile(file);
  return file;
}

/** The snapshot the core sees of sheets written to a real .xlsx file and read back. */
export async function snapshotOf(sheets: SheetSpec[]): Promise<WorkbookSnapshot> {
  return (await loadWorkbook(await writeXlsx(sheets))).snapshot;
}

export async function assess(sheets: SheetSpec[], options: BranchAssessOptions = {}, pack = branchPack()): Promise<BranchAssessment> {
  return assessBranches(await snapshotOf(sheets), { branch: pack, cadre: cadrePack() }, options);
}

export const MEETING_HEADER: Row = ['序号', '支部名称', '会议类型', '会议时间', '应到人数', '实到人数', '备注'];

export interface MeetingOptions {
  /** Months without this type: "committee:2024-05". */
  skip?: string[];
  /** Present at the Party day per month, of `members` expected. */
  themeDayPresent?: Record<string, number>;
  members?: number;
}

/**
 * A branch that holds everything the default pack asks for in the months given:
 * 支委会, 党小组会 and 主题党日 every month, 支部党员大会 and 党课 once a quarter.
 */
export function meetingRows(branch: string, months: string[], opts: MeetingOptions = {}): Row[] {
  const members = opts.members ?? 20;
  const skip = new Set(opts.skip ?? []);
  const rows: Row[] = [];
  const add = (type: string, key: string, date: string, present = members - 1) => {
    if (!skip.has(`${key}:${date.slice(0, 7)}`) && !skip.has(key)) rows.push([null, branch, type, date, members, present]);
  };
  for (const m of months) {
    add('支委会', 'committee', `${m}-05`, 5);
    add('党小组会', 'group', `${m}-15`);
    add('主题党日', 'themeDay', `${m}-10`, opts.themeDayPresent?.[m] ?? members - 1);
  }
  const quarters = [...new Set(months.map((m) => `${m.slice(0, 4)}-${Math.ceil(Number(m.slice(5)) / 3)}`))];
  for (const q of quarters) {
    const month = months.find((m) => `${m.slice(0, 4)}-${Math.ceil(Number(m.slice(5)) / 3)}` === q)!;
    add('支部党员大会', 'memberMeeting', `${month}-20`);
    add('党课', 'lecture', `${month}-21`);
  }
  return rows.map((r, i) => [i + 1, ...r.slice(1)]);
}

export const WORK_HEADER: Row = ['支部名称', '月份', '承诺数', '完成数', '承诺完成率', '受理数', '办结数', '办结率', '排查数', '化解数', '化解率'];

/** One work-ledger row: [promised, fulfilled], [received, closed], [disputes, resolved]. */
export function workRow(branch: string, month: string, c: [number, number], s: [number, number], d: [number, number], stated: [unknown, unknown, unknown] = [null, null, null]): Row {
  return [branch, month, c[0], c[1], stated[0] as ExcelJS.CellValue, s[0], s[1], stated[1] as ExcelJS.CellValue, d[0], d[1], stated[2] as ExcelJS.CellValue];
}

export const Q2 = ['2024-04', '2024-05', '2024-06'];

const CADRE_HEADER: Row = ['姓名', '所驻嘎查', '下基层天数', '联系户数', '入户数', '承诺数', '完成数', '领导评分', '群众测评'];

export interface ThreeBranches {
  /** 乌兰's stated 承诺完成率, beside counts that give 80.4%. */
  statedRate?: string;
  /** The months of stationed-cadre ledgers. */
  cadreMonths: number[];
  /** 孟和's days at 乌兰 in each of those months. */
  mengheDays: number;
}

/**
 * Three branches over the second quarter, as the CLI tests run them: 巴彦 skipped
 * a 支委会 in May, 查干 its 党课 and a June 党小组会; their work in May; their
 * stationed cadres, 斯琴 at 巴彦 failing.
 */
export function threeBranches(opts: ThreeBranches): SheetSpec[] {
  return [
    {
      name: '三会一课记录',
      rows: [
        MEETING_HEADER,
        ...meetingRows('巴彦嘎查党支部', Q2, { skip: ['committee:2024-05'] }),
        ...meetingRows('乌兰嘎查党支部', Q2),
        ...meetingRows('查干嘎查党支部', Q2, { skip: ['lecture', 'group:2024-06'] }),
      ],
    },
    {
      name: '工作台账',
      rows: [
        WORK_HEADER,
        workRow('巴彦嘎查', '2024-05', [10, 9], [50, 42], [8, 8]),
        workRow('乌兰嘎查', '2024-05', [97, 78], [40, 40], [6, 6], [opts.statedRate ?? null, null, null]),
        workRow('查干嘎查', '2024-05', [10, 10], [30, 29], [5, 5]),
      ],
    },
    ...opts.cadreMonths.map((month) => ({
      name: `${month}月驻村台账`,
      rows: [
        [`2024年${month}月驻村干部工作台账`],
        CADRE_HEADER,
        ['斯琴', '巴彦', 4, 40, 1, 4, 1, 50, 50],
        ['孟和', '乌兰', opts.mengheDays, 30, 12, 4, 4, 90, 90],
        ['图雅', '查干', 14, 30, 10, 4, 4, 88, 86],
      ],
    })),
  ];
}

export function find(a: BranchAssessment, name: string, period?: string) {
  const b = a.branches.find((x) => x.name === name && (!period || x.period === period));
  if (!b) throw new Error(`no branch ${name} in ${a.branches.map((x) => x.name).join(', ')}`);
  return b;
}
