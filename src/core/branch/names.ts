import { halfWidth, simplified } from '../text';
import type { NameRules } from './schema';

/** Brackets and what is in them ("（联合党支部）"), spaces of every width, and the dots in transliterated names. */
const NOISE = /[(（[【][^)）\]】]*[)）\]】]|[\s\u3000\u00a0·•・.]/g;

function stripEnd(text: string, endings: string[]): string {
  for (const end of endings) {
    if (text.length > end.length && text.endsWith(end)) return text.slice(0, -end.length);
  }
  return text;
}

function longestFirst(list: string[]): string[] {
  return [...new Set(list.map((s) => simplified(halfWidth(s))))].sort((a, b) => b.length - a.length);
}

/**
 * How branch names are compared. 巴彦嘎查, 巴彦嘎查党支部 and 巴彥嘎查黨支部 all
 * fold to one key: half-width, simplified, no spaces or brackets, the Party
 * suffix (党支部, 党总支, 支部, 党委) dropped. The place suffix (嘎查, 村, 社区)
 * is kept in the key and dropped only for a second, looser comparison, because
 * 巴彦嘎查 and 巴彦社区 are different branches.
 */
export class BranchNameRules {
  private readonly suffixes: string[];
  private readonly places: string[];
  private readonly townships: string[];

  constructor(rules: Pick<NameRules, 'suffixes' | 'placeSuffixes' | 'townshipSuffixes'>) {
    this.suffixes = longestFirst(rules.suffixes);
    this.places = longestFirst(rules.placeSuffixes);
    this.townships = longestFirst(rules.townshipSuffixes);
  }

  key(name: string): string {
    let k = simplified(halfWidth(name)).replace(NOISE, '');
    for (let prev = ''; prev !== k; ) {
      prev = k;
      k = stripEnd(k, this.suffixes);
    }
    return k;
  }

  /** The key without its place suffix: 巴彦嘎查 → 巴彦. */
  base(key: string): string {
    return stripEnd(key, this.places);
  }

  hasPlaceSuffix(key: string): boolean {
    return this.base(key) !== key;
  }

  /** The key without a leading township (吉仁高勒镇巴彦嘎查 → 巴彦嘎查), or undefined when it has none. */
  withoutTownship(key: string): string | undefined {
    for (const t of this.townships) {
      const at = key.indexOf(t);
      if (at >= 2 && key.length - at - t.length >= 2) return key.slice(at + t.length);
    }
    return undefined;
  }

  /** Whether a name says it is a Party organisation (ends in 党支部, 支部, 党总支…). */
  isOrganisation(name: string): boolean {
    const s = simplified(halfWidth(name)).replace(NOISE, '');
    return this.suffixes.some((x) => s.endsWith(x));
  }
}

export interface RosterBranch {
  /** The key the branch is known by. */
  id: string;
  /** The name shown: the fullest simplified form the ledgers use. */
  name: string;
  /** Every way the ledgers wrote it, with how often. */
  variants: Map<string, number>;
}

/**
 * The township's branches as one ledger (the meeting records) names them,
 * plus the branches the user's alias table names; every other ledger's names
 * are matched against it. A name is matched by the alias table, then by key,
 * then by key without the place suffix when only one branch fits, then with a
 * leading township name dropped. What matches nothing is left to the caller
 * to report.
 */
export class BranchRoster {
  private readonly byId = new Map<string, RosterBranch>();
  private readonly aliases = new Map<string, string>();

  constructor(
    readonly rules: BranchNameRules,
    primaryNames: string[],
    aliasTable: Record<string, string> = {},
  ) {
    for (const [from, to] of Object.entries(aliasTable)) {
      const target = rules.key(to);
      if (!target) continue;
      this.aliases.set(rules.key(from), target);
      this.entry(target, to);
    }
    const keys = new Map<string, string[]>();
    for (const name of primaryNames) {
      const k = this.aliases.get(rules.key(name)) ?? rules.key(name);
      if (!k) continue;
      if (!keys.has(k)) keys.set(k, []);
      keys.get(k)!.push(name);
    }
    // Plain keys with a place suffix first, so that a bare 巴彦 or a township-prefixed
    // 吉仁高勒镇巴彦嘎查 then joins 巴彦嘎查 instead of becoming a branch of its own.
    const rank = (k: string) => (rules.withoutTownship(k) ? 2 : rules.hasPlaceSuffix(k) ? 0 : 1);
    const ordered = [...keys.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    for (const k of ordered) {
      const target = this.resolve(k)?.id ?? k;
      for (const name of keys.get(k)!) this.entry(target, name);
    }
    for (const b of this.byId.values()) b.name = displayName(b, rules);
  }

  private entry(id: string, variant: string): RosterBranch {
    let b = this.byId.get(id);
    if (!b) {
      b = { id, name: variant, variants: new Map() };
      this.byId.set(id, b);
    }
    b.variants.set(variant, (b.variants.get(variant) ?? 0) + 1);
    return b;
  }

  /** Only one branch shares the base, and one side of the pair has no place suffix. */
  private looseMatch(key: string): RosterBranch | undefined {
    const base = this.rules.base(key);
    const bare = !this.rules.hasPlaceSuffix(key);
    const fits = [...this.byId.values()].filter((b) => this.rules.base(b.id) === base && (bare || !this.rules.hasPlaceSuffix(b.id)));
    return fits.length === 1 ? fits[0] : undefined;
  }

  private resolve(key: string): RosterBranch | undefined {
    const found = this.byId.get(key) ?? this.looseMatch(key);
    if (found) return found;
    const local = this.rules.withoutTownship(key);
    if (local) return this.byId.get(local) ?? this.looseMatch(local);
    // The roster itself may carry the township: 吉仁高勒镇乌兰嘎查 for 乌兰嘎查.
    const prefixed = [...this.byId.values()].filter((b) => this.rules.withoutTownship(b.id) === key);
    return prefixed.length === 1 ? prefixed[0] : undefined;
  }

  get branches(): RosterBranch[] {
    return [...this.byId.values()];
  }

  get(id: string): RosterBranch | undefined {
    return this.byId.get(id);
  }

  /** The branch a name from any ledger means, recording the variant; undefined when none. */
  match(name: string): RosterBranch | undefined {
    const raw = this.rules.key(name);
    if (!raw) return undefined;
    // An alias written without the place suffix (宝日温都) covers the name with it too.
    const found = this.resolve(this.aliases.get(raw) ?? this.aliases.get(this.rules.base(raw)) ?? raw);
    if (found) found.variants.set(name, (found.variants.get(name) ?? 0) + 1);
    return found;
  }
}

function displayName(b: RosterBranch, rules: BranchNameRules): string {
  const score = (v: string): number[] => [
    simplified(v) === v ? 1 : 0,
    rules.isOrganisation(v) ? 1 : 0,
    b.variants.get(v) ?? 0,
    v.length,
  ];
  const better = (x: string, y: string) => {
    const a = score(x);
    const c = score(y);
    for (let i = 0; i < a.length; i++) if (a[i] !== c[i]) return a[i]! > c[i]!;
    return x < y;
  };
  return [...b.variants.keys()].reduce((best, v) => (better(v, best) ? v : best));
}
