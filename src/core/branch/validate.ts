import { both, type Bilingual, t } from '../messages';
import type { Condition } from '../pack/schema';
import { paramMap, paramProblems, resolveBands, resolveConditions, resolveNumber } from '../pack/params';
import { rangeProblems } from '../pack/range';
import { type PackProblem, TYPE_NAMES, valueFits, zodProblems } from '../pack/validate';
import { factCatalogue, type BranchFactInfo, OUTCOME_FACTS } from './catalogue';
import { declaredProblems } from '../rulesheet/scheme/validate';
import { branchLedgers } from './scheme';
import { type BranchPack, BranchPackSchema } from './schema';

export type BranchPackResult = { ok: true; pack: BranchPack } | { ok: false; problems: PackProblem[] };

const MEETING_FACTS = ['branch', 'meetingType', 'date', 'expected', 'present'] as const;

/**
 * Validates a branch pack before anything runs: its shape (zod), then what a
 * shape cannot say — the ledgers have the columns the reader needs, facts read
 * ledgers, columns, meeting types and facts that exist, every condition reads a known
 * fact with a value of its type, ids are unique, grade bands descend.
 */
export function validateBranchPack(input: unknown): BranchPackResult {
  const parsed = BranchPackSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const pack = parsed.data;
  const problems: PackProblem[] = [];
  const add = (path: string, message: Bilingual) => problems.push({ path, ...message });

  const meetingFacts = new Map(pack.meetings.columns.map((c) => [c.fact, c]));
  for (const fact of MEETING_FACTS) {
    if (!meetingFacts.has(fact)) add('meetings.columns', both('branchPackColumn', { ledger: pack.meetings.title, ledgerEn: pack.meetings.titleEn ?? pack.meetings.title, fact }));
  }
  if (meetingFacts.get('branch')?.role !== 'subject') add('meetings.columns', both('packNoSubject'));
  const workColumns = new Map(pack.work.columns.map((c) => [c.fact, c]));
  if (pack.work.columns.filter((c) => c.role === 'subject').length !== 1) add('work.columns', both('packNoSubject'));
  checkUnique(pack.meetings.columns.map((c) => c.fact), 'meetings.columns', 'fact', add);
  checkUnique(pack.work.columns.map((c) => c.fact), 'work.columns', 'fact', add);
  checkUnique(pack.meetings.types.map((t) => t.id), 'meetings.types', 'id', add);
  rangeProblems(pack.meetings.columns, 'meetings.columns', add);
  rangeProblems(pack.work.columns, 'work.columns', add);

  const isCount = (fact: string) => workColumns.get(fact)?.type === 'number';
  pack.work.statedRates.forEach((r, i) => {
    if (workColumns.get(r.fact)?.type !== 'percent') add(`work.statedRates[${i}].fact`, both('branchPackWorkColumn', { fact: r.fact, column: r.fact }));
    for (const part of [r.numerator, r.denominator]) {
      if (!isCount(part)) add(`work.statedRates[${i}]`, both('branchPackWorkColumn', { fact: r.fact, column: part }));
    }
  });

  // Facts are checked as any assessment's are, over the meeting records, the work ledger and the declared ledgers; no fact may take an implicit or outcome fact's id.
  const known = new Map([...factCatalogue({ ...pack, facts: [] })].map(([fact, info]) => [fact, info.type] as const));
  for (const fact of Object.keys(OUTCOME_FACTS)) known.set(fact, 'number');
  const [meetings, work, ...declared] = branchLedgers(pack);
  declaredProblems(declared, pack.facts, add, { factsPath: 'facts', facts: known, checkedLedgers: [meetings!, work!], columnsAreFacts: false });

  const catalogue = factCatalogue(pack);
  const outcomes = new Map<string, BranchFactInfo>([...catalogue, ...Object.entries(OUTCOME_FACTS)]);
  paramProblems(pack.params, add);
  const params = paramMap(pack.params);
  const isRate = (facts: Map<string, BranchFactInfo>) => (fact: string) => {
    const type = facts.get(fact)?.type;
    return type === undefined ? undefined : type === 'percent' || type === 'ratio';
  };
  pack.requirements.forEach((r, i) => resolveConditions(r.when, params, `requirements[${i}]`, isRate(catalogue), add));
  pack.rules.forEach((r, i) => resolveConditions(r.when, params, `rules[${i}]`, isRate(catalogue), add));
  pack.risk.any.forEach((r, i) => resolveConditions(r.when, params, `risk.any[${i}]`, isRate(outcomes), add));
  resolveBands(pack.grades, params, add);
  if (pack.starQuota) resolveNumber(pack.starQuota, 'maxShare', true, params, 'starQuota', add);
  // A quota on stars no band gives would limit nothing at run time.
  if (pack.starQuota && !pack.grades.some((g) => g.stars === pack.starQuota!.stars)) add('starQuota.stars', both('rsQuotaStarsNoBand', { stars: pack.starQuota.stars }));
  checkUnique(pack.requirements.map((r) => r.id), 'requirements', 'id', add);
  pack.requirements.forEach((r, i) => checkConditions(r.id, r.when, catalogue, `requirements[${i}]`, add));

  checkUnique(pack.indicators.map((x) => x.id), 'indicators', 'id', add);
  checkUnique(pack.rules.map((r) => r.id), 'rules', 'id', add);
  const indicators = new Set(pack.indicators.map((x) => x.id));
  pack.rules.forEach((rule, i) => {
    if (!indicators.has(rule.indicator)) add(`rules[${i}].indicator`, both('packUnknownIndicator', { rule: rule.id, indicator: rule.indicator }));
    checkConditions(rule.id, rule.when, catalogue, `rules[${i}]`, add);
    if (typeof rule.points === 'object') {
      const info = catalogue.get(rule.points.per);
      if (!info) add(`rules[${i}].points.per`, both('packUnknownFact', { rule: rule.id, fact: rule.points.per }));
      else if (!valueFits(info.type, 0)) add(`rules[${i}].points.per`, both('packPointsPer', { rule: rule.id, ...described(rule.points.per, info) }));
    }
  });
  checkUnique(pack.risk.any.map((r) => r.id), 'risk.any', 'id', add);
  pack.risk.any.forEach((r, i) => checkConditions(r.id, r.when, outcomes, `risk.any[${i}]`, add));
  for (let i = 1; i < pack.grades.length; i++) {
    if (pack.grades[i]!.min >= pack.grades[i - 1]!.min) add(`grades[${i}].min`, both('packGradesOrder'));
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, pack };
}

function checkUnique(ids: string[], path: string, key: string, add: (path: string, m: Bilingual) => void): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) add(`${path}[${i}].${key}`, both('packDuplicateId', { id }));
    seen.add(id);
  });
}

/** A fact as the person editing the pack knows it: its label and its kind of value. */
function described(fact: string, info: BranchFactInfo) {
  const type = TYPE_NAMES[info.type];
  return { fact: info.label || fact, factEn: info.labelEn || fact, type: t(type), typeEn: t(type, {}, 'en') };
}

function checkConditions(id: string, when: Condition[], facts: Map<string, BranchFactInfo>, path: string, add: (path: string, m: Bilingual) => void): void {
  when.forEach((c, j) => {
    const info = facts.get(c.fact);
    const at = `${path}.when[${j}]`;
    if (!info) add(`${at}.fact`, both('packUnknownFact', { rule: id, fact: c.fact }));
    else if ((c.op === 'in' || c.op === 'notIn') !== Array.isArray(c.value) || !valueFits(info.type, c.value)) {
      add(`${at}.value`, both('packValueType', { rule: id, value: JSON.stringify(c.value), ...described(c.fact, info) }));
    }
  });
}
