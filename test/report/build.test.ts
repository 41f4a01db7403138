/** The report document of a run, before any file format: its blocks for the township example's second quarter. */
import { beforeAll, describe, expect, it } from 'vitest';
import { reportDocument, ReportDocumentSchema, fallingShort, gradeCounts, type Block, type TableBlock } from '../../src/core/report/index';
import { assessAll, runAssessments, runSchemes, type RunPacks, type RunResult } from '../../src/core/run';
import type { SchemeAssessment } from '../../src/core/scheme/result';
import { loadWorkbook } from '../../src/node/workbook-file';
import { shippedPacks } from '../scheme/helpers';

const TOWNSHIP = 'examples/乡镇党建台账示例.xlsx';
const SECTIONS = ['一、基本情况', '二、主要成效', '三、存在问题', '四、下步打算'];

let packs: RunPacks;
let run: RunResult;
beforeAll(async () => {
  packs = shippedPacks();
  const { snapshot } = await loadWorkbook(TOWNSHIP);
  run = await assessAll(snapshot, packs, { period: '2024-Q2' });
});

const assessment = (id: string) => runAssessments(run, packs).find((a) => a.id === id)!;
const schemeOf = (id: string) => runSchemes(packs).find((s) => s.id === id)!;
const build = (options: Parameters<typeof reportDocument>[2] = {}) => reportDocument(run, packs, { period: '2024-Q2', ...options });
const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.kind === 'table');
/** The blocks of one assessment's report: from its title to the next page break. */
function reportOf(blocks: Block[], title: string): Block[] {
  const start = blocks.findIndex((b) => b.kind === 'title' && b.text === title);
  const end = blocks.findIndex((b, i) => i > start && b.kind === 'pageBreak');
  return blocks.slice(start, end < 0 ? undefined : end);
}
const rowOf = (table: TableBlock, first: string) => table.rows.find((r) => r[0] === first)!;
const who = (a: SchemeAssessment) => a.results.filter((r) => r.fallsShort || r.risk).map((r) => r.name);

