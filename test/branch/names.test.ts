import { describe, expect, it } from 'vitest';
import { BranchNameRules, BranchRoster } from '../../src/core/branch/names';
import { branchPack } from './helpers';

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
