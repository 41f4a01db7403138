import type { ColumnValue } from '../pack/schema';
import { labelKey } from '../text';

/** Several values in one cell: "主题党日+党课", "支部党员大会暨党课". */
const SEPARATORS = /[、,，+＋/／;；&]|暨|及|和|与/;

/**
 * A column's values as staff write them, matched on their folded form: the
 * label, an alias or the id exactly, else the longest label or alias the text
 * contains ("5月主题党日活动").
 */
export class ValueMatcher {
  private readonly exact = new Map<string, string>();
  private readonly contained: { key: string; id: string }[] = [];

  constructor(values: ColumnValue[]) {
    for (const v of values) {
      for (const text of [v.label, ...v.aliases]) {
        const key = labelKey(text);
        if (!this.exact.has(key)) this.exact.set(key, v.id);
        this.contained.push({ key, id: v.id });
      }
    }
    // An id written as such (a rule test's input, a condition naming it) is that value, after every wording.
    for (const v of values) if (!this.exact.has(labelKey(v.id))) this.exact.set(labelKey(v.id), v.id);
    this.contained.sort((a, b) => b.key.length - a.key.length);
  }

  /** The value ids a cell names, each once, or undefined when a part of it names none. */
  match(text: string): string[] | undefined {
    const ids: string[] = [];
    for (const part of text.split(SEPARATORS)) {
      const key = labelKey(part);
      if (!key) continue;
      const id = this.exact.get(key) ?? this.contained.find((c) => c.key.length >= 2 && key.includes(c.key))?.id;
      if (!id) return undefined;
      if (!ids.includes(id)) ids.push(id);
    }
    return ids.length > 0 ? ids : undefined;
  }

  /** The one value a text names exactly (a condition's 主题党日 or 党日活动), or undefined. */
  exactly(text: string): string | undefined {
    return this.exact.get(labelKey(text));
  }
}
