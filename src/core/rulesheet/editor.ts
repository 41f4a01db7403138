import * as z from 'zod';
import type { ReadResult } from '../ledger/read';
import { both, type Bilingual, t } from '../messages';
import { paramMap } from '../pack/params';
import type { Pack, Rule } from '../pack/schema';
import type { Cell, SheetSnapshot } from '../snapshot';
import { checkPack, fileLocator } from './check';
import { conditionText } from './condition';
import { type EditablePack, ruleFacts, rulesView, unknownFactMessage, withRules } from './editable';
import { FactDirectory, type FactInfo } from './facts';
import { headerKey, scanBlocks, type SheetBlock } from './grid';
import { pointsText } from './points';
import { type RuleProblem, suggestion } from './problem';
import type { ScoringPack } from './section';
import { flagWithLabels, readRuleRow } from './rule-row';
import type { RuleRowEdit } from './schemas';
import { RULE_FIXED_KEYS } from './sections/rules';
import { ENABLED } from './words';

/**
 * The sidebar's rule editor: a rule typed field by field is read with the same
 * parsers and messages as a row of 【规则】, the candidate pack it makes is
 * checked, and the row is then written where it belongs on the rules sheet.
 * It edits the cadre block's rules and the branch block's alike: a branch
 * pack is edited through the view its block's tables are read with.
 */
export const RuleDraftSchema = z.object({
  /** Blank or absent for a new rule (an id is made up); an existing id edits that rule. */
  id: z.string().default(''),
  enabled: z.boolean().default(true),
  /** The indicator's name (or id). */
  indicator: z.string(),
  /** Condition text by column name: a ledger column's name or alias, or a computed value's name. */
  conditions: z.record(z.string(), z.string()).default({}),
  points: z.union([z.string(), z.number()]).default(''),
  flag: z.string().default(''),
  flagEn: z.string().default(''),
  note: z.string().default(''),
});
export type RuleDraft = z.input<typeof RuleDraftSchema>;

export type DraftField = 'enabled' | 'id' | 'indicator' | 'points' | 'flag' | 'flagEn' | 'note' | `condition:${string}`;

export interface DraftProblem extends Bilingual {
  /** The editor field at fault: a fixed field, or "condition:<column name>". */
  field: DraftField | 'rule';
}

export interface DraftResult<P extends EditablePack = Pack> {
  rule?: Rule;
  /** The pack with the rule in place: replacing the rule of the same id, or after its indicator's last rule. */
  candidate?: P;
  problems: DraftProblem[];
}

/** The rules with one in place: its own place when it exists, else after the last rule of its indicator. */
function rulesWith(rules: Rule[], rule: Rule): Rule[] {
  const out = [...rules];
  const at = out.findIndex((r) => r.id === rule.id);
  if (at >= 0) out[at] = rule;
  else {
    const last = out.map((r) => r.indicator).lastIndexOf(rule.indicator);
    out.splice(last >= 0 ? last + 1 : out.length, 0, rule);
  }
  return out;
}

/** Where a rule goes: its own place when it exists, else after the last rule of its indicator. */
export function packWithRule(pack: Pack, rule: Rule): Pack {
  return { ...pack, rules: rulesWith(pack.rules, rule) };
}

/** An existing rule as the editor shows it, each field written as on the sheet: what editing starts from. */
export function ruleDraftOf(pack: EditablePack, ruleId: string): z.output<typeof RuleDraftSchema> | undefined {
  const rule = pack.rules.find((r) => r.id === ruleId);
  if (!rule) return undefined;
  const facts = ruleFacts(pack);
  const conditions: Record<string, string> = {};
  for (const fact of new Set(rule.when.map((c) => c.fact))) {
    const info = facts.get(fact)!;
    conditions[info.label] = conditionText(rule.when.filter((c) => c.fact === fact), info.kind);
  }
  return {
    id: rule.id,
    enabled: rule.enabled,
    indicator: pack.indicators.find((i) => i.id === rule.indicator)?.label ?? rule.indicator,
    conditions,
    points: pointsText(rule.points, rule, facts),
    flag: flagWithLabels(rule.flag, facts),
    flagEn: rule.flagEn ?? '',
    note: rule.note ?? '',
  };
}

