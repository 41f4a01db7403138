import type { BranchPack } from '../../branch/schema';
import { both, type MessageKey, t } from '../../messages';
import type { Cell } from '../../snapshot';
import { parseNumber, parsePercent } from '../../values';
import { paramNumber } from '../../pack/params';
import { formatValue, percentReference, shareText } from '../condition';
import { cellText, headerKey, type TableView } from '../grid';
import { namedRows } from '../named-rows';
import { needColumn, optional, type ReadContext, type TableOut } from '../section';
import { SUBJECTS } from '../words';

/** The single values of a branch block, as read, before validation. */
export interface BranchSettings {
  id?: string;
  subject?: 'branch';
  titleEn?: string;
  quotaStars?: number;
  quotaShare?: number;
  /** The parameter the quota's share names ({一星名额比例}), when it names one. */
  quotaShareParam?: string;
  fallsShortMaxStars?: number;
  riskLabel?: string;
  riskLabelEn?: string;
  riskMaxStars?: number;
  riskRectifyMonths?: number;
  rectifyMonths?: number;
  coverShare?: number;
  rateTolerance?: number;
}

type Kind = 'text' | 'optionalText' | 'stars' | 'months' | 'percent' | 'subject';

/** One row of the branch 【设置】: the pack path problems are placed by, and how the value is kept. */
interface Setting {
  name: MessageKey;
  path: string;
  field: keyof BranchSettings;
  kind: Kind;
  /** Stars: the fewest allowed (a star quota caps at least one star). */
  min?: number;
  /** Stars: a blank cell is a problem, not "none". */
  required?: boolean;
  /** Percent: where the parameter a cell may name in place of the number ({名称}) is kept. */
  param?: keyof BranchSettings;
  write(pack: BranchPack): string | number | undefined;
}

const SETTINGS: Setting[] = [
  { name: 'rsSetId', path: 'id', field: 'id', kind: 'text', write: (p) => p.id },
  { name: 'rsSetSubject', path: 'subject', field: 'subject', kind: 'subject', write: (p) => p.subject },
  { name: 'rsSetTitleEn', path: 'titleEn', field: 'titleEn', kind: 'optionalText', write: (p) => p.titleEn },
  { name: 'rsSetQuotaStars', path: 'starQuota.stars', field: 'quotaStars', kind: 'stars', min: 1, write: (p) => p.starQuota?.stars },
  {
    name: 'rsSetQuotaShare',
    path: 'starQuota.maxShare',
    field: 'quotaShare',
    kind: 'percent',
    param: 'quotaShareParam',
    write: (p) => p.starQuota && shareText(p.starQuota.maxShare, p.starQuota.param),
  },
  { name: 'rsSetFallsShortMaxStars', path: 'fallsShortMaxStars', field: 'fallsShortMaxStars', kind: 'stars', write: (p) => p.fallsShortMaxStars },
  { name: 'rsSetRiskLabel', path: 'risk.label', field: 'riskLabel', kind: 'text', write: (p) => p.risk.label },
  { name: 'rsSetRiskLabelEn', path: 'risk.labelEn', field: 'riskLabelEn', kind: 'optionalText', write: (p) => p.risk.labelEn },
  { name: 'rsSetRiskMaxStars', path: 'risk.maxStars', field: 'riskMaxStars', kind: 'stars', required: true, write: (p) => p.risk.maxStars },
  { name: 'rsSetRiskRectifyMonths', path: 'risk.rectifyMonths', field: 'riskRectifyMonths', kind: 'months', write: (p) => p.risk.rectifyMonths },
  { name: 'rsSetRectifyMonths', path: 'rectifyMonths', field: 'rectifyMonths', kind: 'months', write: (p) => p.rectifyMonths },
  { name: 'rsSetCoverShare', path: 'coverShare', field: 'coverShare', kind: 'percent', write: (p) => p.coverShare },
  { name: 'rsSetRateTolerance', path: 'rateTolerance', field: 'rateTolerance', kind: 'percent', write: (p) => p.rateTolerance },
];

function cellOut(s: Setting, pack: BranchPack): Cell {
  const value = s.write(pack);
  if (value === undefined) return '';
  if (s.kind === 'subject') return SUBJECTS.word(String(value));
  // A share that names a parameter is written by its setting ({名称}); every other percentage is a number.
  if (s.kind === 'percent') return typeof value === 'string' ? value : formatValue(value, 'percent');
  return value;
}

/** Each setting's name and its value as the 【设置】 table writes it: what the change log compares. */
export function branchSettingCells(pack: BranchPack): { name: MessageKey; value: string }[] {
  return SETTINGS.map((s) => ({ name: s.name, value: String(cellOut(s, pack)) }));
}

