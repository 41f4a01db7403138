import { both, type MessageKey, t } from '../../messages';
import { type Condition, type Pack, RuleSchema } from '../../pack/schema';
import { a1 } from '../../snapshot';
import { conditionText, parseConditionCell } from '../condition';
import { FactDirectory, type FactInfo, isNumeric, nearest } from '../facts';
import { cellText, headerKey, type TableColumn } from '../grid';
import { parsePointsCell, pointsText } from '../points';
import { suggestion } from '../problem';
import { filledRows, freshId, optional, type ReadContext, type Section } from '../section';
import { ENABLED } from '../words';

const FIXED: MessageKey[] = ['rsHeadEnabled', 'rsHeadId', 'rsHeadIndicator', 'rsHeadPoints', 'rsHeadFlag', 'rsHeadNote', 'rsHeadFlagEn'];
const FIXED_KEYS = new Set(FIXED.flatMap((k) => [headerKey(t(k)), headerKey(t(k, {}, 'en'))]));

/** The facts the rules' conditions read, in the order they first appear: one condition column each. */
function conditionFacts(pack: Pack): string[] {
  return [...new Set(pack.rules.flatMap((r) => r.when.map((c) => c.fact)))];
}

/** {days} in a pack's flag is {下基层天数} on the sheet: staff name columns, not fact ids. */
function flagWithLabels(flag: string | undefined, facts: FactDirectory): string {
  return (flag ?? '').replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, fact: string) => {
    const info = facts.get(fact);
    return info ? `{${info.label}}` : whole;
  });
}

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** Column names in braces back to fact ids; an unknown name is reported at the flag's cell. */
function flagWithFacts(flag: string, cell: string, ctx: ReadContext, example: string): { text: string; ok: boolean } {
  let ok = true;
  const text = flag.replace(PLACEHOLDER, (whole, name: string) => {
    const info = ctx.facts.resolve(name.trim());
    if (info) return `{${info.fact}}`;
    ok = false;
    ctx.report(cell, both('rsFlagUnknown', { text: name, example, ...suggestion(ctx.facts.nearest(name)) }));
    return whole;
  });
  return { text, ok };
}

/** 【规则】: one row per rule, one condition column per ledger column the rules read. */
export const rulesSection: Section = {
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
      if (FIXED_KEYS.has(c.key)) continue;
      const fact = ctx.facts.resolve(c.text);
      if (!fact) ctx.report(view.headerCell(c), both('rsColumnUnknown', { text: c.text, ...suggestion(ctx.facts.nearest(c.text)) }));
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

    const indicatorsByName = new Map<string, string>();
    for (const ind of ctx.draft.indicators) {
      indicatorsByName.set(headerKey(ind.label), ind.id);
      indicatorsByName.set(headerKey(ind.id), ind.id);
    }
    const taken = new Set(rows.map((r) => view.text(r, idCol)).filter(Boolean));
    const idRows = new Map<string, { row: number; id: string }>();
    for (const row of rows) {
      let ok = true;
      const rowNo = row.row + 1;

      const enabledText = view.text(row, enabledCol);
      const enabled = enabledText === '' ? 'yes' : ENABLED.parse(enabledText);
      if (!enabled) {
        ctx.report(view.at(row, enabledCol), both('rsEnabledUnreadable', { text: enabledText }));
        ok = false;
      }

      const indicatorText = view.text(row, indicatorCol);
      const indicator = indicatorsByName.get(headerKey(indicatorText));
      if (indicatorText === '') {
        ctx.reportField(view.at(row, indicatorCol), 'rsRequired', 'rsHeadIndicator');
        ok = false;
      } else if (!indicator) {
        const near = nearest(indicatorText, ctx.draft.indicators.map((i) => i.label));
        ctx.report(view.at(row, indicatorCol), both('rsIndicatorUnknown', { text: indicatorText, ...suggestion(near) }));
        ok = false;
      }

      let id = view.text(row, idCol);
      if (id === '') {
        id = freshId(`${indicator ?? 'rule'}-`, taken);
        taken.add(id);
      } else if (!RuleSchema.shape.id.safeParse(id).success) {
        ctx.report(view.at(row, idCol), both('rsRuleIdInvalid', { id }));
        ok = false;
      } else if (idRows.has(id)) {
        const other = idRows.get(id)!;
        const name = { zh: t('rsWhereRow', other), en: t('rsWhereRow', other, 'en') };
        ctx.report(view.at(row, idCol), both('rsDuplicateId', { id, other: name.zh, otherEn: name.en }));
        ok = false;
      }
      if (ok) idRows.set(id, { row: rowNo, id });

      const when: Condition[] = [];
      const site = { row: rowNo, conditions: {} as Record<string, { cell: string; text: string }> };
      for (const { col: c, fact } of conditionCols) {
        const cell = view.cell(row, c);
        if (cellText(cell) === '') continue;
        if (!fact) {
          ok = false;
          continue;
        }
        const parsed = parseConditionCell(cell, fact);
        if (!parsed.ok) {
          ctx.report(view.at(row, c), parsed.problem);
          ok = false;
          continue;
        }
        for (const cond of parsed.conditions) when.push({ fact: fact.fact, ...cond });
        if (parsed.conditions.length > 0 && !site.conditions[fact.fact]) site.conditions[fact.fact] = { cell: view.at(row, c), text: cellText(cell) };
      }

      const rowFacts = when.map((c) => c.fact).filter((f) => isNumeric(ctx.facts.get(f)!.kind));
      const points = parsePointsCell(view.cell(row, pointsCol), { facts: ctx.facts, rowFacts });
      if (!points.ok) {
        ctx.report(view.at(row, pointsCol), points.problem);
        ok = false;
      }

      const example = ctx.facts.get(when[0]?.fact ?? '')?.label ?? ctx.facts.all()[0]?.label ?? '';
      const flag = flagWithFacts(view.text(row, flagCol), view.at(row, flagCol), ctx, example);
      const flagEn = flagWithFacts(view.text(row, flagEnCol), view.at(row, flagEnCol), ctx, example);
      if (!ok || !flag.ok || !flagEn.ok || !points.ok || !indicator) continue;

      const i = ctx.draft.rules.length;
      ctx.cells.set(`rules[${i}]`, view.at(row, idCol));
      ctx.cells.set(`rules[${i}].indicator`, view.at(row, indicatorCol));
      ctx.cells.set(`rules[${i}].points`, view.at(row, pointsCol));
      ctx.cells.set(`rules[${i}].flag`, view.at(row, flagCol));
      ctx.cells.set(`rules[${i}].flagEn`, view.at(row, flagEnCol));
      ctx.sites.push(site);
      const note = optional(view.text(row, noteCol));
      ctx.draft.rules.push({
        id,
        indicator,
        enabled: enabled === 'yes',
        when,
        points: points.points,
        ...(flag.text ? { flag: flag.text } : {}),
        ...(flagEn.text ? { flagEn: flagEn.text } : {}),
        ...(note ? { note } : {}),
      });
    }
    ctx.cells.set('rules', view.titleCell);
    if (ctx.draft.rules.length === 0) ctx.report(view.titleCell, both('rsTableEmpty', { table: view.table.name }));
  },
};
