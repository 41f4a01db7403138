import type { Assessment, CadreResult } from '../assess/assess';
import type { Pack } from '../pack/schema';
import { t } from '../messages';
import { periodLabel } from '../period';
import { comparisonSentences } from '../scheme/previous';

export interface SummarySection {
  heading: string;
  sentences: string[];
}

export interface Summary {
  title: string;
  sections: SummarySection[];
}

const NAMES_SHOWN = 6;
const pct = (n: number, d: number) => (d === 0 ? '0%' : `${((n / d) * 100).toFixed(1)}%`);
const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function nameList(names: string[]): string {
  const shown = names.slice(0, NAMES_SHOWN).join('、');
  return names.length > NAMES_SHOWN ? `${shown}等${names.length}人` : shown;
}

/**
 * A flag's topic and its particulars: "下基层天数不足10天（8天）" → 下基层天数不足10天 + 8天;
 * "五个一未完成：合作社、贫困户" → 五个一未完成 + 合作社、贫困户.
 */
function splitFlag(message: string): { topic: string; detail?: string } {
  const bracket = /^(.*?)（([^（）]*)）$/.exec(message);
  if (bracket) return { topic: bracket[1]!.trim(), detail: bracket[2] };
  const at = message.indexOf('：');
  if (at > 0 && !message.startsWith('“')) return { topic: message.slice(0, at), detail: message.slice(at + 1) };
  return { topic: message };
}

/** How a record's month is named beside a name: not at all for one month, "4月" within a year, "2023年12月" across years. */
function monthNamer(months: string[]): (month: string) => string {
  if (months.length <= 1) return () => '';
  const oneYear = new Set(months.map((m) => m.slice(0, 4))).size === 1;
  return (month) => (oneYear ? `${Number(month.slice(5, 7))}月` : periodLabel(month));
}

function scopeLabel(a: Assessment): string {
  if (a.period) return periodLabel(a.period);
  if (a.months.length === 1) return periodLabel(a.months[0]!);
  return `${periodLabel(a.months[0]!)}至${periodLabel(a.months[a.months.length - 1]!)}`;
}

/**
 * The assessment summary in the skeleton staff use (基本情况, 主要成效, 存在问题,
 * 下步打算). Every sentence carries a figure or a name: it is built from the
 * results only, never from stock phrases.
 */
