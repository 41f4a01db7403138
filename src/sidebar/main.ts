import { type SheetClass, type SheetKinds, sheetsOf, withoutOtherLedgers } from '../core/ledger/classify';
import { MEETINGS_LEDGER, WORK_LEDGER } from '../core/branch/schema';
import { packScheme, readLedgers } from '../core/assess/scheme';
import { ledgerKind } from '../core/scheme/ledgers';
import type { BranchPack } from '../core/branch/schema';
import { readDeclaredLedgers } from '../core/scheme/read';
import { assessAll, classifyRun, type RunPacks, type RunResult, runAssessments, runChartSheet, runRulesRecord, runSchemes, runSummaries, runTables, runWarnings } from '../core/run';
import type { Progress } from '../core/scheme/assess';
import { type AttentionFilter, attentionList } from '../core/results/attention';
import { reportDocument, runReportSheets } from '../core/report/index';
import { renderDocxBlob } from '../docx/render';
import { accountSheets, type SheetAccount } from '../core/sheets';
import type { ColumnMapping } from '../core/ledger/columns';
import type { ReadResult } from '../core/ledger/read';
import { type Lang, t } from '../core/messages';
import type { Pack } from '../core/pack/schema';
import { packHash } from '../core/pack/hash';
import { validatePack } from '../core/pack/validate';
import { validateBranchPack } from '../core/branch/validate';
import { diffRules, type PackDiff, type RemovedPack, removedPacks } from '../core/rulesheet/diff';
import { parsePeriodId, periodLabel } from '../core/period';
import { summaryText } from '../core/results/summary';
import { defaultRules, packFor, type RuleProblem, type RulesEntry, rulesOfWorkbook, rulesSheetPaint, schemesOf, sheetDecoration, shippedSchemes, type WorkbookRules } from '../core/rulesheet/index';
import { type Scheme, SchemeSchema } from '../core/scheme/schema';
import { RULES_SHEET, type RulesLog, type WorkbookPayload, type WriteResultsResult } from '../rpc/contract';
import { h, replace } from './dom';
import { call } from './rpc';
import { attentionView } from './attention-view';
import { branchesView } from './branch-views';
import { chartsView, sparklines } from './charts/index';
import { rulesTab } from './rules-tab';
import { assessmentPicker, notesView, schemeView } from './scheme-views';
import { cellLink, ledgersView, mappingWith, overviewView, sheetsNotReadView, summaryView, tr, type ViewContext, warningsView } from './views';

type Phase = 'loading' | 'ready' | 'running' | 'writing' | 'done' | 'error';
type Tab = 'assess' | 'rules';

interface State {
  lang: Lang;
  phase: Phase;
  tab: Tab;
  payload?: WorkbookPayload;
  rules?: WorkbookRules;
  /** The cadre pack the rules hold; undefined while the rules have problems. */
  pack?: Pack;
  rulesCreated?: string;
  /** The rules versions earlier runs used, and the last one's packs. */
  rulesLog?: RulesLog;
  read?: ReadResult;
  /** Which sheets hold which ledger of which assessment. */
  kinds?: SheetKinds;
  /** What every sheet is: the ledgers panel lists the ones not read, and why. */
  sheets?: SheetClass[];
  /** The periods the declared assessments' ledgers hold (months, quarters, years), for the period picker. */
  declaredPeriods: string[];
  mapping: ColumnMapping;
  period: string;
  /** Where the run is: reading an assessment's ledgers or judging its subjects, and which of the run's assessments it is. */
  progress: Progress;
  /** The result sheets being written, and their rows. */
  writing?: { sheets: number; rows: number };
  run?: RunResult;
  /** The period the shown run was asked for: it names the report. */
  runPeriod: string;
  /** What the 需关注 list is narrowed to; kept across renders and runs. */
  attention: AttentionFilter;
  /** Whether the Word report carries a 考评反馈单 per subject. */
  reportFeedback: boolean;
  /** Whether a run writes the 考评反馈单 sheet beside 考评报告. */
  feedbackSheet: boolean;
  /** Set while the Word report is being built. */
  reportBusy: boolean;
  /** The assessment of the run the results panel shows, by id. */
  shown?: string;
  /** The subject whose trend the charts show, by name; the first of the assessment's 需关注 list when not one of its subjects. */
  trendSubject?: string;
  written?: WriteResultsResult;
  error?: string;
}

