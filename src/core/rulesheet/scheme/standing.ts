import { both, type MessageKey, t } from '../../messages';
import { FactIdSchema } from '../../pack/schema';
import type { Output, Scheme } from '../../scheme/schema';
import { halfWidth, labelKey } from '../../text';
import { parseNumber, parsePercent } from '../../values';
import { paramNumber } from '../../pack/params';
import { percentReference, shareText } from '../condition';
import type { TableRow, TableView } from '../grid';
import { suggestion } from '../problem';
import { filledRows, freshId, listSeparators, needColumn, optional, type ReadContext, type TableOut } from '../section';
import type { SchemeDraft } from './draft';

/**
 * The tables that place a subject once scored: 【否决】 (an entry vetoes),
 * 【名额】 (a grade kept by at most a share), 【排名】 (the bottom share
 * flagged, with what is to be done) and 【输出】 (result columns computed from
 * the grade or from two values).
 */

const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const col = (view: TableView, k: MessageKey) => view.column(t(k), t(k, {}, 'en'));

/** A share as kept: the number, and the parameter it comes from when the cell names one. */
interface Share {
  value: number;
  param?: string;
}

/** A share cell (20%, or {优秀名额比例} for a percentage of 【参数】), or undefined after naming the cell. */
function share(view: TableView, ctx: ReadContext, row: TableRow, c: ReturnType<typeof col>): Share | undefined {
  const [cell, at] = [view.cell(row, c), view.at(row, c)];
  const ref = percentReference(cell, ctx.params);
  if (ref?.ok) return { value: paramNumber(ref.param), param: ref.param.name };
  if (ref) {
    ctx.report(at, ref.problem);
    return undefined;
  }
  const parsed = parsePercent(cell);
  if (parsed.kind === 'value' && parsed.value >= 0 && parsed.value <= 1) return { value: parsed.value };
  ctx.report(at, both('rsShareExpected', { text: view.text(row, c) }));
  return undefined;
}

/** The first filled row of a one-row table; any further row is named as not read. */
function onlyRow(view: TableView, ctx: ReadContext): TableRow | undefined {
  const [first, ...rest] = filledRows(view);
  for (const row of rest) ctx.report(view.at(row, undefined), both('rsOneRowOnly', { table: view.table.name, cell: view.at(first!, undefined) }));
  return first;
}

export function writeVetoes(scheme: Scheme): TableOut {
  const label = (fact: string) => scheme.facts.find((f) => f.fact === fact)?.label ?? scheme.ledgers.flatMap((l) => l.columns).find((c) => c.fact === fact)?.label ?? fact;
  return {
    columns: [
      { header: t('rsHeadId'), width: 110 },
      { header: t('rsHeadFact'), width: 130 },
      { header: t('rsHeadFlag'), width: 220 },
      { header: t('rsHeadFlagEn'), width: 220 },
    ],
    rows: scheme.vetoes.map((v) => [v.id, label(v.fact), v.flag, v.flagEn ?? '']),
  };
}

export function readVetoes(view: TableView, ctx: ReadContext, draft: SchemeDraft): void {
  const factCol = needColumn(view, ctx, 'rsHeadFact');
  const flagCol = needColumn(view, ctx, 'rsHeadFlag');
  if (!factCol || !flagCol) return;
  const idCol = col(view, 'rsHeadId');
  const enCol = col(view, 'rsHeadFlagEn');
  const rows = filledRows(view);
  const taken = new Set(rows.map((r) => view.text(r, idCol)).filter(Boolean));
  for (const row of rows) {
    let ok = true;
    const id = view.text(row, idCol) || freshId('veto', taken);
    taken.add(id);
    if (!RULE_ID.test(id)) {
      ctx.report(view.at(row, idCol), both('rsRuleIdInvalid', { id }));
      ok = false;
    }
    const text = view.text(row, factCol);
    const info = ctx.facts.resolve(text);
    if (!info) {
      if (text === '') ctx.reportField(view.at(row, factCol), 'rsRequired', 'rsHeadFact');
      else if (!ctx.isBroken(text)) ctx.report(view.at(row, factCol), both('rsFactUnknown', { text, ...suggestion(ctx.facts.nearest(text)) }));
      ok = false;
    }
    const flag = view.text(row, flagCol);
    if (flag === '') {
      ctx.reportField(view.at(row, flagCol), 'rsRequired', 'rsHeadFlag');
      ok = false;
    }
    if (!ok || !info) continue;
    const i = draft.vetoes.length;
    ctx.cells.set(`vetoes[${i}]`, view.at(row, factCol));
    ctx.cells.set(`vetoes[${i}].id`, view.at(row, idCol));
    const flagEn = optional(view.text(row, enCol));
    draft.vetoes.push({ id, fact: info.fact, flag, ...(flagEn ? { flagEn } : {}) });
  }
}

