import { RESULT_SHEETS } from './results/sheets';
import { type LedgerKind, ledgerTitle, type Resemblance, type SheetClass, type SheetRole } from './ledger/classify';
import { ledgerKind } from './scheme/ledgers';
import type { SchemeAssessment } from './scheme/result';
import type { LedgerInfo, SkippedRows } from './ledger/read';
import { type Lang, type MessageKey, type Params, t } from './messages';
import { periodLabel } from './period';
import { runAssessments, type RunPacks, type RunResult, runSchemes } from './run';
import { LOG_SHEET } from './rulesheet/name';

/** One sheet of a workbook as a run took it: read, and for which assessment, or why not. */
export interface SheetAccount {
  sheet: string;
  role: SheetRole;
  /** The id of the pack a ledger is read for; null for any other sheet. */
  assessment: string | null;
  /** Which ledger: `<assessment id>/<ledger id>` (stationed-cadre/ledger, branch/meetings), or the branch name table. */
  ledger: LedgerKind | 'names' | null;
  /** 1-based first header row: a ledger's, or for an unrecognised sheet the row that most looks like one. */
  header: number | null;
  /** Records read from a ledger, when it has been read. */
  records: number | null;
  reason: string;
  reasonEn: string;
  /** For an unrecognised sheet: the ledger it most resembles, its columns and the labels that match none, to map by hand. */
  resembles?: Resemblance;
}

/** What a run (or the sidebar before one) knows of the sheets: their classification, and the ledgers read so far. */
export interface AccountSources {
  sheets: SheetClass[];
  packs: RunPacks;
  /** The ledgers each assessment read, by ledger id, and the period it was asked for (runAssessments gives them; before a run, the cadre ledgers read so far). */
  read?: Pick<SchemeAssessment, 'id' | 'ledgers' | 'period'>[];
  /** Rows of a sheet whose period does not meet the one asked, by sheet. */
  outsidePeriod?: Record<string, number>;
  /** The sheets read as the branch name table. */
  aliasSheets?: string[];
  /**
   * Every sheet name of the workbook, in order, when the host left some out of
   * the snapshot (hosts leave out the add-on's own result sheets).
   */
  workbookSheets?: string[];
}

type Text = { zh: string; en: string };

function say(key: MessageKey, zh: Params, en: Params = zh): Text {
  return { zh: t(key, zh), en: t(key, en, 'en') };
}

