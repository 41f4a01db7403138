import type { BranchPack } from '../core/branch/schema';
import type { ColumnMapping } from '../core/ledger/columns';
import type { Bilingual, MessageKey } from '../core/messages';
import { packHash } from '../core/pack/hash';
import type { Rule } from '../core/pack/schema';
import {
  applyRuleDraft,
  type DraftProblem,
  type EditablePack,
  type EditorFields,
  type FactDirectory,
  type FactInfo,
  type FactKind,
  isBranchPack,
  isSchemePack,
  kindOfPack,
  ledgerFacts,
  problemsElsewhere,
  type RuleDraft,
  ruleDraftOf,
  ruleFacts,
  ruleRowEdit,
  RULES_SHEET,
  suppliedBranchFacts,
  whatIf,
  whatIfPacks,
  type WhatIfResult,
} from '../core/rulesheet/index';
import type { WorkbookSnapshot } from '../core/snapshot';
import { h, replace } from './dom';
import { call } from './rpc';
import { cellLink, editableBranchPack, editablePack, editableSchemes, errorText, inLang, type RulesTabContext, tr } from './rules-context';
import { type WhatIfNames, whatIfView } from './whatif-view';

/** A rule as the editor's fields hold it, each written as on the rules sheet. */
interface DraftFields {
  id: string;
  enabled: boolean;
  /** The indicator's name. */
  indicator: string;
  /** Condition text by column name, as a condition cell holds it. */
  conditions: Record<string, string>;
  points: string;
  flag: string;
  flagEn: string;
  note: string;
}

interface EditorState {
  /** The rules version the draft started from: rules read anew (a save, an import) start a fresh draft. */
  version: string;
  /** The rule being edited, or '' for a new one. */
  selected: string;
  draft: DraftFields;
  /** A new rule is checked once something was typed, so an empty form is not all red. */
  touched: boolean;
  evaluated: boolean;
  problems: DraftProblem[];
  elsewhere: Bilingual[];
  rule?: Rule;
  candidate?: EditablePack;
  whatIf?: WhatIfResult;
  working: boolean;
  saving: boolean;
  error?: string;
}

/** The blocks of 考评规则 whose 【规则】 table the editor edits: the cadre block, the branch block, or a declared assessment's by its id. */
type Block = string;

/** Typing pauses this long before the what-if runs the ledgers through both sets of rules. */
const DEBOUNCE_MS = 300;

/*
 * The editor lives across renders: main.ts rebuilds the tab on every change of
 * state (a language switch, a reload), and the draft must survive that.
 */
let state: EditorState | undefined;
let live: { ctx: RulesTabContext; pack: EditablePack } | undefined;
/** The block the user chose to edit, kept across re-reads of the sheet. */
let chosen: Block = 'cadre';
/** The row the last save wrote, shown (with a link) once the sidebar has re-read the sheet. */
let saved: { id: string; sheet: string; row: number } | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
/** Bumped by every evaluation, so a what-if that finishes after a newer edit is dropped. */
let generation = 0;

/** The packs the sheet holds that the editor can edit. */
function editables(ctx: RulesTabContext): Map<Block, EditablePack> {
  const out = new Map<Block, EditablePack>();
  const cadre = editablePack(ctx);
  const branch = editableBranchPack(ctx);
  if (cadre) out.set('cadre', cadre);
  if (branch) out.set('branch', branch);
  for (const scheme of editableSchemes(ctx)) out.set(`scheme:${scheme.id}`, scheme);
  return out;
}

/** The facts the ledgers can supply to a branch rule, worked out once per workbook read, column mapping and branch pack. */
let supplied: { snapshot: WorkbookSnapshot; mapping: ColumnMapping; pack: BranchPack; facts: FactInfo[] } | undefined;