export function writeQuota(scheme: Scheme): TableOut {
  return {
    columns: [
      { header: t('rsHeadGrade'), width: 90 },
      { header: t('rsHeadShare'), width: 70, text: true },
    ],
    rows: scheme.quota ? [[scheme.quota.grade, shareText(scheme.quota.maxShare, scheme.quota.param)]] : [],
  };
}

export function readQuota(view: TableView, ctx: ReadContext, draft: SchemeDraft): void {
  const gradeCol = needColumn(view, ctx, 'rsHeadGrade');
  const shareCol = needColumn(view, ctx, 'rsHeadShare');
  if (!gradeCol || !shareCol) return;
  const row = onlyRow(view, ctx);
  if (!row) return;
  const grade = view.text(row, gradeCol);
  if (grade === '') ctx.reportField(view.at(row, gradeCol), 'rsRequired', 'rsHeadGrade');
  const read = share(view, ctx, row, shareCol);
  ctx.cells.set('quota', view.at(row, gradeCol));
  ctx.cells.set('quota.grade', view.at(row, gradeCol));
  ctx.cells.set('quota.maxShare', view.at(row, shareCol));
  if (grade !== '' && read) draft.quota = { grade, maxShare: read.value, ...(read.param ? { param: read.param } : {}) };
}

export function writeRanking(scheme: Scheme): TableOut {
  const r = scheme.ranking;
  return {
    columns: [
      { header: t('rsHeadShare'), width: 70, text: true },
      { header: t('rsHeadFlag'), width: 160 },
      { header: t('rsHeadAction'), width: 220 },
      { header: t('rsHeadFlagEn'), width: 160 },
      { header: t('rsHeadActionEn'), width: 220 },
    ],
    rows: r ? [[shareText(r.bottomShare, r.param), r.flag, r.action ?? '', r.flagEn ?? '', r.actionEn ?? '']] : [],
  };
}

export function readRanking(view: TableView, ctx: ReadContext, draft: SchemeDraft): void {
  const shareCol = needColumn(view, ctx, 'rsHeadShare');
  const flagCol = needColumn(view, ctx, 'rsHeadFlag');
  if (!shareCol || !flagCol) return;
  const row = onlyRow(view, ctx);
  if (!row) return;
  const read = share(view, ctx, row, shareCol);
  const flag = view.text(row, flagCol);
  if (flag === '') ctx.reportField(view.at(row, flagCol), 'rsRequired', 'rsHeadFlag');
  ctx.cells.set('ranking', view.at(row, shareCol));
  ctx.cells.set('ranking.bottomShare', view.at(row, shareCol));
  if (!read || flag === '') return;
  const texts = { flagEn: col(view, 'rsHeadFlagEn'), action: col(view, 'rsHeadAction'), actionEn: col(view, 'rsHeadActionEn') };
  const extra = Object.fromEntries(Object.entries(texts).flatMap(([k, c]) => (optional(view.text(row, c)) ? [[k, view.text(row, c)]] : [])));
  draft.ranking = { bottomShare: read.value, ...(read.param ? { param: read.param } : {}), flag, ...extra };
}

export function writeOutputs(scheme: Scheme): TableOut {
  const label = (id: string) =>
    scheme.outputs.find((o) => o.id === id)?.label ??
    scheme.facts.find((f) => f.fact === id)?.label ??
    scheme.ledgers.flatMap((l) => l.columns).find((c) => c.fact === id)?.label ??
    id;
  return {
    columns: [
      { header: t('rsHeadId'), width: 110 },
      { header: t('rsHeadName'), width: 130 },
      { header: t('rsHeadByGrade'), width: 260, text: true },
      { header: t('rsHeadProduct'), width: 220 },
      { header: t('rsHeadEnglish'), width: 140 },
    ],
    rows: scheme.outputs.map((o) => [
      o.id,
      o.label,
      'byGrade' in o ? Object.entries(o.byGrade).map(([g, v]) => `${g}=${v}`).join('、') : '',
      'product' in o ? o.product.map(label).join('×') : '',
      o.labelEn ?? '',
    ]),
  };
}

