import * as z from 'zod';
import { both, type Bilingual } from '../messages';
import type { Requirement, Risk } from '../scheme/schema';
import type { Condition, Rule } from './schema';
import { tidy } from '../values';

/**
 * Named parameters: a standard several cells depend on (下基层天数标准 = 10,
 * 办结率要求 = 90%) is written once and referenced as {名称} by conditions
 * (whose `param` keeps the name) and by texts (flags, notes, must-meet texts).
 * Grade bands ({优秀分数线} as a band's minimum) and shares (名额, 末位比例)
 * refer to them too. The reference is what the pack keeps; conditions, bands
 * and shares also hold the value (put in when the sheet is read, checked
 * against the parameter on validation), and texts get it when the pack is compiled.
 *
 * Texts also hold placeholders filled at run time with a row's values, written
 * as plain identifiers ({days}, {committeeMissedMonthsDetail}). A parameter's
 * name is therefore never a plain identifier, so the two cannot be confused:
 * {名称} is a parameter when 名称 is one, and anything else is left as it is.
 */
export const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;

/** A percentage as written: 90%, 12.5%. */
const PERCENT = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)%$/;

export const ParamSchema = z.object({
  name: z
    .string()
    .min(1)
    .refine((n) => !/[{}]/.test(n) && !IDENTIFIER.test(n), 'a parameter name has no braces and is not a plain identifier (those name values filled in at run time)'),
  /** A number, or a percentage written with its sign ("90%"), which conditions on rates read as 0.9. */
  value: z.union([z.number(), z.string().regex(PERCENT, 'a percentage is written like "90%"')]),
  note: z.string().optional(),
});
export type Param = z.infer<typeof ParamSchema>;

export const ParamsSchema = z.array(ParamSchema).optional();

export const isPercentParam = (p: Param): boolean => typeof p.value === 'string';


/** The number a condition compares with: 10, or 0.9 for 90%. */
export function paramNumber(p: Param): number {
  return typeof p.value === 'number' ? p.value : tidy(Number(p.value.slice(0, -1)) / 100);
}

/** The value as a text shows it: 10, 90%. */
export const paramText = (p: Param): string => String(p.value);

/** Every {…} in a text, with the name inside. */
export const REFERENCE = /\{([^{}]+)\}/g;

export function paramMap(params: Param[] | undefined): Map<string, Param> {
  return new Map((params ?? []).map((p) => [p.name.trim(), p]));
}

/** A text with each {名称} of a parameter replaced by its value; other braces are left as they are. */
export function fillParams(text: string, params: Map<string, Param>): string;
export function fillParams(text: string | undefined, params: Map<string, Param>): string | undefined;
export function fillParams(text: string | undefined, params: Map<string, Param>): string | undefined {
  if (text === undefined || params.size === 0) return text;
  return text.replace(REFERENCE, (whole, name: string) => {
    const p = params.get(name.trim());
    return p ? paramText(p) : whole;
  });
}

/** A copy of an object with the named text fields filled in. */
export function fillFields<T extends object>(item: T, fields: readonly string[], params: Map<string, Param>): T {
  if (params.size === 0) return item;
  const out = { ...item } as Record<string, unknown>;
  for (const f of fields) if (typeof out[f] === 'string') out[f] = fillParams(out[f] as string, params);
  return out as T;
}

type Add = (path: string, message: Bilingual) => void;

/** Each parameter named once. */
export function paramProblems(params: Param[] | undefined, add: Add): void {
  const seen = new Set<string>();
  (params ?? []).forEach((p, i) => {
    const name = p.name.trim();
    if (seen.has(name)) add(`params[${i}].name`, both('packParamDuplicate', { name }));
    seen.add(name);
  });
}

/**
 * Checks each condition that names a parameter: the parameter exists, suits
 * the fact (a percentage for a rate, a number for a count), and its value is
 * the one the condition holds, so everything downstream compares plain numbers
 * and a pack file edited by hand never says two things at once.
 */
