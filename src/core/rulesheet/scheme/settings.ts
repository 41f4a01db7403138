import { both, type MessageKey, t } from '../../messages';
import { parsePercent } from '../../values';
import { formatValue } from '../condition';
import type { Scheme } from '../../scheme/schema';
import type { Cell } from '../../snapshot';
import { wholeNumber } from '../branch/settings';
import { cellText, type TableView } from '../grid';
import { namedRows } from '../named-rows';
import { needColumn, optional, type ReadContext, type TableOut } from '../section';
import { ENABLED } from '../words';
import type { SchemeDraft } from './draft';
import { PERIOD_KINDS } from './words';

type Kind = 'id' | 'text' | 'period' | 'periods' | 'yesNo' | 'stars' | 'months' | 'share';

type Field = 'id' | 'subject' | 'subjectEn' | 'periodKind' | 'titleEn' | 'rescale' | 'lowestFallsShort' | 'coverShare' | 'fallsShortMaxStars' | 'rectifyMonths' | 'riskLabel' | 'riskLabelEn' | 'riskMaxStars' | 'riskRectifyMonths' | 'alsoJudgedFor' | 'judgeAbsent';

/** One row of 【方案】: the draft field it fills, its path in the scheme (for problems), whether it may be blank, and how it is written. */
interface Row {
  name: MessageKey;
  field: Field;
  path: string;
  kind: Kind;
  required: boolean;
  write(scheme: Scheme): Cell;
}

const yesNo = (on: boolean) => ENABLED.word(on ? 'yes' : 'no');

/**
 * Who is assessed and how often, then how a subject stands beyond its grade:
 * whether indicators without data are left out, whether the lowest grade falls
 * short, how many subjects must have rows for a month to count as covered, the caps and deadlines for a failed must-meet item, and the risk's
 * name, cap and deadline, whose criteria are the rows of 【风险】; last, the
 * other periods it is judged for when one is asked and whether a subject with
 * no rows in a period is judged all the same. Blank values are none, or the
 * usual (不计入 否, 最低等次为不达标 是).
 */
const ROWS: Row[] = [
  { name: 'rsHeadId', field: 'id', path: 'id', kind: 'id', required: true, write: (s) => s.id },
  { name: 'rsSchemeSubject', field: 'subject', path: 'subject', kind: 'text', required: true, write: (s) => s.subject },
  { name: 'rsSchemePeriod', field: 'periodKind', path: 'periodKind', kind: 'period', required: true, write: (s) => PERIOD_KINDS.word(s.periodKind) },
  { name: 'rsSetTitleEn', field: 'titleEn', path: 'titleEn', kind: 'text', required: false, write: (s) => s.titleEn ?? '' },
  { name: 'rsSchemeSubjectEn', field: 'subjectEn', path: 'subjectEn', kind: 'text', required: false, write: (s) => s.subjectEn ?? '' },
  { name: 'rsSchemeRescale', field: 'rescale', path: 'rescale', kind: 'yesNo', required: false, write: (s) => yesNo(s.rescale) },
  { name: 'rsSchemeLowestFallsShort', field: 'lowestFallsShort', path: 'lowestFallsShort', kind: 'yesNo', required: false, write: (s) => yesNo(s.lowestFallsShort) },
  { name: 'rsSetCoverShare', field: 'coverShare', path: 'coverShare', kind: 'share', required: false, write: (s) => (s.coverShare > 0 ? formatValue(s.coverShare, 'percent') : '') },
  { name: 'rsSetFallsShortMaxStars', field: 'fallsShortMaxStars', path: 'fallsShortMaxStars', kind: 'stars', required: false, write: (s) => s.fallsShortMaxStars ?? '' },
  { name: 'rsSetRectifyMonths', field: 'rectifyMonths', path: 'rectifyMonths', kind: 'months', required: false, write: (s) => s.rectifyMonths ?? '' },
  { name: 'rsSetRiskLabel', field: 'riskLabel', path: 'risk.label', kind: 'text', required: false, write: (s) => s.risk?.label ?? '' },
  { name: 'rsSetRiskLabelEn', field: 'riskLabelEn', path: 'risk.labelEn', kind: 'text', required: false, write: (s) => s.risk?.labelEn ?? '' },
  { name: 'rsSetRiskMaxStars', field: 'riskMaxStars', path: 'risk.maxStars', kind: 'stars', required: false, write: (s) => s.risk?.maxStars ?? '' },
  { name: 'rsSetRiskRectifyMonths', field: 'riskRectifyMonths', path: 'risk.rectifyMonths', kind: 'months', required: false, write: (s) => s.risk?.rectifyMonths ?? '' },
  { name: 'rsSchemeAlsoJudgedFor', field: 'alsoJudgedFor', path: 'alsoJudgedFor', kind: 'periods', required: false, write: (s) => (s.alsoJudgedFor ?? []).map((k) => PERIOD_KINDS.word(k)).join('、') },
  { name: 'rsSchemeJudgeAbsent', field: 'judgeAbsent', path: 'judgeAbsent', kind: 'yesNo', required: false, write: (s) => (s.judgeAbsent ? yesNo(true) : '') },
];

