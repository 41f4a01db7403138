import { both, t } from '../../messages';
import { FactIdSchema } from '../../pack/schema';
import { parseNumber } from '../../values';
import { filledRows, freshId, needColumn, optional, type ScoringPack, type Section } from '../section';
import { HIT_POLICIES, ON_MISSING } from '../words';

/** 【指标】: what is scored, out of how many points, and whether its rules are bands or add up. */
export const indicatorsSection: Section<ScoringPack> = {
  name: 'rsTableIndicators',
  hint: 'rsHintIndicators',
  required: true,
  notes: { rsHeadHitPolicy: 'rsNoteHitPolicy', rsHeadOnMissing: 'rsNoteOnMissing' },
  write: ({ pack }) => ({
    columns: [
      { header: t('rsHeadId'), width: 110 },
      { header: t('rsHeadIndicator'), width: 110 },
      { header: t('rsHeadMax'), width: 60 },
      { header: t('rsHeadHitPolicy'), width: 80, list: HIT_POLICIES.list() },
      { header: t('rsHeadOnMissing'), width: 80, list: ON_MISSING.list() },
      { header: t('rsHeadEnglish'), width: 160 },
    ],
    rows: pack.indicators.map((i) => [i.id, i.label, i.max, HIT_POLICIES.word(i.hitPolicy), ON_MISSING.word(i.onMissing), i.labelEn ?? '']),
  }),
  read(view, ctx) {
    const idCol = view.column(t('rsHeadId'));
    const labelCol = needColumn(view, ctx, 'rsHeadIndicator');
    const maxCol = needColumn(view, ctx, 'rsHeadMax');
    const policyCol = needColumn(view, ctx, 'rsHeadHitPolicy');
    if (!labelCol || !maxCol || !policyCol) return;
    const missingCol = view.column(t('rsHeadOnMissing'));
    const enCol = view.column(t('rsHeadEnglish'));
    const rows = filledRows(view);
    const taken = new Set(rows.map((r) => view.text(r, idCol)).filter(Boolean));
    const ids = new Map<string, string>();
    const labels = new Map<string, string>();
    for (const row of rows) {
      let ok = true;
      let id = view.text(row, idCol);
      if (id === '') {
        id = freshId('indicator', taken);
        taken.add(id);
      } else if (!FactIdSchema.safeParse(id).success) {
        ctx.report(view.at(row, idCol), both('rsFactIdInvalid', { id }));
        ok = false;
      } else if (ids.has(id)) {
        ctx.report(view.at(row, idCol), both('rsDuplicateId', { id, other: ids.get(id)!, otherEn: ids.get(id)! }));
        ok = false;
      }
      const label = view.text(row, labelCol);
      if (label === '') {
        ctx.reportField(view.at(row, labelCol), 'rsRequired', 'rsHeadIndicator');
        ok = false;
      } else if (labels.has(label)) {
        ctx.report(view.at(row, labelCol), both('rsDuplicateName', { name: label, other: labels.get(label)!, otherEn: labels.get(label)! }));
        ok = false;
      }
      const max = parseNumber(view.cell(row, maxCol));
      if (max.kind !== 'value' || max.value <= 0) {
        ctx.reportField(view.at(row, maxCol), 'rsNumberExpected', 'rsHeadMax', { text: view.text(row, maxCol), example: 20 });
        ok = false;
      }
      const policyText = view.text(row, policyCol);
      const hitPolicy = HIT_POLICIES.parse(policyText);
      if (!hitPolicy) {
        ctx.report(view.at(row, policyCol), both('rsHitPolicyUnknown', { text: policyText }));
        ok = false;
      }
      const missingText = view.text(row, missingCol);
      const onMissing = missingText === '' ? 'flag' : ON_MISSING.parse(missingText);
      if (!onMissing) {
        ctx.report(view.at(row, missingCol), both('rsOnMissingUnknown', { text: missingText }));
        ok = false;
      }
      if (!ok || max.kind !== 'value' || !hitPolicy || !onMissing) {
        ctx.breakNames(label, id);
        ctx.partial.add('rsTableIndicators');
        continue;
      }
      ids.set(id, view.at(row, idCol));
      labels.set(label, view.at(row, labelCol));
      ctx.cells.set(`indicators[${ctx.draft.indicators.length}]`, view.at(row, labelCol));
      const labelEn = optional(view.text(row, enCol));
      ctx.draft.indicators.push({ id, label, max: max.value, hitPolicy, onMissing, ...(labelEn ? { labelEn } : {}) });
    }
    ctx.cells.set('indicators', view.titleCell);
    if (ctx.draft.indicators.length === 0) ctx.report(view.titleCell, both('rsTableEmpty', { table: view.table.name }));
  },
};
