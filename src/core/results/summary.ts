import type { Assessment, CadreResult } from '../assess/assess';
import type { Pack } from '../pack/schema';
import { type Lang, t } from '../messages';
import { periodLabel } from '../period';
import { comparisonSentences } from '../scheme/previous';
import { asSentence, counting, NAMES_SHOWN, opened, pct } from './counts';

export interface SummarySection {
  heading: string;
  sentences: string[];
}

export interface Summary {
  title: string;
  sections: SummarySection[];
}

const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/**
 * A flag's topic and its particulars: "下基层天数不足10天（8天）" → 下基层天数不足10天 + 8天;
 * "五个一未完成：合作社、贫困户" → 五个一未完成 + 合作社、贫困户; the English the same way by its brackets and colon.
 */
function splitFlag(message: string, lang: Lang): { topic: string; detail?: string } {
  const bracket = (lang === 'en' ? /^(.*?)\s*\(([^()]*)\)$/ : /^(.*?)（([^（）]*)）$/).exec(message);
  if (bracket) return { topic: bracket[1]!.trim(), detail: bracket[2] };
  const colon = lang === 'en' ? ': ' : '：';
  const at = message.indexOf(colon);
  if (at > 0 && !message.startsWith('“') && !message.startsWith('"')) return { topic: message.slice(0, at), detail: message.slice(at + colon.length) };
  return { topic: message };
}

/** How a record's month is named beside a name: not at all for one month, "4月" within a year, "2023年12月" across years. */
function monthNamer(months: string[], lang: Lang): (month: string) => string {
  if (months.length <= 1) return () => '';
  const oneYear = new Set(months.map((m) => m.slice(0, 4))).size === 1;
  return (month) => (oneYear && lang === 'zh' ? t('monthShort', { month: Number(month.slice(5, 7)) }) : periodLabel(month, lang));
}

function scopeLabel(a: Assessment, lang: Lang): string {
  if (a.period) return periodLabel(a.period, lang);
  if (a.months.length === 1) return periodLabel(a.months[0]!, lang);
  return t('sumSpan', { from: periodLabel(a.months[0]!, lang), to: periodLabel(a.months[a.months.length - 1]!, lang) }, lang);
}

/**
 * The assessment summary in the skeleton staff use (基本情况, 主要成效, 存在问题,
 * 下步打算). Every sentence carries a figure or a name: it is built from the
 * results only, never from stock phrases. Over one month a cadre is one 名;
 * over several each month is one 人次, and the people are said beside them.
 */
