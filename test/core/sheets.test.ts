import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { assessAll } from '../../src/core/run';
import { runSheets, sheetsJson, sheetsNotRead } from '../../src/core/sheets';
import { branchPack, cadrePack } from '../branch/helpers';
import { cadreRow, ledger } from '../fixtures/ledgers';
import { cli } from '../fixtures/cli';
import { removeTempDir, tempDir } from '../fixtures/temp';
import { sheet, snapshotOf } from '../fixtures/workbook';

const packs = () => ({ cadre: cadrePack(), branch: branchPack() });

const notes = sheet('填表说明', [['驻村干部工作台账填表说明'], ['一、本表每月填报一次。'], ['二、下基层天数以考勤记录为准。']]);
const results = sheet('考评结果', [['姓名', '所驻村', '考评期', '下基层（20）', '入户率（20）', '总分', '等次'], ['张三', '红旗村', '2024年5月', 20, 20, 100, '优秀']]);
const rules = sheet('考评规则', [['【规则包】驻村干部月度考核'], ['【指标】'], ['指标', '满分', '计分方式'], ['下基层天数', 20, '取第一条']]);
const roster = sheet('联系户花名册', [['序号', '所驻村', '下基层天数', '入户数'], [1, '红旗村', 12, 8], [2, '东风村', 10, 6]]);

describe('every sheet of a run accounted for', () => {
  it('lists notes, results, rules, a ledger and an unknown sheet, each once, with its role and why', async () => {
    const cadres = ledger('2024年5月台账', [cadreRow(1, '张三'), [], cadreRow(2, '李四'), ['合计'], ['填表人：王丽']], { title: '某某镇驻村干部工作台账（2024年5月）' });
    const run = await assessAll(await snapshotOf(notes, results, rules, cadres, roster), packs());
    expect(sheetsJson(runSheets(run, packs()))).toEqual([
      { sheet: '填表说明', role: 'notes', assessment: null, ledger: null, header: null, records: null, reason: '说明文字，没有台账表头，不读取', reasonEn: 'notes: text without a ledger header, not read' },
      { sheet: '考评结果', role: 'results', assessment: null, ledger: null, header: null, records: null, reason: '本插件写入的考评结果，不作为台账读取', reasonEn: "the add-on's own results, not read as a ledger" },
      { sheet: '考评规则', role: 'rules', assessment: null, ledger: null, header: null, records: null, reason: '考评规则表，规则从这里读取', reasonEn: 'the rules sheet: the rules are read from it' },
      {
        sheet: '2024年5月台账',
        role: 'ledger',
        assessment: 'stationed-cadre',
        ledger: 'stationed-cadre/ledger',
        header: 2,
        records: 2,
        reason: '读取为驻村干部月度考核台账（表头第2行），2条记录；另有3行未作为记录：合计/小计1行、表尾（填表人、备注等）1行、空行1行',
        reasonEn: 'read as Stationed cadres, monthly assessment ledger (header row 2), 2 records; rows not taken as records: totals (合计/小计) 1, footer lines (填表人, 备注) 1, blank 1',
      },
      {
        sheet: '联系户花名册',
        role: 'unrecognised',
        assessment: null,
        ledger: null,
        header: 1,
        records: null,
        reason: '最像驻村干部月度考核台账（第1行表头，识别出所驻村、下基层天数、入户数），但缺少“姓名”列，未读取；可在侧边栏手动对应列',
        reasonEn: 'looks most like a Stationed cadres, monthly assessment ledger (header row 1: village, days at the grassroots, households visited) but has no "name" column, so it was not read; map the columns by hand in the sidebar',
      },
    ]);
    // The results are never read as a ledger, though their header would pass for one.
    expect(run.cadres.cadres.map((c) => c.source.sheet)).toEqual(['2024年5月台账', '2024年5月台账']);
  });

  it('says how many rows of a ledger fall outside the period asked for', async () => {
    const april = ledger('2024年4月台账', [cadreRow(1, '张三'), cadreRow(2, '李四')]);
    const may = ledger('2024年5月台账', [cadreRow(1, '张三')]);
    const run = await assessAll(await snapshotOf(april, may), packs(), { period: '2024-05' });
    const sheets = runSheets(run, packs());
    expect(sheets.map((s) => s.reason)).toEqual([
      '读取为驻村干部月度考核台账（表头第1行），2条记录；2条不在考评期2024年5月内，未考评',
      '读取为驻村干部月度考核台账（表头第1行），1条记录',
    ]);
    expect(sheets[0]!.reasonEn).toBe('read as Stationed cadres, monthly assessment ledger (header row 1), 2 records; 2 outside the period 2024-05, not assessed');
  });

  it('lists the result sheets a host left out of the snapshot in the workbook order, and says which sheets were not read', async () => {
    const run = await assessAll(await snapshotOf(ledger('2024年5月', [cadreRow(1, '张三')]), roster, sheet('Sheet3', [])), packs());
    const sheets = runSheets(run, packs(), ['考评结果', '2024年5月', '联系户花名册', 'Sheet3', '支部汇总']);
    expect(sheets.map((s) => [s.sheet, s.role])).toEqual([
      ['考评结果', 'results'],
      ['2024年5月', 'ledger'],
      ['联系户花名册', 'unrecognised'],
      ['Sheet3', 'notes'],
      ['支部汇总', 'results'],
    ]);
    expect(sheetsNotRead(sheets, 'zh')).toEqual([
      '未读取的工作表（2个）：',
      '  联系户花名册：最像驻村干部月度考核台账（第1行表头，识别出所驻村、下基层天数、入户数），但缺少“姓名”列，未读取；可在侧边栏手动对应列',
      '  Sheet3：空白工作表，没有内容',
    ]);
    expect(sheetsNotRead(sheets, 'en')[0]).toBe('Sheets not read (2):');
  });

  it('says what a sheet with too few columns lacks', async () => {
    const short = sheet('干部名单', [['姓名', '所驻村', '职务'], ['张三', '红旗村', '副镇长'], ['李四', '东风村', '科员']]);
    const run = await assessAll(await snapshotOf(ledger('2024年5月', [cadreRow(1, '张三')]), short), packs());
    expect(runSheets(run, packs())[1]).toMatchObject({
      role: 'unrecognised',
      header: 1,
      reason: '最像驻村干部月度考核台账（第1行表头），但只识别出姓名、所驻村共2列，至少需要3列，未读取；可在侧边栏手动对应列',
    });
  });

  it('names the rules log a workbook brings from Sheets as the add-on’s own, never as notes', async () => {
    const log = sheet('_台账考评日志', [['{"version":"abc","time":"2024-06-01 09:00:00","packLength":0,"branchLength":0}']]);
    const run = await assessAll(await snapshotOf(ledger('2024年5月', [cadreRow(1, '张三')]), log), packs());
    expect(runSheets(run, packs())[1]).toMatchObject({
      sheet: '_台账考评日志',
      role: 'results',
      reason: '本插件的规则日志（隐藏表），不作为台账读取',
      reasonEn: "the add-on's rules log (a hidden sheet), not read as a ledger",
    });
  });

  it('takes a table of words that matches one column for a sheet not recognised, never for notes', async () => {
    const members = sheet('党员名册', [['姓名', '性别', '入党时间', '籍贯'], ['乌力吉', '男', '2001.7', '巴彦嘎查'], ['萨仁', '女', '2010.6', '乌兰嘎查']]);
    const run = await assessAll(await snapshotOf(ledger('2024年5月', [cadreRow(1, '张三')]), members, notes), packs());
    const [, roster, text] = runSheets(run, packs());
    expect(roster).toMatchObject({ sheet: '党员名册', role: 'unrecognised', header: 1 });
    expect(roster!.reason).toContain('最像驻村干部月度考核台账');
    expect(text).toMatchObject({ sheet: '填表说明', role: 'notes' });
  });
});

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => ws.name);
}

