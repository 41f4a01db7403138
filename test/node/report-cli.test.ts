/** assess --report and --feedback on the township example: the Word file read back as the zip it is. */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, type CliRun } from '../fixtures/cli';
import { removeTempDir, tempDir } from '../fixtures/temp';
import { readDocx } from '../report/docx';

const TOWNSHIP = 'examples/乡镇党建台账示例.xlsx';
const SECTIONS = ['一、基本情况', '二、主要成效', '三、存在问题', '四、下步打算'];

let dir: string;
beforeAll(() => {
  dir = tempDir('report');
});
afterAll(() => removeTempDir(dir));

function expectRefusal(run: CliRun, zh: string, en: string) {
  expect(run).toMatchObject({ code: 2, stdout: '' });
  expect(run.stderr).toContain(zh);
  expect(run.stderr).toContain(en);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('assess --report', () => {
  let run: CliRun;
  let docx: Awaited<ReturnType<typeof readDocx>>;
  beforeAll(async () => {
    const file = join(dir, '考评报告.docx');
    run = await cli('assess', TOWNSHIP, '--period', '2024-Q2', '--report', file);
    docx = await readDocx(await readFile(file));
  });

  it('writes the report and says where on stderr, in both languages', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`已写入 ${join(dir, '考评报告.docx')}`);
    expect(run.stderr).toContain(`wrote ${join(dir, '考评报告.docx')}`);
    expect(run.stdout).toContain('2024年第二季度党支部考核情况');
  });

  it('gives each assessment a Title and the four sections as Heading1, the tables’ titles as Heading2, on A4 portrait', () => {
    const titles = docx.paragraphs.filter((p) => p.style === 'Title').map((p) => p.text);
    expect(titles).toContain('2024年第二季度 党支部考核 考评报告');
    for (const heading of SECTIONS) {
      const styles = new Set(docx.paragraphs.filter((p) => p.text === heading).map((p) => p.style));
      expect([...styles], heading).toEqual(['Heading1']);
    }
    // Every assessment with results has the three tables; the yearly one has none in a quarter.
    expect(docx.paragraphs.filter((p) => p.style === 'Heading2' && p.text === '整改清单')).toHaveLength(4);
    expect(docx.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(docx.pageBreaks).toBe(titles.length - 1);
  });

  it('has real Word tables with the expected header cells', () => {
    const headers = docx.tables.map((t) => t[0]!.join('|'));
    expect(headers).toContain('等次|星级|人数|人次|占比（按人次）');
    expect(headers).toContain('等次|人数|人次|占比（按人次）');
    expect(headers).toContain('考评对象|得分|等次|原因');
    expect(headers).toContain('序号|考评对象|整改事项|责任单位|时限');
    expect(headers).toContain('序号|考评对象|所属|考评期|整改事项|责任单位|时限');
    const cadreGrades = docx.tables.find((t) => t[0]!.join('|') === '等次|星级|人数|人次|占比（按人次）')!;
    expect(cadreGrades).toContainEqual(['不合格', '★☆☆☆☆', '2', '4', '9.5%']);
  });
});

describe('assess --report --feedback', () => {
  it('adds one feedback note per subject and period, each on a page of its own', async () => {
    const file = join(dir, '反馈.docx');
    const run = await cli('assess', TOWNSHIP, '--period', '2024-Q2', '--report', file, '--feedback', '--json');
    expect(run.code).toBe(0);
    const results = (JSON.parse(run.stdout) as { assessments: { results: unknown[] }[] }).assessments.reduce((n, a) => n + a.results.length, 0);
    expect(run.stderr).toContain(`wrote ${file}`);
    const docx = await readDocx(await readFile(file));
    const reports = docx.paragraphs.filter((p) => p.style === 'Title' && p.text.endsWith('考评报告')).length;
    const notes = docx.paragraphs.filter((p) => p.style === 'Title' && p.text.endsWith('考评反馈单'));
    expect(notes).toHaveLength(results);
    expect(docx.pageBreaks).toBe(reports - 1 + results);
    expect(docx.paragraphs).toContainEqual({ style: null, text: '考评对象：敖包图嘎查党支部' });
    expect(docx.tables.filter((t) => t[0]!.join('|') === '指标|得分（满分）|计分依据')).toHaveLength(results);
  });
});

/** The rows each manual page break of a sheet goes under, as the .xlsx stores them (ExcelJS writes them but does not read them back). */
async function rowBreaks(file: string, sheet: string): Promise<number[]> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)![1]!;
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]!;
  const xml = await zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string');
  const breaks = /<rowBreaks[^>]*>([\s\S]*?)<\/rowBreaks>/.exec(xml)?.[1] ?? '';
  return [...breaks.matchAll(/<brk [^>]*id="(\d+)"/g)].map((m) => Number(m[1]));
}