export function cadreSummary(a: Assessment, pack: Pack, lang: Lang = 'zh'): Summary {
  const m = (key: Parameters<typeof t>[0], params = {}) => t(key, params, lang);
  const en = lang === 'en';
  const scope = a.months.length > 0 ? scopeLabel(a, lang) : '';
  const packTitle = (en && pack.titleEn) || pack.title;
  const title = scope ? m('sumTitle', { scope, title: packTitle }) : m('sumTitleAll', { title: packTitle });
  const cadres = a.cadres;
  if (cadres.length === 0) return { title, sections: [{ heading: m('sumHeading1'), sentences: [m('sumNone')] }] };

  const several = a.months.length > 1;
  const c = counting(several, lang);
  const peopleOf = (list: CadreResult[]) => new Set(list.map((x) => x.name)).size;
  const count = (list: CadreResult[], particulars: string[] = []) => c.count(list.length, peopleOf(list), particulars);
  const people = peopleOf(cadres);
  const branches = new Set(cadres.map((x) => x.branch).filter(Boolean)).size;
  const sheets = new Set(cadres.map((x) => x.source.sheet)).size;
  const scores = cadres.map((x) => x.score);
  const topScore = Math.max(...scores);
  const bottomScore = Math.min(...scores);
  // Over several months one name stands for several records: say which month.
  const month = monthNamer(a.months, lang);
  const whoIn = (name: string, period: string) => (several ? m('sumWhoMonth', { name, month: month(period) }) : name);
  const who = (x: CadreResult) => whoIn(x.name, x.period);
  // Everyone who shares the best or the worst score is named, not only the first found.
  const scoredAt = (score: number) => c.names([...new Set(cadres.filter((x) => x.score === score).map(who))], true);
  const basics = [
    m('sumCadreBasics', {
      scope,
      people,
      times: cadres.length > people ? m('sumCadreTimes', { count: cadres.length }) : '',
      villages: branches > 0 ? m('sumCadreVillages', { count: branches }) : '',
      sheets,
    }),
    m('sumScores', { mean: avg(scores).toFixed(1), top: topScore, topNames: scoredAt(topScore), bottom: bottomScore, bottomNames: scoredAt(bottomScore) }),
  ];

  const grade = (g: { grade: string; gradeEn?: string }) => (en && g.gradeEn) || g.grade;
  const byGrade = pack.grades.map((g) => ({ g, list: cadres.filter((x) => x.grade === g.grade) }));
  const results = [m('sumGrades', { grades: byGrade.map(({ g, list }) => `${grade(g)}${en ? ' ' : ''}${count(list, [pct(list.length, cadres.length)])}`).join(m('sumComma')) })];
  for (const ind of pack.indicators) {
    const full = cadres.filter((x) => (x.indicators[ind.id] ?? 0) >= ind.max);
    const mean = avg(cadres.map((x) => x.indicators[ind.id] ?? 0)).toFixed(1);
    results.push(m('sumCadreFull', { label: (en && ind.labelEn) || ind.label, max: ind.max, count: count(full), share: pct(full.length, cadres.length), mean }));
  }

  const compared = comparisonSentences(a.results, {
    lang,
    who: (r) => whoIn(r.name, r.period),
    count: (rs) => c.count(rs.length, new Set(rs.map((r) => r.name)).size),
    unit: m(several ? 'sumUnitTimes' : 'sumUnitPeople'),
  });
  results.push(...compared.gains);

  const problems: string[] = [...compared.losses];
  const groups = new Map<string, { topic: string; items: { c: CadreResult; detail?: string }[] }>();
  for (const x of cadres) {
    for (const f of x.flags) {
      const missing = f.rule.startsWith('missing:');
      const message = en ? f.messageEn : f.message;
      // Grouped by the Chinese topic, so both languages list the same groups in the same order.
      const key = missing ? `missing:${f.message}` : splitFlag(f.message, 'zh').topic;
      const { topic, detail } = missing ? { topic: message, detail: undefined } : splitFlag(message, lang);
      if (!groups.has(key)) groups.set(key, { topic, items: [] });
      groups.get(key)!.items.push({ c: x, detail });
    }
  }
  const sorted = [...groups.values()].sort((x, y) => y.items.length - x.items.length);
  for (const g of sorted) {
    const details = g.items.map(({ c: x, detail }) => (detail ? m(/^[\d.]/.test(detail) ? 'sumWhoDetail' : 'sumWhoLacks', { who: who(x), detail }) : who(x)));
    // Items that list several things ("缺一事一议项目、经济合作社") are kept apart by a semicolon.
    const separator = m(details.slice(0, NAMES_SHOWN).some((d) => d.includes(m('sumSep'))) ? 'sumSemi' : 'sumSep');
    const shown = details.slice(0, NAMES_SHOWN).join(separator);
    const list = details.length > NAMES_SHOWN ? m(several ? 'sumNamesMoreTimes' : 'sumNamesMore', { names: shown, count: details.length }) : shown;
    problems.push(m('sumProblem', { topic: g.topic, count: count(g.items.map((i) => i.c), [list]) }));
  }
  if (a.warnings.length > 0) {
    // A cell can carry two warnings (unreadable, and the points it cost): it is one place to check.
    const places = [...new Set(a.warnings.map((w) => (w.cell ? `${w.sheet}!${w.cell}` : `${w.sheet}\u0000${w.message}`)))];
    const cells = places.filter((p) => !p.includes('\u0000')).slice(0, 3);
    problems.push(cells.length > 0 ? m('sumWarnings', { count: places.length, cells: cells.join(m('sumSep')) }) : m('sumWarningsNoCells', { count: places.length }));
  }
  if (problems.length === 0) problems.push(m('sumCadreNoProblem', { count: count(cadres) }));

  const plans: string[] = [];
  const failing = cadres.filter((x) => x.stars <= 1);
  const lagging = cadres.filter((x) => x.flags.some((f) => f.rule === 'ranking:bottom'));
  const names = (list: CadreResult[]) => c.names([...new Set(list.map((x) => x.name))], false);
  if (failing.length > 0) {
    const failed = peopleOf(failing);
    const times = failing.length > failed ? m('sumCadreTimesAll', { count: failing.length }) : '';
    plans.push(m('sumCadrePlanLowest', { grade: grade(pack.grades[pack.grades.length - 1]!), people: failed, names: names(failing), times }));
  }
  if (lagging.length > 0 && pack.ranking) plans.push(m('sumCadrePlanBottom', { flag: (en && pack.ranking.flagEn) || pack.ranking.flag, count: c.count(lagging.length, lagging.length, [names(lagging)]) }));
  const missing = [...groups.keys()].filter((k) => k.startsWith('missing:'));
  if (missing.length > 0 || a.warnings.length > 0) plans.push(m('sumCadrePlanData', { count: a.warnings.length }));
  if (plans.length === 0) plans.push(m('sumCadrePlanKeep', { title: packTitle, people }));

  return finished({
    title,
    sections: [
      { heading: m('sumHeading1'), sentences: basics },
      { heading: m('sumHeading2'), sentences: results },
      { heading: m('sumHeading3'), sentences: problems },
      { heading: m('sumHeading4'), sentences: plans },
    ],
  }, lang);
}

/** A section's sentences as one paragraph: Chinese sentences run on, English ones are spaced. */
export const paragraphOf = (sentences: string[]) => sentences.reduce((text, s) => (text && /[\x21-\x7e]$/.test(text) ? `${text} ${s}` : text + s), '');

/** A summary's sections as written, each with its sentences opened in the summary's language. */
export function finished(summary: Summary, lang: Lang): Summary {
  return lang === 'zh' ? summary : { ...summary, sections: summary.sections.map((s) => ({ ...s, sentences: s.sentences.map((x) => opened(asSentence(x, lang), lang)) })) };
}

export function summaryText(summary: Summary): string {
  return [summary.title, ...summary.sections.map((s) => `${s.heading}\n${paragraphOf(s.sentences)}`)].join('\n');
}
