/**
 * Time-zone arithmetic for the fakes: Sheets hands out dates as instants, and
 * shows them (and Utilities.formatDate formats them) as wall-clock time in the
 * spreadsheet's zone. ExcelJS, in turn, stores wall-clock time as if it were UTC.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export function wallClock(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
    millisecond: ((instant % 1000) + 1000) % 1000,
  };
}

/** Wall-clock time in the zone, written as a UTC timestamp (ExcelJS's convention). */
export function wallAsUtc(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
}

/** The instant whose wall-clock time in the zone is the given UTC-written time. */
export function instantFromWall(wall: number, timeZone: string): number {
  let guess = wall - (wallAsUtc(wall, timeZone) - wall);
  guess = wall - (wallAsUtc(guess, timeZone) - guess);
  return guess;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * The part of Java's SimpleDateFormat that Utilities.formatDate callers use.
 * An unsupported letter throws, so the server never relies on a pattern the
 * fake would get wrong.
 */
export function formatDate(instant: number, timeZone: string, pattern: string): string {
  const w = wallClock(instant, timeZone);
  const fields: Record<string, string> = {
    yyyy: pad(w.year, 4),
    yy: pad(w.year % 100, 2),
    MM: pad(w.month, 2),
    M: String(w.month),
    dd: pad(w.day, 2),
    d: String(w.day),
    HH: pad(w.hour, 2),
    H: String(w.hour),
    mm: pad(w.minute, 2),
    ss: pad(w.second, 2),
    SSS: pad(w.millisecond, 3),
  };
  let out = '';
  const tokens = pattern.match(/'[^']*'|([A-Za-z])\1*|[^A-Za-z']+/g) ?? [];
  for (const token of tokens) {
    if (token.startsWith("'")) out += token === "''" ? "'" : token.slice(1, -1);
    else if (/^[A-Za-z]/.test(token)) {
      const value = fields[token];
      if (value === undefined) throw new Error(`the Utilities.formatDate fake does not support "${token}" in "${pattern}"`);
      out += value;
    } else out += token;
  }
  return out;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}
