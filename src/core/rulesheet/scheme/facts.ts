import { both, type MessageKey, t } from '../../messages';
import { type Column, FactIdSchema } from '../../pack/schema';
import type { SchemeFact, SchemeLedger, Where } from '../../scheme/schema';
import type { Cell } from '../../snapshot';
import { halfWidth, labelKey } from '../../text';
import { parseNumber } from '../../values';
import { nearest } from '../facts';
import { headerKey, type TableRow, type TableView } from '../grid';
import { suggestion } from '../problem';
import { filledRows, freshId, listSeparators, needColumn, optional, type ReadContext, type TableOut } from '../section';
import { splitWhere, whereText, whereValue } from './where';
import { COLUMN_SOURCES, LEDGER_SOURCES, SOURCES, type SourceWord, sourceOf, WHERE_SOURCES } from './words';

const DIVIDE = /\s*(?:÷|\/|除以)\s*/;
const AT_LEAST = /^(?:每[月季]度?)?(?:至少|不少于|最少)?(\d+)(?:条|次|行|个|场)?$/;
const ROWS_OPS = new Set<SourceWord>(['sum', 'count', 'mean', 'min', 'max']);

/**
 * What a block's 数据项 may name beyond its own rows and ledgers, and where
 * they sit in its pack: a scheme's facts read the ledgers' columns by name; a
 * branch block's read the branch's implicit facts (会议次数, 办结数) instead,
 * since its rules never read a ledger's column as it is.
 */
export interface FactScope {
  /** The pack path of the facts: "facts" for a scheme and for the branch pack. */
  path: string;
  /** Whether a ratio or an either may name a ledger's column, and so a fact may not take a column's name. */
  columnsAreFacts: boolean;
  /** Facts known from elsewhere that a ratio or an either may name, by id and label. */
  elsewhere: { fact: string; label: string }[];
  /** Ids no fact may take that no fact may name either: the branch's outcomes (得分, 排名), the scheme's outputs. */
  reserved?: string[];
}

export const SCHEME_FACT_SCOPE: FactScope = { path: 'facts', columnsAreFacts: true, elsewhere: [] };

/** Names an id must not be: the engine's constant, and what every object has (a fact's value is looked up by id). */
const NOT_IDS = new Set(['always', ...Object.getOwnPropertyNames(Object.prototype)]);

/**
 * The id of a 数据项 row whose 编号 is blank: its name made an id where the
 * name is plain letters, digits and spaces (Visits → visits, home visits →
 * homeVisits), with a number after it if another fact, column or output has
 * that id; else fact1, fact2, …, which no message shows: every message names
 * a fact by its name and the cell.
 */
function madeUpFactId(label: string, taken: Set<string>): string {
  const words = halfWidth(label).trim().split(/[\s_-]+/).filter(Boolean);
  const plain = words.length > 0 && words.every((w) => /^[A-Za-z0-9]+$/.test(w));
  const joined = plain ? words.map((w, i) => (i === 0 ? (/^[A-Z][a-z0-9]/.test(w) ? w[0]!.toLowerCase() + w.slice(1) : w) : w[0]!.toUpperCase() + w.slice(1))).join('') : '';
  if (!FactIdSchema.safeParse(joined).success) return freshId('fact', taken);
  if (!taken.has(joined) && !NOT_IDS.has(joined)) return joined;
  let n = 2;
  while (taken.has(`${joined}${n}`)) n++;
  return `${joined}${n}`;
}

