import { packHash } from '../core/pack/hash';
import {
  diffRules,
  entriesOfRules,
  entryPack,
  importPlan,
  type PackDiff,
  packFileJson,
  problemLine,
  readPackFile,
  type RuleProblem,
  type RulesEntry,
  RULES_SHEET,
  rulesSheetPaint,
} from '../core/rulesheet/index';
import { h, replace } from './dom';
import { call } from './rpc';
import { errorText, inLang, type RulesTabContext, tr } from './rules-context';

/** A pack file chosen for import, as read and checked; kept across renders until it is applied or dropped. */
type Import =
  | { file: string; kind: 'unreadable'; detail: string }
  | { file: string; kind: 'problems'; problems: RuleProblem[] }
  | { file: string; kind: 'ready'; entries: RulesEntry[]; error?: string; replacing?: boolean };

let chosen: Import | undefined;
/** The file that last replaced the rules sheet, said once the sidebar has re-read it. */
let replacedWith: string | undefined;
/** The object URL behind the export link; a new render makes a new one and frees the old. */
let exportUrl: string | undefined;

/** The versions of the packs, in order: the rules' version as a file name carries it. */
const versionsOf = (entries: RulesEntry[]) => entries.map((e) => packHash(entryPack(e))).join('-');

/** The whole rules (every pack the sheet holds, with its tests) as one file; offered only while the sheet has no problems. */
function exportLink(ctx: RulesTabContext): HTMLElement {
  if (exportUrl) URL.revokeObjectURL(exportUrl);
  exportUrl = undefined;
  if (!ctx.pack || ctx.rules.problems.length > 0) return h('button', { id: 'export-rules', type: 'button', disabled: true }, tr(ctx, 'uiExport'));
  const entries = entriesOfRules(ctx.rules);
  exportUrl = URL.createObjectURL(new Blob([`${JSON.stringify(packFileJson(entries), null, 2)}\n`], { type: 'application/json' }));
  return h('a', { id: 'export-rules', class: 'button', href: exportUrl, download: tr(ctx, 'uiExportFile', { version: versionsOf(entries) }) }, tr(ctx, 'uiExport'));
}

async function readChosen(file: File): Promise<Import> {
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch (e) {
    return { file: file.name, kind: 'unreadable', detail: errorText(e) };
  }
  const read = readPackFile(json, file.name);
  if (read.problems.length > 0) return { file: file.name, kind: 'problems', problems: read.problems };
  return { file: file.name, kind: 'ready', entries: entriesOfRules(read) };
}

async function replaceSheet(ctx: RulesTabContext, ready: Extract<Import, { kind: 'ready' }>, entries: RulesEntry[], paint: () => void): Promise<void> {
  ready.replacing = true;
  ready.error = undefined;
  paint();
  try {
    await call('replaceRulesSheet', rulesSheetPaint(entries));
    replacedWith = ready.file;
    chosen = undefined;
    await ctx.reload();
  } catch (e) {
    ready.replacing = false;
    ready.error = errorText(e);
    paint();
  }
}

/** One pack's part of the import: new, unchanged, or its change log. */
function packView(ctx: RulesTabContext, file: string, d: PackDiff): HTMLElement[] {
  if (d.from === undefined) return [h('p', {}, tr(ctx, 'uiImportNew', { file, pack: d.title, indicators: d.indicators, rules: d.rules }))];
  const changes = d.changes;
  const head = changes.length > 0 ? tr(ctx, 'rsPackChanges', { pack: d.title, count: changes.length, from: d.from, to: d.to }) : tr(ctx, 'rsPackNoChanges', { pack: d.title, from: d.from });
  return [
    h('p', { class: 'pack-changes', 'data-subject': d.subject }, head),
    ...(changes.length > 0 ? [h('ul', { class: 'change-log small', 'data-subject': d.subject }, ...changes.map((ch) => h('li', { class: `change ${ch.kind}` }, inLang(ctx, ch))))] : []),
  ];
}

