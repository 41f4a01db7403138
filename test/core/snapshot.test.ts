import { describe, expect, it } from 'vitest';
import { a1, asShown, unmergedValues } from '../../src/core/snapshot';

describe('cells as the host hands them over', () => {
  it('turns a number shown as a percentage into the text the user sees', () => {
    expect(asShown(0.96, '0%')).toBe('96%');
    expect(asShown(0.8571, '0.00%')).toBe('85.71%');
    expect(asShown(1, '0%')).toBe('100%');
    expect(asShown(0.07, '0.0%')).toBe('7%');
  });

  it('leaves other cells alone, and a % that is literal text in the format', () => {
    expect(asShown(96, '0')).toBe(96);
    expect(asShown(96, undefined)).toBe(96);
    expect(asShown(96, '0"%"')).toBe(96);
    expect(asShown('96%', '0%')).toBe('96%');
    expect(asShown(null, '0%')).toBeNull();
  });
});

describe('merged ranges and cell names', () => {
  it('fills a merged range from its first cell, leaving the snapshot as it was', () => {
    const sheet = { name: 's', values: [['入户情况', null, '五个一'], ['联系户数', '入户数', '一事一议']], merges: [{ top: 0, left: 0, bottom: 0, right: 1 }] };
    expect(unmergedValues(sheet)).toEqual([['入户情况', '入户情况', '五个一'], ['联系户数', '入户数', '一事一议']]);
    expect(sheet.values[0]).toEqual(['入户情况', null, '五个一']);
  });

  it('names cells in A1 notation', () => {
    expect([a1(0, 0), a1(9, 3), a1(0, 25), a1(4, 26), a1(0, 701)]).toEqual(['A1', 'D10', 'Z1', 'AA5', 'ZZ1']);
  });
});
