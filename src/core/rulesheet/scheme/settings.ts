import { both, type MessageKey, t } from '../../messages';
import type { Scheme } from '../../scheme/schema';
import { nearest } from '../facts';
import { headerKey, type TableView } from '../grid';
import { suggestion } from '../problem';
import { needColumn, optional, type ReadContext, type TableOut } from '../section';
import type { SchemeDraft } from './draft';
import { PERIOD_KINDS } from './words';

/** One row of 【方案】: the scheme field it holds, whether it may be blank, and how it is written. */
interface Row {
  name: MessageKey;
  path: 'id' | 'subject' | 'subjectEn' | 'periodKind' | 'titleEn';
  required: boolean;
  write(scheme: Scheme): string;
}

const ROWS: Row[] = [
  { name: 'rsHeadId', path: 'id', required: true, write: (s) => s.id },
  { name: 'rsSchemeSubject', path: 'subject', required: true, write: (s) => s.subject },
  { name: 'rsSchemePeriod', path: 'periodKind', required: true, write: (s) => PERIOD_KINDS.word(s.periodKind) },
  { name: 'rsSetTitleEn', path: 'titleEn', required: false, write: (s) => s.titleEn ?? '' },
  { name: 'rsSchemeSubjectEn', path: 'subjectEn', required: false, write: (s) => s.subjectEn ?? '' },
];

/** Each row's name and its value as 【方案】 writes it: what the change log compares. */
export function schemeSettingCells(scheme: Scheme): { name: MessageKey; value: string }[] {
  return ROWS.map((r) => ({ name: r.name, value: r.write(scheme) }));
}

export function writeSchemeSettings(scheme: Scheme): TableOut {
  return {
    columns: [
      { header: t('rsHeadSetting'), width: 150 },
      { header: t('rsHeadValue'), width: 120 },
    ],
    rows: schemeSettingCells(scheme).map((c) => [t(c.name), c.value]),
  };
}

/** Reads 【方案】 by its row names, in any order: an unknown name, a blank required value or an unknown period is named at its cell. */
export function readSchemeSettings(view: TableView, ctx: ReadContext, draft: SchemeDraft): void {
  const nameCol = needColumn(view, ctx, 'rsHeadSetting');
  const valueCol = needColumn(view, ctx, 'rsHeadValue');
  if (!nameCol || !valueCol) return;
  const found = new Set<MessageKey>();
  for (const row of view.table.rows) {
    const name = view.text(row, nameCol);
    if (name === '') continue;
    const setting = ROWS.find((r) => headerKey(t(r.name)) === headerKey(name) || headerKey(t(r.name, {}, 'en')) === headerKey(name));
    if (!setting) {
      const names = ROWS.map((r) => t(r.name));
      ctx.report(view.at(row, nameCol), both('rsSchemeRowUnknown', { text: name, known: names.join('、'), ...suggestion(nearest(name, names)) }));
      continue;
    }
    found.add(setting.name);
    const at = view.at(row, valueCol);
    ctx.cells.set(setting.path, at);
    const text = view.text(row, valueCol);
    if (text === '') {
      if (setting.required) ctx.reportField(at, 'rsRequired', setting.name);
      continue;
    }
    if (setting.path === 'periodKind') {
      const kind = PERIOD_KINDS.parse(text);
      if (kind) draft.periodKind = kind;
      else ctx.report(at, both('rsPeriodUnknown', { text }));
    } else if (setting.path === 'id' && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(text)) {
      ctx.report(at, both('rsSchemeIdInvalid', { id: text }));
    } else draft[setting.path] = optional(text);
  }
  for (const r of ROWS) if (r.required && !found.has(r.name)) ctx.reportField(view.titleCell, 'rsRequired', r.name);
}