/** Each fact as its row shows it: 编号 | 名称 | 来源 | 台账 | 列 | 条件 | 年数 | 计算 | 英文名. */
export function writeFacts(ledgers: SchemeLedger[], facts: SchemeFact[], elsewhere: FactScope['elsewhere'] = []): TableOut {
  const ledgerOf = (id: string) => ledgers.find((l) => l.id === id);
  const columnLabel = (ledger: SchemeLedger | undefined, fact: string) => ledger?.columns.find((c) => c.fact === fact)?.label ?? fact;
  const anyLabel = (id: string) =>
    facts.find((f) => f.fact === id)?.label ?? ledgers.flatMap((l) => l.columns).find((c) => c.fact === id)?.label ?? elsewhere.find((f) => f.fact === id)?.label ?? id;
  const grade = t('rsHeadGrade');
  return {
    columns: [
      { header: t('rsHeadId'), width: 110 },
      { header: t('rsHeadName'), width: 130 },
      { header: t('rsHeadSource'), width: 90, list: SOURCES.list() },
      { header: t('rsHeadLedger'), width: 130 },
      { header: t('rsHeadColumn'), width: 110 },
      { header: t('rsHeadWhere'), width: 200, text: true },
      { header: t('rsHeadYears'), width: 50 },
      { header: t('rsHeadFormula'), width: 200, text: true },
      { header: t('rsHeadEnglish'), width: 140 },
    ],
    rows: facts.map((f) => {
      const ledger = 'ledger' in f ? ledgerOf(f.ledger) : undefined;
      const where = 'where' in f && f.where ? whereText(f.where, (c) => columnLabel(ledger, c), ledger?.columns.find((c) => c.fact === f.where!.column)) : '';
      const cells = { ledger: ledger?.title ?? ('ledger' in f ? f.ledger : ''), column: '', where, years: '' as Cell, formula: '' };
      switch (f.source) {
        case 'value':
        case 'monthsSince':
          cells.column = columnLabel(ledger, f.column);
          break;
        case 'rows':
          cells.column = f.column ? columnLabel(ledger, f.column) : '';
          cells.years = f.years ?? '';
          break;
        case 'ratio':
          cells.formula = `${anyLabel(f.numerator)} ÷ ${anyLabel(f.denominator)}`;
          break;
        case 'either':
          cells.formula = f.facts.map(anyLabel).join('、');
          break;
        case 'unitsWithout':
          cells.formula = f.min === 1 ? '' : t('rsFormulaAtLeast', { count: f.min });
          break;
        case 'attendance':
          cells.formula = `${columnLabel(ledger, f.present)} ÷ ${columnLabel(ledger, f.expected)}`;
          break;
        case 'results':
          cells.ledger = f.scheme;
          cells.where = f.grades ? `${grade}=${f.grades.join('、')}` : '';
          break;
      }
      return [f.fact, f.label, SOURCES.word(sourceOf(f)), cells.ledger, cells.column, cells.where, cells.years, cells.formula, f.labelEn ?? ''];
    }),
  };
}

/** A fact row read as far as its own cells go; names of other facts are resolved once every row is known. */
interface Pending {
  row: TableRow;
  id: string;
  label: string;
  labelEn?: string;
  source: SourceWord;
  ledger?: SchemeLedger;
  scheme?: string;
}

/**
 * Reads 【数据项】 into `into`, reading `ledgers` (the block's 【台账】).
 * Names are those staff see: a ledger by its name (or id), a column by its
 * header or alias in that ledger, a fact by its name, and what `scope` adds.
 * Each problem is named at its cell and the row left out; a row naming a
 * ledger, column or fact whose own row was left out waits silently.
 */
