import { describe, expect, it } from 'vitest';
import { ColumnMatcher } from '../../src/core/ledger/columns';
import { findHeader } from '../../src/core/ledger/header';
import type { Cell } from '../../src/core/snapshot';
import { readLedgers } from '../../src/core/assess/scheme';
import { cadreRow, HEADER, ledger } from '../fixtures/ledgers';
import { defaultPack } from '../fixtures/pack';
import { branchPack } from '../branch/helpers';
import { type FixtureCell, sheet, snapshotOf } from '../fixtures/workbook';

const pack = defaultPack();
const ALL_FACTS = ['name', 'village', 'days', 'households', 'visits', 'project', 'cooperative', 'centralHousehold', 'richLeader', 'poorHousehold', 'promised', 'fulfilled', 'leaderScore', 'publicScore'];

async function read(...sheets: Parameters<typeof snapshotOf>) {
  return readLedgers(await snapshotOf(...sheets), pack);
}

const factsOf = (info: { columns: { fact: string }[] }) => info.columns.map((c) => c.fact).sort();

describe('finding the header', () => {
  it('passes over a merged title and meta rows', async () => {
    const spec = ledger('2024年5月台账', [cadreRow(1, '张三')], {
      title: '某某镇驻村干部工作台账',
      meta: ['填报单位（盖章）：某某镇党委', '单位：天、户、件'],
    });
    const r = await read(spec);
    expect(r.ledgers).toHaveLength(1);
    expect(r.ledgers[0]!.headerRows).toEqual([4, 4]);
    expect(factsOf(r.ledgers[0]!)).toEqual([...ALL_FACTS].sort());
    expect(r.records.map((x) => [x.name, x.row])).toEqual([['张三', 5]]);
  });

  it('does not take a meta row merged across the sheet for the group row of a two-row header', async () => {
    const spec = ledger('2024年4月台账', [cadreRow(1, '张三')], {
      title: '某某镇驻村干部工作台账',
      meta: ['填报单位（盖章）：某某镇党委　　填报日期：2024年5月6日'],
      header: [...HEADER, '包联领导'],
    });
    const r = await read(spec);
    const info = r.ledgers[0]!;
    expect(info.headerRows).toEqual([3, 3]);
    expect(info.columns.find((c) => c.fact === 'name')!.header).toBe('姓名');
    expect(info.unmapped).toEqual([{ header: '包联领导', cell: 'P3' }]);
    // The filing date is May's; the sheet is April's.
    expect(r.records[0]!.period).toBe('2024-04');
  });

  it('reads a two-row merged header: groups over their columns, labels merged down', async () => {
    const upper = ['序号', '姓名', '所驻村', '下基层天数', '入户情况', null, '五个一', null, null, null, null, '承诺践诺', null, '双评', null];
    const lower = [null, null, null, null, '联系户数', '入户数', '一事一议', '合作社', '党员中心户', '致富能手', '贫困户', '承诺数', '完成数', '领导评分', '群众测评'];
    const spec = sheet(
      '5月台账',
      [['某某镇驻村干部工作台账（2024年5月）'], ['填报单位（盖章）：某某镇党委'], upper, lower, cadreRow(1, '张三')],
      ['A1:O1', 'A2:O2', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:F3', 'G3:K3', 'L3:M3', 'N3:O3'],
    );
    const r = await read(spec);
    const info = r.ledgers[0]!;
    expect(info.headerRows).toEqual([3, 4]);
    expect(factsOf(info)).toEqual([...ALL_FACTS].sort());
    const header = (fact: string) => info.columns.find((c) => c.fact === fact)!;
    expect(header('households')).toEqual({ fact: 'households', label: '联系户数', header: '入户情况 / 联系户数', cell: 'E4' });
    expect(header('poorHousehold').header).toBe('五个一 / 贫困户');
    expect(header('name').header).toBe('姓名');
    expect(info.unmapped).toEqual([]);
    expect(r.records).toHaveLength(1);
    expect(r.records[0]!.row).toBe(5);
    expect(r.records[0]!.period).toBe('2024-05');
  });

  it('reads a two-row header exported to CSV style, with no merges and blanks beside the groups', async () => {
    const upper = ['序号', '姓名', '所驻村', '下基层天数', '入户情况', '', '五个一', '', '', '', '', '承诺数', '完成数', '领导评分', '群众测评'];
    const lower = ['', '', '', '', '联系户数', '入户数', '一事一议', '合作社', '党员中心户', '致富能手', '贫困户', '', '', '', ''];
    const r = await read(sheet('2024年5月', [upper, lower, cadreRow(1, '张三')]));
    expect(r.ledgers[0]!.headerRows).toEqual([1, 2]);
    expect(factsOf(r.ledgers[0]!)).toEqual([...ALL_FACTS].sort());
    expect(r.records.map((x) => x.name)).toEqual(['张三']);
  });

  it('never takes the first data row for the lower half of a header', async () => {
    // The row below the header holds a name and a village in text, the rest blank or ticks.
    const first = [1, '李四', '红旗村', null, null, null, '√', '√', '√', '√', '√', null, null, null, null];
    const r = await read(ledger('2024年5月', [first, cadreRow(2, '张三')]));
    expect(r.ledgers[0]!.headerRows).toEqual([1, 1]);
    expect(r.records.map((x) => x.name)).toEqual(['李四', '张三']);
  });

  it('maps traditional, full-width, spaced and unit-bracketed headers', async () => {
    const header = ['序號', '姓　名', '所駐嘎查', '下基層天數（天）', '聯繫戶數（戶）', '入戶數(户)', '一事一議', '合作社', '黨員中心戶', '致富能手', '貧困戶', '承諾數', '完成數', '領導評分（１００分）', '群 众 测 评'];
    const r = await read(ledger('2024.06', [cadreRow(1, '額爾德木圖')], { header }));
    expect(factsOf(r.ledgers[0]!)).toEqual([...ALL_FACTS].sort());
    expect(r.ledgers[0]!.unmapped).toEqual([]);
    expect(r.records[0]!.name).toBe('額爾德木圖');
    expect(r.records[0]!.facts.leaderScore).toBe(100);
  });

  it('maps the usual other names of each column', async () => {
    const header = ['编号', '驻村干部姓名', '包联村', '在村天数', '应走访户数', '实际走访户数', '一事一议', '领办合作社', '中心户', '培养致富能手', '结对帮扶', '承诺事项数', '践诺数', '领导测评', '代表测评'];
    const r = await read(ledger('2024年5月', [cadreRow(1, '张三')], { header }));
    expect(factsOf(r.ledgers[0]!)).toEqual([...ALL_FACTS].sort());
  });

  it('maps "驻嘎查工作天数" to days, not to the village its "嘎查" might suggest', async () => {
    const header = [...HEADER];
    header[3] = '驻嘎查工作天数';
    const r = await read(ledger('2024年5月', [cadreRow(1, '张三', { days: 12 })], { header }));
    expect(r.ledgers[0]!.columns.find((c) => c.fact === 'days')!.header).toBe('驻嘎查工作天数');
    expect(r.records[0]!.facts.days).toBe(12);
    expect(r.records[0]!.branch).toBe('红旗村');
  });

  it('leaves a sheet of notes alone, even one that names the columns', async () => {
    const notes = sheet('填表说明', [
      ['驻村干部工作台账填表说明'],
      ['栏目', '填写要求'],
      ['姓名', '填写驻村干部本人姓名'],
      ['下基层天数', '以考勤记录为准，每月不少于10天'],
      ['联系户数 / 入户数', '入户率不低于20%'],
      ['五个一', '完成的填“√”'],
    ]);
    const r = await read(ledger('2024年5月', [cadreRow(1, '张三')]), notes);
    expect(r.ledgers.map((l) => l.sheet)).toEqual(['2024年5月']);
    expect(r.otherSheets).toEqual(['填表说明']);
    expect(r.warnings.filter((w) => w.sheet === '填表说明')).toEqual([]);
  });

  it('reports a column it cannot map, naming its header cell', async () => {
    const r = await read(ledger('2024年5月', [[...cadreRow(1, '张三'), '苏木副书记']], { header: [...HEADER, '包联领导'] }));
    expect(r.ledgers[0]!.unmapped).toEqual([{ header: '包联领导', cell: 'P1' }]);
    expect(r.warnings).toEqual([
      { sheet: '2024年5月', cell: 'P1', period: '2024-05', message: '无法识别的列“包联领导”，可在侧边栏中手动对应', messageEn: 'column "包联领导" was not recognised; map it by hand in the sidebar' },
    ]);
  });

  it('reports a column the pack needs and the sheet lacks', async () => {
    const header = HEADER.slice(0, 14);
    const r = await read(ledger('2024年5月', [cadreRow(1, '张三').slice(0, 14)], { header }));
    expect(r.ledgers[0]!.missing).toEqual([{ fact: 'publicScore', label: '群众测评' }]);
    expect(r.warnings.map((w) => [w.cell, w.message])).toEqual([['', '没有找到“群众测评”列，相关指标不计分']]);
  });

  it('follows the user\'s mapping over the aliases', async () => {
    const header = [...HEADER];
    header[13] = '书记打分';
    header[14] = '群众测评';
    const snapshot = await snapshotOf(ledger('2024年5月', [[...cadreRow(1, '张三', { leader: 90 }), '80']], { header: [...header, '包联领导'] }));
    const unmapped = readLedgers(snapshot, pack);
    expect(unmapped.ledgers[0]!.missing.map((m) => m.fact)).toEqual(['leaderScore']);

    const mapped = readLedgers(snapshot, pack, { mapping: { 书记打分: 'leaderScore', 包联领导: 'ignore' } });
    expect(mapped.ledgers[0]!.missing).toEqual([]);
    expect(mapped.ledgers[0]!.unmapped).toEqual([]);
    expect(mapped.records[0]!.facts.leaderScore).toBe(90);

    // A mapping can also take a column away from the alias that claimed it.
    const overridden = readLedgers(snapshot, pack, { mapping: { 群众测评: 'ignore', 包联领导: 'publicScore' } });
    expect(overridden.records[0]!.facts.publicScore).toBe(80);
  });
});

/** A 填报说明 block as townships write it above a ledger: a heading, then numbered instructions, some with figures. */
function preamble(lines: number): FixtureCell[][] {
  const rows: FixtureCell[][] = [['填报说明']];
  for (let i = 1; rows.length < lines; i++) {
    rows.push([i, `第${i}条：下基层天数以考勤为准，每月不少于10天；入户率不低于20%。`]);
    if (i % 7 === 0 && rows.length < lines) rows.push([]);
  }
  return rows;
}

describe('finding the header past any preamble', () => {
  for (const lines of [25, 200]) {
    it(`reads a ledger whose header sits under a ${lines}-row 填报说明 block, with its cadres`, async () => {
      const top = preamble(lines);
      const spec = sheet('2024年5月台账', [...top, ['某某镇驻村干部工作台账（2024年5月）'], ['填报单位（盖章）：某某镇党委'], HEADER, cadreRow(1, '张三'), cadreRow(2, '李四', { days: 8 }), ['合计']]);
      const r = await read(spec);
      expect(r.otherSheets).toEqual([]);
      expect(r.ledgers).toHaveLength(1);
      expect(r.ledgers[0]!.headerRows).toEqual([lines + 3, lines + 3]);
      expect(factsOf(r.ledgers[0]!)).toEqual([...ALL_FACTS].sort());
      expect(r.records.map((x) => [x.name, x.row, x.facts.days])).toEqual([
        ['张三', lines + 4, 10],
        ['李四', lines + 5, 8],
      ]);
    });
  }

  it('finds a two-row merged header under a long preamble', async () => {
    const upper = ['序号', '姓名', '所驻村', '下基层天数', '入户情况', null, '五个一', null, null, null, null, '承诺践诺', null, '双评', null];
    const lower = [null, null, null, null, '联系户数', '入户数', '一事一议', '合作社', '党员中心户', '致富能手', '贫困户', '承诺数', '完成数', '领导评分', '群众测评'];
    const top = preamble(40);
    const h = top.length + 1;
    const merges = [`A${h}:A${h + 1}`, `B${h}:B${h + 1}`, `C${h}:C${h + 1}`, `D${h}:D${h + 1}`, `E${h}:F${h}`, `G${h}:K${h}`, `L${h}:M${h}`, `N${h}:O${h}`];
    const r = await read(sheet('2024年5月', [...top, upper, lower, cadreRow(1, '张三')], merges));
    expect(r.ledgers[0]!.headerRows).toEqual([h, h + 1]);
    expect(factsOf(r.ledgers[0]!)).toEqual([...ALL_FACTS].sort());
    expect(r.records.map((x) => x.name)).toEqual(['张三']);
  });

  it('stops once data rows run under the header: a table further down is not taken for it', async () => {
    // The scan ends in the first table's rows; the second header, better or not, is never reached.
    const rows = [HEADER, ...Array.from({ length: 30 }, (_, i) => cadreRow(i + 1, `干部${i + 1}`)), [], [...HEADER, '包联领导']];
    const header = findHeader(rows as Cell[][], new ColumnMatcher(pack.columns, pack.ignoredColumns), 'name', 3);
    expect(header?.top).toBe(0);
  });
});

describe('the header search stays proportional to the rows above the data', () => {
  /** Counts the labels it is asked to match: the costly part of the search. */
  class CountingMatcher extends ColumnMatcher {
    calls = 0;
    override match(label: string) {
      this.calls++;
      return super.match(label);
    }
  }
  const rows = [['某某镇驻村干部工作台账（2024年5月）'], ...preamble(30), HEADER, ...Array.from({ length: 10_000 }, (_, i) => cadreRow(i + 1, `干部${i + 1}`))] as Cell[][];

  it('matches the labels of a handful of rows in a 10,000-row ledger, not its data', () => {
    const matcher = new CountingMatcher(pack.columns, pack.ignoredColumns);
    expect(findHeader(rows, matcher, 'name', 3)?.top).toBe(31);
    expect(matcher.calls).toBeLessThan(HEADER.length * 3);
  });

  it('gives up on a 10,000-row sheet of another ledger once its data rows run, without matching them', () => {
    const meetings = branchPack().meetings;
    const matcher = new CountingMatcher(meetings.columns, meetings.ignoredColumns);
    expect(findHeader(rows, matcher, 'meetingType', 3)).toBeUndefined();
    expect(matcher.calls).toBeLessThan(HEADER.length * 3);
  });
});

describe('group columns with a bracketed part', () => {
  for (const label of ['所在嘎查（社区）', '所属村（社区）', '嘎查（村）', '所驻村(社区)', '包联嘎查【村】']) {
    it(`reads "${label}" as the village column`, async () => {
      const header = [...HEADER];
      header[2] = label;
      const r = await read(ledger('2024年5月', [cadreRow(1, '张三', { village: '巴彦嘎查' })], { header }));
      expect(r.ledgers[0]!.unmapped).toEqual([]);
      expect(r.ledgers[0]!.columns.find((c) => c.fact === 'village')!.header).toBe(label);
      expect(r.records[0]!.branch).toBe('巴彦嘎查');
    });
  }

  it('keeps units in brackets to the label before them', () => {
    const matcher = new ColumnMatcher(pack.columns, pack.ignoredColumns);
    expect(matcher.match('下基层天数（天）')).toBe('days');
    expect(matcher.match('领导评分（100分）')).toBe('leaderScore');
    expect(matcher.match('代办点（支部）')).toBeUndefined();
  });
});
