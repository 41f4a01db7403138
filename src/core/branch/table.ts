import { starText } from '../assess/grade';
import type { FactValue } from '../ledger/read';
import { t } from '../messages';
import { periodLabel } from '../period';
import { resultPreamble } from '../results/preamble';
import type { ResultTable, TableMeta } from '../results/table';
import type { BranchAssessment, BranchResult } from './result';
import { factCatalogue, meetingCountFact, ownFacts } from './catalogue';
import { evidenceText, mergeEvidence } from '../scheme/evidence';
import { changeCell, previousScoreCell } from '../scheme/previous';
import type { BranchPack } from './schema';

export const BRANCH_RESULT_SHEET = t('branchSheetTitle');

interface Column {
  header: string;
  width: number;
  format: string;
  wrap?: boolean;
  value: (b: BranchResult) => string | number;
}

const MISSING = '—';

function num(v: FactValue | undefined): string | number {
  return typeof v === 'number' ? v : MISSING;
}

/** The columns of 支部汇总, derived from the pack: a count per meeting type, then each rate and count of its own ledgers with its counts. */
function columns(pack: BranchPack): Column[] {
  const cols: Column[] = [
    { header: t('colBranchName'), width: 150, format: '', value: (b) => b.name },
    { header: t('colPeriod'), width: 100, format: '', value: (b) => periodLabel(b.period) },
  ];
  for (const type of pack.meetings.types) {
    const fact = meetingCountFact(type.id);
    cols.push({ header: t('colMeetingCount', { type: type.label }), width: 64, format: '0', value: (b) => num(b.values[fact]) });
  }
  const catalogue = factCatalogue(pack);
  const label = (fact: string) => catalogue.get(fact)?.label ?? fact;
  for (const f of ownFacts(pack)) {
    if (f.source === 'attendance') {
      cols.push({ header: t('colLowestAttendance', { label: f.label }), width: 90, format: '0.0%', value: (b) => num(b.values[f.fact]) });
    } else if (f.source === 'ratio') {
      cols.push({ header: label(f.denominator), width: 60, format: '0', value: (b) => num(b.values[f.denominator]) });
      cols.push({ header: label(f.numerator), width: 60, format: '0', value: (b) => num(b.values[f.numerator]) });
      cols.push({ header: f.label, width: 76, format: '0.0%', value: (b) => num(b.values[f.fact]) });
    } else if (f.source === 'results') {
      cols.push({ header: f.label, width: 90, format: '0', value: (b) => num(b.values[f.fact]) });
    }
  }
  const yesNo = (v: boolean) => t(v ? 'yes' : 'no');
  cols.push(
    { header: t('colTotal'), width: 56, format: '0.##', value: (b) => (b.scored ? b.score : MISSING) },
    { header: t('colStars'), width: 80, format: '', value: (b) => (b.scored ? starText(b.stars) : b.grade) },
    { header: t('colRank'), width: 56, format: '', value: (b) => (b.scored ? `${b.rank}/${b.of}` : MISSING) },
    { header: t('colPreviousScore'), width: 64, format: '0.##', value: previousScoreCell },
    { header: t('colChange'), width: 160, format: '', wrap: true, value: changeCell },
    { header: t('colFallsShort'), width: 56, format: '', value: (b) => yesNo(b.fallsShort) },
    { header: t('colRisk'), width: 140, format: '', wrap: true, value: (b) => (b.risk ? `${t('yes')}：${b.riskReasons.map((r) => r.message).join('；')}` : t('no')) },
    { header: t('colFailedItems'), width: 300, format: '', wrap: true, value: (b) => b.flags.map((f) => f.message).join('；') },
    { header: t('colDeadline'), width: 100, format: '', value: (b) => b.rectifyBy ?? '' },
    { header: t('colNoData'), width: 240, format: '', wrap: true, value: (b) => [...b.noData, ...b.starNotes].map((n) => n.message).join('；') },
    {
      header: t('colScoreDetail'),
      width: 200,
      format: '',
      wrap: true,
      value: (b) => pack.indicators.map((i) => `${i.label}${b.excluded.includes(i.id) ? MISSING : b.indicators[i.id] ?? 0}/${i.max}`).join('，'),
    },
    { header: t('colNames'), width: 180, format: '', wrap: true, value: (b) => b.variants.join('、') },
    { header: t('colEvidence'), width: 200, format: '', wrap: true, value: (b) => evidenceText(mergeEvidence(b.flags.flatMap((f) => f.evidence))) },
  );
  return cols;
}

/**
 * 支部汇总: one row per branch and period with the counts, rates, score, stars,
 * falling short, 软弱涣散风险, the failed items and the ledger rows behind them.
 */
export function branchResultTable(assessment: BranchAssessment, pack: BranchPack, meta: TableMeta): ResultTable {
  const cols = columns(pack);
  return {
    sheet: BRANCH_RESULT_SHEET,
    preamble: resultPreamble({ title: pack.title, period: assessment.period, periods: assessment.periods, results: assessment.results, grades: pack.grades, people: false }),
    note: t('branchResultNote', { time: meta.time, pack: `${pack.title}（${pack.id}）`, version: assessment.rulesVersion }),
    header: cols.map((c) => c.header),
    rows: assessment.branches.map((b) => cols.map((c) => c.value(b))),
    columnWidths: cols.map((c) => c.width),
    numberFormats: cols.map((c) => c.format),
    wrap: cols.flatMap((c, i) => (c.wrap ? [i] : [])),
  };
}
