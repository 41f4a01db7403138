import { packHash } from '../core/pack/hash';
import { diffPacks, packFileJson, packFor, type PackEntry, problemLine, readPackFile, type RuleProblem, RULES_SHEET, rulesSheetPaint } from '../core/rulesheet/index';
import { h, replace } from './dom';
import { call } from './rpc';
import { editablePack, errorText, inLang, type RulesTabContext, tr } from './rules-context';

/** A pack file chosen for import, as read and checked; kept across renders until it is applied or dropped. */
type Import =
  | { file: string; kind: 'unreadable'; detail: string }
  | { file: string; kind: 'problems'; problems: RuleProblem[] }
  | { file: string; kind: 'ready'; entry: PackEntry; error?: string; replacing?: boolean };

let chosen: Import | undefined;
/** The file that last replaced the rules sheet, said once the sidebar has re-read it. */
let replacedWith: string | undefined;
/** The object URL behind the export link; a new render makes a new one and frees the old. */
let exportUrl: string | undefined;

function exportLink(ctx: RulesTabContext): HTMLElement {
  const read = packFor(ctx.rules, 'cadre');
  if (exportUrl) URL.revokeObjectURL(exportUrl);
  exportUrl = undefined;
  if (!ctx.pack || !read) return h('button', { id: 'export-rules', type: 'button', disabled: true }, tr(ctx, 'uiExport'));
  const json = packFileJson({ pack: ctx.pack, tests: read.tests.map((t) => t.test) });
  exportUrl = URL.createObjectURL(new Blob([`${JSON.stringify(json, null, 2)}\n`], { type: 'application/json' }));
  return h('a', { id: 'export-rules', class: 'button', href: exportUrl, download: tr(ctx, 'uiExportFile', { version: packHash(ctx.pack) }) }, tr(ctx, 'uiExport'));
}

async function readChosen(file: File): Promise<Import> {
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch (e) {
    return { file: file.name, kind: 'unreadable', detail: errorText(e) };
  }
  const read = readPackFile(json, file.name);
  const pack = read.packs[0]?.pack;
  if (read.problems.length > 0 || !pack) return { file: file.name, kind: 'problems', problems: read.problems };
  return { file: file.name, kind: 'ready', entry: { pack, tests: read.packs[0]!.tests.map((t) => t.test) } };
}

async function replaceSheet(ctx: RulesTabContext, ready: Extract<Import, { kind: 'ready' }>, paint: () => void): Promise<void> {
  ready.replacing = true;
  ready.error = undefined;
  paint();
  try {
    // A pack file holds one cadre pack: the sheet's branch block stays as it is.
    const branch = packFor(ctx.rules, 'branch')?.pack;
    await call('replaceRulesSheet', rulesSheetPaint([ready.entry, ...(branch ? [{ branch }] : [])]));
    replacedWith = ready.file;
    chosen = undefined;
    await ctx.reload();
  } catch (e) {
    ready.replacing = false;
    ready.error = errorText(e);
    paint();
  }
}

/** What importing the chosen file would do: its problems (nothing is written), or the change log and the button that applies it. */
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
  const { pack } = c.entry;
  // Compared with the rules as they are now, even if they changed since the file was chosen.
  const base = editablePack(ctx);
  const changes = base ? diffPacks(base, pack) : undefined;
  const version = packHash(pack);
  const head = !base
    ? tr(ctx, 'uiImportNew', { file: c.file, pack: pack.title, indicators: pack.indicators.length, rules: pack.rules.length })
    : changes!.length === 0
      ? tr(ctx, 'uiImportSame', { file: c.file, version })
      : tr(ctx, 'uiImportChanges', { file: c.file, count: changes!.length, from: packHash(base), to: version });
  const apply = h('button', { id: 'replace-rules', class: 'action', type: 'button', disabled: c.replacing === true }, tr(ctx, 'uiReplaceRules'));
  apply.addEventListener('click', () => void replaceSheet(ctx, c, paint));
  const cancel = h('button', { type: 'button' }, tr(ctx, 'uiCancel'));
  cancel.addEventListener('click', () => {
    chosen = undefined;
    paint();
  });
  return h(
    'div',
    { id: 'import-changes' },
    h('p', {}, head),
    changes && changes.length > 0 ? h('ul', { class: 'change-log small' }, ...changes.map((ch) => h('li', { class: `change ${ch.kind}` }, inLang(ctx, ch)))) : null,
    c.error ? h('p', { class: 'problem' }, tr(ctx, 'uiError', { detail: c.error })) : null,
    changes?.length === 0 ? null : h('div', { class: 'buttons' }, apply, cancel),
  );
}

/**
 * Sharing rules between townships: the cadre pack and its tests as a .json
 * pack file to download, and a pack file to import, checked with the same
 * messages as the sheet before 考评规则 is replaced with it.
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
