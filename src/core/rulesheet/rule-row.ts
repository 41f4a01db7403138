import { both, type Bilingual, t } from '../messages';
import { IDENTIFIER, type Param } from '../pack/params';
import { type Condition, type PackInput, RuleSchema } from '../pack/schema';
import type { Cell } from '../snapshot';
import { halfWidth } from '../text';
import { parseConditionCell } from './condition';
import { type FactDirectory, type FactInfo, isNumeric, nearest } from './facts';
import { cellText, headerKey } from './grid';
import { parsePointsCell } from './points';
import { suggestion } from './problem';
import { freshId, optional } from './section';
import { ENABLED } from './words';

type RuleInput = PackInput['rules'][number];

/**
 * One rule as staff write it, cell by cell: from a row of 【规则】 or from the
 * sidebar's rule editor. `at` says where each part is (a cell, or an editor
 * field), so problems point there.
 */
export interface RuleRowInput {
  enabled: Cell;
  id: string;
  indicator: string;
  /** One entry per condition column; `fact` is absent when the column's name is unknown (reported once, at its header). */
  conditions: { fact?: FactInfo; cell: Cell; at: string }[];
  points: Cell;
  flag: string;
  flagEn: string;
  note: string;
  at: { enabled: string; id: string; indicator: string; points: string; flag: string; flagEn: string; note: string };
}

export interface RuleRowEnv {
  facts: FactDirectory;
  indicators: { id: string; label: string }[];
  /** Ids other rules have: id → how that rule is called in a message. */
  ids: Map<string, { zh: string; en: string }>;
  /** Ids written anywhere in the table, so an id made up for a blank cell never takes one of them. */
  taken: Set<string>;
  /** Names whose own rows have problems: naming them fails quietly, their problem being reported already. */
  broken?: (name: string) => boolean;
  /** The block's 【参数】: {名称} in conditions and texts. */
  params?: Map<string, Param>;
  report(at: string, message: Bilingual): void;
}

export interface RuleRowRead {
  rule?: RuleInput;
  /** Each fact's condition as written and where, for later checks to point at. */
  conditions: Record<string, { cell: string; text: string }>;
}

const PLACEHOLDER = /\{([^{}]+)\}/g;
const DETAIL = t('rsDetailSuffix');

/**
 * Column names in braces back to fact ids ({下基层天数} → {days}), the row's
 * value at run time; a parameter's name ({下基层天数标准}) is kept, its value
 * put in when the pack is compiled; any other name is reported.
 */
function flagWithFacts(flag: string, at: string, env: RuleRowEnv, example: string): string | undefined {
  let ok = true;
  const params = env.params ?? new Map<string, Param>();
  const text = flag.replace(PLACEHOLDER, (whole, name: string) => {
    const info = env.facts.resolve(name.trim());
    if (info) return `{${info.fact}}`;
    // {无台账记录月数明细}: what the count names (the months), where a fact says it.
    const counted = name.trim().endsWith(DETAIL) ? env.facts.resolve(name.trim().slice(0, -DETAIL.length)) : /^[A-Za-z]\w*Detail$/.test(name.trim()) ? env.facts.get(name.trim().slice(0, -'Detail'.length)) : undefined;
    if (counted) return `{${counted.fact}Detail}`;
    if (params.has(name.trim())) return `{${name.trim()}}`;
    ok = false;
    if (env.broken?.(name.trim())) return whole;
    const column = env.facts.nearest(name);
    const near = nearest(name, [...params.keys(), ...(column ? [column] : [])]);
    env.report(at, both('rsFlagUnknown', { text: name, example, ...suggestion(near) }));
    return whole;
  });
  return ok ? text : undefined;
}

/**
 * Facts named by their labels in braces back to ids ({发展完成率} → {fact3},
 * {无台账记录月数明细} → {…Detail}), as the assessor fills them in; ids,
 * parameters and unknown names are kept for checkReferences to judge.
 */
export function factLabelsToIds(text: string, facts: FactDirectory, params: Map<string, Param>): string {
  return text.replace(PLACEHOLDER, (whole, raw: string) => {
    const name = raw.trim();
    if (params.has(name)) return whole;
    const info = facts.resolve(name);
    if (info) return `{${info.fact}}`;
    const counted = name.endsWith(DETAIL) ? facts.resolve(name.slice(0, -DETAIL.length)) : undefined;
    return counted ? `{${counted.fact}Detail}` : whole;
  });
}

/** Whether a cell names, in braces, something that is not a parameter but whose own row has a problem. */
export function referencesBroken(cell: Cell, params: Map<string, Param> | undefined, broken?: (name: string) => boolean): boolean {
  if (typeof cell !== 'string' || !broken) return false;
  return [...halfWidth(cell).matchAll(PLACEHOLDER)].some((m) => !params?.has(m[1]!.trim()) && broken(m[1]!.trim()));
}

