import { both, t } from '../../messages';
import { type Column, FactIdSchema } from '../../pack/schema';
import type { SchemeLedger } from '../../scheme/schema';
import { labelKey } from '../../text';
import { headerKey, type TableRow, type TableView } from '../grid';
import { parseRangeCell, rangeCellText } from '../range-cell';
import { filledRows, freshId, listSeparators, needColumn, optional, type ReadContext, type TableOut } from '../section';
import { COLUMN_TYPES } from '../words';
import { checkText, parseCheck, parseValues, valuesText } from './ledger-cells';
import { IGNORED, LEDGER_ROLES } from './words';

/**
 * 【台账】: one row per ledger column — the ledger it belongs to (its name on
 * every row, or blank to go on with the ledger above), the column's header
 * in the ledger, its id, type, role, other wordings and the values it can
 * hold (a range for numbers, a list for text: 取值), and for a rate staff fill
 * in, the counts it is checked against (核对). A column the ledger has but the assessment does not read (序号, 备注)
 * is a row whose 类型 is 不读取. A scheme block and a branch block lay out
 * their declared ledgers alike.
 */
export function writeLedgers(ledgers: SchemeLedger[]): TableOut {
  return {
    columns: [
      { header: t('rsHeadLedger'), width: 130 },
      { header: t('rsHeadLedgerId'), width: 100 },
      { header: t('rsHeadColumn'), width: 120 },
      { header: t('rsHeadId'), width: 100 },
      { header: t('rsHeadType'), width: 70, list: [...COLUMN_TYPES.list(), ...IGNORED.list()] },
      { header: t('rsHeadLedgerRole'), width: 110, list: LEDGER_ROLES.list() },
      { header: t('rsHeadAliases'), width: 260 },
      { header: t('rsHeadRange'), width: 170, text: true },
      { header: t('rsHeadEnglish'), width: 140 },
      { header: t('rsHeadLedgerEn'), width: 140 },
      { header: t('rsHeadLedgerSpan'), width: 90, list: [t('rsWordStanding')] },
      // After the columns sheets had before them, so an old sheet's cells keep their addresses.
      { header: t('rsHeadValues'), width: 260, text: true },
      { header: t('rsHeadCheck'), width: 170, text: true },
    ],
    rows: ledgers.flatMap((ledger) => {
      const labelOf = (fact: string) => ledger.columns.find((c) => c.fact === fact)?.label ?? fact;
      const head = [ledger.title, ledger.id];
      const en = ledger.titleEn ?? '';
      const span = ledger.standing ? t('rsWordStanding') : '';
      const check = (fact: string) => {
        const rate = ledger.statedRates?.find((r) => r.fact === fact);
        return rate ? checkText(rate, labelOf, ledger.rateTolerance) : '';
      };
      return [
        ...ledger.columns.map((c) => [
          ...head,
          c.label,
          c.fact,
          COLUMN_TYPES.word(c.type),
          c.role ? LEDGER_ROLES.word(c.role) : '',
          c.aliases.join('、'),
          rangeCellText(c, labelOf),
          c.labelEn ?? '',
          en,
          span,
          valuesText(c.values),
          check(c.fact),
        ]),
        ...ledger.ignoredColumns.map((name) => [...head, name, '', IGNORED.word('ignored'), '', '', '', '', en, span, '', '']),
      ];
    }),
  };
}

/** One ledger as its rows are read. */
interface LedgerRead {
  ledger: SchemeLedger;
  /** Where its id was written, for a second, different id. */
  idCell?: string;
  /** The cell problems about the ledger as a whole are named at: its first row's name. */
  cell: string;
  /** The first cell of a row left out for problems: a ledger that lost rows is not judged as a whole. */
  lost?: string;
  /** Which column each folded label or alias names, and where the column is. */
  names: Map<string, string>;
  cells: Map<string, string>;
  ranges: { column: Column; text: string; cell: string }[];
  checks: { column: Column; text: string; cell: string }[];
  valueCells: Map<string, string>;
}

/**
 * Reads 【台账】 into `into` (a block's ledgers, at the pack path `ledgers`),
 * each problem named at its cell; rows with problems are left out.
 */
