import { both, fillTemplate, type Bilingual, type Params } from '../messages';
import { ruleInputs } from '../pack/compile';
import type { Indicator, Pack, Rule } from '../pack/schema';
import type { MissingReason } from '../scheme/facts';
import type { RecordFacts } from './facts';

export interface Flag extends Bilingual {
  /** The rule that raised it; "missing:<indicator>" for a missing input, or the ranking rule. */
  rule: string;
  indicator?: string;
}

export interface Basis {
  rule: string;
  indicator: string;
  points: number;
}

export interface Note extends Bilingual {
  /** The columns whose cells are missing, so a warning can point at them. */
  facts: string[];
}

export interface RowScore {
  indicators: Record<string, number>;
  score: number;
  flags: Flag[];
  /** Missing inputs of indicators whose pack says to only warn about them. */
  notes: Note[];
  basis: Basis[];
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

/** Precomputed, per pack, what scoring needs for every row. */
export interface ScoringPlan {
  indicators: Indicator[];
  rulesByIndicator: Map<string, Rule[]>;
  inputs: Map<string, string[]>;
  labels: Map<string, { zh: string; en: string }>;
  percentFacts: Set<string>;
}

export function scoringPlan(pack: Pack): ScoringPlan {
  const labels = new Map<string, { zh: string; en: string }>();
  for (const c of pack.columns) labels.set(c.fact, { zh: c.label, en: c.labelEn ?? c.label });
  for (const d of pack.derived) labels.set(d.fact, { zh: d.label, en: d.labelEn ?? d.label });
  const percentFacts = new Set([...pack.columns.filter((c) => c.type === 'percent').map((c) => c.fact), ...pack.derived.map((d) => d.fact)]);
  return planFor(pack.indicators, pack.rules, labels, percentFacts);
}

/** A scoring plan for any subject's indicators and rules (cadres, branches). */
export function planFor(indicators: Indicator[], rules: Rule[], labels: ScoringPlan['labels'], percentFacts: Set<string>): ScoringPlan {
  const rulesByIndicator = new Map<string, Rule[]>();
  const inputs = new Map<string, string[]>();
  for (const ind of indicators) rulesByIndicator.set(ind.id, []);
  for (const rule of rules) {
    if (!rule.enabled) continue;
    rulesByIndicator.get(rule.indicator)?.push(rule);
    inputs.set(rule.id, ruleInputs(rule));
  }
  return { indicators, rulesByIndicator, inputs, labels, percentFacts };
}

/** A fact's value as a flag shows it: rates as percentages, numbers without float noise. */
export function formatFact(plan: ScoringPlan, fact: string, value: unknown): string {
  // One rounding to the tenth shown: rounding to hundredths first would make 31/58 (53.448%) read 53.5%.
  if (typeof value === 'number') return plan.percentFacts.has(fact) ? `${(Math.round(value * 1000 + 1e-9) / 10).toFixed(1)}%` : String(round2(value));
  if (typeof value === 'boolean') return value ? '是' : '否';
  return value === null || value === undefined ? '—' : String(value);
}

function rulePoints(rule: Rule, facts: RecordFacts): number {
  if (typeof rule.points === 'number') return rule.points;
  const per = facts.values[rule.points.per];
  const raw = typeof per === 'number' ? per * rule.points.each : 0;
  if (rule.points.max === undefined) return raw;
  return rule.points.each < 0 ? Math.max(raw, -rule.points.max) : Math.min(raw, rule.points.max);
}

/** The column a missing fact traces back to: a ratio's missing part, or itself. */
function missingLabel(plan: ScoringPlan, reason: MissingReason): { zh: string; en: string } {
  return plan.labels.get(reason.fact) ?? { zh: reason.fact, en: reason.fact };
}

function missingMessage(plan: ScoringPlan, indicator: Indicator, reasons: MissingReason[]): Bilingual {
  const zero = reasons.find((r): r is Extract<MissingReason, { kind: 'zero' }> => r.kind === 'zero');
  if (zero) {
    const den = plan.labels.get(zero.denominator)!;
    const label = plan.labels.get(zero.fact)!;
    return both('ratioZero', { denominator: den.zh, denominatorEn: den.en, label: label.zh, labelEn: label.en });
  }
  const names = [...new Map(reasons.map((r) => [r.fact, missingLabel(plan, r)])).values()];
  const key = reasons.every((r) => r.kind === 'impossible')
    ? 'inputImpossible'
    : reasons.every((r) => r.kind === 'unreadable' || r.kind === 'impossible')
      ? 'inputUnreadable'
      : 'inputMissing';
  return both(key, {
    indicator: indicator.label,
    indicatorEn: indicator.labelEn ?? indicator.label,
    inputs: names.map((n) => `“${n.zh}”`).join('、'),
    inputsEn: names.map((n) => `"${n.en}"`).join(', '),
  });
}

const TOPIC_SEPARATOR = '：';

/**
 * Flags of one indicator that share a topic ("五个一未完成：一事一议项目",
 * "五个一未完成：帮扶贫困户") read better as one: "五个一未完成：一事一议项目、帮扶贫困户".
 */
function mergeTopics(flags: Flag[]): Flag[] {
  const merged: Flag[] = [];
  for (const flag of flags) {
    const at = flag.message.indexOf(TOPIC_SEPARATOR);
    const atEn = flag.messageEn.indexOf(': ');
    const prev = merged[merged.length - 1];
    if (prev && at > 0 && prev.indicator === flag.indicator && prev.message.startsWith(flag.message.slice(0, at + 1))) {
      prev.rule = `${prev.rule}+${flag.rule}`;
      prev.message = `${prev.message}、${flag.message.slice(at + 1)}`;
      if (atEn > 0) prev.messageEn = `${prev.messageEn}, ${flag.messageEn.slice(atEn + 2)}`;
      continue;
    }
    merged.push({ ...flag });
  }
  return merged;
}

/**
 * Turns the rules that fired for one row into indicator points, capped per
 * indicator, under each indicator's hit policy. A rule whose inputs are missing
 * awards nothing, whatever the engine made of the nulls; the indicator then
 * carries a flag (or a note) naming the missing column.
 */
export function scoreRow(plan: ScoringPlan, facts: RecordFacts, fired: Set<string>): RowScore {
  const indicators: Record<string, number> = {};
  const flags: Flag[] = [];
  const notes: Note[] = [];
  const basis: Basis[] = [];
  let score = 0;
  for (const indicator of plan.indicators) {
    let points = 0;
    const missing: MissingReason[] = [];
    for (const rule of plan.rulesByIndicator.get(indicator.id)!) {
      let absent = false;
      for (const f of plan.inputs.get(rule.id)!) {
        const reasons = facts.missing.get(f);
        if (reasons) {
          missing.push(...reasons);
          absent = true;
        }
      }
      if (absent) continue;
      if (!fired.has(rule.id)) continue;
      const p = rulePoints(rule, facts);
      points += p;
      basis.push({ rule: rule.id, indicator: indicator.id, points: round2(p) });
      if (rule.flag) {
        const params: Params = {};
        for (const f of plan.inputs.get(rule.id)!) params[f] = formatFact(plan, f, facts.values[f]);
        flags.push({ rule: rule.id, indicator: indicator.id, message: fillTemplate(rule.flag, params), messageEn: fillTemplate(rule.flagEn ?? rule.flag, params) });
      }
      if (indicator.hitPolicy === 'first') break;
    }
    if (missing.length > 0) {
      const message = missingMessage(plan, indicator, missing);
      if (indicator.onMissing === 'flag') flags.push({ rule: `missing:${indicator.id}`, indicator: indicator.id, ...message });
      else notes.push({ ...message, facts: [...new Set(missing.map((r) => (r.kind === 'zero' ? r.denominator : r.fact)))] });
    }
    indicators[indicator.id] = round2(Math.max(0, Math.min(points, indicator.max)));
    score += indicators[indicator.id]!;
  }
  return { indicators, score: round2(score), flags: mergeTopics(flags), notes, basis };
}
