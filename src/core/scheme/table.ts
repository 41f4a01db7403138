import { starText } from '../assess/grade';
import type { FactValue } from '../ledger/read';
import { t } from '../messages';
import { periodLabel } from '../period';
import { ruleLabeller } from '../report/rules';
import { basisText, sourceCell, sourceText } from '../results/cells';
import { resultPreamble } from '../results/preamble';
import { schemeSheetName } from '../results/sheets';
import { changeCell, previousScoreCell } from './previous';
import type { ResultTable, TableMeta } from '../results/table';
import type { SchemeAssessment, SubjectResult } from './result';
import type { Scheme } from './schema';

interface Column {
  header: string;
  width: number;
  format: string;
  wrap?: boolean;
  value: (r: SubjectResult) => string | number;
}

const show = (v: FactValue | undefined): string | number => (typeof v === 'number' || typeof v === 'string' ? v : '—');

/** The group column's header: the subject ledger's own label for it (所在嘎查（支部）), else a general one. */
function groupHeader(scheme: Scheme): string {
  return scheme.ledgers.flatMap((l) => l.columns).find((c) => c.role === 'branch')?.label ?? t('colGroup');
}

/**
 * One row per subject and period: the indicator points, total, grade (and
 * stars where the bands give any), rank, the computed outputs, flags, the
 * risk and the deadline where the scheme has them, notes, the rules behind
 * the points and the ledger row it came from.
 */
export function schemeResultTable(assessment: SchemeAssessment, scheme: Scheme, meta: TableMeta): ResultTable {
  const starred = scheme.grades.some((g) => g.stars > 0);
  const label = ruleLabeller(scheme, 'zh');
  const cols: Column[] = [
    { header: t('colName'), width: 80, format: '', value: (r) => r.name },
    { header: groupHeader(scheme), width: 110, format: '', value: (r) => r.group ?? '' },
    { header: t('colPeriod'), width: 96, format: '', value: (r) => periodLabel(r.period) },
    ...scheme.indicators.map((i): Column => ({ header: `${i.label}（${i.max}）`, width: 76, format: '0.##', value: (r) => r.indicators[i.id] ?? 0 })),
    { header: t('colTotal'), width: 56, format: '0.##', value: (r) => r.score },
    { header: t('colGrade'), width: 72, format: '', value: (r) => r.grade },
    ...(starred ? [{ header: t('colStars'), width: 80, format: '', value: (r: SubjectResult) => starText(r.stars) }] : []),
    { header: t('colRank'), width: 56, format: '', value: (r) => `${r.rank}/${r.of}` },
    { header: t('colPreviousScore'), width: 64, format: '0.##', value: previousScoreCell },
    { header: t('colChange'), width: 160, format: '', wrap: true, value: changeCell },
    ...scheme.outputs.map((o): Column => ({ header: o.label, width: 90, format: '0.##', value: (r) => show(r.values[o.id]) })),
    { header: t('colFlags'), width: 260, format: '', wrap: true, value: (r) => r.flags.map((f) => f.message).join('；') },
    ...(scheme.risk
      ? [{ header: scheme.risk.label, width: 160, format: '', wrap: true, value: (r: SubjectResult) => (r.risk ? `${t('yes')}：${r.riskReasons.map((x) => x.message).join('；')}` : t('no')) }]
      : []),
    ...(scheme.risk || scheme.rectifyMonths !== undefined ? [{ header: t('colDeadline'), width: 100, format: '', value: (r: SubjectResult) => r.rectifyBy ?? '' }] : []),
    { header: t('colNotes'), width: 220, format: '', wrap: true, value: (r) => r.notes.map((n) => n.message).join('；') },
    { header: t('colBasis'), width: 220, format: '', wrap: true, value: (r) => basisText(r.basis, (rule) => label(rule, r)) },
    { header: t('colSource'), width: 130, format: '', value: (r) => sourceText(sourceCell(r.source)) },
  ];
  const { results } = assessment;
  return {
    sheet: schemeSheetName(scheme),
    preamble: resultPreamble({ title: scheme.title, period: assessment.period, periods: assessment.periods, results, grades: scheme.grades, people: true }),
    note: [t('resultNote', { time: meta.time, pack: `${scheme.title}（${scheme.id}）`, version: assessment.rulesVersion }), ...assessment.notes.map((n) => n.message)].join(' '),
    header: cols.map((c) => c.header),
    rows: results.map((r) => cols.map((c) => c.value(r))),
    columnWidths: cols.map((c) => c.width),
    numberFormats: cols.map((c) => c.format),
    wrap: cols.flatMap((c, i) => (c.wrap ? [i] : [])),
    sources: { column: cols.length - 1, cells: results.map((r) => sourceCell(r.source)) },
  };
}