const DEFAULTS = defaultRules();
/** Before the rules are read (and when they are broken) the views still need column labels. */
const fallbackPack = DEFAULTS[0].pack;
/** The assessments declared as data, judged with the two packs: their ledgers are classified and their results written with the others. */
const SHIPPED_SCHEMES = shippedSchemes();

/** The branch pack of the rules sheet when it reads cleanly, else the shipped one (a sheet from before it had a branch block). */
function branchPack(): BranchPack {
  const rules = state.rules;
  return (rules && rules.problems.length === 0 ? packFor(rules, 'branch')?.pack : undefined) ?? DEFAULTS[1].branch;
}

/** What every run, classification and sheet accounting of the sidebar uses. */
function runPacks(cadre: Pack = state.pack ?? fallbackPack): RunPacks {
  return { cadre, branch: branchPack(), schemes: schemes() };
}

/** The declared assessments of the workbook's own rules, else the shipped ones (a rules sheet written before them has none). */
function schemes(): Scheme[] {
  const rules = state.rules;
  return (rules && rules.problems.length === 0 ? schemesOf(rules) : undefined) ?? SHIPPED_SCHEMES;
}

const NOT_STARTED: Progress = { stage: 'reading', done: 0, total: 0 };

const state: State = {
  lang: 'zh',
  phase: 'loading',
  tab: 'assess',
  mapping: {},
  declaredPeriods: [],
  period: '',
  progress: NOT_STARTED,
  runPeriod: '',
  attention: { assessment: '', group: '', flag: '' },
  reportFeedback: false,
  feedbackSheet: false,
  reportBusy: false,
};
const root = document.getElementById('app')!;

/** A macrotask, so the browser paints the progress bar between batches of rows. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** The core never reads a clock: the host tells it today, so a row dated after next year can be told apart. */
const today = () => new Date().toISOString().slice(0, 10);

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * The periods the ledgers hold, and every quarter and year they fall in: each
 * assessment runs for the units of its own kind inside the one chosen, so a
 * year is offered even when the ledgers hold a single month.
 */
function periodOptions(periods: string[]): string[] {
  const held = [...new Set(periods)].filter((p) => parsePeriodId(p) === p);
  const months = held.filter((p) => /^\d{4}-\d{2}$/.test(p)).sort();
  const quarters = new Set(held.filter((p) => p.includes('-Q')));
  for (const m of months) quarters.add(`${m.slice(0, 4)}-Q${Math.ceil(Number(m.slice(5)) / 3)}`);
  const years = new Set(held.map((p) => p.slice(0, 4)));
  return [...months, ...[...quarters].sort(), ...[...years].sort()];
}

const ctx = (): ViewContext => ({
  lang: state.lang,
  pack: state.pack ?? fallbackPack,
  goTo: (sheet, cell) => void call('selectCell', { sheet, cell }).catch(fail),
  mapColumn: (header, fact) => void remap(header, fact),
});

function fail(e: unknown): void {
  state.phase = 'error';
  state.error = errorText(e);
  render();
}

