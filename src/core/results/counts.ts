import { type Lang, t } from '../messages';

/**
 * How the summaries count results. Over one period a result is a subject: 5名.
 * Over several each period is one 人次, and the people are said too when they
 * are fewer: 29人次（19人，69.0%）. Whatever a sentence adds of its own (a
 * share, the names) goes in the same brackets.
 */
export interface Counting {
  /** How many results of how many subjects, then the sentence's own particulars. */
  count(results: number, subjects: number, particulars?: string[]): string;
  /** Names, the first few then how many in all: 等8人 for people, 等10人次 for names with their period. */
  names(list: string[], ofPeriods: boolean): string;
}

export const NAMES_SHOWN = 6;

export function counting(several: boolean, lang: Lang): Counting {
  const m = (key: Parameters<typeof t>[0], params = {}) => t(key, params, lang);
  return {
    count(results, subjects, particulars = []) {
      const head = m(several ? (results === 1 ? 'sumCountTimesOne' : 'sumCountTimes') : 'sumCountPeople', { count: results });
      const parts = [...(several && subjects < results ? [m(subjects === 1 ? 'sumCountOfOne' : 'sumCountOf', { count: subjects })] : []), ...particulars];
      return parts.length > 0 ? `${head}${m('sumBracket', { text: parts.join(m('sumComma')) })}` : head;
    },
    names(list, ofPeriods) {
      const joined = list.slice(0, NAMES_SHOWN).join(m('sumSep'));
      if (list.length <= NAMES_SHOWN) return joined;
      return m(ofPeriods && several ? 'sumNamesMoreTimes' : 'sumNamesMore', { names: joined, count: list.length });
    },
  };
}

/** A share as the summaries write it: 69.0%. */
export const pct = (n: number, d: number) => (d === 0 ? '0%' : `${((n / d) * 100).toFixed(1)}%`);

/** A sentence as written: English opens with a capital, whatever the flag it starts with. */
export const opened = (sentence: string, lang: Lang) => (lang === 'en' ? sentence.charAt(0).toUpperCase() + sentence.slice(1) : sentence);

/** A note as a sentence of the summary: English notes are written without their full stop. */
export const asSentence = (text: string, lang: Lang) => (lang === 'en' && !/[.:;!?]$/.test(text) ? `${text}.` : text);