/** The rule's own problems in a checked pack: those at its row. A gap in its indicator's bands is not one (see problemsElsewhere). */
function ownProblems(view: ScoringPack, index: number): RuleProblem[] {
  const mine = new RegExp(`^rules\\[${index}\\](\\.|$)`);
  return checkPack(view, fileLocator(view, ''), { gaps: false }).filter((p) => mine.test(p.cell));
}

export function applyRuleDraft<P extends EditablePack>(pack: P, input: RuleDraft): DraftResult<P> {
  const draft = RuleDraftSchema.parse(input);
  const facts = ruleFacts(pack);
  const problems: DraftProblem[] = [];
  const report = (field: string, m: Bilingual) => problems.push({ field: field as DraftField, message: m.message, messageEn: m.messageEn });
  const conditions: { fact?: FactInfo; cell: Cell; at: string }[] = [];
  for (const [column, text] of Object.entries(draft.conditions)) {
    const fact = facts.resolve(column);
    if (!fact) report(`condition:${column}`, both(unknownFactMessage(pack), { text: column, ...suggestion(facts.nearest(column)) }));
    conditions.push({ fact, cell: text, at: `condition:${column}` });
  }
  const ids = new Map(pack.rules.filter((r) => r.id !== draft.id).map((r) => [r.id, { zh: r.id, en: r.id }]));
  const read = readRuleRow(
    {
      enabled: draft.enabled,
      id: draft.id,
      indicator: draft.indicator,
      conditions,
      points: draft.points,
      flag: draft.flag,
      flagEn: draft.flagEn,
      note: draft.note,
      at: { enabled: 'enabled', id: 'id', indicator: 'indicator', points: 'points', flag: 'flag', flagEn: 'flagEn', note: 'note' },
    },
    { facts, indicators: pack.indicators, ids, taken: new Set(ids.keys()), params: paramMap(pack.params), report },
  );
  if (!read.rule || problems.length > 0) return { problems };
  const valid = withRules(pack, rulesWith(pack.rules, read.rule as Rule));
  if (!valid.ok) return { problems: valid.problems.map((p) => ({ field: 'rule', message: p.message, messageEn: p.messageEn })) };
  const candidate = valid.pack;
  const index = candidate.rules.findIndex((r) => r.id === read.rule!.id);
  const rule = candidate.rules[index]!;
  // Only what concerns the new rule: the rest of the pack was checked when it was read.
  const part = /^rules\[\d+\](\.when\[(\d+)\]|\.flag)?/;
  for (const p of ownProblems(rulesView(candidate), index)) {
    const m = part.exec(p.cell)!;
    const field = m[2] !== undefined ? `condition:${facts.get(rule.when[Number(m[2])]!.fact)?.label}` : m[1] === '.flag' ? 'flag' : 'rule';
    report(field, p);
  }
  return { rule, candidate, problems };
}

/**
 * Problems a drafted rule would leave in other rows: a band it no longer
 * covers, a row it now overlaps. A band moves one row at a time, so these do
 * not keep the rule from being saved, but the rules sheet will mark them until
 * those rows are edited too. A gap is one of them even where the sheet marks
 * it at the rule's own row (an indicator of one band, raised): closing it
 * takes another row. Problems the pack had already are not repeated.
 */
export function problemsElsewhere<P extends EditablePack>(pack: P, draft: DraftResult<P>): Bilingual[] {
  if (!draft.rule || !draft.candidate) return [];
  const current = rulesView(pack);
  const candidate = rulesView(draft.candidate);
  const before = new Set(checkPack(current, fileLocator(current, '')).map((p) => p.message));
  const index = candidate.rules.findIndex((r) => r.id === draft.rule!.id);
  const own = new Set(ownProblems(candidate, index).map((p) => `${p.cell}\u0000${p.message}`));
  return checkPack(candidate, fileLocator(candidate, ''))
    .filter((p) => !own.has(`${p.cell}\u0000${p.message}`) && !before.has(p.message))
    .map((p) => ({ message: p.message, messageEn: p.messageEn }));
}

