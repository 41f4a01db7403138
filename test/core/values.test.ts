import { describe, expect, it } from 'vitest';
import { isBlank, isDitto, isEmptyWord, parseBoolean, parseDate, parseName, parseNumber, parsePercent, parseText } from '../../src/core/values';

const value = <T>(v: T) => ({ kind: 'value', value: v });
const EMPTY = { kind: 'empty' };
const invalid = (text: string) => ({ kind: 'invalid', text });

describe('numbers as staff write them', () => {
  it.each([
    [12, 12],
    ['12', 12],
    [' 12 ', 12],
    ['１２', 12],
    ['10天', 10],
    ['１１天', 11],
    ['5户', 5],
    ['5戶', 5],
    ['92分', 92],
    ['3个', 3],
    ['6起', 6],
    ['96%', 96],
    ['1,200', 1200],
    ['12.5', 12.5],
    ['－3', -3],
    ['八', 8],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十五', 25],
    [0, 0],
  ])('%j → %d', (cell, expected) => {
    expect(parseNumber(cell)).toEqual(value(expected));
  });

  it.each([null, '', '  ', '无', '—', '——', '-', '/', '暂无', 'N/A', '無', '暫無'])('%j is nothing written', (cell) => {
    expect(parseNumber(cell)).toEqual(EMPTY);
  });

  it.each([
    ['不详', '不详'],
    ['待补', '待补'],
    ['10-12', '10-12'],
    ['约10天', '约10天'],
    ['十一二', '十一二'],
    [true, 'true'],
  ])('%j cannot be read, and the text is kept for the warning', (cell, text) => {
    expect(parseNumber(cell)).toEqual(invalid(text));
  });
});

describe('percentages', () => {
  it.each([
    ['96%', 0.96],
    ['９６％', 0.96],
    ['85.71%', 0.8571],
    [' 20 % ', 0.2],
    [96, 0.96],
    [0.96, 0.96],
    ['0.96', 0.96],
    ['96', 0.96],
  ])('%j → %d', (cell, expected) => {
    const parsed = parsePercent(cell);
    expect(parsed.kind).toBe('value');
    expect((parsed as { value: number }).value).toBeCloseTo(expected, 10);
  });

  it('reads nothing and nonsense as such', () => {
    expect(parsePercent('无')).toEqual(EMPTY);
    expect(parsePercent('大约九成')).toEqual(invalid('大约九成'));
  });
});

describe('yes and no marks', () => {
  it.each(['√', '✓', '✔', '是', '有', '1', 1, '１', '完成', '已完成', 'Y', true, ' √ ', '達標', '對'])('%j is yes', (cell) => {
    expect(parseBoolean(cell)).toEqual(value(true));
  });
  it.each(['×', '✗', 'X', 'x', '否', '无', '0', 0, '未完成', '没有', false, '無', '沒有', '未達標', '錯'])('%j is no', (cell) => {
    expect(parseBoolean(cell)).toEqual(value(false));
  });
  it.each([null, '', '—', '-', '/'])('%j is nothing written', (cell) => {
    expect(parseBoolean(cell)).toEqual(EMPTY);
  });
  it.each([['不详', '不详'], [2, '2'], ['半完成', '半完成']])('%j cannot be read', (cell, text) => {
    expect(parseBoolean(cell)).toEqual(invalid(text));
  });
});

describe('dates', () => {
  it.each([
    ['2024.5.6', '2024-05-06'],
    ['2024年5月6日', '2024-05-06'],
    ['２０２４年５月６日', '2024-05-06'],
    ['2024/5/6', '2024-05-06'],
    ['2024-05-06', '2024-05-06'],
    ['2024-05-06T00:00:00', '2024-05-06'],
    ['20240506', '2024-05-06'],
    [20240506, '2024-05-06'],
    [45418, '2024-05-06'],
    [45418.75, '2024-05-06'],
    ['2024年12月31日', '2024-12-31'],
  ])('%j → %s', (cell, iso) => {
    expect(parseDate(cell)).toEqual(value(iso));
  });

  it('takes the year of "5月6日" from the title or sheet', () => {
    expect(parseDate('5月6日', 2024)).toEqual(value('2024-05-06'));
    expect(parseDate('5.6', 2023)).toEqual(value('2023-05-06'));
    expect(parseDate('5月6日')).toEqual(invalid('5月6日'));
  });

  it.each(['2024.2.30', '2024年13月1日', '20241301', '上旬', '2024年5月'])('%j is not a day', (cell) => {
    expect(parseDate(cell).kind).toBe('invalid');
  });

  it('reads nothing as nothing', () => {
    expect(parseDate('无')).toEqual(EMPTY);
    expect(parseDate(null)).toEqual(EMPTY);
  });
});

describe('names and text', () => {
  it.each([
    ['张  三', '张三'],
    ['王　芳', '王芳'],
    [' 其木格 ', '其木格'],
    ['敖 特 根', '敖特根'],
    ['阿拉坦·仓', '阿拉坦·仓'],
    ['額爾德木圖', '額爾德木圖'],
  ])('%j → %s, characters kept as written', (cell, name) => {
    expect(parseName(cell)).toEqual(value(name));
  });

  it('has no name in an empty cell or a dash', () => {
    expect(parseName(null)).toEqual(EMPTY);
    expect(parseName('　')).toEqual(EMPTY);
    expect(parseName('—')).toEqual(EMPTY);
  });

  it('trims free text and folds its runs of spaces', () => {
    expect(parseText('  宝力格   嘎查 ')).toEqual(value('宝力格 嘎查'));
    expect(parseText('无')).toEqual(EMPTY);
  });

  it('knows ditto marks, blanks and empty words', () => {
    for (const mark of ['同上', '〃', '"', '＂', ' 同 上 ']) expect(isDitto(mark)).toBe(true);
    for (const other of ['同上级', '上', '', null]) expect(isDitto(other)).toBe(false);
    expect(isBlank('　 ')).toBe(true);
    expect(isBlank('〃')).toBe(false);
    expect(isEmptyWord('—')).toBe(true);
    // A ledger kept in traditional characters says 無 and 暫無.
    expect(isEmptyWord('無')).toBe(true);
    expect(isEmptyWord('暫無')).toBe(true);
    expect(isEmptyWord('不详')).toBe(false);
  });
});