function offeredFacts(ctx: RulesTabContext, pack: EditablePack): FactInfo[] {
  // A declared assessment's facts are its own ledgers' columns and 数据项: each is offered, and the what-if shows what its ledgers supply.
  if (isSchemePack(pack)) return ruleFacts(pack).all();
  if (!isBranchPack(pack)) return ledgerFacts(pack, ctx.read);
  if (supplied?.snapshot !== ctx.snapshot || supplied.mapping !== ctx.mapping || supplied.pack !== pack) {
    supplied = { snapshot: ctx.snapshot, mapping: ctx.mapping, pack, facts: suppliedBranchFacts(ctx.snapshot, pack, editablePack(ctx), ctx.mapping) };
  }
  return supplied.facts;
}

/** Runs the current ledgers through the rules now and the drafted rules, every assessment of a run with the draft's block in its place. */
function runWhatIf(ctx: RulesTabContext, pack: EditablePack, candidate: EditablePack): Promise<WhatIfResult> {
  return whatIf(ctx.snapshot, ctx.runPacks, pack, candidate, { mapping: ctx.mapping });
}

/** The names the what-if shows are the candidate run's. */
function whatIfNames(ctx: RulesTabContext, candidate: EditablePack): WhatIfNames {
  const { packs, scheme } = whatIfPacks(ctx.runPacks, candidate);
  return { cadre: packs.cadre, branch: packs.branch, scheme };
}

function fieldsOf(pack: EditablePack, ruleId: string): DraftFields {
  const draft = ruleId ? ruleDraftOf(pack, ruleId) : undefined;
  if (!draft) return { id: '', enabled: true, indicator: pack.indicators[0]!.label, conditions: {}, points: '', flag: '', flagEn: '', note: '' };
  return { ...draft, points: String(draft.points), conditions: { ...draft.conditions } };
}

function freshState(pack: EditablePack, version: string, selected: string): EditorState {
  const known = pack.rules.some((r) => r.id === selected) ? selected : '';
  return { version, selected: known, draft: fieldsOf(pack, known), touched: false, evaluated: false, problems: [], elsewhere: [], working: false, saving: false };
}

function draftInput(d: DraftFields): RuleDraft {
  const conditions = Object.fromEntries(Object.entries(d.conditions).filter(([, text]) => text.trim() !== ''));
  return { ...d, conditions };
}

function evaluate(): void {
  if (!state || !live) return;
  const s = state;
  const { ctx, pack } = live;
  const result = applyRuleDraft(pack, draftInput(s.draft));
  const mine = ++generation;
  Object.assign(s, { evaluated: true, problems: result.problems, elsewhere: problemsElsewhere(pack, result), whatIf: undefined, error: undefined });
  s.rule = result.problems.length === 0 ? result.rule : undefined;
  s.candidate = result.problems.length === 0 ? result.candidate : undefined;
  s.working = s.candidate !== undefined;
  paint();
  if (!s.candidate) return;
  runWhatIf(ctx, pack, s.candidate).then(
    (result) => {
      if (mine !== generation || state !== s) return;
      s.whatIf = result;
      s.working = false;
      paint();
    },
    (e: unknown) => {
      if (mine !== generation || state !== s) return;
      s.error = errorText(e);
      s.working = false;
      paint();
    },
  );
}

function schedule(delay = DEBOUNCE_MS): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    evaluate();
  }, delay);
}

/** A field was changed by the user. */
function edited(change: (d: DraftFields) => void): void {
  if (!state) return;
  change(state.draft);
  state.touched = true;
  saved = undefined;
  // The old what-if no longer describes the draft: saving waits for the new one.
  state.whatIf = undefined;
  state.working = true;
  generation++;
  paint();
  schedule();
}

