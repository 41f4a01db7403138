import { fillParams, type Param, paramMap, paramText } from '../pack/params';
import type { Condition, Rule } from '../pack/schema';
import { fillTemplate, type Lang, t } from '../messages';
import type { SubjectResult } from '../scheme/result';
import type { Scheme } from '../scheme/schema';

/** A fact's label (its declared label, else the ledger column it is read from), and whether it is a rate. */
function factsOf(scheme: Scheme, lang: Lang) {
  const labels = new Map<string, string>();
  const rates = new Set<string>();
  for (const column of scheme.ledgers.flatMap((l) => l.columns)) {
    labels.set(column.fact, (lang === 'en' && column.labelEn) || column.label);
    if (column.type === 'percent') rates.add(column.fact);
  }
  for (const fact of scheme.facts) {
    labels.set(fact.fact, (lang === 'en' && fact.labelEn) || fact.label);
    if (fact.source === 'ratio' || fact.source === 'attendance') rates.add(fact.fact);
  }
  return { labels, rates };
}

const OPERATORS: Record<string, string> = { '>=': '≥', '<=': '≤', '!=': '≠' };

/** A condition's value as the rules sheet writes it: the parameter's value when it has one (90%), a rate as a percentage, yes or no. */
function valueText(c: Condition, rate: boolean, params: Map<string, Param>, lang: Lang): string {
  const param = c.param && params.get(c.param.trim());
  if (param) return paramText(param);
  const one = (v: string | number | boolean | null) =>
    typeof v === 'boolean' ? t(v ? 'yes' : 'no', {}, lang) : typeof v === 'number' && rate ? `${Math.round(v * 1000) / 10}%` : String(v);
  return Array.isArray(c.value) ? c.value.map(one).join('、') : one(c.value);
}

/**
 * What a rule is, in words a reader of a feedback note follows: its note,
 * else the flag it raised on the subject as the result says it, else its
 * flag, else its conditions spelled out with the facts' labels, else (a rule
 * that always applies) its indicator's name; the parameters ({下基层天数标准})
 * and the subject's own figures filled in, rates as percentages, a figure the
 * subject lacks as —.
 */
export function ruleLabeller(scheme: Scheme, lang: Lang): (ruleId: string, result: SubjectResult) => string {
  const rules = new Map<string, Rule>(scheme.rules.map((r) => [r.id, r]));
  const params = paramMap(scheme.params);
  const facts = factsOf(scheme, lang);
  const indicators = new Map(scheme.indicators.map((i) => [i.id, (lang === 'en' && i.labelEn) || i.label]));
  const filled = (text: string, result: SubjectResult) => {
    const values = Object.fromEntries(
      Object.entries(result.values).flatMap(([k, v]) =>
        typeof v === 'number' ? [[k, facts.rates.has(k) ? `${Math.round(v * 1000) / 10}%` : v]] : typeof v === 'string' ? [[k, v]] : [],
      ),
    );
    return fillTemplate(fillParams(text, params), values).replace(/\{\w+\}/g, '—');
  };
  return (ruleId, result) => {
    const rule = rules.get(ruleId);
    if (!rule) return ruleId;
    if (rule.note) return filled(rule.note, result);
    const raised = result.flags.find((f) => f.rule === ruleId);
    if (raised) return lang === 'en' ? raised.messageEn : raised.message;
    const flag = lang === 'en' ? (rule.flagEn ?? rule.flag) : rule.flag;
    if (flag) return filled(flag, result);
    if (rule.when.length === 0) return indicators.get(rule.indicator) ?? ruleId;
    return rule.when
      .map((c) => `${facts.labels.get(c.fact) ?? c.fact} ${OPERATORS[c.op] ?? c.op} ${valueText(c, facts.rates.has(c.fact), params, lang)}`)
      .join(t('rptAnd', {}, lang));
  };
}
