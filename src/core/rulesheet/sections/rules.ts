import { both, type Bilingual, type MessageKey, t } from '../../messages';
import { a1 } from '../../snapshot';
import { conditionText } from '../condition';
import { FactDirectory, type FactInfo, nearest } from '../facts';
import { cellText, headerKey, type TableColumn } from '../grid';
import { pointsText } from '../points';
import { suggestion } from '../problem';
import { flagWithLabels, readRuleRow } from '../rule-row';
import { filledRows, type ScoringPack, type Section } from '../section';
import { ENABLED } from '../words';

const FIXED: MessageKey[] = ['rsHeadEnabled', 'rsHeadId', 'rsHeadIndicator', 'rsHeadPoints', 'rsHeadFlag', 'rsHeadNote', 'rsHeadFlagEn'];
/** Header words of the rules table's own columns; every other header names a ledger column. */
export const RULE_FIXED_KEYS = new Set(FIXED.flatMap((k) => [headerKey(t(k)), headerKey(t(k, {}, 'en'))]));

/** The facts the rules' conditions read, in the order they first appear: one condition column each. */
function conditionFacts(pack: ScoringPack): string[] {
  return [...new Set(pack.rules.flatMap((r) => r.when.map((c) => c.fact)))];
}

/** 【规则】: one row per rule, one condition column per ledger column the rules read. */
export const rulesSection: Section<ScoringPack> = {
  name: 'rsTableRules',
  hint: 'rsHintRules',
  required: true,
  notes: { rsHeadEnabled: 'rsNoteEnabled', rsHeadId: 'rsNoteRuleId', rsHeadPoints: 'rsNotePoints', rsHeadFlag: 'rsNoteFlag' },
  fixed: FIXED,
  otherNote: 'rsNoteCondition',
  write: ({ pack }) => {
    const facts = FactDirectory.of(pack);
    const condFacts = conditionFacts(pack);
    const labelOf = (id: string) => pack.indicators.find((i) => i.id === id)?.label ?? id;
    return {
      columns: [
        { header: t('rsHeadEnabled'), width: 44, list: ENABLED.list() },
        { header: t('rsHeadId'), width: 120 },
        { header: t('rsHeadIndicator'), width: 90, list: pack.indicators.map((i) => i.label) },
        ...condFacts.map((f) => ({ header: facts.get(f)?.label ?? f, width: 86, text: true })),
        { header: t('rsHeadPoints'), width: 150, text: true },
        { header: t('rsHeadFlag'), width: 240 },
        { header: t('rsHeadNote'), width: 160 },
        { header: t('rsHeadFlagEn'), width: 220 },
      ],
      rows: pack.rules.map((r) => [
        ENABLED.word(r.enabled ? 'yes' : 'no'),
        r.id,
        labelOf(r.indicator),
        ...condFacts.map((f) => conditionText(r.when.filter((c) => c.fact === f), facts.get(f)?.kind ?? 'number')),
        pointsText(r.points, r, facts),
        flagWithLabels(r.flag, facts),
        r.note ?? '',
        r.flagEn ?? '',
      ]),
    };
  },
  read(view, ctx) {
    const col = (k: MessageKey) => view.column(t(k), t(k, {}, 'en'));
    const idCol = col('rsHeadId');
    const indicatorCol = col('rsHeadIndicator');
    const pointsCol = col('rsHeadPoints');
    for (const [k, c] of [
      ['rsHeadIndicator', indicatorCol],
      ['rsHeadPoints', pointsCol],
    ] as const) {
      if (!c) ctx.report(view.titleCell, both('rsHeaderMissing', { table: view.table.name, header: t(k) }));
    }
    if (!indicatorCol || !pointsCol) return;
    const enabledCol = col('rsHeadEnabled');
    const flagCol = col('rsHeadFlag');
    const noteCol = col('rsHeadNote');
    const flagEnCol = col('rsHeadFlagEn');

    const rows = filledRows(view);
    // Condition columns: every other column with a header, or with entries but no header.
    const conditionCols: { col: TableColumn; fact?: FactInfo }[] = [];
    const known = new Set(view.table.columns.map((c) => c.col));
    for (const c of view.table.columns) {
      if (RULE_FIXED_KEYS.has(c.key)) continue;
      const fact = ctx.facts.resolve(c.text);
      if (!fact && !ctx.isBroken(c.text)) ctx.report(view.headerCell(c), both(ctx.unknownFact, { text: c.text, ...suggestion(ctx.facts.nearest(c.text)) }));
      conditionCols.push({ col: c, fact });
    }
    const width = Math.max(0, ...rows.map((r) => r.cells.length));
    for (let c = 0; c < width; c++) {
      if (known.has(c) || c < view.table.col) continue;
      if (!rows.some((r) => cellText(r.cells[c]) !== '')) continue;
      const headerRow = view.table.headerRow ?? view.table.row;
      ctx.report(a1(headerRow, c), both('rsColumnBlank', { cell: a1(headerRow, c) }));
      conditionCols.push({ col: { col: c, text: '', key: '' } });
    }

    const ids = new Map<string, { zh: string; en: string }>();
    const taken = new Set(rows.map((r) => view.text(r, idCol)).filter(Boolean));
    const env = { facts: ctx.facts, indicators: ctx.draft.indicators, ids, taken, params: ctx.params, broken: (name: string) => ctx.isBroken(name), report: (at: string, m: Bilingual) => ctx.report(at, m) };
    const indicatorOf = (text: string) => ctx.draft.indicators.find((i) => headerKey(i.label) === headerKey(text) || i.id === text);
    for (const row of rows) {
      const indicatorText = view.text(row, indicatorCol);
      const written = view.text(row, idCol);
      const name = { row: row.row + 1, id: written };
      // A row reading a column whose name is unknown, or scoring an indicator whose
      // own row has problems, waits until that is fixed: those problems are reported once.
      const waits = conditionCols.some(({ col: c, fact }) => !fact && view.text(row, c) !== '') || (!indicatorOf(indicatorText) && ctx.isBroken(indicatorText));
      if (waits) {
        ctx.incomplete.add(indicatorOf(indicatorText)?.id ?? '*');
        if (written && !ids.has(written)) ids.set(written, { zh: t('rsWhereRow', name), en: t('rsWhereRow', name, 'en') });
        continue;
      }
      const { rule, conditions } = readRuleRow(
        {
          enabled: view.cell(row, enabledCol),
          id: view.text(row, idCol),
          indicator: view.text(row, indicatorCol),
          conditions: conditionCols.map(({ col: c, fact }) => ({ fact, cell: view.cell(row, c), at: view.at(row, c) })),
          points: view.cell(row, pointsCol),
          flag: view.text(row, flagCol),
          flagEn: view.text(row, flagEnCol),
          note: view.text(row, noteCol),
          at: {
            enabled: view.at(row, enabledCol),
            id: view.at(row, idCol),
            indicator: view.at(row, indicatorCol),
            points: view.at(row, pointsCol),
            flag: view.at(row, flagCol),
            flagEn: view.at(row, flagEnCol),
            note: view.at(row, noteCol),
          },
        },
        env,
      );
      if (written && !ids.has(written)) ids.set(written, { zh: t('rsWhereRow', name), en: t('rsWhereRow', name, 'en') });
      if (!rule) {
        const guess = indicatorOf(indicatorText) ?? indicatorOf(nearest(indicatorText, ctx.draft.indicators.map((i) => i.label)) ?? '');
        ctx.incomplete.add(guess?.id ?? '*');
        continue;
      }
      const ruleName = { row: row.row + 1, id: rule.id };
      ids.set(rule.id, { zh: t('rsWhereRow', ruleName), en: t('rsWhereRow', ruleName, 'en') });
      const i = ctx.draft.rules.length;
      ctx.cells.set(`rules[${i}]`, view.at(row, idCol));
      ctx.cells.set(`rules[${i}].indicator`, view.at(row, indicatorCol));
      ctx.cells.set(`rules[${i}].points`, view.at(row, pointsCol));
      ctx.cells.set(`rules[${i}].flag`, view.at(row, flagCol));
      ctx.cells.set(`rules[${i}].flagEn`, view.at(row, flagEnCol));
      ctx.cells.set(`rules[${i}].note`, view.at(row, noteCol));
      ctx.sites.push({ row: row.row + 1, conditions });
      ctx.draft.rules.push(rule);
    }
    ctx.cells.set('rules', view.titleCell);
    if (ctx.draft.rules.length === 0) ctx.report(view.titleCell, both('rsTableEmpty', { table: view.table.name }));
  },
};