/** Shows the draft's problems, its what-if and whether it can be saved, in the editor on the page (or the one given). */
function paint(section: HTMLElement | null = document.getElementById('rule-editor')): void {
  if (!section || !state || !live) return;
  const s = state;
  const { ctx } = live;
  const shown = new Set<string>();
  for (const el of section.querySelectorAll<HTMLElement>('.field-problem[data-field]')) {
    const field = el.dataset.field!;
    shown.add(field);
    const mine = s.problems.filter((p) => p.field === field);
    replace(el, ...mine.map((p) => h('div', {}, inLang(ctx, p))));
    const input = el.previousElementSibling;
    if (mine.length > 0) input?.setAttribute('aria-invalid', 'true');
    else input?.removeAttribute('aria-invalid');
  }
  const general = section.querySelector<HTMLElement>('#rule-problems-general');
  if (general) replace(general, ...s.problems.filter((p) => !shown.has(p.field)).map((p) => h('div', {}, inLang(ctx, p))));
  const area = section.querySelector<HTMLElement>('#whatif');
  if (area) {
    if (s.error) replace(area, h('p', { class: 'problem' }, tr(ctx, 'uiError', { detail: s.error })));
    else if (s.working && s.problems.length === 0 && (s.touched || s.selected !== '')) replace(area, h('p', { class: 'muted' }, tr(ctx, 'uiWhatIfWorking')));
    else if (s.whatIf && s.candidate) replace(area, whatIfView(ctx, whatIfNames(ctx, s.candidate), s.whatIf, s.elsewhere));
    else replace(area);
  }
  const button = section.querySelector<HTMLButtonElement>('#save-rule');
  if (button) {
    button.disabled = s.saving || !s.whatIf || s.whatIf.ruleChanges.length === 0;
    button.textContent = tr(ctx, s.saving ? 'uiSavingRule' : 'uiSaveRule');
  }
}

async function save(): Promise<void> {
  if (!state || !live || !state.rule) return;
  const s = state;
  const { ctx, pack } = live;
  const sheet = ctx.snapshot.sheets.find((x) => x.name === RULES_SHEET);
  const edit = sheet ? ruleRowEdit(sheet, pack, s.rule!) : undefined;
  if (!edit) {
    s.error = tr(ctx, 'uiEditorNoTable', { sheet: RULES_SHEET });
    paint();
    return;
  }
  s.saving = true;
  paint();
  try {
    const { row } = await call('writeRuleRow', edit);
    saved = { id: s.rule!.id, sheet: edit.sheet, row };
    // The sheet now holds the rule: it is read back from there, as the next run will read it.
    await ctx.reload();
  } catch (e) {
    s.saving = false;
    s.error = errorText(e);
    paint();
  }
}

function rebuild(): void {
  if (live) document.getElementById('rule-editor')?.replaceWith(ruleEditor(live.ctx));
}

const HINTS: Record<FactKind, MessageKey> = { number: 'uiEditorHintNumber', percent: 'uiEditorHintPercent', boolean: 'uiEditorHintBoolean', text: 'uiEditorHintText' };

function problemSlot(field: string): HTMLElement {
  return h('div', { class: 'field-problem problem small', 'data-field': field });
}

function textField(ctx: RulesTabContext, id: string, label: MessageKey, value: string, field: string, onInput: (value: string) => void, placeholder?: MessageKey): HTMLElement {
  const input = h('input', { type: 'text', id, value, placeholder: placeholder ? tr(ctx, placeholder) : undefined });
  input.addEventListener('input', () => onInput(input.value));
  return h('div', { class: 'field' }, h('label', { for: id }, tr(ctx, label)), input, problemSlot(field));
}

function conditionField(ctx: RulesTabContext, info: FactInfo, missing: MessageKey | undefined): HTMLElement {
  const id = `cond-${info.fact}`;
  const input = h('input', { type: 'text', id, 'data-fact': info.fact, value: state!.draft.conditions[info.label] ?? '', placeholder: tr(ctx, HINTS[info.kind]) });
  input.addEventListener('input', () => edited((d) => (d.conditions[info.label] = input.value)));
  const name = ctx.lang === 'zh' ? info.label : info.labelEn;
  return h(
    'div',
    { class: 'field condition' },
    h('label', { for: id }, name, missing ? h('span', { class: 'muted' }, tr(ctx, missing)) : null),
    input,
    problemSlot(`condition:${info.label}`),
  );
}

function ruleOption(ctx: RulesTabContext, pack: EditablePack, facts: FactDirectory, rule: Rule): HTMLElement {
  const d = fieldsOf(pack, rule.id);
  const when = Object.entries(d.conditions)
    .map(([label, text]) => `${ctx.lang === 'zh' ? label : (facts.resolve(label)?.labelEn ?? label)} ${text}`)
    .join(` ${tr(ctx, 'rsWordAnd')} `);
  const text = tr(ctx, 'uiEditorRuleOption', { id: rule.id, when: when || tr(ctx, 'uiEditorAlways'), points: d.points || '0' }) + (rule.enabled ? '' : tr(ctx, 'uiEditorOff'));
  return h('option', { value: rule.id, selected: rule.id === state!.selected }, text);
}

