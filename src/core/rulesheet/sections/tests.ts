import { both, type MessageKey, t } from '../../messages';
import type { Cell } from '../../snapshot';
import { parseBoolean, parseName, parseNumber, parsePercent, parseText, type Parsed } from '../../values';
import { formatValue } from '../condition';
import { FactDirectory, type FactInfo, nearest } from '../facts';
import { cellText, headerKey, type TableColumn, type TableView } from '../grid';
import { suggestion } from '../problem';
import type { RiskName, RuleTestCase } from '../rule-tests';
import type { SchemeTestCase } from '../../scheme/rule-tests';
import { filledRows, freshId, optional, type ReadContext, type ScoringPack, type Section, type TableOut } from '../section';

const FIXED: MessageKey[] = ['rsHeadId', 'rsHeadNote', 'rsHeadIndicator', 'rsHeadExpectPoints', 'rsHeadExpectFlag', 'rsHeadExpectFailed', 'rsHeadExpectGrade', 'rsHeadExpectRisk'];
const FIXED_KEYS = new Set(FIXED.flatMap((k) => [headerKey(t(k)), headerKey(t(k, {}, 'en'))]));

/** A test input read the way a ledger cell of that column is read. */
function readInput(cell: Cell, fact: FactInfo): Parsed<number | boolean | string> {
  switch (fact.type) {
    case 'number':
      return parseNumber(cell);
    case 'percent':
    case 'ratio':
      return parsePercent(cell);
    case 'boolean':
      return parseBoolean(cell);
    case 'name':
      return parseName(cell);
    default:
      return parseText(cell);
  }
}

/** The name after 预期 in a header (预期绩效报酬系数 → 绩效报酬系数), in either language; undefined for any other header. */
function expectedName(header: string): string | undefined {
  const text = header.trim();
  for (const lang of ['zh', 'en'] as const) {
    const prefix = t('rsHeadExpectValue', { label: '' }, lang).trim();
    if (text.toLowerCase().startsWith(prefix.toLowerCase()) && text.length > prefix.length) return text.slice(prefix.length).trim();
  }
  return undefined;
}

function inputCell(value: number | boolean | string, fact: FactInfo | undefined): Cell {
  if (typeof value === 'boolean') return t(value ? 'rsWordYes' : 'rsWordNo');
  if (typeof value === 'number' && fact?.kind === 'percent') return formatValue(value, 'percent');
  return value;
}

/** How a block lays out its tests: whether its flags are failed must-meet items, whether it has a risk to expect and its own name, which outputs a case may expect. */
export interface TestsLayout {
  failed?: boolean;
  risk?: boolean;
  riskName?: RiskName;
  values?: FactDirectory;
}

/** The headers a risk column is read under: its own name's, and the fixed words a sheet written before has. */
function riskHeaders(name: RiskName | undefined): string[] {
  const own = name ? [t('rsHeadExpectRiskOf', { label: name.label }), t('rsHeadExpectRiskOf', { label: name.labelEn }, 'en')] : [];
  return [...own, t('rsHeadExpectRisk'), t('rsHeadExpectRisk', {}, 'en')];
}

/**
 * The 【规则测试】 table of a block. A branch block's flag column names the
 * must-meet item expected to fail; a block with a risk has a column saying
 * whether the subject is expected at risk; `entry` is then the view whose
 * facts include 排名末位.
 */