/**
 * Whether every {名称} in a text that is not a placeholder filled at run time
 * (a plain identifier) names a parameter; the first that does not is reported.
 */
export function checkReferences(text: string, at: string, params: Map<string, Param>, report: (at: string, m: Bilingual) => void, broken?: (name: string) => boolean): boolean {
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1]!.trim();
    if (IDENTIFIER.test(name) || params.has(name)) continue;
    if (!broken?.(name)) report(at, both('rsParamUnknown', { text: name, ...suggestion(nearest(name, [...params.keys()])) }));
    return false;
  }
  return true;
}

/** {days} in a pack's flag is {下基层天数} on the sheet: staff name columns, not fact ids. */
export function flagWithLabels(flag: string | undefined, facts: FactDirectory): string {
  return (flag ?? '').replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, fact: string) => {
    const info = facts.get(fact);
    if (info) return `{${info.label}}`;
    const counted = fact.endsWith('Detail') ? facts.get(fact.slice(0, -'Detail'.length)) : undefined;
    return counted ? `{${counted.label}${DETAIL}}` : whole;
  });
}

export function readRuleRow(input: RuleRowInput, env: RuleRowEnv): RuleRowRead {
  let ok = true;
  const enabledText = cellText(input.enabled);
  const enabled = enabledText === '' ? 'yes' : typeof input.enabled === 'boolean' ? (input.enabled ? 'yes' : 'no') : ENABLED.parse(enabledText);
  if (!enabled) {
    env.report(input.at.enabled, both('rsEnabledUnreadable', { text: enabledText }));
    ok = false;
  }

  const indicator = env.indicators.find((i) => headerKey(i.label) === headerKey(input.indicator) || i.id === input.indicator)?.id;
  if (input.indicator === '') {
    env.report(input.at.indicator, both('rsRequired', { field: t('rsHeadIndicator'), fieldEn: t('rsHeadIndicator', {}, 'en') }));
    ok = false;
  } else if (!indicator) {
    const near = nearest(input.indicator, env.indicators.map((i) => i.label));
    env.report(input.at.indicator, both('rsIndicatorUnknown', { text: input.indicator, ...suggestion(near) }));
    ok = false;
  }

  let id = input.id;
  if (id === '') {
    id = freshId(`${indicator ?? 'rule'}-`, new Set([...env.ids.keys(), ...env.taken]));
    env.taken.add(id);
  }
  else if (!RuleSchema.shape.id.safeParse(id).success) {
    env.report(input.at.id, both('rsRuleIdInvalid', { id }));
    ok = false;
  } else if (env.ids.has(id)) {
    const other = env.ids.get(id)!;
    env.report(input.at.id, both('rsDuplicateId', { id, other: other.zh, otherEn: other.en }));
    ok = false;
  }

  const when: Condition[] = [];
  /** Facts of conditions left unread until a parameter's row is fixed: the points may still be counted per them. */
  const waiting: string[] = [];
  const conditions: RuleRowRead['conditions'] = {};
  for (const { fact, cell, at } of input.conditions) {
    if (cellText(cell) === '') continue;
    if (!fact) {
      ok = false;
      continue;
    }
    // A reference to a parameter whose own row has a problem waits for that row to be fixed, reported once there.
    if (referencesBroken(cell, env.params, env.broken)) {
      waiting.push(fact.fact);
      ok = false;
      continue;
    }
    const parsed = parseConditionCell(cell, fact, env.params);
    if (!parsed.ok) {
      env.report(at, parsed.problem);
      ok = false;
      continue;
    }
    for (const c of parsed.conditions) when.push({ fact: fact.fact, ...c });
    if (parsed.conditions.length > 0 && !conditions[fact.fact]) conditions[fact.fact] = { cell: at, text: cellText(cell) };
  }

  const rowFacts = [...when.map((c) => c.fact), ...waiting].filter((f) => isNumeric(env.facts.get(f)!.kind));
  const points = parsePointsCell(input.points, { facts: env.facts, rowFacts });
  if (!points.ok) {
    env.report(input.at.points, points.problem);
    ok = false;
  }
  const example = env.facts.get(when[0]?.fact ?? '')?.label ?? env.facts.all()[0]?.label ?? '';
  const flag = flagWithFacts(input.flag, input.at.flag, env, example);
  const flagEn = flagWithFacts(input.flagEn, input.at.flagEn, env, example);
  const noteOk = checkReferences(input.note, input.at.note, env.params ?? new Map(), env.report, env.broken);
  if (!ok || !noteOk || flag === undefined || flagEn === undefined || !points.ok || !indicator) return { conditions };
  const note = optional(input.note);
  return {
    conditions,
    rule: {
      id,
      indicator,
      enabled: enabled === 'yes',
      when,
      points: points.points,
      ...(flag ? { flag } : {}),
      ...(flagEn ? { flagEn } : {}),
      ...(note ? { note } : {}),
    },
  };
}