export function readFacts(view: TableView, ctx: ReadContext, ledgers: SchemeLedger[], into: SchemeFact[], scope: FactScope): void {
  const labelCol = needColumn(view, ctx, 'rsHeadName');
  const sourceCol = needColumn(view, ctx, 'rsHeadSource');
  if (!labelCol || !sourceCol) return;
  const col = (k: MessageKey) => view.column(t(k), t(k, {}, 'en'));
  const idCol = col('rsHeadId');
  const ledgerCol = col('rsHeadLedger');
  const columnCol = col('rsHeadColumn');
  const whereCol = col('rsHeadWhere');
  const yearsCol = col('rsHeadYears');
  const formulaCol = col('rsHeadFormula');
  const enCol = col('rsHeadEnglish');

  const columnIds = new Set(ledgers.flatMap((l) => l.columns.map((c) => c.fact)));
  const elsewhereIds = new Set(scope.elsewhere.map((f) => f.fact));
  // The names a ratio or an either may give besides the block's own facts.
  const otherNames = new Map<string, string>();
  if (scope.columnsAreFacts) for (const l of ledgers) for (const c of l.columns) for (const n of [c.label, ...c.aliases, c.fact]) if (!otherNames.has(labelKey(n))) otherNames.set(labelKey(n), c.fact);
  for (const f of scope.elsewhere) for (const n of [f.label, f.fact]) if (!otherNames.has(labelKey(n))) otherNames.set(labelKey(n), f.fact);
  const rows = filledRows(view);
  const taken = new Set([...columnIds, ...elsewhereIds, ...(scope.reserved ?? []), ...rows.map((r) => view.text(r, idCol)).filter(Boolean)]);
  const ids = new Map<string, string>();
  const labels = new Map<string, string>();
  const pending: Pending[] = [];

  for (const row of rows) {
    let ok = true;
    let id = view.text(row, idCol);
    const label = view.text(row, labelCol);
    if (id === '') {
      id = madeUpFactId(label, taken);
      taken.add(id);
    } else if (!FactIdSchema.safeParse(id).success) {
      ctx.report(view.at(row, idCol), both('rsFactIdInvalid', { id }));
      ok = false;
    } else if (ids.has(id) || columnIds.has(id) || elsewhereIds.has(id)) {
      const other = ids.get(id) ?? (columnIds.has(id) ? t('rsTableLedgers') : scope.elsewhere.find((f) => f.fact === id)!.label);
      ctx.report(view.at(row, idCol), both('rsDuplicateId', { id, other, otherEn: other }));
      ok = false;
    }
    if (label === '') {
      ctx.reportField(view.at(row, labelCol), 'rsRequired', 'rsHeadName');
      ok = false;
    } else if (labels.has(labelKey(label)) || otherNames.has(labelKey(label))) {
      const other = labels.get(labelKey(label)) ?? (scope.columnsAreFacts ? t('rsTableLedgers') : otherNames.get(labelKey(label))!);
      ctx.report(view.at(row, labelCol), both('rsDuplicateName', { name: label, other, otherEn: other }));
      ok = false;
    }
    const sourceText = view.text(row, sourceCol);
    const source = SOURCES.parse(sourceText);
    if (!source) {
      const known = SOURCES.list();
      ctx.report(view.at(row, sourceCol), both('rsSourceUnknown', { text: sourceText, known: known.join('、'), ...suggestion(nearest(sourceText, known)) }));
      ok = false;
    }
    let ledger: SchemeLedger | undefined;
    let scheme: string | undefined;
    const ledgerText = view.text(row, ledgerCol);
    if (source && LEDGER_SOURCES.has(source)) {
      ledger = ledgers.find((l) => headerKey(l.title) === headerKey(ledgerText) || l.id === ledgerText);
      if (ledgerText === '') {
        ctx.report(view.at(row, ledgerCol), both('rsFactNeedsLedger', { source: sourceText }));
        ok = false;
      } else if (!ledger) {
        if (!ctx.isBroken(ledgerText)) {
          const near = nearest(ledgerText, ledgers.map((l) => l.title));
          ctx.report(view.at(row, ledgerCol), both('rsFactLedgerUnknown', { text: ledgerText, ...suggestion(near) }));
        }
        ok = false;
      }
    } else if (source === 'meanScore' || source === 'countGraded' || source === 'subjectsGraded' || source === 'monthsMissing') {
      scheme = optional(ledgerText);
      if (!scheme) {
        ctx.report(view.at(row, ledgerCol), both('rsFactNeedsScheme', { source: sourceText }));
        ok = false;
      }
    } else if (source) ok = notUsed(row, ledgerCol, 'rsHeadLedger', sourceText) && ok;
    if (!ok || !source) {
      ctx.breakNames(label, id);
      continue;
    }
    ids.set(id, view.at(row, idCol));
    labels.set(labelKey(label), view.at(row, labelCol));
    const labelEn = optional(view.text(row, enCol));
    pending.push({ row, id, label, source, ...(labelEn ? { labelEn } : {}), ...(ledger ? { ledger } : {}), ...(scheme ? { scheme } : {}) });
  }

  /** A cell the source does not use must be blank: a value there was meant for something. */
  function notUsed(row: TableRow, c: ReturnType<typeof col>, field: MessageKey, source: string): boolean {
    const text = view.text(row, c);
    if (text === '') return true;
    ctx.reportField(view.at(row, c), 'rsCellNotUsed', field, { source, text });
    return false;
  }

  // Facts may name facts further down: every name is known before any is resolved.
  const factNames = new Map<string, string>();
  for (const p of pending) for (const n of [p.label, p.id]) if (!factNames.has(labelKey(n))) factNames.set(labelKey(n), p.id);
  const anyNames = [...(scope.columnsAreFacts ? ledgers.flatMap((l) => l.columns.map((c) => c.label)) : []), ...scope.elsewhere.map((f) => f.label), ...pending.map((p) => p.label)];

  for (const p of pending) {
    const { row } = p;
    const sourceText = view.text(row, sourceCol);
    const at = (c: ReturnType<typeof col>) => view.at(row, c);
    let ok = true;
    const fail = (cell: string, message: ReturnType<typeof both> | undefined) => {
      if (message) ctx.report(cell, message);
      ok = false;
    };
    /** A column of the fact's ledger, by what is written; undefined (reported unless its row was left out) when unknown. */
    const columnOf = (text: string, cell: string, numeric = false): Column | undefined => {
      const ledger = p.ledger!;
      const found = ledger.columns.find((c) => [c.label, ...c.aliases, c.fact].some((n) => labelKey(n) === labelKey(text)));
      if (!found) {
        const names = ledger.columns.flatMap((c) => [c.label, ...c.aliases]);
        fail(cell, ctx.isBroken(text) ? undefined : both('rsFactColumnUnknown', { text, ledger: ledger.title, ...suggestion(nearest(text, names)) }));
        return undefined;
      }
      if (numeric && found.type !== 'number' && found.type !== 'percent') {
        fail(cell, both('rsFactColumnNotNumber', { text, source: sourceText, sourceEn: SOURCES.word(p.source, 'en') }));
        return undefined;
      }
      return found;
    };
    /** A column or fact by name, for a ratio or "either". */
    const valueOf = (text: string, cell: string): string | undefined => {
      const id = factNames.get(labelKey(text)) ?? otherNames.get(labelKey(text));
      if (id === p.id) fail(cell, both('rsFactSelf', { label: p.label }));
      else if (!id) fail(cell, ctx.isBroken(text) ? undefined : both('rsFactUnknown', { text, ...suggestion(nearest(text, anyNames)) }));
      return id === p.id ? undefined : id;
    };

    const columnText = view.text(row, columnCol);
    let column: Column | undefined;
    if (COLUMN_SOURCES.has(p.source)) {
      if (columnText === '' && p.source !== 'count') fail(at(columnCol), both('rsFactNeedsColumn', { source: sourceText }));
      else if (columnText !== '') column = columnOf(columnText, at(columnCol), ROWS_OPS.has(p.source) && p.source !== 'count');
    } else ok = notUsed(row, columnCol, 'rsHeadColumn', sourceText) && ok;

    const whereRaw = view.text(row, whereCol);
    let where: Where | undefined;
    let grades: string[] | undefined;
    if (whereRaw !== '') {
      const parsed = splitWhere(whereRaw);
      if (!WHERE_SOURCES.has(p.source) && p.source !== 'countGraded' && p.source !== 'subjectsGraded') ok = notUsed(row, whereCol, 'rsHeadWhere', sourceText) && ok;
      else if (!parsed) fail(at(whereCol), both('rsWhereUnreadable', { text: whereRaw }));
      else if (p.source === 'countGraded' || p.source === 'subjectsGraded') {
        if (headerKey(parsed.column) === headerKey(t('rsHeadGrade')) || headerKey(parsed.column) === headerKey(t('rsHeadGrade', {}, 'en'))) grades = parsed.values;
        else fail(at(whereCol), both('rsWhereGradesOnly'));
      } else {
        const whereColumn = columnOf(parsed.column, at(whereCol));
        if (whereColumn) {
          const values = parsed.values.map((v) => whereValue(v, whereColumn));
          if (values.some((v) => v === undefined)) fail(at(whereCol), both('rsWhereUnreadable', { text: whereRaw }));
          else where = { column: whereColumn.fact, values: values as Where['values'] };
        }
      }
    }

    const yearsText = view.text(row, yearsCol);
    let years: number | undefined;
    if (yearsText !== '') {
      const n = parseNumber(view.cell(row, yearsCol));
      if (!ROWS_OPS.has(p.source) || n.kind !== 'value' || !Number.isInteger(n.value) || n.value < 1) fail(at(yearsCol), both('rsYearsExpected', { text: yearsText }));
      else years = n.value;
    }

    const formula = view.text(row, formulaCol);
    const pair = (example: string, resolve: (text: string) => string | undefined): [string, string] | undefined => {
      const parts = halfWidth(formula).split(DIVIDE).map((s) => s.trim());
      if (parts.length !== 2 || parts.some((s) => s === '')) {
        fail(at(formulaCol), both('rsFactFormulaNeeded', { source: sourceText, text: formula, example }));
        return undefined;
      }
      const [a, b] = parts.map(resolve);
      return a && b ? [a, b] : undefined;
    };
    const base = { fact: p.id, label: p.label, ...(p.labelEn ? { labelEn: p.labelEn } : {}) };
    let fact: SchemeFact | undefined;
    const ledger = p.ledger?.id ?? '';
    switch (p.source) {
      case 'value':
      case 'monthsSince':
        if (column) fact = p.source === 'value' ? { ...base, source: 'value', ledger, column: column.fact } : { ...base, source: 'monthsSince', ledger, column: column.fact, ...(where ? { where } : {}) };
        break;
      case 'sum':
      case 'count':
      case 'mean':
      case 'min':
      case 'max':
        fact = { ...base, source: 'rows', ledger, op: p.source, ...(column ? { column: column.fact } : {}), ...(where ? { where } : {}), ...(years ? { years } : {}) };
        break;
      case 'ratio': {
        const parts = pair('办结数 ÷ 受理数', (s) => valueOf(s, at(formulaCol)));
        if (parts) fact = { ...base, source: 'ratio', numerator: parts[0], denominator: parts[1] };
        break;
      }
      case 'attendance': {
        const parts = pair('实到人数 ÷ 应到人数', (s) => columnOf(s, at(formulaCol), true)?.fact);
        if (parts) fact = { ...base, source: 'attendance', ledger, present: parts[0], expected: parts[1], ...(where ? { where } : {}) };
        break;
      }
      case 'either': {
        const names = formula.split(listSeparators).map((s) => s.trim()).filter(Boolean);
        if (names.length < 2) fail(at(formulaCol), both('rsFactFormulaNeeded', { source: sourceText, text: formula, example: '满意率、测评满意率' }));
        else {
          const found = names.map((s) => valueOf(s, at(formulaCol)));
          if (found.every((f) => f !== undefined)) fact = { ...base, source: 'either', facts: found as string[] };
        }
        break;
      }
      case 'covered':
        fact = { ...base, source: 'covered', ledger };
        break;
      case 'monthsWithout':
      case 'quartersWithout':
      case 'yearsWithout': {
        const m = AT_LEAST.exec(halfWidth(formula).replace(/\s+/g, ''));
        if (formula !== '' && !m) fail(at(formulaCol), both('rsFactFormulaNeeded', { source: sourceText, text: formula, example: '至少2条' }));
        else fact = { ...base, source: 'unitsWithout', ledger, per: p.source === 'monthsWithout' ? 'month' : p.source === 'quartersWithout' ? 'quarter' : 'year', min: m ? Number(m[1]) : 1, ...(where ? { where } : {}) };
        break;
      }
      case 'meanScore':
      case 'countGraded':
      case 'subjectsGraded':
      case 'monthsMissing':
        fact = { ...base, source: 'results', scheme: p.scheme!, op: p.source, ...(grades ? { grades } : {}) };
        break;
    }
    if (formula !== '' && !['ratio', 'attendance', 'either', 'monthsWithout', 'quartersWithout', 'yearsWithout'].includes(p.source)) ok = notUsed(row, formulaCol, 'rsHeadFormula', sourceText) && ok;
    if (!ok || !fact) {
      ctx.breakNames(p.label, p.id);
      continue;
    }
    const k = into.length;
    ctx.cells.set(`${scope.path}[${k}]`, at(labelCol));
    for (const [path, c] of [
      ['fact', idCol],
      ['source', sourceCol],
      ['op', sourceCol],
      ['per', sourceCol],
      ['ledger', ledgerCol],
      ['scheme', ledgerCol],
      ['column', columnCol],
      ['where', whereCol],
      ['grades', whereCol],
      ['years', yearsCol],
      ['numerator', formulaCol],
      ['denominator', formulaCol],
      ['facts', formulaCol],
      ['present', formulaCol],
      ['expected', formulaCol],
      ['min', formulaCol],
    ] as const) {
      if (c) ctx.cells.set(`${scope.path}[${k}].${path}`, at(c));
    }
    into.push(fact);
  }
  ctx.cells.set(scope.path, view.titleCell);
}