export function cadreSummary(a: Assessment, pack: Pack): Summary {
  const scope = a.months.length > 0 ? scopeLabel(a) : '';
  const title = `${scope}${pack.title}情况`;
  const cadres = a.cadres;
  if (cadres.length === 0) return { title, sections: [{ heading: '一、基本情况', sentences: ['本期没有可考评的记录。'] }] };

  const people = new Set(cadres.map((c) => c.name)).size;
  const branches = new Set(cadres.map((c) => c.branch).filter(Boolean)).size;
  const sheets = new Set(cadres.map((c) => c.source.sheet)).size;
  const scores = cadres.map((c) => c.score);
  const topScore = Math.max(...scores);
  const bottomScore = Math.min(...scores);
  // Over several months one name stands for several records: say which month.
  const month = monthNamer(a.months);
  const who = (c: CadreResult) => `${c.name}${month(c.period)}`;
  // Everyone who shares the best or the worst score is named, not only the first found.
  const scoredAt = (score: number) => nameList([...new Set(cadres.filter((c) => c.score === score).map(who))]);
  const basics = [
    `${scope}共考评驻村干部${people}名${cadres.length > people ? `（${cadres.length}人次）` : ''}` +
      `${branches > 0 ? `，覆盖${branches}个村（嘎查）` : ''}，数据来自${sheets}张台账。`,
    `平均得分${avg(scores).toFixed(1)}分，最高${topScore}分（${scoredAt(topScore)}），最低${bottomScore}分（${scoredAt(bottomScore)}）。`,
  ];

  const byGrade = pack.grades.map((g) => ({ g, n: cadres.filter((c) => c.grade === g.grade).length }));
  const results = [
    `等次分布：${byGrade.map(({ g, n }) => `${g.grade}${n}名（${pct(n, cadres.length)}）`).join('，')}。`,
  ];
  for (const ind of pack.indicators) {
    const full = cadres.filter((c) => (c.indicators[ind.id] ?? 0) >= ind.max).length;
    results.push(`${ind.label}得满分（${ind.max}分）的${full}人次，占${pct(full, cadres.length)}，平均${avg(cadres.map((c) => c.indicators[ind.id] ?? 0)).toFixed(1)}分。`);
  }

  const compared = comparisonSentences(a.results, (r) => `${r.name}${month(r.period)}`, t(a.months.length > 1 ? 'sumUnitTimes' : 'sumUnitPeople'));
  results.push(...compared.gains);

  const problems: string[] = [...compared.losses];
  const groups = new Map<string, { topic: string; items: { c: CadreResult; detail?: string }[] }>();
  for (const c of cadres) {
    for (const f of c.flags) {
      const { topic, detail } = f.rule.startsWith('missing:') ? { topic: f.message, detail: undefined } : splitFlag(f.message);
      const key = f.rule.startsWith('missing:') ? `missing:${topic}` : topic;
      if (!groups.has(key)) groups.set(key, { topic, items: [] });
      groups.get(key)!.items.push({ c, detail });
    }
  }
  const sorted = [...groups.values()].sort((x, y) => y.items.length - x.items.length);
  for (const g of sorted) {
    const detail = g.items.slice(0, NAMES_SHOWN).map(({ c, detail }) => (detail ? `${who(c)}${/^[\d.]/.test(detail) ? '' : '缺'}${detail}` : who(c)));
    const more = g.items.length > NAMES_SHOWN ? `等${g.items.length}人次` : '';
    // Items that list several things ("缺一事一议项目、经济合作社") are kept apart by a semicolon.
    const separator = detail.some((d) => d.includes('、')) ? '；' : '、';
    problems.push(`${g.topic}：${g.items.length}人次（${detail.join(separator)}${more}）。`);
  }
  if (a.warnings.length > 0) {
    // A cell can carry two warnings (unreadable, and the points it cost): it is one place to check.
    const places = [...new Set(a.warnings.map((w) => (w.cell ? `${w.sheet}!${w.cell}` : `${w.sheet}\u0000${w.message}`)))];
    const cells = places.filter((p) => !p.includes('\u0000')).slice(0, 3);
    problems.push(`台账中有${places.length}处数据需要核实${cells.length > 0 ? `（如${cells.join('、')}）` : ''}。`);
  }
  if (problems.length === 0) problems.push(`本期${cadres.length}人次均无扣分提示。`);

  const plans: string[] = [];
  const failing = cadres.filter((c) => c.stars <= 1);
  const lagging = cadres.filter((c) => c.flags.some((f) => f.rule === 'ranking:bottom'));
  if (failing.length > 0) {
    const names = [...new Set(failing.map((c) => c.name))];
    const times = failing.length > names.length ? `，共${failing.length}人次` : '';
    plans.push(`对考评为${pack.grades[pack.grades.length - 1]!.grade}的${names.length}名干部（${nameList(names)}${times}）逐一约谈，限期一个月整改。`);
  }
  if (lagging.length > 0 && pack.ranking) plans.push(`对${pack.ranking.flag}的${lagging.length}人次（${nameList([...new Set(lagging.map((c) => c.name))])}）实行动态管理，下月重点跟踪。`);
  const missing = [...groups.entries()].filter(([k]) => k.startsWith('missing:'));
  if (missing.length > 0 || a.warnings.length > 0) plans.push(`请各台账填报人在下次考评前补齐缺失数据、核实${a.warnings.length}处提醒。`);
  if (plans.length === 0) plans.push(`保持现有做法，下月继续按${pack.title}规则考评${people}名干部。`);

  return {
    title,
    sections: [
      { heading: '一、基本情况', sentences: basics },
      { heading: '二、主要成效', sentences: results },
      { heading: '三、存在问题', sentences: problems },
      { heading: '四、下步打算', sentences: plans },
    ],
  };
}

export function summaryText(summary: Summary): string {
  return [summary.title, ...summary.sections.map((s) => `${s.heading}\n${s.sentences.join('')}`)].join('\n');
}