function reread(): void {
  if (!state.payload) return;
  const packs = runPacks();
  const classes = classifyRun(state.payload.snapshot, packs, state.mapping);
  state.kinds = classes.kinds;
  state.sheets = classes.sheets;
  state.read = readLedgers(withoutOtherLedgers(state.payload.snapshot, state.kinds, packs.cadre.id), packs.cadre, { mapping: state.mapping, today: today() });
  const kinds = state.kinds;
  const snapshot = state.payload.snapshot;
  state.declaredPeriods = schemes().flatMap((scheme) => [...readDeclaredLedgers(snapshot, scheme, kinds, { mapping: state.mapping, today: today() }).values()].flatMap((l) => l.records.map((r) => r.period)));
}

/**
 * Reads the rules the workbook holds (考评规则), creating the sheet from the
 * default packs on first use, and marks its problem cells; a run waits until
 * there are none.
 */
async function loadRules(): Promise<void> {
  let payload = state.payload!;
  if (!payload.snapshot.sheets.some((s) => s.name === RULES_SHEET)) {
    const created = await call('ensureRulesSheet', rulesSheetPaint(DEFAULTS));
    if (created.created) state.rulesCreated = created.sheet;
    payload = await call('getWorkbook');
    state.payload = payload;
  }
  const rules = rulesOfWorkbook(payload.snapshot, DEFAULTS);
  state.rules = rules;
  state.pack = rules.problems.length === 0 ? packFor(rules, 'cadre')?.pack : undefined;
  const sheet = payload.snapshot.sheets.find((s) => s.name === RULES_SHEET);
  if (sheet) await call('markRuleProblems', { decoration: sheetDecoration(sheet.values, rules.problems) });
  state.rulesLog = await call('getRulesLog');
}