describe('assess --out with --feedback', () => {
  let file: string;
  let copy: ExcelJS.Workbook;
  let run: CliRun;
  beforeAll(async () => {
    file = join(dir, '副本.xlsx');
    run = await cli('assess', TOWNSHIP, '--period', '2024-Q2', '--out', file, '--feedback');
    copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(file);
  });

  it('writes the printable 考评报告 and 考评反馈单 after the result sheets, set up for A4 portrait one page wide', () => {
    expect(run.code).toBe(0);
    expect(copy.worksheets.slice(-3).map((w) => w.name)).toEqual(['图表', '考评报告', '考评反馈单']);
    for (const name of ['考评报告', '考评反馈单']) {
      expect(copy.getWorksheet(name)!.pageSetup, name).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
  });

  it('lays out 考评报告 with a title per assessment, its four sections, merged wrapped rows and bold headings', () => {
    const sheet = copy.getWorksheet('考评报告')!;
    const first = (r: number) => sheet.getCell(r, 1);
    const column = Array.from({ length: sheet.rowCount }, (_, i) => String(first(i + 1).value ?? ''));
    // The generation note heads the sheet, as it does every result sheet: it says whose the sheet is if its mark is lost.
    expect(column[0]).toMatch(/^由“台账考评”于 /);
    expect(column[1]).toMatch(/2024年第二季度 .* 考评报告/);
    for (const heading of SECTIONS) expect(column, heading).toContain(heading);
    const heading = column.indexOf('一、基本情况') + 1;
    expect(first(heading).font).toMatchObject({ bold: true, size: 13 });
    expect(first(heading).isMerged).toBe(true);
    expect(sheet.getCell(heading, 8).master.address).toBe(`A${heading}`);
    expect(first(heading + 1).alignment).toMatchObject({ wrapText: true });
    const rectify = Array.from({ length: sheet.rowCount }, (_, i) => (sheet.getRow(i + 1).values as unknown[]).map(String)).find((values) => values.includes('责任单位'));
    expect(rectify).toEqual(expect.arrayContaining(['序号', '整改事项', '时限']));
    expect(sheet.columnCount).toBe(8);
  });

  it('breaks the page before every assessment’s report and every feedback note but the first', async () => {
    const report = copy.getWorksheet('考评报告')!;
    const titles = (sheet: ExcelJS.Worksheet, pattern: RegExp) =>
      Array.from({ length: sheet.rowCount }, (_, i) => i + 1).filter((r) => pattern.test(String(sheet.getCell(r, 1).value ?? '')) && sheet.getCell(r, 1).font?.size === 16);
    const reports = titles(report, /考评报告$/);
    expect(reports.length).toBeGreaterThan(1);
    expect(await rowBreaks(file, '考评报告')).toEqual(reports.slice(1).map((r) => r - 1));
    const notes = titles(copy.getWorksheet('考评反馈单')!, /考评反馈单$/);
    expect(notes.length).toBeGreaterThan(20);
    expect(await rowBreaks(file, '考评反馈单')).toEqual(notes.slice(1).map((r) => r - 1));
  });

  it('writes no 考评反馈单 without --feedback', async () => {
    const plain = join(dir, '无反馈单.xlsx');
    expect((await cli('assess', TOWNSHIP, '--period', '2024-Q2', '--out', plain)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(plain);
    expect(book.worksheets.slice(-2).map((w) => w.name)).toEqual(['图表', '考评报告']);
  });
});

describe('assess --period 2024-05 --report --feedback', () => {
  it('says in a cadre’s note the April score, the change and the items rectified, from the run alone', async () => {
    const file = join(dir, '五月反馈.docx');
    const run = await cli('assess', TOWNSHIP, '--period', '2024-05', '--report', file, '--feedback');
    expect(run.code).toBe(0);
    const texts = (await readDocx(await readFile(file))).paragraphs.map((p) => p.text);
    const start = texts.findIndex((t) => t.startsWith('考评对象：李志刚'));
    const note = texts.slice(start, texts.indexOf('下步要求', start));
    expect(note).toContain('与上期比较');
    expect(note).toContain('上期（2024年4月）得分79.1分，本期98.2分，提高19.1分。');
    expect(note).toContain('等次由合格上升为优秀。');
    expect(note.some((t) => t.startsWith('整改到位：'))).toBe(true);
  });
});

describe('assess refuses', () => {
  it('--feedback without --report or --out, naming what it needs, and exits 2', async () => {
    expectRefusal(await cli('assess', TOWNSHIP, '--feedback'), '--feedback 要与 --report <文件.docx> 或 --out <文件.xlsx> 一起使用', '--feedback needs --report <file.docx> or --out <file.xlsx>');
  });

  it('a report file that is not .docx, or is a folder', async () => {
    expectRefusal(await cli('assess', TOWNSHIP, '--report', join(dir, '报告.doc')), '文件名应以 .docx 结尾', 'should end in .docx');
    const folder = join(dir, '文件夹.docx');
    await mkdir(folder);
    expectRefusal(await cli('assess', TOWNSHIP, '--report', folder), '它是一个文件夹', 'it is a folder');
  });

  it('names --report and --feedback in the usage, in both languages', async () => {
    const run = await cli('assess');
    expect(run.stderr).toContain('[--report 报告.docx] [--feedback]');
    expect(run.stderr).toContain('[--report report.docx] [--feedback]');
    expect(run.stderr).toContain('--feedback 在同一文件中为每个考评对象每期附一页考评反馈单，与 --out 一起时在副本中另写“考评反馈单”表');
  });
});