describe('the report document of a run', () => {
  it('is a valid document: a title per assessment, the four sections as level-1 headings, columns that fill at most the text width', () => {
    const doc = build();
    expect(ReportDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.title).toBe('2024年第二季度考评报告');
    const titles = doc.blocks.filter((b) => b.kind === 'title').map((b) => (b as { text: string }).text);
    expect(titles).toContain('2024年第二季度 党支部考核 考评报告');
    expect(titles).toHaveLength(runAssessments(run, packs).length);
    const branch = reportOf(doc.blocks, '2024年第二季度 党支部考核 考评报告');
    expect(branch.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b as { text: string }).text)).toEqual(SECTIONS);
    for (const t of tables(doc.blocks)) expect(t.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('counts people and person-periods apart: a cadre graded 不合格 in April and May is 2 人次 of 1 人', () => {
    const cadres = assessment('stationed-cadre');
    const counts = gradeCounts(cadres, schemeOf('stationed-cadre'), 'zh');
    const failed = counts.find((c) => c.grade === '不合格')!;
    expect(failed).toMatchObject({ people: 2, times: 4 });
    expect(counts.reduce((n, c) => n + c.times, 0)).toBe(cadres.results.length);
    const table = tables(reportOf(build().blocks, '2024年第二季度 驻村干部月度考核 考评报告'))[0]!;
    expect(table.header).toEqual(['等次', '星级', '人数', '人次', '占比（按人次）']);
    expect(rowOf(table, '不合格')).toEqual(['不合格', '★☆☆☆☆', '2', '4', '9.5%']);
  });

  it('lists under 存在问题 exactly the results that fall short or are at risk, each with its reasons', () => {
    const doc = build();
    for (const [id, title] of [['branch', '党支部考核'], ['stationed-cadre', '驻村干部月度考核'], ['household', '党员中心户季度测评']] as const) {
      const a = assessment(id);
      const short = tables(reportOf(doc.blocks, `2024年第二季度 ${title} 考评报告`))[1]!;
      expect(short.rows.map((r) => r[0]), id).toEqual(who(a));
      expect(fallingShort(a).map((r) => r.name)).toEqual(who(a));
      for (const row of short.rows) expect(row.at(-1), `${id} ${row[0]}`).not.toBe('');
    }
    const branch = tables(reportOf(doc.blocks, '2024年第二季度 党支部考核 考评报告'));
    // 浩勒图 fails no item but is at risk: it is listed, with the risk's reason.
    expect(rowOf(branch[1]!, '浩勒图嘎查党支部').at(-1)).toContain('近两年无入党积极分子');
  });

  it('gives the rectification list its 责任单位 and 时限: the group, else the subject; the result’s deadline where it has one', () => {
    const [, , cadreList] = tables(reportOf(build().blocks, '2024年第二季度 驻村干部月度考核 考评报告'));
    expect(cadreList!.header).toEqual(['序号', '考评对象', '所属', '考评期', '整改事项', '责任单位', '时限']);
    expect(cadreList!.rows.find((r) => r[1] === '斯琴')).toEqual(['4', '斯琴', '满都拉', '2024年4月', '评为不合格，对照考评指标逐项整改；实行动态管理，下期重点跟踪', '满都拉', '—']);
    const [, , branchList] = tables(reportOf(build().blocks, '2024年第二季度 党支部考核 考评报告'));
    expect(branchList!.header).toEqual(['序号', '考评对象', '整改事项', '责任单位', '时限']);
    expect(branchList!.rows.find((r) => r[1] === '赛罕嘎查党支部')).toEqual(['9', '赛罕嘎查党支部', '书记每季度讲一次党课', '赛罕嘎查党支部', '2024年7月31日']);
    const atRisk = branchList!.rows.find((r) => r[1] === '乌兰嘎查党支部')!;
    expect(atRisk[2]).toMatch(/^列为软弱涣散风险，限期整顿；/);
    expect(atRisk[4]).toBe('2024年9月30日');
  });

  it('adds a feedback note per subject and period, each after a page break, with the rules behind the points in words', () => {
    const plain = build();
    const doc = build({ feedback: true });
    const results = runAssessments(run, packs).reduce((n, a) => n + a.results.length, 0);
    const breaks = (blocks: Block[]) => blocks.filter((b) => b.kind === 'pageBreak').length;
    expect(breaks(doc.blocks) - breaks(plain.blocks)).toBe(results);
    const notes = doc.blocks.filter((b) => b.kind === 'title' && b.text.endsWith('考评反馈单'));
    expect(notes).toHaveLength(results);
    const start = doc.blocks.findIndex((b) => b.kind === 'paragraph' && b.text === '考评对象：敖包图嘎查党支部');
    const note = doc.blocks.slice(start, doc.blocks.findIndex((b, i) => i > start && b.kind === 'pageBreak'));
    expect(note).toContainEqual({ kind: 'paragraph', text: '考评期：2024年第二季度' });
    const [points, flags] = tables(note);
    expect(points!.header).toEqual(['指标', '得分（满分）', '计分依据']);
    expect(points!.rows.map((r) => r[2]).join('；')).not.toMatch(/\b[a-z]+-[a-z]+\b/);
    expect(flags!.rows).toContainEqual(['驻村干部：韩雪（2024年4月、5月）考评不合格（应无不合格）', '4月驻村台账!C22、5月驻村台账!C22']);
    expect(note).toContainEqual({ kind: 'paragraph', text: '请于2024年9月30日前完成整改。' });
    // A cadre's rule without a note reads as its condition, with the rate as a percentage.
    const cadre = doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flat() : []));
    expect(cadre.some((c) => c.includes('承诺完成率 ≥ 90% +20'))).toBe(true);
  });

  it('says in each feedback note how the subject stood in the last period: the score then and now, the grade, the items rectified and newly failed', () => {
    const doc = build({ feedback: true });
    const noteOf = (name: string, period: string) => {
      const start = doc.blocks.findIndex((b, i) => b.kind === 'paragraph' && (b.text === `考评对象：${name}` || b.text.startsWith(`考评对象：${name}（`)) && doc.blocks[i + 1]?.kind === 'paragraph' && (doc.blocks[i + 1] as { text: string }).text === `考评期：${period}`);
      expect(start, `${name} ${period}`).toBeGreaterThan(0);
      return doc.blocks.slice(start, doc.blocks.findIndex((b, i) => i > start && b.kind === 'pageBreak'));
    };
    const texts = (blocks: Block[]) => blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text);
    const may = noteOf('李志刚', '2024年5月');
    const at = may.findIndex((b) => b.kind === 'heading' && b.text === '与上期比较');
    expect(at).toBeGreaterThan(0);
    expect(texts(may)).toContain('上期（2024年4月）得分79.1分，本期98.2分，提高19.1分。');
    expect(texts(may)).toContain('等次由合格上升为优秀。');
    expect(texts(may).some((t) => t.startsWith('整改到位：五个一未完成：'))).toBe(true);
    // The first month judged has no last period in this run: no comparison is said.
    expect(noteOf('李志刚', '2024年4月').some((b) => b.kind === 'heading' && b.text === '与上期比较')).toBe(false);
    const newly = texts(noteOf('高娃', '2024年5月'));
    expect(newly.some((t) => t.startsWith('新出现问题：'))).toBe(true);
  });

  it('is in English when asked: headings, tables and titles from the message table', () => {
    const doc = build({ lang: 'en', feedback: true });
    expect(doc.title).toBe('Assessment report 2024-Q2');
    const headings = doc.blocks.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b as { text: string }).text);
    expect(new Set(headings)).toEqual(new Set(['1. Overview', '2. Achievements', '3. Problems', '4. Next steps']));
    expect(tables(doc.blocks)[0]!.header).toEqual(['Grade', 'Stars', 'People', 'Person-periods', 'Share (of person-periods)']);
    expect(doc.blocks.some((b) => b.kind === 'title' && b.text.startsWith('Feedback note: '))).toBe(true);
    // The summaries' sentences too, and each note's comparison with the last period.
    const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text);
    expect(paragraphs).toContain('Grades: excellent 29 person-periods (19 people, 69.0%), good 8 person-periods (19.0%), satisfactory 1 person-period (2.4%), basically satisfactory 0 person-periods (0.0%), unsatisfactory 4 person-periods (2 people, 9.5%).');
    expect(paragraphs).toContain('Last period (2024-04) scored 79.1, now 98.2: up 19.1.');
    expect(paragraphs).toContain('Grade up from satisfactory to excellent.');
    expect(paragraphs.some((p) => p.includes('等次分布') || p.includes('与上期'))).toBe(false);
  });
});
