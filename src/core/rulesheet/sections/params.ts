import { both, t } from '../../messages';
import { IDENTIFIER, type Param, paramMap } from '../../pack/params';
import type { TableView } from '../grid';
import { filledRows, needColumn, optional, type ReadContext, type Section, type TableOut } from '../section';
import { halfWidth } from '../../text';

const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const PERCENT = /^([-+]?(?:\d+(?:\.\d*)?|\.\d+))%$/;

/** 【参数】 as written for a pack's parameters: 名称 | 值 | 说明. */
export function writeParams(params: Param[] | undefined): TableOut {
  return {
    columns: [
      { header: t('rsHeadName'), width: 130 },
      { header: t('rsHeadValue'), width: 80, text: true },
      { header: t('rsHeadNote'), width: 240 },
    ],
    rows: (params ?? []).map((p) => [p.name, String(p.value), p.note ?? '']),
  };
}

/** A value cell: a number, or a percentage kept as written ("90%"); undefined when it is neither. */
function paramValue(cell: unknown): Param['value'] | undefined {
  if (typeof cell === 'number') return cell;
  if (typeof cell !== 'string') return undefined;
  const text = halfWidth(cell).replace(/\s+/g, '');
  if (NUMBER.test(text)) return Number(text);
  const m = PERCENT.exec(text);
  return m ? `${Number(m[1])}%` : undefined;
}

/**
 * Reads 【参数】 into the draft and the context, before the tables that refer
 * to them. A row with a problem (a blank or unusable name, a value that is not
 * a number, a name given twice) is reported at its cell and left out.
 */
export function readParams(view: TableView, ctx: ReadContext): void {
  const nameCol = needColumn(view, ctx, 'rsHeadName');
  const valueCol = needColumn(view, ctx, 'rsHeadValue');
  if (!nameCol || !valueCol) return;
  const noteCol = view.column(t('rsHeadNote'), t('rsHeadNote', {}, 'en'));
  const params: Param[] = [];
  const where = new Map<string, string>();
  for (const row of filledRows(view)) {
    const name = view.text(row, nameCol);
    const at = view.at(row, nameCol);
    if (name === '') {
      ctx.reportField(at, 'rsRequired', 'rsHeadName');
      continue;
    }
    if (/[{}｛｝]/.test(name) || IDENTIFIER.test(name) || ctx.facts.resolve(name)) {
      ctx.report(at, both('rsParamName', { name }));
      continue;
    }
    if (where.has(name)) {
      ctx.report(at, both('rsParamDuplicate', { name, cell: where.get(name)! }));
      continue;
    }
    where.set(name, at);
    const value = paramValue(view.cell(row, valueCol));
    if (value === undefined) {
      ctx.report(view.at(row, valueCol), both('rsParamValue', { name, text: view.text(row, valueCol) }));
      ctx.breakNames(name);
      continue;
    }
    const note = noteCol ? optional(view.text(row, noteCol)) : undefined;
    ctx.cells.set(`params[${params.length}]`, at);
    ctx.cells.set(`params[${params.length}].value`, view.at(row, valueCol));
    params.push({ name, value, ...(note ? { note } : {}) });
  }
  ctx.cells.set('params', view.titleCell);
  // A pack without parameters reads back without the field, as it was written.
  if (params.length > 0) ctx.draft.params = params;
  ctx.params = paramMap(params);
}

/** 【参数】 of a cadre block; a branch block lays out the same table (branch/block.ts). */
export const paramsSection: Section = {
  name: 'rsTableParams',
  hint: 'rsHintParams',
  required: false,
  notes: { rsHeadName: 'rsNoteParamName', rsHeadValue: 'rsNoteParamValue' },
  write: ({ pack }) => writeParams(pack.params),
  read: readParams,
};