function ruleSelect(ctx: RulesTabContext, pack: EditablePack, facts: FactDirectory): HTMLElement {
  const groups = pack.indicators.map((indicator) =>
    h(
      'optgroup',
      { label: ctx.lang === 'zh' ? indicator.label : (indicator.labelEn ?? indicator.label) },
      ...pack.rules.filter((r) => r.indicator === indicator.id).map((r) => ruleOption(ctx, pack, facts, r)),
    ),
  );
  const select = h('select', { id: 'rule-select' }, h('option', { value: '', selected: state!.selected === '' }, tr(ctx, 'uiEditorNewRule')), ...groups);
  select.addEventListener('change', () => {
    saved = undefined;
    state = freshState(pack, state!.version, select.value);
    rebuild();
  });
  return h('div', { class: 'field' }, h('label', { for: 'rule-select' }, tr(ctx, 'uiEditorRule')), select);
}

function indicatorSelect(ctx: RulesTabContext, pack: EditablePack): HTMLElement {
  const select = h(
    'select',
    { id: 'rule-indicator' },
    ...pack.indicators.map((i) => h('option', { value: i.label, selected: i.label === state!.draft.indicator }, ctx.lang === 'zh' ? i.label : (i.labelEn ?? i.label))),
  );
  select.addEventListener('change', () => {
    edited((d) => (d.indicator = select.value));
    rebuild();
  });
  return h('div', { class: 'field' }, h('label', { for: 'rule-indicator' }, tr(ctx, 'uiEditorIndicator')), select, problemSlot('indicator'));
}

/**
 * One input per column the ledgers really have (and per computed value they
 * allow; for a branch rule, per fact they can supply), plus any the rule
 * already reads: those the rule and its indicator's other rules use come
 * first, the rest fold away.
 */
function conditionFields(ctx: RulesTabContext, pack: EditablePack, facts: FactDirectory): HTMLElement {
  const d = state!.draft;
  const offered = offeredFacts(ctx, pack);
  const missing = kindOfPack(pack).editor.notOffered;
  const present = new Set(offered.map((f) => f.fact));
  const used = Object.keys(d.conditions)
    .map((label) => facts.resolve(label))
    .filter((f): f is FactInfo => f !== undefined);
  const indicator = pack.indicators.find((i) => i.label === d.indicator)?.id;
  const bandFacts = new Set(pack.rules.filter((r) => r.indicator === indicator).flatMap((r) => r.when.map((c) => c.fact)));
  const all = [...offered, ...used.filter((f) => !present.has(f.fact))];
  const first = all.filter((f) => used.some((u) => u.fact === f.fact) || bandFacts.has(f.fact));
  const rest = all.filter((f) => !first.includes(f));
  return h(
    'fieldset',
    { class: 'conditions' },
    h('legend', {}, tr(ctx, 'uiEditorConditions')),
    ...first.map((f) => conditionField(ctx, f, present.has(f.fact) ? undefined : missing)),
    rest.length > 0
      ? h('details', { class: 'more-conditions', open: first.length === 0 }, h('summary', {}, tr(ctx, 'uiEditorOtherColumns')), ...rest.map((f) => conditionField(ctx, f, present.has(f.fact) ? undefined : missing)))
      : null,
  );
}