/** The facts a rule can read that the ledgers in the workbook really have: the editor offers only these. */
export function ledgerFacts(pack: Pack, read: ReadResult): FactInfo[] {
  const present = new Set(read.ledgers.flatMap((l) => l.columns.map((c) => c.fact)));
  for (const d of pack.derived) if (present.has(d.numerator) && present.has(d.denominator)) present.add(d.fact);
  return FactDirectory.of(pack).all().filter((f) => present.has(f.fact) && !pack.columns.find((c) => c.fact === f.fact)?.role);
}


/** The block holding a pack: the one whose 【设置】 (or a scheme's 【方案】) gives its id, else the one of its title. */
function blockOf(blocks: SheetBlock[], pack: EditablePack): SheetBlock | undefined {
  const idRows = new Map([
    [headerKey(t('rsTableSettings')), headerKey(t('rsSetId'))],
    [headerKey(t('rsTableScheme')), headerKey(t('rsHeadId'))],
  ]);
  return (
    blocks.find((b) =>
      b.tables.some((tb) => idRows.has(tb.key) && tb.rows.some((r) => r.cells.some((c) => headerKey(String(c ?? '')) === idRows.get(tb.key)) && r.cells.some((c) => String(c ?? '').trim() === pack.id))),
    ) ?? blocks.find((b) => b.title === pack.title)
  );
}

/**
 * Where and what to write on the rules sheet for a rule: its own row when the
 * table has its id, else a new row after the table's last; cells follow the
 * sheet's own columns, and a condition on a column the table lacks gets a new
 * column at the table's right. Undefined when the sheet has no such table.
 */
export function ruleRowEdit(sheet: SheetSnapshot, pack: EditablePack, rule: Rule): RuleRowEdit | undefined {
  const block = blockOf(scanBlocks(sheet.values, t('rsPackTitle')), pack);
  const table = block?.tables.find((tb) => tb.key === headerKey(t('rsTableRules')));
  if (!table || table.headerRow === undefined) return undefined;
  const facts = ruleFacts(pack);
  const fixed = (k: Parameters<typeof t>[0]) => table.columns.find((c) => c.key === headerKey(t(k)))?.col;
  const idCol = fixed('rsHeadId');
  const existing = idCol === undefined ? undefined : table.rows.find((r) => String(r.cells[idCol] ?? '').trim() === rule.id);
  const row = existing?.row ?? (table.rows.length > 0 ? table.rows[table.rows.length - 1]!.row : table.headerRow);
  const values: (string | number)[] = (existing?.cells ?? []).map((c) => (c === null || typeof c === 'boolean' ? '' : c));
  const put = (col: number | undefined, value: string | number) => {
    if (col === undefined) return;
    while (values.length <= col) values.push('');
    values[col] = value;
  };
  put(fixed('rsHeadEnabled'), ENABLED.word(rule.enabled ? 'yes' : 'no'));
  put(idCol, rule.id);
  put(fixed('rsHeadIndicator'), pack.indicators.find((i) => i.id === rule.indicator)?.label ?? rule.indicator);
  put(fixed('rsHeadPoints'), pointsText(rule.points, rule, facts));
  put(fixed('rsHeadFlag'), flagWithLabels(rule.flag, facts));
  put(fixed('rsHeadNote'), rule.note ?? '');
  put(fixed('rsHeadFlagEn'), rule.flagEn ?? '');
  const headers: RuleRowEdit['headers'] = [];
  let next = Math.max(...table.columns.map((c) => c.col)) + 1;
  for (const fact of new Set(rule.when.map((c) => c.fact))) {
    const info = facts.get(fact)!;
    const text = conditionText(rule.when.filter((c) => c.fact === fact), info.kind);
    const cols = table.columns.filter((c) => !RULE_FIXED_KEYS.has(c.key) && facts.resolve(c.text)?.fact === fact);
    if (cols.length > 0) {
      put(cols[0]!.col, text);
      for (const extra of cols.slice(1)) put(extra.col, '');
    } else {
      headers.push({ row: table.headerRow, col: next, text: info.label });
      put(next++, text);
    }
  }
  for (const c of table.columns) {
    const info = facts.resolve(c.text);
    if (info && !RULE_FIXED_KEYS.has(c.key) && !rule.when.some((w) => w.fact === info.fact)) put(c.col, '');
  }
  return { sheet: sheet.name, row, insert: !existing, values, headers };
}