export function writeTests({ pack, tests }: { pack: ScoringPack; tests: SchemeTestCase[] }, { failed = false, values, riskName, ...layout }: TestsLayout = {}): TableOut {
  // A case that expects a risk keeps its column, so what it expects is not lost from the sheet.
  const risk = layout.risk === true || tests.some((c) => c.risk !== undefined);
  const facts = FactDirectory.of(pack);
  const used = new Set(tests.flatMap((c) => Object.keys(c.inputs)));
  const inputs = facts.all().filter((f) => used.has(f.fact));
  // One column per output a case expects; an id no name stands for keeps its own column, so reading it back says so.
  const expected = new Set(tests.flatMap((c) => Object.keys(c.values ?? {})));
  const known = values?.all().filter((f) => expected.has(f.fact)) ?? [];
  const outputs = [...known.map((f) => ({ id: f.fact, label: f.label, info: f as FactInfo | undefined })), ...[...expected].filter((id) => !known.some((f) => f.fact === id)).map((id) => ({ id, label: id, info: undefined }))];
  const labelOf = (id: string | undefined) => (id ? pack.indicators.find((i) => i.id === id)?.label ?? id : '');
  const yesNo = (v: boolean | undefined) => (v === undefined ? '' : t(v ? 'rsWordYes' : 'rsWordNo'));
  return {
    columns: [
      { header: t('rsHeadId'), width: 120 },
      { header: t('rsHeadNote'), width: 160 },
      ...inputs.map((f) => ({ header: f.label, width: 80 })),
      { header: t('rsHeadIndicator'), width: 90, list: pack.indicators.map((i) => i.label) },
      { header: t('rsHeadExpectPoints'), width: 70 },
      { header: t(failed ? 'rsHeadExpectFailed' : 'rsHeadExpectFlag'), width: 220 },
      { header: t('rsHeadExpectGrade'), width: 70 },
      ...(risk ? [{ header: riskName ? t('rsHeadExpectRiskOf', { label: riskName.label }) : t('rsHeadExpectRisk'), width: 90, list: [t('rsWordYes'), t('rsWordNo')] }] : []),
      ...outputs.map((o) => ({ header: t('rsHeadExpectValue', { label: o.label }), width: 90 })),
    ],
    rows: tests.map((c) => [
      c.id,
      c.note ?? '',
      ...inputs.map((f) => (c.inputs[f.fact] === undefined ? '' : inputCell(c.inputs[f.fact]!, f))),
      labelOf(c.indicator),
      c.points ?? '',
      c.noFlag ? t('rsWordNone') : c.flag ?? '',
      c.grade ?? '',
      ...(risk ? [yesNo(c.risk)] : []),
      ...outputs.map((o) => (c.values?.[o.id] === undefined ? '' : inputCell(c.values[o.id]!, o.info))),
    ]),
  };
}

interface TestColumn {
  col: TableColumn;
  fact?: FactInfo;
}

/**
 * The columns of a tests table that are not its own: each an input named by a
 * fact, or, where the block has outputs to expect (`ctx.testValues`), 预期 and
 * the name of one. A header naming nothing known is reported at its cell.
 */
function testColumns(view: TableView, ctx: ReadContext): { inputCols: TestColumn[]; valueCols: TestColumn[] } {
  const inputCols: TestColumn[] = [];
  const valueCols: TestColumn[] = [];
  const risk = new Set(riskHeaders(ctx.riskName).map(headerKey));
  for (const c of view.table.columns) {
    if (FIXED_KEYS.has(c.key) || risk.has(c.key)) continue;
    const fact = ctx.facts.resolve(c.text);
    const name = fact || !ctx.testValues ? undefined : expectedName(c.text);
    if (name !== undefined && ctx.testValues) {
      const target = ctx.testValues.resolve(name);
      if (!target && !ctx.isBroken(name)) ctx.report(view.headerCell(c), both('rsTestValueUnknown', { text: c.text, name, ...suggestion(ctx.testValues.nearest(name)) }));
      valueCols.push({ col: c, fact: target });
      continue;
    }
    if (!fact && !ctx.isBroken(c.text)) ctx.report(view.headerCell(c), both(ctx.unknownFact, { text: c.text, ...suggestion(ctx.facts.nearest(c.text)) }));
    inputCols.push({ col: c, fact });
  }
  return { inputCols, valueCols };
}