/** The fields behind 更多: a flag's English only where its kind's rules raise flags (one already on the sheet is kept as it is). */
function moreFields(ctx: RulesTabContext, editor: EditorFields): HTMLElement {
  const d = state!.draft;
  const enabled = h('input', { type: 'checkbox', id: 'rule-enabled', checked: d.enabled });
  enabled.addEventListener('change', () => edited((x) => (x.enabled = enabled.checked)));
  const id = textField(ctx, 'rule-id', 'uiEditorId', d.id, 'id', (v) => edited((x) => (x.id = v.trim())));
  if (state!.selected !== '') id.querySelector('input')!.disabled = true;
  return h(
    'details',
    { class: 'more' },
    h('summary', {}, tr(ctx, 'uiEditorMore')),
    h('div', { class: 'field check' }, enabled, h('label', { for: 'rule-enabled' }, tr(ctx, 'uiEditorEnabled'))),
    id,
    editor.flags ? textField(ctx, 'rule-flag-en', 'uiEditorFlagEn', d.flagEn, 'flagEn', (v) => edited((x) => (x.flagEn = v))) : null,
    textField(ctx, 'rule-note', 'uiEditorNote', d.note, 'note', (v) => edited((x) => (x.note = v))),
  );
}

/** The choice of block, offered when the sheet holds more than one. */
function blockSelect(ctx: RulesTabContext, packs: Map<Block, EditablePack>): HTMLElement | '' {
  if (packs.size < 2) return '';
  const option = (block: Block, pack: EditablePack) => h('option', { value: block, selected: block === chosen }, ctx.lang === 'zh' ? pack.title : (pack.titleEn ?? pack.title));
  const select = h('select', { id: 'rule-block' }, ...[...packs].map(([block, pack]) => option(block, pack)));
  select.addEventListener('change', () => {
    chosen = select.value as Block;
    saved = undefined;
    state = undefined;
    rebuild();
  });
  return h('div', { class: 'field' }, h('label', { for: 'rule-block' }, tr(ctx, 'uiEditorBlock')), select);
}

/**
 * The rule editor: pick a block (驻村干部考评 or 党支部考核) and a rule of it
 * (or start a new one), write its conditions and points the way the sheet's
 * cells take them, see at once what is wrong with a field or whom the change
 * would move and by how much, then write the row to 考评规则.
 */
export function ruleEditor(ctx: RulesTabContext): HTMLElement {
  const section = h('section', { id: 'rule-editor' }, h('h2', {}, tr(ctx, 'uiEditorTitle')));
  const packs = editables(ctx);
  const pack = packs.get(chosen) ?? packs.values().next().value;
  if (!pack) {
    section.append(h('p', { class: 'muted' }, tr(ctx, 'uiEditorUnavailable')));
    return section;
  }
  const version = packHash(pack);
  if (state?.version !== version) state = freshState(pack, version, saved?.id ?? state?.selected ?? '');
  live = { ctx, pack };
  const facts = ruleFacts(pack);
  const { editor } = kindOfPack(pack);
  const d = state.draft;
  const saveButton = h('button', { id: 'save-rule', class: 'action', type: 'button', disabled: true }, tr(ctx, 'uiSaveRule'));
  saveButton.addEventListener('click', () => void save());
  section.append(
    ctx.rules.problems.length > 0 ? h('p', { class: 'muted small' }, tr(ctx, 'uiEditorPartial')) : '',
    saved ? h('p', { id: 'rule-saved', class: 'ok' }, tr(ctx, 'uiRuleSaved', { id: saved.id }), ' ', cellLink(ctx, saved.sheet, `A${saved.row}`)) : '',
    blockSelect(ctx, packs),
    ruleSelect(ctx, pack, facts),
    indicatorSelect(ctx, pack),
    conditionFields(ctx, pack, facts),
    textField(ctx, 'rule-points', 'uiEditorPoints', d.points, 'points', (v) => edited((x) => (x.points = v)), editor.pointsHint),
    editor.flags ? textField(ctx, 'rule-flag', 'uiEditorFlag', d.flag, 'flag', (v) => edited((x) => (x.flag = v)), 'uiEditorFlagHint') : '',
    moreFields(ctx, editor),
    h('div', { id: 'rule-problems-general', class: 'problem small' }),
    h('h3', {}, tr(ctx, 'uiWhatIf')),
    h('div', { id: 'whatif', 'aria-live': 'polite' }),
    saveButton,
  );
  paint(section);
  if (!state.evaluated && (state.selected !== '' || state.touched)) schedule(0);
  return section;
}