export function writeBranchSettings(pack: BranchPack): TableOut {
  return {
    columns: [
      { header: t('rsHeadSetting'), width: 150 },
      { header: t('rsHeadValue'), width: 120 },
    ],
    rows: SETTINGS.map((s) => [t(s.name), cellOut(s, pack)]),
  };
}

/** A whole number within bounds, or undefined for a blank cell; anything else is reported. */
export function wholeNumber(cell: Cell, min: number, max: number): number | undefined | 'bad' {
  const n = parseNumber(cell);
  if (n.kind === 'empty') return undefined;
  return n.kind === 'value' && Number.isInteger(n.value) && n.value >= min && n.value <= max ? n.value : 'bad';
}

function readValue(s: Setting, cell: Cell, at: string, ctx: ReadContext, into: BranchSettings): void {
  const text = cellText(cell);
  const set = (value: unknown) => Object.assign(into, { [s.field]: value });
  switch (s.kind) {
    case 'text':
      if (text === '') ctx.reportField(at, 'rsRequired', s.name);
      else set(text);
      return;
    case 'optionalText':
      set(optional(text));
      return;
    case 'subject':
      if (SUBJECTS.parse(text) === 'branch') set('branch');
      else ctx.report(at, both('rsSubjectUnknown', { text }));
      return;
    case 'stars': {
      const n = wholeNumber(cell, s.min ?? 0, 5);
      if (n === undefined && s.required) ctx.reportField(at, 'rsRequired', s.name);
      else if (n === 'bad') ctx.reportField(at, 'rsStarsExpected', s.name, { text, min: s.min ?? 0 });
      else set(n);
      return;
    }
    case 'months': {
      const n = wholeNumber(cell, 1, 120);
      if (n === undefined) ctx.reportField(at, 'rsRequired', s.name);
      else if (n === 'bad') ctx.reportField(at, 'rsMonthsExpected', s.name, { text });
      else set(n);
      return;
    }
    case 'percent': {
      const ref = s.param ? percentReference(cell, ctx.params) : undefined;
      if (ref) {
        if (ref.ok) Object.assign(into, { [s.field]: paramNumber(ref.param), [s.param!]: ref.param.name });
        else ctx.report(at, ref.problem);
        return;
      }
      const share = parsePercent(cell);
      if (share.kind === 'value' && share.value >= 0 && share.value <= 1) set(share.value);
      else if (share.kind !== 'empty') ctx.reportField(at, 'rsPercentExpected', s.name, { text });
    }
  }
}

/** Reads the branch 【设置】 rows by their names, in any order; unknown names are reported. */
export function readBranchSettings(view: TableView, ctx: ReadContext): BranchSettings {
  const into: BranchSettings = {};
  const nameCol = needColumn(view, ctx, 'rsHeadSetting');
  const valueCol = needColumn(view, ctx, 'rsHeadValue');
  if (!nameCol || !valueCol) return into;
  for (const { kind: setting, row } of namedRows(view, ctx, nameCol, SETTINGS, 'rsSettingUnknown')) {
    const at = view.at(row, valueCol);
    ctx.cells.set(setting.path, at);
    if (setting.path === 'starQuota.stars') ctx.cells.set('starQuota', at);
    readValue(setting, view.cell(row, valueCol), at, ctx, into);
  }
  // The star quota is both values or neither: one without the other is named at the blank one's cell.
  const [stars, share] = [into.quotaStars === undefined, into.quotaShare === undefined];
  if (stars !== share) {
    const blank = SETTINGS.find((s) => s.field === (stars ? 'quotaStars' : 'quotaShare'))!;
    const at = ctx.cells.get(blank.path) ?? view.titleCell;
    if (!ctx.hasProblemAt(at)) ctx.reportField(at, 'rsRequired', blank.name);
  }
  return into;
}

/** Whether a 【设置】 table says its block assesses branches: how a block is told apart before it is read. */
export function settingsSayBranch(view: TableView): boolean {
  const nameCol = view.column(t('rsHeadSetting'), t('rsHeadSetting', {}, 'en'));
  const valueCol = view.column(t('rsHeadValue'), t('rsHeadValue', {}, 'en'));
  if (!nameCol || !valueCol) return false;
  const subjectKeys = [headerKey(t('rsSetSubject')), headerKey(t('rsSetSubject', {}, 'en'))];
  const row = view.table.rows.find((r) => subjectKeys.includes(headerKey(view.text(r, nameCol))));
  return row !== undefined && SUBJECTS.parse(view.text(row, valueCol)) === 'branch';
}
