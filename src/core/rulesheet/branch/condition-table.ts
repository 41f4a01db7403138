import { both, type MessageKey, t } from '../../messages';
import type { Condition } from '../../pack/schema';
import type { Cell } from '../../snapshot';
import { conditionText, parseConditionCell } from '../condition';
import type { FactDirectory, FactInfo } from '../facts';
import { cellText, headerKey, type TableColumn, type TableView } from '../grid';
import { suggestion } from '../problem';
import { filledRows, optional, type ReadContext, type TableOut } from '../section';
import { checkReferences, factLabelsToIds, referencesBroken } from '../rule-row';
import { ENABLED } from '../words';

/** An item of an assessment that holds when all its conditions do: a must-meet item, a risk criterion. */
export interface ConditionItem {
  id: string;
  enabled?: boolean;
  when: Condition[];
  [text: string]: unknown;
}

/** A text column of the table: the item field it holds, and whether it may be blank. */
export interface TextField {
  header: MessageKey;
  field: string;
  required: boolean;
  width: number;
}

/**
 * A table of items with condition cells, one column per fact read, laid out
 * like 【规则】. Texts are written back as they were: their {…} placeholders
 * name fact ids and detail values ({committeeMissedMonthsDetail}) the assessor
 * fills in. A clerk may also name a fact by its label ({发展完成率}), read as
 * its id; any other {名称} must name a parameter of 【参数】, whose value is
 * put in when shown.
 */
export interface ConditionTable<S> {
  name: MessageKey;
  hint: MessageKey;
  /** Where the items sit in the pack, for problem paths: "requirements", "risk.any". */
  path: string;
  /** Whether items can be switched off (must-meet items can; risk criteria cannot). */
  enabled: boolean;
  /** Whether a table without rows means none (a scheme's); a branch pack must have some. */
  mayBeEmpty?: boolean;
  texts: TextField[];
  /** The items and the facts their conditions may name, of what the block lays out: a branch pack, a scheme. */
  items(source: S): ConditionItem[];
  facts(source: S): FactDirectory;
}

/** The text columns of a must-meet item, in either block. */
export const REQUIREMENT_TEXTS: TextField[] = [
  { header: 'rsHeadName', field: 'label', required: true, width: 110 },
  { header: 'rsHeadExpected', field: 'expected', required: true, width: 110 },
  { header: 'rsHeadActual', field: 'actual', required: true, width: 200 },
  { header: 'rsHeadMessage', field: 'message', required: true, width: 260 },
  { header: 'rsHeadFix', field: 'fix', required: true, width: 240 },
  { header: 'rsHeadEnglish', field: 'labelEn', required: false, width: 140 },
  { header: 'rsHeadExpectedEn', field: 'expectedEn', required: false, width: 140 },
  { header: 'rsHeadActualEn', field: 'actualEn', required: false, width: 200 },
  { header: 'rsHeadMessageEn', field: 'messageEn', required: false, width: 260 },
  { header: 'rsHeadFixEn', field: 'fixEn', required: false, width: 240 },
];

/** The text columns of a risk criterion, in either block. */
export const RISK_TEXTS: TextField[] = [
  { header: 'rsHeadReason', field: 'reason', required: true, width: 220 },
  { header: 'rsHeadReasonEn', field: 'reasonEn', required: false, width: 220 },
];

function conditionFacts(items: ConditionItem[]): string[] {
  return [...new Set(items.flatMap((i) => i.when.map((c) => c.fact)))];
}

/** The header naming a fact: its label, or its id where the label reads as another fact (a scheme's column 得分 beside the outcome 得分). */
function factHeader(fact: string, facts: FactDirectory): string {
  const label = facts.get(fact)?.label;
  return label !== undefined && facts.resolve(label)?.fact === fact ? label : fact;
}

export function writeConditionTable<S>(spec: ConditionTable<S>, source: S): TableOut {
  const items = spec.items(source);
  const facts = spec.facts(source);
  const condFacts = conditionFacts(items);
  return {
    columns: [
      ...(spec.enabled ? [{ header: t('rsHeadEnabled'), width: 44, list: ENABLED.list() }] : []),
      { header: t('rsHeadId'), width: 140 },
      ...condFacts.map((f) => ({ header: factHeader(f, facts), width: 86, text: true })),
      ...spec.texts.map((x) => ({ header: t(x.header), width: x.width })),
    ],
    rows: items.map((item): Cell[] => [
      ...(spec.enabled ? [ENABLED.word(item.enabled === false ? 'no' : 'yes')] : []),
      item.id,
      ...condFacts.map((f) => conditionText(item.when.filter((c) => c.fact === f), facts.get(f)?.kind ?? 'number')),
      ...spec.texts.map((x) => (typeof item[x.field] === 'string' ? (item[x.field] as string) : '')),
    ]),
  };
}

