import { Converter } from 'opencc-js/t2cn';

// Marked pure so bundles that never compare labels (the Apps Script server) leave the dictionaries out.
const toSimplified = /* @__PURE__ */ Converter({ from: 't', to: 'cn' });

/** Whitespace of every width, including the ideographic space staff pad names with. */
const SPACES = /[\s\u3000\u00a0]+/g;

/** NFKC folds full-width digits, letters and punctuation (１２ → 12, ％ → %). */
export function halfWidth(text: string): string {
  return text.normalize('NFKC');
}

/** Headers and labels repeat across sheets and rows; converting each distinct text once is enough. */
const keys = new Map<string, string>();
const KEY_CACHE_SIZE = 5000;

/**
 * The form in which header labels, aliases and branch names are compared:
 * half-width, simplified characters, no spaces, no brackets' contents
 * such as units ("下基层天数（天）" → "下基层天数"), lower case.
 */
export function labelKey(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    key = toSimplified(halfWidth(text))
      .replace(/\([^)]*\)/g, '')
      .replace(/[\s\u3000\u00a0:：*＊.。、/\\|_\-—]+/g, '')
      .toLowerCase();
    if (keys.size >= KEY_CACHE_SIZE) keys.clear();
    keys.set(text, key);
  }
  return key;
}

/** Names keep their characters exactly; only padding inside and around them goes. */
export function cleanName(text: string): string {
  return text.replace(SPACES, '');
}

/** Free text (a village, a note): trimmed, inner runs of spaces folded to one. */
export function cleanText(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

export function simplified(text: string): string {
  return toSimplified(text);
}
