import type { Column } from '../pack/schema';
import { halfWidth, labelKey } from '../text';

/** What the user said a header means: a fact id, or "ignore" to leave the column alone. */
export type ColumnMapping = Record<string, string>;

export const IGNORE = 'ignore';

interface Alias {
  key: string;
  fact: string;
}

/**
 * Matches header labels to the pack's facts: the user's own mapping first, then an
 * exact alias, then the longest alias of three characters or more the label
 * contains ("入户走访户数（户）" holds "走访户数"). Labels are compared in their folded form, so traditional
 * characters, full-width forms, spaces and units in brackets do not matter.
 */
export class ColumnMatcher {
  private readonly exact = new Map<string, string>();
  private readonly aliases: Alias[] = [];
  private readonly ignored = new Set<string>();
  private readonly mapping = new Map<string, string>();

  constructor(columns: Column[], ignoredLabels: string[], mapping: ColumnMapping = {}) {
    for (const col of columns) {
      for (const text of [col.label, ...col.aliases]) {
        const key = labelKey(text);
        if (!key) continue;
        if (!this.exact.has(key)) this.exact.set(key, col.fact);
        this.aliases.push({ key, fact: col.fact });
      }
    }
    this.aliases.sort((a, b) => b.key.length - a.key.length);
    for (const text of ignoredLabels) this.ignored.add(labelKey(text));
    for (const [header, fact] of Object.entries(mapping)) this.mapping.set(labelKey(header), fact);
  }

  /**
   * The fact a header label stands for, "ignore", or undefined when unknown. A
   * label with a bracketed part ("代办点（支部）", "所在嘎查（社区）") is tried
   * whole, then before the bracket (units such as "（天）" fall away there), then
   * by what the bracket holds.
   */
  match(label: string): string | undefined {
    const key = labelKey(label);
    const direct = this.matchKey(key);
    if (direct || !/[(\[【〔]/.test(halfWidth(label))) return direct;
    for (const part of bracketParts(label)) {
      const fact = this.matchKey(labelKey(part));
      if (fact) return fact;
    }
    return undefined;
  }

  private matchKey(key: string): string | undefined {
    if (!key) return undefined;
    const mapped = this.mapping.get(key);
    if (mapped) return mapped;
    const exact = this.exact.get(key);
    if (exact) return exact;
    if (this.ignored.has(key)) return IGNORE;
    // A two-character alias is too common a word to find inside a longer label:
    // "嘎查" is a village column, "驻嘎查工作天数" is not; "日期" is a date, "出生日期" is not ours.
    for (const alias of this.aliases) {
      if (alias.key.length >= 3 && key.includes(alias.key)) return alias.fact;
    }
    for (const ignored of this.ignored) {
      if (ignored.length >= 2 && key.includes(ignored)) return IGNORE;
    }
    return undefined;
  }
}

/** "代办点（支部）" → "代办点支部" (the label with its brackets dropped), then "支部" (each bracket's content). */
function bracketParts(label: string): string[] {
  const text = halfWidth(label).replace(/[【〔\[]/g, '(').replace(/[】〕\]]/g, ')');
  const inner = [...text.matchAll(/\(([^()]*)\)/g)].map((m) => m[1]!);
  return [text.replace(/[()]/g, ''), ...inner];
}