/** What importing the chosen file would do: its problems (nothing is written), or the change log of every pack it changes and the button that applies it. */
function importView(ctx: RulesTabContext, paint: () => void): HTMLElement | null {
  const c = chosen;
  if (!c) return null;
  if (c.kind === 'unreadable') return h('p', { class: 'problem' }, tr(ctx, 'uiImportUnreadable', { file: c.file, detail: c.detail }));
  if (c.kind === 'problems') {
    return h(
      'div',
      { id: 'import-problems' },
      h('p', { class: 'problem' }, tr(ctx, 'uiImportProblems', { file: c.file, count: c.problems.length })),
      h('ul', { class: 'small' }, ...c.problems.map((p) => h('li', {}, problemLine(p, ctx.lang)))),
    );
  }
  const cancel = h('button', { type: 'button' }, tr(ctx, 'uiCancel'));
  cancel.addEventListener('click', () => {
    chosen = undefined;
    paint();
  });
  // Worked out against the rules as they are now, even if they changed since the file was chosen.
  const plan = importPlan(ctx.rules, c.entries);
  if (!plan.ok) {
    return h(
      'div',
      { id: 'import-changes' },
      ...plan.blocked.map((b) => h('p', { class: 'problem' }, tr(ctx, 'uiImportKeptProblems', { pack: b.title, file: c.file }))),
      h('div', { class: 'buttons' }, cancel),
    );
  }
  const diffs = diffRules(entriesOfRules(ctx.rules), c.entries);
  const count = diffs.reduce((n, d) => n + d.changes.length, 0);
  const changes = count > 0 || diffs.some((d) => d.from === undefined);
  const head = changes ? tr(ctx, 'uiImportChanges', { file: c.file, count }) : tr(ctx, 'uiImportSame', { file: c.file, version: versionsOf(c.entries) });
  const apply = h('button', { id: 'replace-rules', class: 'action', type: 'button', disabled: c.replacing === true }, tr(ctx, 'uiReplaceRules'));
  apply.addEventListener('click', () => void replaceSheet(ctx, c, plan.entries, paint));
  return h(
    'div',
    { id: 'import-changes' },
    h('p', { class: 'import-head' }, head),
    ...diffs.flatMap((d) => packView(ctx, c.file, d)),
    plan.kept.length > 0 ? h('p', { class: 'muted small' }, tr(ctx, 'uiImportKeeps', { packs: plan.kept.map((k) => k.title).join('、') })) : null,
    c.error ? h('p', { class: 'problem' }, tr(ctx, 'uiError', { detail: c.error })) : null,
    changes ? h('div', { class: 'buttons' }, apply, cancel) : null,
  );
}

/**
 * Sharing rules between townships: the whole rules (every pack with its
 * tests) as one .json file to download, and a pack file of either shape to
 * import, checked with the same messages as the sheet before 考评规则 is
 * replaced: each pack in it replaces the block of its kind, the others stay.
 */
export function shareView(ctx: RulesTabContext): HTMLElement {
  const out = h('div', { id: 'import-result' });
  const paint = () => replace(out, importView(ctx, paint));
  const input = h('input', { type: 'file', id: 'import-rules', accept: '.json,application/json' });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    replacedWith = undefined;
    if (!file) return;
    void readChosen(file).then((read) => {
      chosen = read;
      paint();
    });
  });
  paint();
  return h(
    'section',
    { id: 'rules-share' },
    h('h2', {}, tr(ctx, 'uiShare')),
    replacedWith ? h('p', { class: 'ok' }, tr(ctx, 'uiRulesReplaced', { file: replacedWith, sheet: RULES_SHEET })) : null,
    h('div', { class: 'buttons' }, exportLink(ctx)),
    h('p', { class: 'muted small' }, tr(ctx, 'uiExportHint')),
    h('label', { for: 'import-rules', class: 'file-label' }, tr(ctx, 'uiImport')),
    input,
    out,
  );
}
