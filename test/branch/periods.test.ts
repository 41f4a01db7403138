import { describe, expect, it } from 'vitest';
import { deadlineAfter, nextPeriod, quarterOf, quartersSpanning, unitsLabel, unitsWithin } from '../../src/core/period';
import { monthsOf, parsePeriodId, periodLabel, yearQuarterIn } from '../../src/core/period';

describe('periods: months, quarters and years', () => {
  it('reads what staff type for a period', () => {
    expect(parsePeriodId('2024-05')).toBe('2024-05');
    expect(parsePeriodId('2024-5')).toBe('2024-05');
    expect(parsePeriodId('2024-q2')).toBe('2024-Q2');
    expect(parsePeriodId('２０２４')).toBe('2024');
    expect(parsePeriodId('2024-Q5')).toBeUndefined();
    expect(parsePeriodId('2024-13')).toBeUndefined();
  });

  it('puts months in quarters at the boundaries', () => {
    expect(['2024-01', '2024-03', '2024-04', '2024-06', '2024-07', '2024-09', '2024-10', '2024-12'].map(quarterOf)).toEqual([
      '2024-Q1', '2024-Q1', '2024-Q2', '2024-Q2', '2024-Q3', '2024-Q3', '2024-Q4', '2024-Q4',
    ]);
    expect(monthsOf('2024-Q4')).toEqual(['2024-10', '2024-11', '2024-12']);
  });

  it('judges a requirement only in units wholly inside the period', () => {
    expect(unitsWithin('2024-Q2', 'month')).toEqual(['2024-04', '2024-05', '2024-06']);
    expect(unitsWithin('2024-Q2', 'quarter')).toEqual(['2024-Q2']);
    expect(unitsWithin('2024-05', 'quarter')).toEqual([]);
    expect(unitsWithin('2024', 'quarter')).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    expect(unitsWithin('2024', 'year')).toEqual(['2024']);
    expect(unitsWithin('2024-Q2', 'year')).toEqual([]);
    expect(unitsWithin('2024', 'month')).toHaveLength(12);
  });

  it('spans the quarters of the months a ledger covers', () => {
    expect(quartersSpanning(['2024-06', '2024-03', '2024-04', '2024-05'])).toEqual(['2024-Q1', '2024-Q2']);
    expect(quartersSpanning(['2023-12', '2024-01'])).toEqual(['2023-Q4', '2024-Q1']);
  });

  it('names units the way a report does, the year said once', () => {
    expect(unitsLabel(['2024-06', '2024-05'])).toBe('2024年5月、6月');
    expect(unitsLabel(['2023-12', '2024-01'])).toBe('2023年12月、2024年1月');
    expect(unitsLabel(['2024-Q1', '2024-Q3'])).toBe('2024年第一季度、第三季度');
    expect(periodLabel('2024-Q2')).toBe('2024年第二季度');
  });

  it('sets rectification deadlines at the end of a later month', () => {
    expect(deadlineAfter('2024-Q2', 1)).toBe('2024年7月31日');
    expect(deadlineAfter('2024-Q2', 3)).toBe('2024年9月30日');
    expect(deadlineAfter('2024-01', 1)).toBe('2024年2月29日');
    expect(deadlineAfter('2024', 1)).toBe('2025年1月31日');
  });

  it('steps to the next period across a year end', () => {
    expect(['2024-05', '2024-12', '2024-Q2', '2024-Q4', '2024'].map(nextPeriod)).toEqual(['2024-06', '2025-01', '2024-Q3', '2025-Q1', '2025']);
  });

  it('finds a quarter or a year in a title', () => {
    expect(yearQuarterIn('2024年第二季度各党支部工作情况统计表')).toEqual({ year: 2024, quarter: 2 });
    expect(yearQuarterIn('二季度')).toEqual({ year: undefined, quarter: 2 });
    expect(yearQuarterIn('2024-Q3')).toEqual({ year: 2024, quarter: 3 });
    expect(yearQuarterIn('2024年各党支部统计表')).toEqual({ year: 2024, quarter: undefined });
  });
});
