import { Engine, type RuleProperties } from 'json-rules-engine';
import type { FactValue } from '../ledger/read';
import { compileCondition } from '../pack/compile';
import type { Condition } from '../pack/schema';

const HOLDS = 'holds';

/**
 * Named lists of conditions (must-meet items, risk criteria) compiled once
 * into a json-rules-engine Engine: for flat facts, which lists hold in full.
 * The scoring rules go through RuleScorer; these are the same conditions in
 * the same engine, only without points.
 */
export class ConditionSet {
  private readonly engine: Engine;

  constructor(items: { id: string; when: Condition[] }[]) {
    const rules: RuleProperties[] = items.map((i) => ({ name: i.id, conditions: { all: i.when.map(compileCondition) }, event: { type: HOLDS, params: { id: i.id } } }));
    this.engine = new Engine(rules, { allowUndefinedFacts: true });
  }

  async holding(facts: Record<string, FactValue>): Promise<Set<string>> {
    const { events } = await this.engine.run(facts);
    return new Set(events.filter((e) => e.type === HOLDS).map((e) => String(e.params!.id)));
  }
}