/** The rows a risk needs once 【风险】 has criteria. */
export const RISK_ROWS: { name: MessageKey; field: Field; path: string }[] = ROWS.filter((r) => ['riskLabel', 'riskMaxStars', 'riskRectifyMonths'].includes(r.field));

/** Each row's name and its value as 【方案】 writes it: what the change log compares. */
export function schemeSettingCells(scheme: Scheme): { name: MessageKey; value: string }[] {
  return ROWS.map((r) => ({ name: r.name, value: String(r.write(scheme)) }));
}

export function writeSchemeSettings(scheme: Scheme): TableOut {
  return {
    columns: [
      { header: t('rsHeadSetting'), width: 150 },
      { header: t('rsHeadValue'), width: 120 },
    ],
    rows: ROWS.map((r) => [t(r.name), r.write(scheme)]),
  };
}

/** A filled value read into the draft, or its cell named. */
function readValue(row: Row, cell: Cell, at: string, ctx: ReadContext, draft: SchemeDraft): void {
  const text = cellText(cell);
  switch (row.kind) {
    case 'id':
      if (/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(text)) draft.id = text;
      else ctx.report(at, both('rsSchemeIdInvalid', { id: text }));
      return;
    case 'period': {
      const kind = PERIOD_KINDS.parse(text);
      if (kind) draft.periodKind = kind;
      else ctx.report(at, both('rsPeriodUnknown', { text }));
      return;
    }
    case 'periods': {
      const words = text.split(/[、,，;；\s]+/).filter((w) => w !== '');
      const kinds = words.map((w) => PERIOD_KINDS.parse(w));
      const unknown = words.find((_, i) => kinds[i] === undefined);
      if (unknown !== undefined) ctx.report(at, both('rsPeriodUnknown', { text: unknown }));
      else draft.alsoJudgedFor = [...new Set(kinds.filter((k) => k !== undefined))];
      return;
    }
    case 'yesNo': {
      const word = typeof cell === 'boolean' ? (cell ? 'yes' : 'no') : ENABLED.parse(text);
      if (word) Object.assign(draft, { [row.field]: word === 'yes' });
      else ctx.reportField(at, 'rsYesNoExpected', row.name, { text });
      return;
    }
    case 'stars':
    case 'months': {
      const n = row.kind === 'stars' ? wholeNumber(cell, 0, 5) : wholeNumber(cell, 1, 120);
      if (n === 'bad') ctx.reportField(at, row.kind === 'stars' ? 'rsStarsExpected' : 'rsMonthsExpected', row.name, { text, min: 0 });
      else Object.assign(draft, { [row.field]: n });
      return;
    }
    case 'share': {
      const share = parsePercent(cell);
      if (share.kind === 'value' && share.value >= 0 && share.value <= 1) draft.coverShare = share.value;
      else ctx.reportField(at, 'rsPercentExpected', row.name, { text });
      return;
    }
    case 'text':
      Object.assign(draft, { [row.field]: optional(text) });
  }
}

/** Reads 【方案】 by its row names, in any order: an unknown name, a blank required value or an unreadable one is named at its cell. */
export function readSchemeSettings(view: TableView, ctx: ReadContext, draft: SchemeDraft): void {
  const nameCol = needColumn(view, ctx, 'rsHeadSetting');
  const valueCol = needColumn(view, ctx, 'rsHeadValue');
  if (!nameCol || !valueCol) return;
  const found = new Set<MessageKey>();
  for (const { kind: setting, row } of namedRows(view, ctx, nameCol, ROWS, 'rsSchemeRowUnknown')) {
    found.add(setting.name);
    const at = view.at(row, valueCol);
    ctx.cells.set(setting.path, at);
    const cell = view.cell(row, valueCol);
    if (cellText(cell) === '') {
      if (setting.required) ctx.reportField(at, 'rsRequired', setting.name);
      continue;
    }
    readValue(setting, cell, at, ctx, draft);
  }
  for (const r of ROWS) if (r.required && !found.has(r.name)) ctx.reportField(view.titleCell, 'rsRequired', r.name);
}