export function readLedgers(view: TableView, ctx: ReadContext, into: SchemeLedger[]): void {
  const ledgerCol = needColumn(view, ctx, 'rsHeadLedger');
  const labelCol = needColumn(view, ctx, 'rsHeadColumn');
  const typeCol = needColumn(view, ctx, 'rsHeadType');
  if (!ledgerCol || !labelCol || !typeCol) return;
  const col = (k: Parameters<typeof t>[0]) => view.column(t(k), t(k, {}, 'en'));
  const idCol = col('rsHeadLedgerId');
  const factCol = col('rsHeadId');
  const roleCol = col('rsHeadLedgerRole');
  const aliasCol = col('rsHeadAliases');
  const rangeCol = col('rsHeadRange');
  const enCol = col('rsHeadEnglish');
  const ledgerEnCol = col('rsHeadLedgerEn');
  const spanCol = col('rsHeadLedgerSpan');
  const valuesCol = col('rsHeadValues');
  const checkCol = col('rsHeadCheck');

  const rows = filledRows(view);
  const takenIds = new Set(rows.map((r) => view.text(r, idCol)).filter(Boolean));
  const byTitle = new Map<string, LedgerRead>();
  const reads: LedgerRead[] = [];
  let current: LedgerRead | undefined;
  for (const row of rows) {
    const title = view.text(row, ledgerCol);
    if (title !== '') current = byTitle.get(headerKey(title)) ?? newLedger(title, row);
    if (!current) {
      ctx.reportField(view.at(row, ledgerCol), 'rsRequired', 'rsHeadLedger');
      continue;
    }
    readLedgerId(current, row);
    const en = optional(view.text(row, ledgerEnCol));
    if (en && current.ledger.titleEn === undefined) current.ledger.titleEn = en;
    const span = view.text(row, spanCol);
    if (span !== '') {
      // A roster (支部基本情况) says how things stand: its rows hold for every period.
      const standing = [t('rsWordStanding'), t('rsWordStanding', {}, 'en')].some((w) => headerKey(w) === headerKey(span));
      if (standing) current.ledger.standing = true;
      else ctx.report(view.at(row, spanCol), both('rsLedgerSpanUnknown', { text: span, word: t('rsWordStanding') }));
    }
    readColumnRow(current, row);
  }

  function newLedger(title: string, row: TableRow): LedgerRead {
    const read: LedgerRead = { ledger: { id: '', title, columns: [], ignoredColumns: [], standing: false }, cell: view.at(row, ledgerCol), names: new Map(), cells: new Map(), ranges: [], checks: [], valueCells: new Map() };
    byTitle.set(headerKey(title), read);
    reads.push(read);
    return read;
  }

  function readLedgerId(read: LedgerRead, row: TableRow): void {
    const id = view.text(row, idCol);
    if (id === '') return;
    const at = view.at(row, idCol);
    if (!FactIdSchema.safeParse(id).success) ctx.report(at, both('rsFactIdInvalid', { id }));
    else if (read.idCell === undefined) {
      read.ledger.id = id;
      read.idCell = at;
    } else if (id !== read.ledger.id) ctx.report(at, both('rsLedgerIdConflict', { ledger: read.ledger.title, id: read.ledger.id, cell: read.idCell }));
  }

  function readColumnRow(read: LedgerRead, row: TableRow): void {
    const ledger = read.ledger;
    const label = view.text(row, labelCol);
    const typeText = view.text(row, typeCol);
    const lose = (...names: string[]) => {
      ctx.breakNames(...names);
      read.lost ??= view.at(row, labelCol);
    };
    if (label === '') {
      ctx.reportField(view.at(row, labelCol), 'rsRequired', 'rsHeadColumn');
      read.lost ??= view.at(row, labelCol);
      return;
    }
    if (IGNORED.parse(typeText)) {
      ledger.ignoredColumns.push(label);
      return;
    }
    let ok = true;
    let fact = view.text(row, factCol);
    const taken = new Set(ledger.columns.map((c) => c.fact));
    if (fact === '') fact = freshId('col', new Set([...taken, ...rows.filter((r) => r !== row).map((r) => view.text(r, factCol))]));
    else if (!FactIdSchema.safeParse(fact).success) {
      ctx.report(view.at(row, factCol), both('rsFactIdInvalid', { id: fact }));
      ok = false;
    } else if (taken.has(fact)) {
      const other = read.cells.get(fact)!;
      ctx.report(view.at(row, factCol), both('rsDuplicateId', { id: fact, other, otherEn: other }));
      ok = false;
    }
    const type = COLUMN_TYPES.parse(typeText);
    if (!type) {
      ctx.report(view.at(row, typeCol), both('rsColumnTypeUnknown', { text: typeText }));
      ok = false;
    }
    const roleText = view.text(row, roleCol);
    const role = roleText === '' ? undefined : LEDGER_ROLES.parse(roleText);
    if (roleText !== '' && !role) {
      ctx.report(view.at(row, roleCol), both('rsLedgerRoleUnknown', { text: roleText }));
      ok = false;
    }
    const takenBy = (name: string) => {
      const other = read.names.get(labelKey(name));
      return other !== undefined && other !== label ? other : undefined;
    };
    const clash = read.names.get(labelKey(label));
    if (clash !== undefined) {
      const cell = read.cells.get(ledger.columns.find((c) => c.label === clash)!.fact)!;
      ctx.report(view.at(row, labelCol), clash === label ? both('rsLedgerColumnDuplicate', { ledger: ledger.title, column: label, cell }) : both('rsAliasTaken', { alias: label, other: clash }));
      ok = false;
    }
    const written = view.text(row, aliasCol).split(listSeparators).map((s) => s.trim()).filter(Boolean);
    // A clashing alias is reported and left out; the column itself is still read.
    const aliases = written.filter((alias) => {
      const other = takenBy(alias);
      if (other) ctx.report(view.at(row, aliasCol), both('rsAliasTaken', { alias, other }));
      return !other;
    });
    if (!ok || !type) {
      lose(label, fact, ...written);
      return;
    }
    for (const name of [label, ...aliases]) if (!read.names.has(labelKey(name))) read.names.set(labelKey(name), label);
    read.cells.set(fact, view.at(row, labelCol));
    const labelEn = optional(view.text(row, enCol));
    const column: Column = { fact, label, type, aliases, ...(role ? { role } : {}), ...(labelEn ? { labelEn } : {}) };
    ledger.columns.push(column);
    if (rangeCol) read.ranges.push({ column, text: view.text(row, rangeCol), cell: view.at(row, rangeCol) });
    const valuesWritten = valuesCol ? view.text(row, valuesCol) : '';
    if (valuesWritten !== '') {
      read.valueCells.set(fact, view.at(row, valuesCol!));
      // Values the column cannot hold are reported and left off: the column is still read, as any text.
      const values = parseValues(valuesWritten);
      if (type !== 'text' && type !== 'name') ctx.report(view.at(row, valuesCol!), both('rsValuesNotText', { column: label, type: COLUMN_TYPES.word(type), typeEn: COLUMN_TYPES.word(type, 'en') }));
      else if (!values.ok) ctx.report(view.at(row, valuesCol!), values.problem);
      else column.values = values.values;
    }
    const checkWritten = checkCol ? view.text(row, checkCol) : '';
    if (checkWritten !== '') read.checks.push({ column, text: checkWritten, cell: view.at(row, checkCol!) });
  }

  for (const read of reads) {
    const { ledger } = read;
    if (ledger.id === '') {
      ledger.id = freshId('ledger', takenIds);
      takenIds.add(ledger.id);
    }
    const factOf = new Map<string, string>();
    for (const c of ledger.columns) for (const name of [c.fact, c.label, ...c.aliases]) if (!factOf.has(labelKey(name))) factOf.set(labelKey(name), c.fact);
    for (const r of read.ranges) {
      const range = parseRangeCell(r.text, r.column.type, (name) => factOf.get(labelKey(name)));
      if (!range.ok) ctx.report(r.cell, range.problem);
      else Object.assign(r.column, range.range ? { range: range.range } : {}, range.atMost ? { atMost: range.atMost } : {});
    }
    const checkCells = new Map<string, string>();
    let toleranceCell: string | undefined;
    for (const c of read.checks) {
      const check = parseCheck(c.text, c.column, ledger.title, (name) => ledger.columns.find((col) => col.fact === factOf.get(labelKey(name))));
      if (!check.ok) {
        ctx.report(c.cell, check.problem);
        continue;
      }
      if (check.tolerance !== undefined) {
        if (ledger.rateTolerance !== undefined && ledger.rateTolerance !== check.tolerance) {
          const other = `${Number((ledger.rateTolerance * 100).toFixed(4))}%`;
          ctx.report(c.cell, both('rsCheckToleranceConflict', { text: `${Number((check.tolerance * 100).toFixed(4))}%`, other, cell: toleranceCell! }));
          continue;
        }
        ledger.rateTolerance = check.tolerance;
        toleranceCell ??= c.cell;
      }
      (ledger.statedRates ??= []).push(check.rate);
      checkCells.set(c.column.fact, c.cell);
    }
    // A ledger that lost a row is not judged as a whole: the row's own problem says what to fix first.
    const subjects = ledger.columns.filter((c) => c.role === 'subject').length;
    if (read.lost === undefined && subjects !== 1) {
      ctx.report(read.cell, both('rsLedgerSubjectCount', { ledger: ledger.title }));
      ctx.breakNames(ledger.title, ledger.id);
      continue;
    }
    if (ledger.columns.length === 0) {
      ctx.breakNames(ledger.title, ledger.id);
      continue;
    }
    const i = into.length;
    ctx.cells.set(`ledgers[${i}]`, read.cell);
    ctx.cells.set(`ledgers[${i}].id`, read.idCell ?? read.cell);
    ctx.cells.set(`ledgers[${i}].columns`, read.lost ?? read.cell);
    ledger.columns.forEach((c, j) => {
      ctx.cells.set(`ledgers[${i}].columns[${j}]`, read.cells.get(c.fact)!);
      const range = read.ranges.find((r) => r.column === c);
      if (range) for (const part of ['range', 'atMost']) ctx.cells.set(`ledgers[${i}].columns[${j}].${part}`, range.cell);
      const values = read.valueCells.get(c.fact);
      if (values) ctx.cells.set(`ledgers[${i}].columns[${j}].values`, values);
    });
    (ledger.statedRates ?? []).forEach((r, k) => ctx.cells.set(`ledgers[${i}].statedRates[${k}]`, checkCells.get(r.fact)!));
    if (toleranceCell) ctx.cells.set(`ledgers[${i}].rateTolerance`, toleranceCell);
    into.push(ledger);
  }
  ctx.cells.set('ledgers', view.titleCell);
}
