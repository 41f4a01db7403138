import { t } from '../messages';
import type { Column, ColumnType } from '../pack/schema';
import { type Cell, type SheetSnapshot, unmergedValues } from '../snapshot';
import { halfWidth, labelKey } from '../text';
import { isBlank, isDateShaped } from '../values';
import type { PeriodKind, Scheme } from './schema';

/**
 * A first draft of a new assessment (新增考核方案) from one of the workbook's
 * sheets: its columns listed as the ledger, each number column an indicator
 * worth its points, the usual four bands. The clerk then edits the
 * cells; nothing here is final, but everything reads and runs as it stands.
 */

export interface DraftOptions {
  id: string;
  title: string;
  subject: string;
  periodKind: PeriodKind;
  /** 1-based header rows, when the sheet accounting found them; else the draft looks for them. */
  header?: [number, number];
}

const SUBJECT = /姓名|名称|户主|^名字$/;
const GROUP = /嘎查|村|社区|支部|单位|代办点/;
const PERIOD = /月份|季度|年度|时间|日期|年月/;
const SKIPPED = /^(序号|编号|备注|说明|签字|联系电话|电话)$/;
const POINTS = /[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]/;

const text = (cell: Cell | undefined) => (cell === null || cell === undefined ? '' : String(cell).trim());
const isNumber = (cell: Cell) => typeof cell === 'number' || /^[-+]?\d+(\.\d+)?$/.test(halfWidth(text(cell)));
const isPercent = (cell: Cell) => /^[-+]?\d+(\.\d+)?\s*%$/.test(halfWidth(text(cell)));

/** The header rows: the first row of several labels with a row of values under it (or under the row below it). */
function headerRows(grid: Cell[][]): [number, number] {
  const labels = (r: number) => (grid[r] ?? []).filter((c) => typeof c === 'string' && c.trim() !== '' && !isNumber(c)).length;
  const values = (r: number) => (grid[r] ?? []).filter((c) => !isBlank(c) && (isNumber(c) || isPercent(c))).length;
  for (let r = 0; r < Math.min(grid.length, 40); r++) {
    if (labels(r) < 2) continue;
    if (values(r + 1) > 0) return [r, r];
    if (labels(r + 1) >= 2 && values(r + 2) > 0) return [r, r + 1];
  }
  return [0, 0];
}

function typeOf(values: Cell[]): ColumnType {
  const filled = values.filter((v) => !isBlank(v));
  if (filled.length === 0) return 'text';
  // A ledger's number column holds a 不详 or a — here and there: most of its cells decide.
  const most = (test: (v: Cell) => boolean) => filled.filter(test).length >= filled.length * 0.6;
  if (most(isPercent)) return 'percent';
  if (most(isNumber)) return 'number';
  if (most((v) => isDateShaped(v))) return 'date';
  return 'text';
}

/** A draft scheme for a sheet: its columns, and a fact, an indicator and a rule per number column. */
export function draftScheme(sheet: SheetSnapshot, options: DraftOptions): Scheme {
  const grid = unmergedValues(sheet);
  const [top, bottom] = options.header ? [options.header[0] - 1, options.header[1] - 1] : headerRows(grid);
  const width = Math.max(grid[top]?.length ?? 0, grid[bottom]?.length ?? 0);
  const data = grid.slice(bottom + 1, bottom + 31);
  const columns: Column[] = [];
  const ignored: string[] = [];
  const roles = new Set<string>();
  let n = 0;
  for (let c = 0; c < width; c++) {
    const upper = text(grid[top]?.[c]);
    const lower = bottom > top ? text(grid[bottom]?.[c]) : upper;
    const label = lower || upper;
    if (!label || columns.some((x) => x.label === label)) continue;
    const key = labelKey(label);
    if (SKIPPED.test(key)) {
      ignored.push(label);
      continue;
    }
    const type = typeOf(data.map((row) => row[c] ?? null));
    const role = !roles.has('subject') && SUBJECT.test(key) ? 'subject' : !roles.has('branch') && GROUP.test(key) && type === 'text' ? 'branch' : !roles.has('period') && PERIOD.test(key) ? 'period' : undefined;
    if (role) roles.add(role);
    const points = POINTS.exec(halfWidth(label));
    columns.push({
      fact: role === 'subject' ? 'name' : role === 'branch' ? 'group' : role === 'period' ? 'period' : `c${++n}`,
      label,
      type: role === 'period' ? 'period' : role === 'subject' ? 'name' : type,
      ...(role ? { role } : {}),
      aliases: [],
      ...(points && type === 'number' ? { range: { min: 0, max: Number(points[1]), cap: true } } : {}),
    });
  }
  if (!roles.has('subject')) {
    const first = columns.find((c) => c.type === 'text' && !c.role);
    if (first) Object.assign(first, { fact: 'name', type: 'name', role: 'subject' });
  }
  const numbers = columns.filter((c) => !c.role && (c.type === 'number' || c.type === 'percent'));
  const indicators = numbers.map((c) => ({ id: c.fact, label: c.label, max: c.range?.max !== undefined && typeof c.range.max === 'number' ? c.range.max : 100, hitPolicy: 'sum' as const, onMissing: 'flag' as const }));
  const rules = numbers.map((c) => ({ id: `${c.fact}-points`, indicator: c.fact, enabled: true, when: [], points: { per: c.fact, each: 1 } }));
  return {
    id: options.id,
    version: 1,
    title: options.title,
    subject: options.subject,
    periodKind: options.periodKind,
    ledgers: [{ id: 'ledger', title: sheet.name, columns, ignoredColumns: ignored, standing: false }],
    facts: [],
    indicators: indicators.length > 0 ? indicators : [{ id: 'total', label: t('draftIndicator'), max: 100, hitPolicy: 'sum', onMissing: 'flag' }],
    rules: rules.length > 0 ? rules : [{ id: 'total-points', indicator: 'total', enabled: true, when: [], points: 0 }],
    grades: (
      [
        [90, 'draftGradeTop'],
        [75, 'draftGradeGood'],
        [60, 'draftGradePass'],
        [0, 'draftGradeFail'],
      ] as const
    ).map(([min, key]) => ({ min, grade: t(key), gradeEn: t(key, {}, 'en'), stars: 0 })),
    vetoes: [],
    outputs: [],
    requirements: [],
    rescale: false,
    lowestFallsShort: true,
    coverShare: 0,
  };
}