const PAIR = /^(.+?)\s*[=:：]\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+))$/;
const TIMES = /\s*[×xX*＊·]\s*/;

/** The ids written in 【输出】: read before 【数据项】, so an id made up for a fact never takes one. */
export function writtenOutputIds(view: TableView): string[] {
  const idCol = col(view, 'rsHeadId');
  return filledRows(view).map((r) => view.text(r, idCol)).filter(Boolean);
}

export function readOutputs(view: TableView, ctx: ReadContext, draft: SchemeDraft): void {
  const labelCol = needColumn(view, ctx, 'rsHeadName');
  if (!labelCol) return;
  const idCol = col(view, 'rsHeadId');
  const byGradeCol = col(view, 'rsHeadByGrade');
  const productCol = col(view, 'rsHeadProduct');
  const enCol = col(view, 'rsHeadEnglish');
  const rows = filledRows(view);
  const taken = new Set([...ctx.facts.all().map((f) => f.fact), ...rows.map((r) => view.text(r, idCol)).filter(Boolean)]);
  const outputs = new Map<string, string>();
  for (const row of rows) {
    let ok = true;
    let id = view.text(row, idCol);
    if (id === '') {
      id = freshId('output', taken);
      taken.add(id);
    } else if (!FactIdSchema.safeParse(id).success) {
      ctx.report(view.at(row, idCol), both('rsFactIdInvalid', { id }));
      ok = false;
    }
    const label = view.text(row, labelCol);
    if (label === '') {
      ctx.reportField(view.at(row, labelCol), 'rsRequired', 'rsHeadName');
      ok = false;
    }
    const byGradeText = view.text(row, byGradeCol);
    const productText = view.text(row, productCol);
    let output: Output | undefined;
    const base = { id, label, ...(optional(view.text(row, enCol)) ? { labelEn: view.text(row, enCol) } : {}) };
    if ((byGradeText === '') === (productText === '')) {
      if (label !== '') ctx.report(view.at(row, labelCol), both('rsOutputOneWay', { label }));
      ok = false;
    } else if (byGradeText !== '') {
      const byGrade: Record<string, number> = {};
      for (const part of halfWidth(byGradeText).split(listSeparators).map((s) => s.trim()).filter(Boolean)) {
        const m = PAIR.exec(part);
        const value = m ? parseNumber(m[2]!) : undefined;
        if (!m || value?.kind !== 'value') {
          ctx.report(view.at(row, byGradeCol), both('rsByGradeUnreadable', { text: byGradeText }));
          ok = false;
          break;
        }
        byGrade[m[1]!.trim()] = value.value;
      }
      output = { ...base, byGrade };
    } else {
      const parts = productText.split(TIMES).map((s) => s.trim());
      const ids = parts.map((p) => outputs.get(labelKey(p)) ?? ctx.facts.resolve(p)?.fact);
      if (parts.length !== 2 || parts.some((p) => p === '')) {
        ctx.report(view.at(row, productCol), both('rsProductUnreadable', { text: productText }));
        ok = false;
      } else {
        const unknown = parts.find((_, n) => ids[n] === undefined);
        if (unknown !== undefined) {
          if (!ctx.isBroken(unknown)) ctx.report(view.at(row, productCol), both('rsFactUnknown', { text: unknown, ...suggestion(ctx.facts.nearest(unknown)) }));
          ok = false;
        } else output = { ...base, product: [ids[0]!, ids[1]!] };
      }
    }
    if (!ok || !output) {
      ctx.breakNames(label, id);
      continue;
    }
    const i = draft.outputs.length;
    for (const n of [label, id]) outputs.set(labelKey(n), id);
    ctx.cells.set(`outputs[${i}]`, view.at(row, labelCol));
    ctx.cells.set(`outputs[${i}].id`, view.at(row, idCol));
    ctx.cells.set(`outputs[${i}].byGrade`, view.at(row, byGradeCol));
    ctx.cells.set(`outputs[${i}].product`, view.at(row, productCol));
    draft.outputs.push(output);
  }
}
