import type { Scheme } from '../../scheme/schema';
import { type ConditionTable, REQUIREMENT_TEXTS, RISK_TEXTS } from '../branch/condition-table';
import { schemeFacts, schemeRiskFacts } from './view';

type Source = Pick<Scheme, 'ledgers' | 'facts' | 'requirements' | 'risk'>;

/** 【必达项】: must-meet items over the scheme's columns and facts, in the cells of the branch block's 【必达要求】. */
export const SCHEME_REQUIREMENTS: ConditionTable<Source> = {
  name: 'rsTableMustMeet',
  hint: 'rsHintMustMeet',
  path: 'requirements',
  enabled: true,
  mayBeEmpty: true,
  texts: REQUIREMENT_TEXTS,
  items: (s) => s.requirements,
  facts: (s) => schemeFacts(s),
};

/** 【风险】: risk criteria over the scheme's facts and the outcomes (得分, 排名末位, …); its name, cap and deadline are rows of 【方案】. */
export const SCHEME_RISK: ConditionTable<Source> = {
  name: 'rsTableSchemeRisk',
  hint: 'rsHintSchemeRisk',
  path: 'risk.any',
  enabled: false,
  mayBeEmpty: true,
  texts: RISK_TEXTS,
  items: (s) => s.risk?.any ?? [],
  facts: (s) => schemeRiskFacts(s),
};
