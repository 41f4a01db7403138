import { describe, expect, it } from 'vitest';
import { BranchNameRules, BranchRoster } from '../../src/core/branch/names';
import { assess, branchPack, MEETING_HEADER, meetingRows, Q2 } from './helpers';

const rules = new BranchNameRules(branchPack().names);

describe('branch names across ledgers', () => {
  it('folds the ways one branch is written to one key', () => {
    const variants = ['巴彦嘎查', '巴彦嘎查党支部', '巴彥嘎查党支部', '巴彥嘎查黨支部', '巴彦 嘎查党支部', '巴彦嘎查党总支', '巴彦嘎查（党支部）', '巴彦嘎查支部委员会'];
    expect(new Set(variants.map((v) => rules.key(v)))).toEqual(new Set(['巴彦嘎查']));
    expect(rules.key('镇机关党支部')).toBe('镇机关');
    expect(rules.key('　巴彦嘎查 党支部　')).toBe('巴彦嘎查');
    expect(rules.key('第１社区党支部')).toBe('第1社区');
  });

  it('keeps 嘎查 and 社区 apart but lets a bare name join the one branch it can mean', () => {
    const roster = new BranchRoster(rules, ['巴彦嘎查党支部', '巴彦社区党支部', '乌兰嘎查党支部']);
    expect(roster.branches.map((b) => b.id).sort()).toEqual(['乌兰嘎查', '巴彦嘎查', '巴彦社区']);
    expect(roster.match('乌兰')?.name).toBe('乌兰嘎查党支部');
    // 巴彦 could be 巴彦嘎查 or 巴彦社区: it is not guessed.
    expect(roster.match('巴彦')).toBeUndefined();
    expect(roster.match('巴彦村')).toBeUndefined();
    expect(roster.match('巴彥社区')?.name).toBe('巴彦社区党支部');
  });

  it('shows the fullest simplified form and records every variant', () => {
    const roster = new BranchRoster(rules, ['巴彦嘎查', '巴彥嘎查党支部', '巴彦嘎查党支部', '巴彦']);
    expect(roster.branches).toHaveLength(1);
    const b = roster.branches[0]!;
    expect(b.name).toBe('巴彦嘎查党支部');
    expect([...b.variants.keys()].sort()).toEqual(['巴彥嘎查党支部', '巴彦', '巴彦嘎查', '巴彦嘎查党支部'].sort());
  });

  it('drops a leading township name only when nothing else matches', () => {
    const roster = new BranchRoster(rules, ['巴彦嘎查党支部', '吉仁高勒镇乌兰嘎查党支部']);
    expect(roster.branches).toHaveLength(2);
    expect(roster.match('吉仁高勒镇巴彦嘎查')?.name).toBe('巴彦嘎查党支部');
    expect(roster.match('乌兰嘎查')?.name).toBe('吉仁高勒镇乌兰嘎查党支部');
  });

  it('follows the user alias table, also to a branch the records do not name', () => {
    const roster = new BranchRoster(rules, ['宝日温都尔嘎查党支部'], { 宝日温都: '宝日温都尔嘎查', 新艾里: '新艾里嘎查党支部' });
    expect(roster.match('宝日温都嘎查')?.name).toBe('宝日温都尔嘎查党支部');
    expect(roster.match('宝日温都')?.name).toBe('宝日温都尔嘎查党支部');
    expect(roster.match('新艾里嘎查')?.name).toBe('新艾里嘎查党支部');
    expect(roster.match('宝日')).toBeUndefined();
  });
});

describe('names across the ledgers of a workbook', () => {
  const meetings = { name: '三会一课', rows: [MEETING_HEADER, ...meetingRows('温都尔嘎查党支部', Q2), ...meetingRows('巴彦嘎查党支部', Q2)] };
  const cadres = {
    name: '5月驻村台账',
    rows: [['2024年5月驻村干部台账'], ['姓名', '所驻嘎查', '下基层天数', '联系户数', '入户数'], ['图雅', '温多尔', 4, 40, 1], ['孟和', '巴彥', 15, 30, 12]],
  };

  it('reports a name that matches nothing with its sheet and cell, and leaves its figures out', async () => {
    const a = await assess([meetings, cadres], { period: '2024-Q2' });
    expect(a.unmatched).toEqual([{ name: '温多尔', ledger: '驻村干部月度考核', ledgerEn: 'Stationed cadres, monthly assessment', sheet: '5月驻村台账', cell: 'B3', rows: 1 }]);
    expect(a.warnings.map((w) => `${w.sheet}!${w.cell} ${w.message}`)).toEqual([
      '5月驻村台账!B3 “温多尔”对应不上三会一课记录中的任何支部，未计入（可在“支部名称对照”表中填写“台账中的写法”和“对应支部”两列）',
    ]);
    expect(a.cadreResults).toBe(1);
    expect(a.branches.find((b) => b.name === '巴彦嘎查党支部')!.variants).toContain('巴彥');
  });

  it('reads the user’s 支部名称对照 sheet and matches through it', async () => {
    const table = { name: '支部名称对照', rows: [['序号', '台账中的写法', '对应支部'], [1, '温多尔', '温都尔嘎查党支部']] };
    const a = await assess([meetings, cadres, table], { period: '2024-Q2' });
    expect(a.aliasSheets).toEqual(['支部名称对照']);
    expect(a.unmatched).toEqual([]);
    expect(a.cadreResults).toBe(2);
    const b = a.branches.find((x) => x.name === '温都尔嘎查党支部')!;
    expect(b.flags.map((f) => f.message)).toEqual(['驻村干部：图雅（2024年5月）考评不合格（应无不合格）']);
    expect(a.sheets).toEqual({ 'branch/meetings': ['三会一课'], 'stationed-cadre/ledger': ['5月驻村台账'] });
  });

  it('takes aliases from the caller as well, over the pack’s', async () => {
    const a = await assess([meetings, cadres], { period: '2024-Q2', aliases: { 温多尔: '温都尔嘎查' } });
    expect(a.unmatched).toEqual([]);
  });
});
