import shippedCadre from '../../../../rules/stationed-cadre.json';
import { both, t } from '../../messages';
import { type Column, ColumnSchema, FactIdSchema } from '../../pack/schema';
import { labelKey } from '../../text';
import { parseRangeCell, rangeCellText } from '../range-cell';
import { filledRows, freshId, listSeparators, needColumn, optional, type Section } from '../section';
import { COLUMN_TYPES, ROLES } from '../words';

/**
 * A sheet written before the 取值范围 column keeps the ranges and parts of
 * rules/stationed-cadre.json for the columns it shares with it, so days and
 * ratings do not turn into whole counts.
 */
const SHIPPED = new Map(ColumnSchema.array().parse(shippedCadre.columns).map((c) => [c.fact, c]));

function shippedBounds(fact: string, type: Column['type']): Pick<Column, 'range' | 'atMost'> {
  const c = SHIPPED.get(fact);
  return c && c.type === type ? { ...(c.range ? { range: c.range } : {}), ...(c.atMost ? { atMost: c.atMost } : {}) } : {};
}

/** 【列】: the ledger columns a pack reads, with the wordings (aliases) a township uses for them, and the values each can hold. */
export const columnsSection: Section = {
  name: 'rsTableColumns',
  hint: 'rsHintColumns',
  required: true,
  notes: { rsHeadType: 'rsNoteType', rsHeadRole: 'rsNoteRole', rsHeadAliases: 'rsNoteAliases', rsHeadRange: 'rsNoteRange' },
  write: ({ pack }) => ({
    columns: [
      { header: t('rsHeadFact'), width: 110 },
      { header: t('rsHeadLabel'), width: 110 },
      { header: t('rsHeadType'), width: 70, list: COLUMN_TYPES.list() },
      { header: t('rsHeadRole'), width: 80, list: ROLES.list() },
      { header: t('rsHeadAliases'), width: 360 },
      { header: t('rsHeadEnglish'), width: 160 },
      { header: t('rsHeadRange'), width: 160, text: true },
    ],
    rows: pack.columns.map((c) => {
      const labelOf = (fact: string) => pack.columns.find((o) => o.fact === fact)?.label ?? fact;
      return [c.fact, c.label, COLUMN_TYPES.word(c.type), c.role ? ROLES.word(c.role) : '', c.aliases.join('、'), c.labelEn ?? '', rangeCellText(c, labelOf)];
    }),
  }),
  read(view, ctx) {
    const factCol = needColumn(view, ctx, 'rsHeadFact');
    const labelCol = needColumn(view, ctx, 'rsHeadLabel');
    const typeCol = needColumn(view, ctx, 'rsHeadType');
    if (!labelCol || !typeCol) return;
    const roleCol = view.column(t('rsHeadRole'));
    const aliasCol = view.column(t('rsHeadAliases'));
    const enCol = view.column(t('rsHeadEnglish'));
    const rangeCol = view.column(t('rsHeadRange'), t('rsHeadRange', {}, 'en'));
    /** Range cells wait for every column to be read, since ≤联系户数 may name a column further down. */
    const ranges: { column: (typeof ctx.draft.columns)[number]; type: Column['type']; text: string; cell: string }[] = [];
    const rows = filledRows(view);
    const taken = new Set(rows.map((r) => view.text(r, factCol)).filter(Boolean));
    const seen = new Map<string, string>();
    /** Which column's label or alias each folded name already stands for. */
    const names = new Map<string, string>();
    let subjects = 0;
    for (const row of rows) {
      let ok = true;
      let fact = view.text(row, factCol);
      if (fact === '') {
        fact = freshId('col', taken);
        taken.add(fact);
      } else if (!FactIdSchema.safeParse(fact).success) {
        ctx.report(view.at(row, factCol), both('rsFactIdInvalid', { id: fact }));
        ok = false;
      } else if (seen.has(fact)) {
        ctx.report(view.at(row, factCol), both('rsDuplicateId', { id: fact, other: seen.get(fact)!, otherEn: seen.get(fact)! }));
        ok = false;
      }
      const label = view.text(row, labelCol);
      if (label === '') {
        ctx.reportField(view.at(row, labelCol), 'rsRequired', 'rsHeadLabel');
        ok = false;
      }
      const typeText = view.text(row, typeCol);
      const type = COLUMN_TYPES.parse(typeText);
      if (!type) {
        ctx.report(view.at(row, typeCol), both('rsColumnTypeUnknown', { text: typeText }));
        ok = false;
      }
      const roleText = view.text(row, roleCol);
      const role = roleText === '' ? undefined : ROLES.parse(roleText);
      if (roleText !== '' && !role) {
        ctx.report(view.at(row, roleCol), both('rsColumnRoleUnknown', { text: roleText }));
        ok = false;
      }
      const written = view.text(row, aliasCol).split(listSeparators).map((s) => s.trim()).filter(Boolean);
      const takenBy = (name: string) => {
        const other = names.get(labelKey(name));
        return other !== undefined && other !== label ? other : undefined;
      };
      if (label && takenBy(label)) {
        ctx.report(view.at(row, labelCol), both('rsAliasTaken', { alias: label, other: takenBy(label)! }));
        ok = false;
      }
      // A clashing alias is reported and left out; the column itself is still read.
      const aliases = written.filter((alias) => {
        const other = takenBy(alias);
        if (other) ctx.report(view.at(row, aliasCol), both('rsAliasTaken', { alias, other }));
        return !other;
      });
      if (!ok || !type) {
        ctx.breakNames(label, fact, ...written);
        continue;
      }
      seen.set(fact, view.at(row, factCol));
      for (const name of [label, ...aliases]) if (!names.has(labelKey(name))) names.set(labelKey(name), label);
      if (role === 'subject') subjects++;
      ctx.cells.set(`columns[${ctx.draft.columns.length}]`, view.at(row, labelCol));
      for (const part of ['range', 'atMost']) if (rangeCol) ctx.cells.set(`columns[${ctx.draft.columns.length}].${part}`, view.at(row, rangeCol));
      const column = { fact, label, type, aliases, ...(role ? { role } : {}), ...(optional(view.text(row, enCol)) ? { labelEn: view.text(row, enCol) } : {}), ...(rangeCol ? {} : shippedBounds(fact, type)) };
      ctx.draft.columns.push(column);
      if (rangeCol) ranges.push({ column, type, text: view.text(row, rangeCol), cell: view.at(row, rangeCol) });
    }
    const factOf = new Map<string, string>();
    for (const c of ctx.draft.columns) for (const name of [c.fact, c.label, ...(c.aliases ?? [])]) if (!factOf.has(labelKey(name))) factOf.set(labelKey(name), c.fact);
    for (const r of ranges) {
      const read = parseRangeCell(r.text, r.type, (name) => factOf.get(labelKey(name)));
      if (!read.ok) ctx.report(r.cell, read.problem);
      else Object.assign(r.column, read.range ? { range: read.range } : {}, read.atMost ? { atMost: read.atMost } : {});
    }
    ctx.cells.set('columns', view.titleCell);
    if (subjects !== 1 && ctx.broken.size === 0) ctx.report(roleCol ? view.headerCell(roleCol) : view.titleCell, both('rsSubjectCount'));
    if (ctx.draft.columns.length === 0) ctx.report(view.titleCell, both('rsTableEmpty', { table: view.table.name }));
  },
};