/** 【规则测试】: inputs and the result the rules must give; run from the sidebar or `rules check`. */
export const testsSection: Section<ScoringPack> = {
  name: 'rsTableTests',
  hint: 'rsHintTests',
  required: false,
  notes: { rsHeadExpectPoints: 'rsNoteExpectPoints', rsHeadExpectFlag: 'rsNoteExpectFlag', rsHeadExpectFailed: 'rsNoteExpectFailed', rsHeadExpectRisk: 'rsNoteExpectRisk' },
  fixed: FIXED,
  otherNote: 'rsNoteTestInput',
  prefixed: { header: 'rsHeadExpectValue', note: 'rsNoteExpectValue' },
  write: (entry) => writeTests(entry),
  read(view, ctx) {
    const col = (k: MessageKey) => view.column(t(k), t(k, {}, 'en'));
    const idCol = col('rsHeadId');
    const noteCol = col('rsHeadNote');
    const indicatorCol = col('rsHeadIndicator');
    const pointsCol = col('rsHeadExpectPoints');
    const flagCol = col('rsHeadExpectFlag') ?? col('rsHeadExpectFailed');
    const gradeCol = col('rsHeadExpectGrade');
    const riskCol = view.column(...riskHeaders(ctx.riskName));
    const { inputCols, valueCols } = testColumns(view, ctx);
    const rows = filledRows(view);
    const taken = new Set(rows.map((r) => view.text(r, idCol)).filter(Boolean));
    for (const row of rows) {
      let ok = true;
      const indicatorText = view.text(row, indicatorCol);
      const found = ctx.draft.indicators.find((i) => headerKey(i.label) === headerKey(indicatorText) || i.id === indicatorText);
      // A test on a column or indicator whose own row has problems waits for that row to be fixed.
      if ([...inputCols, ...valueCols].some(({ col: c, fact }) => !fact && view.text(row, c) !== '') || (indicatorText && !found && ctx.isBroken(indicatorText))) continue;
      const id = view.text(row, idCol) || freshId('test', taken);
      taken.add(id);
      const inputs: RuleTestCase['inputs'] = {};
      for (const { col: c, fact } of inputCols) {
        const cell = view.cell(row, c);
        if (cellText(cell) === '' || !fact) continue;
        const value = readInput(cell, fact);
        if (value.kind === 'value') inputs[fact.fact] = value.value;
        else if (value.kind === 'invalid') {
          ctx.report(view.at(row, c), both('cellInvalid', { text: value.text, label: fact.label, labelEn: fact.labelEn }));
          ok = false;
        }
      }
      const values: NonNullable<SchemeTestCase['values']> = {};
      for (const { col: c, fact } of valueCols) {
        const cell = view.cell(row, c);
        if (cellText(cell) === '' || !fact) continue;
        const value = readInput(cell, fact);
        if (value.kind === 'value' && typeof value.value !== 'boolean') values[fact.fact] = value.value;
        else if (value.kind === 'invalid') {
          ctx.report(view.at(row, c), both('cellInvalid', { text: value.text, label: fact.label, labelEn: fact.labelEn }));
          ok = false;
        }
      }
      const test: SchemeTestCase = { id, inputs };
      const note = optional(view.text(row, noteCol));
      if (note) test.note = note;
      if (indicatorText) {
        if (found) test.indicator = found.id;
        else {
          const near = nearest(indicatorText, ctx.draft.indicators.map((i) => i.label));
          ctx.report(view.at(row, indicatorCol), both('rsIndicatorUnknown', { text: indicatorText, ...suggestion(near) }));
          ok = false;
        }
      }
      const pointsText = view.text(row, pointsCol);
      if (pointsText) {
        const points = parseNumber(view.cell(row, pointsCol));
        if (points.kind === 'value') test.points = points.value;
        else {
          ctx.reportField(view.at(row, pointsCol), 'rsNumberExpected', 'rsHeadExpectPoints', { text: pointsText, example: 20 });
          ok = false;
        }
      }
      const flag = view.text(row, flagCol);
      if (headerKey(flag) === headerKey(t('rsWordNone'))) test.noFlag = true;
      else if (flag) test.flag = flag;
      const grade = optional(view.text(row, gradeCol));
      if (grade) test.grade = grade;
      const riskText = view.text(row, riskCol);
      if (riskText) {
        const risk = parseBoolean(view.cell(row, riskCol));
        if (risk.kind === 'value') test.risk = risk.value;
        else {
          const [field, fieldEn] = riskHeaders(ctx.riskName);
          ctx.report(view.at(row, riskCol), both('rsYesNoExpected', { text: riskText, field: field!, fieldEn: fieldEn! }));
          ok = false;
        }
      }
      if (Object.keys(values).length > 0) test.values = values;
      if (test.points === undefined && test.flag === undefined && !test.noFlag && test.grade === undefined && test.risk === undefined && test.values === undefined) {
        ctx.report(view.at(row, idCol), both(ctx.testValues ? 'rsTestNoExpectationScheme' : riskCol ? 'rsTestNoExpectationBranch' : 'rsTestNoExpectation'));
        ok = false;
      }
      if (ok) ctx.tests.push({ test, cell: view.at(row, idCol) });
    }
  },
};