describe('assess --json accounts for every sheet of the example workbooks', () => {
  for (const file of ['examples/乡镇党建台账示例.xlsx', 'examples/驻村干部台账示例.xlsx']) {
    it(`lists each sheet of ${file} once, and says on stderr which were not read and why`, async () => {
      const json = await cli('assess', file, '--json');
      expect(json.code).toBe(0);
      const sheets = JSON.parse(json.stdout).sheets as { sheet: string; role: string; assessment: string | null; header: number | null; reason: string; reasonEn: string }[];
      expect(sheets.map((s) => s.sheet)).toEqual(await sheetNames(file));
      for (const s of sheets) {
        expect(s.reason).not.toBe('');
        expect(s.reasonEn).not.toBe('');
        if (s.role === 'ledger') expect(s.header).toBeGreaterThan(0);
      }
      expect(sheets.find((s) => s.sheet === '填表说明')).toMatchObject({ role: 'notes', assessment: null, header: null });
      expect(sheets.filter((s) => s.role === 'unrecognised')).toEqual([]);
      const text = await cli('assess', file);
      expect(text.stderr).toContain('未读取的工作表（1个）：\n  填表说明：说明文字，没有台账表头，不读取');
      expect(text.stderr).toContain('Sheets not read (1):\n  填表说明: notes: text without a ledger header, not read');
    });
  }

  it('lists the result sheets of a workbook written with --out as results', async () => {
    const dir = tempDir('sheets');
    try {
      const out = join(dir, '结果.xlsx');
      expect((await cli('assess', 'examples/驻村干部台账示例.xlsx', '--out', out)).code).toBe(0);
      const sheets = JSON.parse((await cli('assess', out, '--json')).stdout).sheets as { sheet: string; role: string }[];
      expect(sheets.map((s) => s.sheet)).toEqual(await sheetNames(out));
      expect(sheets.filter((s) => s.role === 'results').map((s) => s.sheet)).toEqual(['考评结果', '图表', '考评报告']);
    } finally {
      removeTempDir(dir);
    }
  });
});