/** A recorded pack's JSON, or undefined when it no longer parses. */
function parsed(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** What changed in the rules since the last run: each block changed or added, and each deleted. */
interface SinceLastRun {
  diffs: PackDiff[];
  removed: RemovedPack[];
  time: string;
}

/** Whether the schemes now are the ones recorded, by id and version. */
function sameSchemes(recorded: { id: string; version: string }[], now: Scheme[]): boolean {
  return recorded.length === now.length && now.every((s, i) => recorded[i]!.id === s.id && recorded[i]!.version === packHash(s));
}

/**
 * The change log between the rules of the last run and the rules now, block
 * by block, for the blocks that changed, were added or were deleted. A last
 * run recorded before the branch pack was kept is compared on its cadre pack
 * alone, one recorded before the declared assessments were kept on its two
 * packs; a recorded scheme that no longer reads is left out on both sides.
 */
function changesSinceLastRun(): SinceLastRun | undefined {
  const last = state.rulesLog?.last;
  if (!last || !state.pack) return undefined;
  const current = schemes();
  // The usual case, the rules as they were, costs a hash a block rather than validating and comparing them all.
  if (
    last.version === packHash(state.pack) &&
    (last.branchVersion === undefined || last.branchVersion === packHash(branchPack())) &&
    (last.schemes === undefined || sameSchemes(last.schemes, current))
  ) {
    return undefined;
  }
  const cadre = validatePack(parsed(last.pack));
  if (!cadre.ok) return undefined;
  const before: RulesEntry[] = [{ pack: cadre.pack, tests: [] }];
  const now: RulesEntry[] = [{ pack: state.pack, tests: [] }];
  const branch = last.branch === undefined ? undefined : validateBranchPack(parsed(last.branch));
  if (branch?.ok) {
    before.push({ branch: branch.pack, tests: [] });
    now.push({ branch: branchPack(), tests: [] });
  }
  if (last.schemes) {
    const unreadable = new Set<string>();
    for (const recorded of last.schemes) {
      const scheme = SchemeSchema.safeParse(parsed(recorded.pack));
      if (scheme.success) before.push({ scheme: scheme.data, tests: [] });
      else unreadable.add(recorded.id);
    }
    now.push(...current.filter((s) => !unreadable.has(s.id)).map((scheme) => ({ scheme, tests: [] })));
  }
  const diffs = diffRules(before, now).filter((d) => d.from === undefined || (d.from !== d.to && d.changes.length > 0));
  const removed = removedPacks(before, now);
  return diffs.length > 0 || removed.length > 0 ? { diffs, removed, time: last.time } : undefined;
}

/** Re-reads the workbook after the rules sheet changed (an edited row, an import). */
async function reload(): Promise<void> {
  state.payload = await call('getWorkbook');
  await loadRules();
  reread();
  render();
}

async function remap(header: string, fact: string): Promise<void> {
  state.mapping = mappingWith(state.mapping, header, fact);
  reread();
  render();
  await call('saveMapping', state.mapping).catch(fail);
}

async function run(): Promise<void> {
  const pack = state.pack;
  if (!state.payload || !pack || state.phase === 'running' || state.phase === 'writing') return;
  state.phase = 'running';
  state.written = undefined;
  state.writing = undefined;
  state.error = undefined;
  state.progress = NOT_STARTED;
  render();
  try {
    const packs = runPacks(pack);
    const run = await assessAll(state.payload.snapshot, packs, {
      mapping: state.mapping,
      period: state.period || undefined,
      today: today(),
      onProgress: async (progress) => {
        state.progress = progress;
        renderProgress();
        await nextFrame();
      },
    });
    state.run = run;
    state.runPeriod = state.period;
    const time = new Date().toLocaleString('zh-CN', { hour12: false });
    const tables = runTables(run, packs, { time });
    const charts = runChartSheet(run, packs, { time, lang: state.lang });
    const reports = runReportSheets(run, packs, { period: state.period || undefined, lang: state.lang, time }, { feedback: state.feedbackSheet });
    state.phase = 'writing';
    state.writing = { sheets: tables.length + (charts ? 1 : 0) + reports.length, rows: tables.reduce((n, t) => n + t.rows.length, 0) };
    render();
    // The rules go with the results, so both are written under one lock in one call.
    state.written = await call('writeResults', { tables, ...(charts ? { charts } : {}), ...(reports.length > 0 ? { reports } : {}), rules: runRulesRecord(run, packs, time) });
    state.rulesLog = await call('getRulesLog');
    state.phase = 'done';
  } catch (e) {
    fail(e);
    return;
  }
  render();
}

const STAGES = [
  ['reading', 'uiStageReading'],
  ['judging', 'uiStageJudging'],
  ['writing', 'uiStageWriting'],
] as const;

/** The run's three stages, the one under way marked and the ones before it done. */
function stagesView(c: ViewContext, stage: Progress['stage']): HTMLElement {
  const at = STAGES.findIndex(([id]) => id === stage);
  return h('ol', { class: 'stages' }, ...STAGES.map(([id, key], i) => h('li', { class: i < at ? 'stage done' : i === at ? 'stage active' : 'stage', 'data-stage': id }, tr(c, key))));
}

/** What the stage under way has come to: the sheets and rows read, the subjects judged of an assessment, the sheets being written. */
function stageDetail(c: ViewContext): string {
  const { stage, done, total, of, records, step } = state.progress;
  const writing = state.writing;
  if (state.phase === 'writing' && writing) return tr(c, 'uiWriteDetail', writing);
  const title = of ? (c.lang === 'zh' ? of.zh : of.en) : '';
  const place = step ? `${tr(c, 'uiStep', step)} ` : '';
  if (stage === 'reading') return of ? place + tr(c, 'uiReadDetail', { title, sheets: done, records: records ?? 0 }) : tr(c, 'uiLoading');
  return place + (of ? tr(c, 'uiRunningOf', { title, done, total }) : tr(c, 'uiRunning', { done, total }));
}

/** The run as a whole: each assessment a step, within it the share of its subjects judged; writing has no measure of its own. */
function overall(): number | undefined {
  if (state.phase === 'writing') return undefined;
  const { stage, done, total, step } = state.progress;
  if (!step) return 0;
  const within = stage === 'judging' ? (total > 0 ? done / total : 1) : 0;
  return (step.index - 1 + within) / step.count;
}

function progressView(c: ViewContext): HTMLElement[] {
  const value = overall();
  return [
    stagesView(c, state.phase === 'writing' ? 'writing' : state.progress.stage),
    h('div', { class: 'stage-detail small' }, stageDetail(c)),
    h('progress', { id: 'progress', max: 1000, value: value === undefined ? undefined : Math.round(value * 1000) }),
  ];
}

function renderProgress(): void {
  const el = document.getElementById('status');
  if (el) replace(el, ...progressView(ctx()));
}

function statusView(c: ViewContext): HTMLElement {
  const el = h('div', { id: 'status', role: 'status', 'aria-live': 'polite' });
  if (state.phase === 'loading') el.append(tr(c, 'uiLoading'));
  if (state.phase === 'running' || state.phase === 'writing') el.append(...progressView(c));
  if (state.phase === 'error') el.append(h('div', { class: 'error' }, tr(c, 'uiError', { detail: state.error ?? '' })));
  if (state.phase === 'done' && state.written) {
    const sheets = state.written.sheets.map((s) => s.sheet).join('、');
    const rows = state.written.sheets.reduce((n, s) => n + s.rows, 0);
    el.append(h('div', { class: 'ok' }, tr(c, 'uiWritten', { sheets, rows, time: state.written.time })));
    const logError = state.written.rulesLogError;
    if (logError !== undefined) el.append(h('div', { id: 'rules-log-warning', class: 'warning' }, tr(c, 'uiRulesLogNotSaved', { detail: logError })));
    const leftovers = state.written.leftovers ?? [];
    if (leftovers.length > 0) el.append(h('div', { class: 'muted small' }, tr(c, 'uiWrittenLeftovers', { sheets: leftovers.map((s) => `“${s}”`).join('、') })));
  }
  return el;
}

/** A workbook with only branch ledgers, or only those of a declared assessment, can be assessed too. */
function hasLedgers(): boolean {
  const kinds = state.kinds;
  const cadre = `${runPacks().cadre.id}/`;
  return (state.read?.ledgers.length ?? 0) > 0 || (kinds !== undefined && Object.entries(kinds).some(([kind, sheets]) => !kind.startsWith(cadre) && (sheets?.length ?? 0) > 0));
}

function controlsView(c: ViewContext, read: ReadResult): HTMLElement {
  const busy = state.phase === 'running' || state.phase === 'writing';
  const select = h(
    'select',
    { id: 'period', onchange: ((e: Event) => { state.period = (e.target as HTMLSelectElement).value; }) as EventListener },
    h('option', { value: '' }, tr(c, 'uiAllPeriods')),
    ...periodOptions([...read.records.map((r) => r.period), ...state.declaredPeriods]).map((p) => h('option', { value: p, selected: p === state.period }, periodLabel(p, state.lang))),
  );
  return h(
    'section',
    { id: 'controls' },
    h('label', { for: 'period' }, tr(c, 'uiPeriod')),
    select,
    h('button', { id: 'run', class: 'action', type: 'button', disabled: busy || !hasLedgers() || !state.pack, onclick: (() => void run()) as EventListener }, tr(c, 'uiRun')),
    h(
      'div',
      { class: 'field check' },
      h('input', { type: 'checkbox', id: 'feedback-sheet', checked: state.feedbackSheet, disabled: busy, onchange: ((e: Event) => { state.feedbackSheet = (e.target as HTMLInputElement).checked; }) as EventListener }),
      h('label', { for: 'feedback-sheet' }, tr(c, 'uiRunFeedback')),
    ),
  );
}

function rulesStatusView(c: ViewContext): HTMLElement | null {
  const rules = state.rules;
  if (!rules) return null;
  if (rules.problems.length > 0) return rulesProblemsView(c, rules.problems);
  if (!state.pack) return h('p', { id: 'rules-status', class: 'problem' }, tr(c, 'uiNoCadrePack'));
  // Every assessment the rules hold, by title, so a change to any block shows as a new version here.
  const assessments = [state.pack, branchPack(), ...schemes()].map((a) => ({ zh: `${a.title} ${packHash(a)}`, en: `${a.titleEn ?? a.title} ${packHash(a)}` }));
  const versions = tr(c, 'uiRulesVersions', { versions: assessments.map((a) => a.zh).join('，'), versionsEn: assessments.map((a) => a.en).join(', ') });
  return h(
    'div',
    { id: 'rules-status', class: 'muted small' },
    state.rulesCreated ? h('span', { class: 'ok' }, tr(c, 'uiRulesCreated', { sheet: state.rulesCreated }), h('br')) : null,
    rules.from === 'sheet' ? tr(c, 'uiRulesFrom', { sheet: rules.sheet, versions }) : tr(c, 'uiRulesDefault', { versions }),
    changeLogView(c),
  );
}

/** One block's part of the change log: added (with what it holds), or changed (with each change), named by its title. */
function blockChanges(c: ViewContext, d: PackDiff): HTMLElement[] {
  const at = { class: 'pack-changes', 'data-subject': d.subject, 'data-assessment': d.id };
  if (d.from === undefined) return [h('p', { ...at, class: 'pack-changes pack-added' }, tr(c, 'rsCliNewPack', { pack: d.title, indicators: d.indicators, rules: d.rules, to: d.to }))];
  return [
    h('p', at, tr(c, 'rsPackChanges', { pack: d.title, count: d.changes.length, from: d.from, to: d.to })),
    h('ul', { 'data-subject': d.subject, 'data-assessment': d.id }, ...d.changes.map((ch) => h('li', { class: 'small' }, state.lang === 'zh' ? ch.message : ch.messageEn))),
  ];
}

function changeLogView(c: ViewContext): HTMLElement | null {
  const since = changesSinceLastRun();
  if (!since) return null;
  // A block added or deleted is one change.
  const count = since.diffs.reduce((n, d) => n + Math.max(1, d.changes.length), 0) + since.removed.length;
  return h(
    'details',
    { id: 'rules-changes' },
    h('summary', {}, tr(c, 'uiRulesChanged', { time: since.time, count })),
    ...since.diffs.flatMap((d) => blockChanges(c, d)),
    ...since.removed.map((r) =>
      h('p', { class: 'pack-changes pack-removed', 'data-subject': r.subject, 'data-assessment': r.id }, tr(c, 'rsPackRemoved', { pack: r.title, from: r.from })),
    ),
  );
}

function rulesProblemsView(c: ViewContext, problems: RuleProblem[]): HTMLElement {
  return h(
    'section',
    { id: 'rule-problems' },
    h('p', { class: 'problem' }, tr(c, 'uiRuleProblems', { count: problems.length })),
    h('ul', {}, ...problems.map((p) => h('li', {}, cellLink(c, p.sheet, p.cell), ' ', state.lang === 'zh' ? p.message : p.messageEn))),
  );
}

function tabsView(c: ViewContext): HTMLElement {
  const tab = (id: Tab, key: 'uiTabAssess' | 'uiTabRules') =>
    h('button', { type: 'button', class: state.tab === id ? 'tab active' : 'tab', 'data-tab': id, onclick: (() => { state.tab = id; render(); }) as EventListener }, tr(c, key));
  return h('nav', { class: 'tabs' }, tab('assess', 'uiTabAssess'), tab('rules', 'uiTabRules'));
}

/** Every sheet and what became of it, as the current mapping reads the workbook (a remap may postdate the last run). */
function sheetAccounts() {
  const packs = runPacks();
  // Before a run, only the cadre ledgers have been read.
  return accountSheets({ sheets: state.sheets ?? [], packs, read: state.read ? [{ id: packs.cadre.id, ledgers: { [packScheme(packs.cadre).ledgers[0]!.id]: state.read.ledgers } }] : [] });
}

function assessTab(c: ViewContext): (HTMLElement | null)[] {
  const body: (HTMLElement | null)[] = [];
  const kinds = state.kinds;
  const branch = runPacks().branch.id;
  const branchSheets = kinds ? [MEETINGS_LEDGER, WORK_LEDGER].flatMap((id) => sheetsOf(kinds, ledgerKind(branch, id))) : [];
  if (state.read) {
    const accounts = sheetAccounts();
    body.push(
      // With only branch ledgers there is nothing missing to report about cadre ledgers.
      state.read.ledgers.length > 0 || branchSheets.length === 0 ? ledgersView(c, state.read, accounts) : null,
      branchSheets.length > 0 ? h('p', { id: 'branch-ledgers', class: 'muted small' }, tr(c, 'uiBranchLedgers', { sheets: branchSheets.join('、') })) : null,
      schemeLedgersView(c, accounts),
      sheetsNotReadView(c, accounts),
      rulesStatusView(c),
      controlsView(c, state.read),
    );
  }
  body.push(statusView(c));
  const pack = state.pack;
  const run = state.run;
  if (run && pack && state.phase !== 'running') body.push(...resultsView(c, run, runPacks(pack)));
  return body;
}

/** The ledgers of the declared assessments, one line per assessment, as the cadre and branch ledgers are named above. */
function schemeLedgersView(c: ViewContext, accounts: SheetAccount[]): HTMLElement | null {
  const lines = schemes().map((scheme) => ({ scheme, sheets: accounts.filter((a) => a.role === 'ledger' && a.assessment === scheme.id).map((a) => a.sheet) }))
    .filter((l) => l.sheets.length > 0)
    .map((l) => h('div', { 'data-assessment': l.scheme.id }, tr(c, 'uiSchemeLedgers', { title: c.lang === 'zh' ? l.scheme.title : (l.scheme.titleEn ?? l.scheme.title), sheets: l.sheets.join('、') })));
  return lines.length > 0 ? h('div', { id: 'scheme-ledgers', class: 'muted small' }, ...lines) : null;
}

/**
 * Every assessment of the run behind one picker: the monthly cadre and the
 * branch assessments in their own views, each declared one in the generic
 * view, each with its notes, its charts and its four-section summary.
 */
function resultsView(c: ViewContext, run: RunResult, packs: RunPacks): (HTMLElement | null)[] {
  const assessments = runAssessments(run, packs);
  const summaries = runSummaries(run, packs, c.lang);
  const shown = assessments.find((a) => a.id === state.shown) ?? assessments[0];
  const filter = (f: AttentionFilter) => {
    state.attention = f;
    render();
  };
  const out: (HTMLElement | null)[] = [
    notesView(c, run.schemeNotes, 'run-notes'),
    reportView(c, run, packs),
    attentionView(c, attentionList(assessments), state.attention, filter, (a) => sparklines(c, a)),
  ];
  if (shown) {
    const pick = (id: string) => {
      state.shown = id;
      render();
    };
    const pickSubject = (name: string) => {
      state.trendSubject = name;
      render();
    };
    const scheme = runSchemes(packs).find((s) => s.id === shown.id);
    const spark = sparklines(c, shown);
    out.push(assessmentPicker(c, assessments, shown.id, pick), notesView(c, shown.notes, 'assessment-notes'), scheme ? chartsView(c, shown, scheme, state.trendSubject, pickSubject) : null);
    if (shown.id === packs.cadre.id && summaries.cadre) out.push(overviewView(c, run.cadres), summaryView(c, summaries.cadre, summaryText(summaries.cadre)));
    else if (shown.id === packs.branch.id && run.branches && summaries.branch) out.push(branchesView(c, run.branches, spark), summaryView(c, summaries.branch, summaryText(summaries.branch), 'branch-summary'));
    else {
      const summary = summaries.schemes.find((s) => s.id === shown.id)?.summary;
      out.push(schemeView(c, shown, spark), summary ? summaryView(c, summary, summaryText(summary), 'scheme-summary') : null);
    }
  }
  out.push(warningsView(c, runWarnings(run)));
  return out;
}

/** The name the report is saved under: the period asked for, else the months the run covered. */
function reportPeriod(run: RunResult, packs: RunPacks): string {
  if (state.runPeriod) return state.runPeriod;
  const months = [...new Set(runAssessments(run, packs).flatMap((a) => a.periods))].filter((p) => /^\d{4}-\d{2}$/.test(p)).sort();
  return months.length === 0 ? today() : months.length === 1 ? months[0]! : `${months[0]}~${months.at(-1)}`;
}

/**
 * The Word report, built here as the command line builds it (the same
 * document, the same renderer), and handed to the browser as a download.
 */
async function downloadReport(run: RunResult, packs: RunPacks): Promise<void> {
  state.reportBusy = true;
  render();
  try {
    const doc = reportDocument(run, packs, { lang: state.lang, period: state.runPeriod || undefined, feedback: state.reportFeedback });
    const url = URL.createObjectURL(await renderDocxBlob(doc));
    const link = h('a', { href: url, download: t('uiReportFile', { period: reportPeriod(run, packs) }, state.lang) });
    document.body.append(link);
    link.click();
    link.remove();
    // The click has handed the file over; the next macrotask may let the URL go.
    setTimeout(() => URL.revokeObjectURL(url), 0);
    state.reportBusy = false;
    render();
  } catch (e) {
    state.reportBusy = false;
    fail(e);
  }
}

function reportView(c: ViewContext, run: RunResult, packs: RunPacks): HTMLElement {
  return h(
    'section',
    { id: 'report' },
    h('button', { id: 'report-download', type: 'button', disabled: state.reportBusy, onclick: (() => void downloadReport(run, packs)) as EventListener }, tr(c, state.reportBusy ? 'uiReportBuilding' : 'uiReportDownload')),
    h(
      'div',
      { class: 'field check' },
      h('input', { type: 'checkbox', id: 'report-feedback', checked: state.reportFeedback, onchange: ((e: Event) => { state.reportFeedback = (e.target as HTMLInputElement).checked; }) as EventListener }),
      h('label', { for: 'report-feedback' }, tr(c, 'uiReportFeedback')),
    ),
  );
}

function rulesTabView(c: ViewContext): (HTMLElement | null)[] {
  if (!state.payload || !state.rules || !state.read) return [statusView(c)];
  return [
    rulesStatusView(c),
    rulesTab({ lang: state.lang, snapshot: state.payload.snapshot, rules: state.rules, pack: state.pack, read: state.read, mapping: state.mapping, runPacks: runPacks(), goTo: c.goTo, reload, fail }),
  ];
}

function render(): void {
  const c = ctx();
  const header = h(
    'header',
    {},
    h('h1', {}, tr(c, 'uiTitle')),
    h('button', { id: 'lang', class: 'link-button', type: 'button', onclick: (() => { state.lang = state.lang === 'zh' ? 'en' : 'zh'; render(); }) as EventListener }, tr(c, 'uiLanguage')),
  );
  document.body.classList.toggle('busy', state.phase === 'running');
  const body = state.tab === 'assess' ? assessTab(c) : rulesTabView(c);
  replace(root, header, state.payload ? tabsView(c) : null, ...body);
}

async function start(): Promise<void> {
  render();
  try {
    state.payload = await call('getWorkbook');
    state.mapping = state.payload.mapping;
    await loadRules();
    reread();
    state.phase = 'ready';
    render();
    if (document.body.dataset.autorun === '1') await run();
  } catch (e) {
    fail(e);
  }
}

document.title = t('uiTitle');
void start();
