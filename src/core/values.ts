import type { Cell } from './snapshot';
import { cleanName, cleanText, halfWidth } from './text';

/** What a cell turned into: a value, "nothing written", or text that could not be read. */
export type Parsed<T> = { kind: 'value'; value: T } | { kind: 'empty' } | { kind: 'invalid'; text: string };

// Traditional forms too (無, 暫無): a ledger kept in traditional characters writes its words in them.
const EMPTY_WORDS = new Set(['', '无', '無', '-', '--', '—', '——', '–', '/', '\\', '空', '暂无', '暫無', 'n/a', 'na', '#n/a']);
const DITTO = new Set(['同上', '〃', '"', '”', '““', '""', '、、', '々']);

const value = <T>(v: T): Parsed<T> => ({ kind: 'value', value: v });
const EMPTY: Parsed<never> = { kind: 'empty' };
const invalid = (text: string): Parsed<never> => ({ kind: 'invalid', text });

function cellText(cell: Cell): string {
  return cell === null ? '' : halfWidth(String(cell)).trim();
}

export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

export function isEmptyWord(cell: Cell): boolean {
  return EMPTY_WORDS.has(cellText(cell).toLowerCase());
}

/** Ditto marks (同上, 〃) mean "the same as the row above". */
export function isDitto(cell: Cell): boolean {
  return typeof cell === 'string' && cell.length <= DITTO_LONGEST && DITTO.has(cleanName(halfWidth(cell)));
}

/** "同 上" with a space or two either side; anything longer is a value, not a ditto mark. */
const DITTO_LONGEST = 6;

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Small Chinese numerals as staff write them in counts: 八, 十二, 二十, 二十五. */
function chineseNumber(text: string): number | undefined {
  if (!/^[零〇一二两三四五六七八九十]+$/.test(text)) return undefined;
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? CN_DIGITS[text] : undefined;
  if (text.indexOf('十', ten + 1) >= 0) return undefined;
  const tens = ten === 0 ? 1 : text.length > 0 && ten === 1 ? CN_DIGITS[text[0]!] : undefined;
  const rest = text.slice(ten + 1);
  const ones = rest === '' ? 0 : rest.length === 1 ? CN_DIGITS[rest] : undefined;
  if (tens === undefined || ones === undefined) return undefined;
  return tens * 10 + ones;
}

/** Units staff append to counts and scores: 10天, 5户, 92分, 3个, 2次, 6起 (disputes). */
const UNIT_SUFFIX = /(天|日|户|戶|分|个|個|次|人|项|項|件|起|元|名|家|场|場|期)$/;

/** A number as staff write it: full-width digits, thousands separators, units, small Chinese numerals. */
export function parseNumber(cell: Cell): Parsed<number> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? value(cell) : invalid(String(cell));
  if (typeof cell === 'boolean') return invalid(String(cell));
  const text = cellText(cell);
  if (EMPTY_WORDS.has(text.toLowerCase())) return EMPTY;
  // A score written as "96%" still means 96 points.
  const bare = text.replace(/[,，\s]/g, '').replace(UNIT_SUFFIX, '').replace(/%$/, '');
  if (/^[-+]?(\d+\.?\d*|\.\d+)$/.test(bare)) return value(Number(bare));
  const cn = chineseNumber(bare);
  return cn === undefined ? invalid(text) : value(cn);
}

/**
 * A rate as a fraction (0.96). "96%" and 96 both mean 96%; a bare number of
 * at most 1 is taken as a fraction already (0.96), as spreadsheets store it.
 */
export function parsePercent(cell: Cell): Parsed<number> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? value(cell > 1 ? cell / 100 : cell) : invalid(String(cell));
  const text = cellText(cell);
  if (EMPTY_WORDS.has(text.toLowerCase())) return EMPTY;
  const pct = /^([-+]?\d+\.?\d*)\s*%$/.exec(text.replace(/[,，\s]/g, ''));
  if (pct) return value(Number(pct[1]) / 100);
  const n = parseNumber(cell);
  if (n.kind !== 'value') return n;
  return value(n.value > 1 ? n.value / 100 : n.value);
}