export function resolveConditions(when: Condition[], params: Map<string, Param>, path: string, isRate: (fact: string) => boolean | undefined, add: Add): void {
  when.forEach((c, j) => {
    if (c.param === undefined) return;
    const p = params.get(c.param.trim());
    const at = `${path}.when[${j}].param`;
    if (!p) {
      add(at, both('packParamUnknown', { name: c.param, known: [...params.keys()].join('、') || '—' }));
      return;
    }
    const rate = isRate(c.fact);
    if (rate !== undefined && rate !== isPercentParam(p)) {
      add(at, both(rate ? 'packParamNotPercent' : 'packParamPercent', { name: p.name, value: paramText(p) }));
      return;
    }
    // A file edited by hand with one of the two changed would otherwise be read silently one way or the other.
    if (c.value !== paramNumber(p)) add(`${path}.when[${j}].value`, both('packParamMismatch', { name: p.name, param: paramText(p), value: JSON.stringify(c.value) }));
  });
}

/**
 * Checks a number outside a condition that names a parameter, as
 * resolveConditions checks a condition's: a band's minimum, which takes a
 * number, or a share (名额, 末位比例), which takes a percentage. `path` is the
 * holder's ("grades[0]", "quota"), `field` the number's name in it.
 */
export function resolveNumber(
  holder: Record<string, unknown> & { param?: string },
  field: string,
  rate: boolean,
  params: Map<string, Param>,
  path: string,
  add: Add,
): void {
  if (holder.param === undefined) return;
  const p = params.get(holder.param.trim());
  if (!p) {
    add(`${path}.param`, both('packParamUnknown', { name: holder.param, known: [...params.keys()].join('、') || '—' }));
    return;
  }
  if (rate !== isPercentParam(p)) {
    add(`${path}.param`, both(rate ? 'packParamNotPercent' : 'packParamPercentScore', { name: p.name, value: paramText(p) }));
    return;
  }
  const value = holder[field];
  if (value !== paramNumber(p)) add(`${path}.${field}`, both('packParamNumberMismatch', { name: p.name, param: paramText(p), value: JSON.stringify(value) }));
}

/** Each grade band's minimum that names a parameter, checked. */
export function resolveBands(grades: { min: number; param?: string }[], params: Map<string, Param>, add: Add): void {
  grades.forEach((g, i) => resolveNumber(g, 'min', false, params, `grades[${i}]`, add));
}

const RULE_TEXTS = ['flag', 'flagEn', 'note'] as const;
const REQUIREMENT_TEXTS = ['label', 'labelEn', 'expected', 'expectedEn', 'actual', 'actualEn', 'message', 'messageEn', 'fix', 'fixEn'] as const;
const RISK_TEXTS = ['reason', 'reasonEn'] as const;

/** A pack with its rules' texts as shown (flags, notes): each {名称} of a parameter replaced by its value. */
export function rulesTextsFilled<P extends { params?: Param[]; rules: Rule[] }>(pack: P): P {
  const params = paramMap(pack.params);
  if (params.size === 0) return pack;
  return { ...pack, rules: pack.rules.map((r) => fillFields(r, RULE_TEXTS, params)) };
}

/** An assessment with every text as shown: rule flags, must-meet texts and risk reasons. */
export function textsFilled<P extends { params?: Param[]; rules: Rule[]; requirements: Requirement[]; risk?: Risk }>(pack: P): P {
  const params = paramMap(pack.params);
  if (params.size === 0) return pack;
  return {
    ...rulesTextsFilled(pack),
    requirements: pack.requirements.map((r) => fillFields(r, REQUIREMENT_TEXTS, params)),
    ...(pack.risk ? { risk: { ...pack.risk, any: pack.risk.any.map((c) => fillFields(c, RISK_TEXTS, params)) } } : {}),
  };
}
