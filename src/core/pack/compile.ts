import type { RuleProperties, TopLevelCondition } from 'json-rules-engine';
import type { Condition, Operator, Pack, Rule } from './schema';

const OPERATORS: Record<Operator, string> = {
  '>=': 'greaterThanInclusive',
  '>': 'greaterThan',
  '<': 'lessThan',
  '<=': 'lessThanInclusive',
  '=': 'equal',
  '!=': 'notEqual',
  in: 'in',
  notIn: 'notIn',
};

/** The event every compiled rule fires: the pack's own rule id, looked up after the run. */
export const SCORE_EVENT = 'ledger-rule';

export function compileCondition(c: Condition) {
  return { fact: c.fact, operator: OPERATORS[c.op], value: c.value };
}

/**
 * A pack rule as json-rules-engine rule properties. Facts are flat ids, never
 * paths; a rule with no conditions compiles to a condition that always holds.
 */
export function compileRule(rule: Rule): RuleProperties {
  const all = rule.when.map(compileCondition);
  const conditions: TopLevelCondition = all.length > 0 ? { all } : { all: [{ fact: 'always', operator: 'equal', value: true }] };
  return { name: rule.id, conditions, event: { type: SCORE_EVENT, params: { rule: rule.id } } };
}

export function compilePack(pack: Pack): RuleProperties[] {
  return pack.rules.filter((r) => r.enabled).map(compileRule);
}

/** Every fact a rule reads: its conditions' and the fact its points are counted per. */
export function ruleInputs(rule: Rule): string[] {
  const inputs = new Set(rule.when.map((c) => c.fact));
  if (typeof rule.points === 'object') inputs.add(rule.points.per);
  return [...inputs];
}