function joined(parts: Text[]): Text {
  return { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') };
}

const SKIPPED: [keyof SkippedRows, MessageKey][] = [
  ['totals', 'sheetSkippedTotals'],
  ['footers', 'sheetSkippedFooters'],
  ['empty', 'sheetSkippedEmpty'],
  ['blank', 'sheetSkippedBlank'],
];

/** Rows under the header that are not records, by why; undefined when there are none. */
function skippedText(skipped: SkippedRows): Text | undefined {
  const parts = SKIPPED.filter(([k]) => skipped[k] > 0).map(([k, key]) => say(key, { count: skipped[k] }));
  const rows = SKIPPED.reduce((n, [k]) => n + skipped[k], 0);
  if (rows === 0) return undefined;
  return say('sheetSkippedRows', { rows, parts: parts.map((p) => p.zh).join('、') }, { partsEn: parts.map((p) => p.en).join(', ') });
}

const headerLabel = (rows: [number, number]) => (rows[0] === rows[1] ? String(rows[0]) : `${rows[0]}–${rows[1]}`);

/** A ledger kind's title: the one its assessment gives it. */
const kindTitle = (packs: RunPacks, kind: LedgerKind): Text => ledgerTitle(runSchemes(packs), kind);

/** The id of the assessment a ledger kind is read for: the kind's prefix (a ledger id has no slash). */
const kindOwner = (kind: LedgerKind): string => kind.slice(0, kind.lastIndexOf('/'));

/** The sheets some assessment read, each with its ledger and what was read of it. */
function readSheets(sources: AccountSources): Map<string, { kind: LedgerKind; info: LedgerInfo; period?: string }> {
  const out = new Map<string, { kind: LedgerKind; info: LedgerInfo; period?: string }>();
  for (const a of sources.read ?? []) {
    for (const [id, infos] of Object.entries(a.ledgers)) for (const info of infos) out.set(info.sheet, { kind: ledgerKind(a.id, id), info, period: a.period });
  }
  return out;
}

function ledgerAccount(sources: AccountSources, c: SheetClass, kind: LedgerKind, rows: [number, number], read?: { info: LedgerInfo; period?: string }): SheetAccount {
  const title = kindTitle(sources.packs, kind);
  const info = read?.info;
  const header = info ? info.headerRows : rows;
  const parts: Text[] = [];
  if (info) {
    parts.push(say('sheetLedger', { ledger: title.zh, header: headerLabel(header), records: info.records }, { ledgerEn: title.en, header: headerLabel(header), records: info.records }));
    const skipped = skippedText(info.skipped);
    if (skipped) parts.push(skipped);
    const period = read.period;
    const outside = period ? (sources.outsidePeriod?.[c.sheet] ?? 0) : 0;
    if (period && outside > 0) parts.push(say('sheetOutsidePeriod', { count: outside, period: periodLabel(period) }, { count: outside, periodEn: periodLabel(period, 'en') }));
  } else {
    parts.push(say('sheetLedgerFound', { ledger: title.zh, header: headerLabel(header) }, { ledgerEn: title.en, header: headerLabel(header) }));
  }
  const text = joined(parts);
  return {
    sheet: c.sheet,
    role: 'ledger',
    assessment: kindOwner(kind),
    ledger: kind,
    header: header[0],
    records: info ? info.records : null,
    reason: text.zh,
    reasonEn: text.en,
  };
}

function otherAccount(sources: AccountSources, c: SheetClass): SheetAccount {
  const base = { sheet: c.sheet, role: c.role, assessment: null, ledger: null, header: null, records: null };
  let text: Text;
  if (c.role === 'rules') text = say('sheetRules', {});
  else if (c.role === 'results') text = say(c.sheet === LOG_SHEET ? 'sheetRulesLog' : 'sheetResults', {});
  else if (c.role === 'notes') text = say(c.notes === 'empty' ? 'sheetNotesEmpty' : 'sheetNotesText', {});
  else if (!c.resembles || !c.header) text = say('sheetUnknown', {});
  else {
    const r = c.resembles;
    const title = kindTitle(sources.packs, r.kind);
    const header = headerLabel(c.header);
    const found = { zh: r.recognised.map((l) => l.label).join('、'), en: r.recognised.map((l) => l.labelEn).join(', ') };
    text = r.missing
      ? say('sheetMissingKey', { ledger: title.zh, header, found: found.zh, label: r.missing.label }, { ledgerEn: title.en, header, foundEn: found.en, labelEn: r.missing.labelEn })
      : say('sheetTooFewColumns', { ledger: title.zh, header, found: found.zh, count: r.recognised.length, min: r.minFacts }, { ledgerEn: title.en, header, foundEn: found.en, count: r.recognised.length, min: r.minFacts });
  }
  return { ...base, header: c.role === 'unrecognised' && c.header ? c.header[0] : null, reason: text.zh, reasonEn: text.en, ...(c.resembles ? { resembles: c.resembles } : {}) };
}

/**
 * Every sheet of a workbook once, with what the run made of it: a ledger of
 * which assessment (header row, records, rows not taken as records and why),
 * notes, the add-on's results or rules, or a sheet not recognised, with the
 * ledger it most resembles and the column it lacks. Built from the
 * classification the run made; nothing is classified again.
 */
export function accountSheets(sources: AccountSources): SheetAccount[] {
  const classes = new Map(sources.sheets.map((c) => [c.sheet, c]));
  const read = readSheets(sources);
  const nameTables = new Set(sources.aliasSheets ?? []);
  // The workbook's order; a snapshot sheet the host named differently (a long CSV file name) still appears.
  const names = [...new Set([...(sources.workbookSheets ?? []), ...sources.sheets.map((c) => c.sheet)])];
  return names.map((name): SheetAccount => {
    const c: SheetClass = classes.get(name) ?? { sheet: name, role: RESULT_SHEETS.includes(name) ? 'results' : 'unrecognised' };
    if (nameTables.has(name)) {
      const text = say('sheetNamesTable', {});
      return { sheet: name, role: 'ledger', assessment: sources.packs.branch.id, ledger: 'names', header: null, records: null, reason: text.zh, reasonEn: text.en };
    }
    // What an assessment read has the last word on a sheet: it read with the whole column mapping (the cadre read does).
    const r = read.get(name);
    if (r) return ledgerAccount(sources, c, r.kind, c.header ?? [1, 1], r);
    if (c.role === 'ledger' && c.kind && c.header) return ledgerAccount(sources, c, c.kind, c.header);
    return otherAccount(sources, c);
  });
}

/**
 * The accounting of a whole run: its classification, and what each assessment
 * read. Rows outside the period asked are the rows an assessment left out
 * (the cadre ledger's: its records not judged; the branch ledgers': rows of
 * another month, a row counted once however many meetings it records).
 */
export function runSheets(run: RunResult, packs: RunPacks, workbookSheets?: string[]): SheetAccount[] {
  const outside: Record<string, number> = { ...(run.branches?.outsidePeriod ?? {}) };
  if (run.cadres.period) {
    for (const l of run.cadres.ledgers) outside[l.sheet] = l.records - run.cadres.cadres.filter((x) => x.source.sheet === l.sheet).length;
  }
  return accountSheets({ sheets: run.sheets, packs, read: runAssessments(run, packs), outsidePeriod: outside, aliasSheets: run.branches?.aliasSheets, workbookSheets });
}

/** The --json shape of the accounting. */
export function sheetsJson(accounts: SheetAccount[]) {
  return accounts.map((a) => ({ sheet: a.sheet, role: a.role, assessment: a.assessment, ledger: a.ledger, header: a.header, records: a.records, reason: a.reason, reasonEn: a.reasonEn }));
}

/** The sheets a run did not read (notes and sheets not recognised), each with why: the CLI prints them on stderr. */
export function sheetsNotRead(accounts: SheetAccount[], lang: Lang): string[] {
  const notRead = accounts.filter((a) => a.role === 'notes' || a.role === 'unrecognised');
  if (notRead.length === 0) return [];
  return [t('cliSheetsNotRead', { count: notRead.length }, lang), ...notRead.map((a) => (lang === 'zh' ? `  ${a.sheet}：${a.reason}` : `  ${a.sheet}: ${a.reasonEn}`))];
}
