import type { ColumnType } from '../pack/schema';
import type { ScoringFact, ScoringPack, ScoringRate } from './section';
import { labelKey } from '../text';
import { ALL_NUMBERS, ALL_VALUES, BOTH_BOOLEANS, interval, numbers, type ValueSet } from './value-set';

/** How a condition cell on a fact is read and checked. */
export type FactKind = 'number' | 'percent' | 'boolean' | 'text';

export function kindOf(type: ColumnType | 'ratio'): FactKind {
  switch (type) {
    case 'number':
      return 'number';
    case 'percent':
    case 'ratio':
      return 'percent';
    case 'boolean':
      return 'boolean';
    default:
      return 'text';
  }
}

export const isNumeric = (kind: FactKind) => kind === 'number' || kind === 'percent';

export interface FactInfo {
  fact: string;
  label: string;
  labelEn: string;
  type: ColumnType | 'ratio';
  kind: FactKind;
  aliases: string[];
}

/** Everything a condition can take a value from: every value satisfies it. */
export function wholeSet(kind: FactKind): ValueSet {
  if (kind === 'boolean') return BOTH_BOOLEANS;
  return isNumeric(kind) ? ALL_NUMBERS : ALL_VALUES;
}

/**
 * The values ledgers really hold, where gaps between bands matter: counts and
 * scores are never negative and rates run from 0% to 100%. A value outside
 * (a rate over 100% from a data error) is the ledger's problem, not the rules'.
 */
export function usualSet(kind: FactKind): ValueSet {
  if (kind === 'number') return numbers([interval(0, Infinity, true, false)]);
  if (kind === 'percent') return numbers([interval(0, 1, true, true)]);
  return wholeSet(kind);
}

/** Edit distance between two short labels. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length]!;
}

/**
 * The candidate closest to what was written, when it is close enough to be a
 * slip (a character or two off, or one containing the other), else undefined.
 */
export function nearest(text: string, candidates: string[]): string | undefined {
  const key = labelKey(text);
  if (!key) return undefined;
  let best: { label: string; d: number } | undefined;
  for (const label of candidates) {
    const other = labelKey(label);
    if (!other) continue;
    const d = other.includes(key) || key.includes(other) ? Math.abs(other.length - key.length) * 0.5 : distance(key, other);
    if (!best || d < best.d) best = { label, d };
  }
  return best && best.d <= Math.max(1, Math.floor(key.length / 2)) ? best.label : undefined;
}

/**
 * The facts a pack can read, found by what staff write for them: a column's
 * label or any alias, a computed fact's name, or the fact id itself. Labels are
 * compared folded (full-width, traditional characters, spaces, units in brackets).
 */
export class FactDirectory {
  private readonly byKey = new Map<string, FactInfo>();
  private readonly byFact = new Map<string, FactInfo>();

  constructor(columns: ScoringFact[], derived: ScoringRate[]) {
    const add = (info: FactInfo, names: string[]) => {
      this.byFact.set(info.fact, info);
      for (const name of names) {
        const key = labelKey(name);
        if (key && !this.byKey.has(key)) this.byKey.set(key, info);
      }
    };
    for (const c of columns) {
      const aliases = c.aliases ?? [];
      add({ fact: c.fact, label: c.label, labelEn: c.labelEn ?? c.label, type: c.type, kind: kindOf(c.type), aliases }, [c.label, ...aliases]);
    }
    for (const d of derived) {
      add({ fact: d.fact, label: d.label, labelEn: d.labelEn ?? d.label, type: 'ratio', kind: 'percent', aliases: [] }, [d.label]);
    }
    for (const info of this.byFact.values()) {
      if (!this.byKey.has(labelKey(info.fact))) this.byKey.set(labelKey(info.fact), info);
    }
  }

  static of(pack: Pick<ScoringPack, 'columns' | 'derived'>): FactDirectory {
    return new FactDirectory(pack.columns, pack.derived);
  }

  resolve(text: string): FactInfo | undefined {
    return this.byKey.get(labelKey(text));
  }

  get(fact: string): FactInfo | undefined {
    return this.byFact.get(fact);
  }

  all(): FactInfo[] {
    return [...this.byFact.values()];
  }

  /** The known label (or alias) nearest to an unknown one. */
  nearest(text: string): string | undefined {
    return nearest(text, this.all().flatMap((f) => [f.label, ...f.aliases]));
  }
}