const headerKeys = (k: MessageKey) => [headerKey(t(k)), headerKey(t(k, {}, 'en'))];

/** Reads the table's rows into items; a row with a problem is left out, each problem at its cell. */
export function readConditionTable<S>(spec: ConditionTable<S>, view: TableView, ctx: ReadContext, facts: FactDirectory): ConditionItem[] {
  const col = (k: MessageKey) => view.column(t(k), t(k, {}, 'en'));
  const idCol = col('rsHeadId');
  if (!idCol) {
    ctx.report(view.titleCell, both('rsHeaderMissing', { table: view.table.name, header: t('rsHeadId') }));
    return [];
  }
  const enabledCol = spec.enabled ? col('rsHeadEnabled') : undefined;
  const own = new Set([...headerKeys('rsHeadId'), ...(spec.enabled ? headerKeys('rsHeadEnabled') : []), ...spec.texts.flatMap((x) => headerKeys(x.header))]);
  const condCols: { col: TableColumn; fact?: FactInfo }[] = [];
  for (const c of view.table.columns) {
    if (own.has(c.key)) continue;
    const fact = facts.resolve(c.text);
    // A fact whose own 数据项 row has a problem is reported there, not again at every column naming it.
    if (!fact && !ctx.isBroken(c.text)) ctx.report(view.headerCell(c), both(ctx.unknownFact, { text: c.text, ...suggestion(facts.nearest(c.text)) }));
    condCols.push({ col: c, fact });
  }
  const textCols = spec.texts.map((x) => ({ spec: x, col: col(x.header) }));

  const items: ConditionItem[] = [];
  for (const row of filledRows(view)) {
    let ok = true;
    const id = view.text(row, idCol);
    if (id === '') {
      ctx.reportField(view.at(row, idCol), 'rsRequired', 'rsHeadId');
      ok = false;
    }
    const item: ConditionItem = { id, when: [] };
    if (enabledCol) {
      const cell = view.cell(row, enabledCol);
      const text = cellText(cell);
      const word = text === '' ? 'yes' : typeof cell === 'boolean' ? (cell ? 'yes' : 'no') : ENABLED.parse(text);
      if (!word) {
        ctx.report(view.at(row, enabledCol), both('rsEnabledUnreadable', { text }));
        ok = false;
      }
      item.enabled = word !== 'no';
    }
    const conditionCells: string[] = [];
    for (const { col: c, fact } of condCols) {
      const cell = view.cell(row, c);
      // A column whose name is unknown is reported once, at its header.
      if (!fact) {
        if (cellText(cell) !== '') ok = false;
        continue;
      }
      if (referencesBroken(cell, ctx.params, (name) => ctx.isBroken(name))) {
        ok = false;
        continue;
      }
      const parsed = parseConditionCell(cell, fact, ctx.params);
      if (!parsed.ok) {
        ctx.report(view.at(row, c), parsed.problem);
        ok = false;
        continue;
      }
      for (const cond of parsed.conditions) {
        item.when.push({ fact: fact.fact, ...cond });
        conditionCells.push(view.at(row, c));
      }
    }
    for (const { spec: x, col: c } of textCols) {
      const text = c ? factLabelsToIds(view.text(row, c), facts, ctx.params) : '';
      if (text === '' && x.required) {
        ctx.reportField(c ? view.at(row, c) : view.titleCell, 'rsRequired', x.header);
        ok = false;
      }
      if (c && !checkReferences(text, view.at(row, c), ctx.params, (at, m) => ctx.report(at, m), (name) => ctx.isBroken(name))) ok = false;
      const value = optional(text);
      if (value !== undefined) item[x.field] = value;
    }
    if (!ok) continue;
    const at = `${spec.path}[${items.length}]`;
    ctx.cells.set(at, view.at(row, idCol));
    conditionCells.forEach((cell, j) => ctx.cells.set(`${at}.when[${j}]`, cell));
    for (const { spec: x, col: c } of textCols) if (c) ctx.cells.set(`${at}.${x.field}`, view.at(row, c));
    items.push(item);
  }
  ctx.cells.set(spec.path, view.titleCell);
  if (items.length === 0 && !spec.mayBeEmpty) ctx.report(view.titleCell, both('rsTableEmpty', { table: view.table.name }));
  return items;
}