const TRUE_WORDS = new Set(['√', '✓', '✔', '☑', '是', '有', '1', 'y', 'yes', 'true', '完成', '已完成', '已', '达标', '達標', '对', '對']);
const FALSE_WORDS = new Set(['×', '✗', '✘', 'x', '☒', '否', '无', '無', '0', 'n', 'no', 'false', '未完成', '未', '没有', '沒有', '未达标', '未達標', '错', '錯']);

/** Yes/no as staff mark it: √ × 是 否 有 无 1 0 完成 未完成. */
export function parseBoolean(cell: Cell): Parsed<boolean> {
  if (typeof cell === 'boolean') return value(cell);
  if (typeof cell === 'number') return cell === 1 ? value(true) : cell === 0 ? value(false) : invalid(String(cell));
  const text = cellText(cell).toLowerCase();
  if (TRUE_WORDS.has(text)) return value(true);
  if (FALSE_WORDS.has(text)) return value(false);
  if (EMPTY_WORDS.has(text)) return EMPTY;
  return invalid(cellText(cell));
}

/** Days between 1899-12-30 (the spreadsheet epoch) and 1970-01-01. */
const SERIAL_EPOCH_OFFSET = 25569;

function isoDate(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const FULL_DATE = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?(?:[T\s].*)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Whether a cell is written as a whole day (2024/02/30, 2023-13-01, 20240231),
 * whether or not that day exists: one that does not is never read as a month.
 */
export function isDateShaped(cell: Cell): boolean {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 19000101 && cell <= 22001231;
  const text = typeof cell === 'string' ? cellText(cell) : '';
  return FULL_DATE.test(text) || COMPACT_DATE.test(text);
}

/**
 * A date as an ISO day (2024-05-06) from 2024.5.6, 2024年5月6日, 2024/5/6,
 * 2024-05-06, 20240506, a spreadsheet serial number, an ISO timestamp the
 * host produced, or 5月6日 with the year taken from `defaultYear`.
 */
export function parseDate(cell: Cell, defaultYear?: number): Parsed<string> {
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 19000101 && cell <= 22001231) {
      const iso = isoDate(Math.floor(cell / 10000), Math.floor(cell / 100) % 100, cell % 100);
      return iso ? value(iso) : invalid(String(cell));
    }
    if (cell > 0 && cell < 100000) {
      const ms = (Math.floor(cell) - SERIAL_EPOCH_OFFSET) * 86400000;
      return value(new Date(ms).toISOString().slice(0, 10));
    }
    return invalid(String(cell));
  }
  if (typeof cell === 'boolean') return invalid(String(cell));
  const text = cellText(cell);
  if (EMPTY_WORDS.has(text.toLowerCase())) return EMPTY;
  let m = FULL_DATE.exec(text);
  if (m) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? value(iso) : invalid(text);
  }
  m = COMPACT_DATE.exec(text);
  if (m) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? value(iso) : invalid(text);
  }
  m = /^(\d{1,2})\s*[月.\/-]\s*(\d{1,2})\s*日?$/.exec(text);
  if (m && defaultYear !== undefined) {
    const iso = isoDate(defaultYear, Number(m[1]), Number(m[2]));
    return iso ? value(iso) : invalid(text);
  }
  return invalid(text);
}

/** A person's name: padding removed (张  三 → 张三), characters kept as written. */
export function parseName(cell: Cell): Parsed<string> {
  if (cell === null || typeof cell === 'boolean') return EMPTY;
  const name = cleanName(String(cell));
  return name === '' || EMPTY_WORDS.has(name) ? EMPTY : value(name);
}

export function parseText(cell: Cell): Parsed<string> {
  if (cell === null) return EMPTY;
  const text = cleanText(String(cell));
  return text === '' || EMPTY_WORDS.has(text) ? EMPTY : value(text);
}

/** A number without float noise: 0.07 × 100 is 7, 90% is 0.9. */
export const tidy = (n: number): number => Number(n.toPrecision(12));
