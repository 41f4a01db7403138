import { both, t } from '../../messages';
import { FactIdSchema } from '../../pack/schema';
import { halfWidth } from '../../text';
import { FactDirectory } from '../facts';
import { suggestion } from '../problem';
import { filledRows, freshId, needColumn, optional, type Section } from '../section';

const DIVIDE = /\s*(?:÷|\/|除以)\s*/;

/** 【计算项】: rates computed from two columns (入户率 = 入户数 ÷ 联系户数), which rules read like columns. */
export const derivedSection: Section = {
  name: 'rsTableDerived',
  hint: 'rsHintDerived',
  required: false,
  notes: { rsHeadFormula: 'rsNoteFormula' },
  write: ({ pack }) => {
    const facts = FactDirectory.of(pack);
    const label = (fact: string) => facts.get(fact)?.label ?? fact;
    return {
      columns: [
        { header: t('rsHeadFact'), width: 110 },
        { header: t('rsHeadName'), width: 110 },
        { header: t('rsHeadFormula'), width: 200 },
        { header: t('rsHeadEnglish'), width: 160 },
      ],
      rows: pack.derived.map((d) => [d.fact, d.label, `${label(d.numerator)} ÷ ${label(d.denominator)}`, d.labelEn ?? '']),
    };
  },
  read(view, ctx) {
    const factCol = needColumn(view, ctx, 'rsHeadFact');
    const labelCol = needColumn(view, ctx, 'rsHeadName');
    const formulaCol = needColumn(view, ctx, 'rsHeadFormula');
    if (!labelCol || !formulaCol) return;
    const enCol = view.column(t('rsHeadEnglish'));
    const rows = filledRows(view);
    const taken = new Set([...ctx.draft.columns.map((c) => c.fact), ...rows.map((r) => view.text(r, factCol)).filter(Boolean)]);
    const columns = new FactDirectory(ctx.draft.columns, []);
    for (const row of rows) {
      let ok = true;
      let fact = view.text(row, factCol);
      if (fact === '') {
        fact = freshId('rate', taken);
        taken.add(fact);
      } else if (!FactIdSchema.safeParse(fact).success) {
        ctx.report(view.at(row, factCol), both('rsFactIdInvalid', { id: fact }));
        ok = false;
      }
      const label = view.text(row, labelCol);
      if (label === '') {
        ctx.reportField(view.at(row, labelCol), 'rsRequired', 'rsHeadName');
        ok = false;
      }
      const formula = view.text(row, formulaCol);
      const parts = halfWidth(formula).split(DIVIDE).map((s) => s.trim());
      const inputs: string[] = [];
      if (parts.length !== 2 || parts.some((p) => p === '')) {
        ctx.report(view.at(row, formulaCol), both('rsFormulaUnreadable', { text: formula }));
        ok = false;
      } else {
        for (const part of parts) {
          const info = columns.resolve(part);
          if (info) inputs.push(info.fact);
          else if (ctx.isBroken(part)) ok = false;
          else {
            ctx.report(view.at(row, formulaCol), both('rsFormulaUnknown', { label: part, ...suggestion(columns.nearest(part)) }));
            ok = false;
          }
        }
      }
      if (!ok) {
        ctx.breakNames(label, fact);
        continue;
      }
      ctx.cells.set(`derived[${ctx.draft.derived.length}]`, view.at(row, formulaCol));
      const labelEn = optional(view.text(row, enCol));
      ctx.draft.derived.push({ fact, label, op: 'ratio', numerator: inputs[0]!, denominator: inputs[1]!, ...(labelEn ? { labelEn } : {}) });
    }
  },
};
