import { ConditionSet } from '../assess/conditions';
import { both, fillTemplate, type Params } from '../messages';
import { periodLabel, unitsLabel } from '../period';
import { evidenceOf } from './evidence';
import type { DataGap, GatheredFacts } from './facts';
import { NO_DATA_REASONS } from './facts';
import type { ResultFlag, ResultNote } from './result';
import type { Requirement } from './schema';

const GAP_MESSAGES = {
  noLedger: 'noDataNoLedger',
  uncovered: 'noDataUncovered',
  notReported: 'noDataNotReported',
  notRecorded: 'noDataNotRecorded',
} as const;

/** Why an item was not judged, in words. */
function noDataNote(item: Requirement, gap: DataGap, period: string): ResultNote {
  const key = GAP_MESSAGES[gap.reason as keyof typeof GAP_MESSAGES];
  // A year covered from April to June has no rows for the other nine months, not none for the year.
  const during = gap.reason === 'uncovered' && gap.months ? { period: unitsLabel(gap.months), periodEn: unitsLabel(gap.months, 'en') } : { period: periodLabel(period), periodEn: period };
  const inputs = gap.inputs ?? [];
  return {
    rule: item.id,
    ...both(key, {
      label: item.label,
      labelEn: item.labelEn ?? item.label,
      ledger: gap.ledger.zh,
      ledgerEn: gap.ledger.en,
      ...during,
      inputs: inputs.map((i) => `“${i.zh}”`).join('、'),
      inputsEn: inputs.map((i) => `"${i.en}"`).join(', '),
    }),
  };
}

/**
 * The must-meet items (必达项) of an assessment: each fails when all its
 * conditions hold, and is not judged, with a note, when a fact it reads has
 * no data. Its texts are templates over the facts as shown.
 */
export class MustMeet {
  private readonly items: Requirement[];
  private readonly conditions: ConditionSet;

  constructor(items: Requirement[], private readonly labelOf: (fact: string) => { zh: string; en: string }) {
    this.items = items.filter((i) => i.enabled);
    this.conditions = new ConditionSet(this.items);
  }

  get empty(): boolean {
    return this.items.length === 0;
  }

  async judge(facts: GatheredFacts, period: string, params: { zh: Params; en: Params }): Promise<{ failed: ResultFlag[]; notes: ResultNote[] }> {
    const out = { failed: [] as ResultFlag[], notes: [] as ResultNote[] };
    if (this.items.length === 0) return out;
    const holding = await this.conditions.holding(facts.values);
    for (const item of this.items) {
      const inputs = [...new Set(item.when.map((c) => c.fact))];
      const missing = inputs.find((f) => facts.gaps.has(f) || facts.missing.has(f));
      if (missing !== undefined) {
        const gap = facts.gaps.get(missing) ?? { reason: 'notRecorded', ledger: { zh: '', en: '' }, inputs: [this.labelOf(missing)] };
        if (NO_DATA_REASONS.has(gap.reason)) out.notes.push(noDataNote(item, gap, period));
        continue;
      }
      if (!holding.has(item.id)) continue;
      const [zh, en] = [params.zh, params.en];
      out.failed.push({
        rule: item.id,
        message: fillTemplate(item.message, zh),
        messageEn: fillTemplate(item.messageEn ?? item.message, en),
        item: {
          label: item.label,
          labelEn: item.labelEn ?? item.label,
          expected: fillTemplate(item.expected, zh),
          expectedEn: fillTemplate(item.expectedEn ?? item.expected, en),
          actual: fillTemplate(item.actual, zh),
          actualEn: fillTemplate(item.actualEn ?? item.actual, en),
          fix: fillTemplate(item.fix, zh),
          fixEn: fillTemplate(item.fixEn ?? item.fix, en),
          evidence: evidenceOf(inputs.flatMap((f) => facts.evidence.get(f) ?? [])),
        },
      });
    }
    return out;
  }
}
