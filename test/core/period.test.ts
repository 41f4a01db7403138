import { describe, expect, it } from 'vitest';
import { monthsOf, parsePeriodId, periodContains, periodLabel, yearMonthIn } from '../../src/core/period';

describe('the month a title or sheet name gives', () => {
  it.each([
    ['2024年4月驻村干部台账', { year: 2024, month: 4 }],
    ['某某苏木驻嘎查干部工作台账（2024年5月）', { year: 2024, month: 5 }],
    ['2024.06', { year: 2024, month: 6 }],
    ['2024-06', { year: 2024, month: 6 }],
    ['202405台账', { year: 2024, month: 5 }],
    ['２０２４年１１月', { year: 2024, month: 11 }],
    ['5月台账', { year: undefined, month: 5 }],
    ['十二月台账', { year: undefined, month: 12 }],
    ['五月份', { year: undefined, month: 5 }],
    ['2024年台账', { year: 2024, month: undefined }],
    ['驻村干部台账', { year: undefined, month: undefined }],
    ['Sheet1', { year: undefined, month: undefined }],
  ])('%s → %j', (text, expected) => {
    expect(yearMonthIn(text)).toEqual(expected);
  });
});

describe('periods a user asks for', () => {
  it.each([
    ['2024-05', '2024-05'],
    ['2024-5', '2024-05'],
    ['２０２４-０５', '2024-05'],
    ['2024-Q2', '2024-Q2'],
    ['2024-q2', '2024-Q2'],
    ['2024', '2024'],
  ])('%s → %s', (text, id) => {
    expect(parsePeriodId(text)).toBe(id);
  });

  it.each(['2024-13', '2024-00', '5月', '2024-Q5', '24-05', ''])('%j is not a period', (text) => {
    expect(parsePeriodId(text)).toBeUndefined();
  });

  it('covers its months', () => {
    expect(monthsOf('2024-05')).toEqual(['2024-05']);
    expect(monthsOf('2024-Q2')).toEqual(['2024-04', '2024-05', '2024-06']);
    expect(monthsOf('2024-Q4')).toEqual(['2024-10', '2024-11', '2024-12']);
    expect(monthsOf('2024')).toHaveLength(12);
    expect(periodContains('2024-Q2', '2024-06')).toBe(true);
    expect(periodContains('2024-Q2', '2024-07')).toBe(false);
    expect(periodContains('2024', '2023-12')).toBe(false);
  });

  it('is named in Chinese', () => {
    expect(periodLabel('2024-05')).toBe('2024年5月');
    expect(periodLabel('2024-Q2')).toBe('2024年第二季度');
    expect(periodLabel('2024')).toBe('2024年');
    expect(periodLabel('2024-Q2', 'en')).toBe('2024-Q2');
  });
});
