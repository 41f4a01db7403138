import { Engine } from 'json-rules-engine';
import { compileRule, SCORE_EVENT } from '../pack/compile';
import type { Indicator, Rule } from '../pack/schema';
import type { RecordFacts } from './facts';
import { formatFact, planFor, type RowScore, scoreRow, type ScoringPlan } from './score';

/**
 * The one evaluation every assessment goes through: its rules compiled once
 * into a json-rules-engine Engine, which decides for flat facts which rules
 * hold; the indicators' hit policies and caps then turn those into points,
 * flags and the rules behind each point. Cadres, branches and every declared
 * assessment are scored here; they differ only in how their facts are gathered.
 */
export class RuleScorer {
  readonly plan: ScoringPlan;
  private readonly engine: Engine;

  constructor(indicators: Indicator[], rules: Rule[], labels: ScoringPlan['labels'], percentFacts: Set<string>) {
    this.engine = new Engine(rules.filter((r) => r.enabled).map(compileRule), { allowUndefinedFacts: true });
    this.plan = planFor(indicators, rules, labels, percentFacts);
  }

  async score(facts: RecordFacts): Promise<RowScore> {
    const { events } = await this.engine.run(facts.values);
    const fired = new Set<string>();
    for (const e of events) if (e.type === SCORE_EVENT) fired.add(String(e.params!.rule));
    return scoreRow(this.plan, facts, fired);
  }

  /** A fact's value as a flag shows it: rates as percentages. */
  show(fact: string, value: unknown): string {
    return formatFact(this.plan, fact, value);
  }
}
