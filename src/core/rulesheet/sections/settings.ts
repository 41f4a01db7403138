import { both, type MessageKey, t } from '../../messages';
import type { Pack } from '../../pack/schema';
import type { Cell } from '../../snapshot';
import { parsePercent } from '../../values';
import { paramNumber } from '../../pack/params';
import { percentReference, shareText } from '../condition';
import { nearest } from '../facts';
import { cellText, headerKey } from '../grid';
import { suggestion } from '../problem';
import { listSeparators, needColumn, optional, type ReadContext, type Section } from '../section';
import { SUBJECTS } from '../words';

interface Ranking {
  bottomShare?: number;
  param?: string;
  flag?: string;
  flagEn?: string;
}

interface SettingRead {
  ctx: ReadContext;
  cell: Cell;
  at: string;
  ranking: Ranking;
}

/** One row of 【设置】: a pack field that is a single value. A new pack section's settings are new entries here. */
interface Setting {
  name: MessageKey;
  write(pack: Pack): Cell;
  read(r: SettingRead): void;
}

const text = (r: SettingRead) => cellText(r.cell);

export const SETTINGS: Setting[] = [
  {
    name: 'rsSetId',
    write: (p) => p.id,
    read: (r) => {
      if (text(r) === '') r.ctx.reportField(r.at, 'rsRequired', 'rsSetId');
      else r.ctx.draft.id = text(r);
    },
  },
  {
    name: 'rsSetSubject',
    write: (p) => SUBJECTS.word(p.subject),
    read: (r) => {
      const subject = SUBJECTS.parse(text(r));
      if (subject) r.ctx.draft.subject = subject as Pack['subject'];
      else r.ctx.report(r.at, both('rsSubjectUnknown', { text: text(r) }));
    },
  },
  {
    name: 'rsSetTitleEn',
    write: (p) => p.titleEn ?? '',
    read: (r) => {
      r.ctx.draft.titleEn = optional(text(r));
    },
  },
  {
    name: 'rsSetBottomShare',
    write: (p) => (p.ranking ? shareText(p.ranking.bottomShare, p.ranking.param) : ''),
    read: (r) => {
      const ref = percentReference(r.cell, r.ctx.params);
      if (ref) {
        if (ref.ok) Object.assign(r.ranking, { bottomShare: paramNumber(ref.param), param: ref.param.name });
        else r.ctx.report(r.at, ref.problem);
        return;
      }
      const share = parsePercent(r.cell);
      if (share.kind === 'value' && share.value >= 0 && share.value <= 1) r.ranking.bottomShare = share.value;
      else if (share.kind !== 'empty') r.ctx.reportField(r.at, 'rsPercentExpected', 'rsSetBottomShare', { text: text(r) });
    },
  },
  {
    name: 'rsSetBottomFlag',
    write: (p) => p.ranking?.flag ?? '',
    read: (r) => {
      r.ranking.flag = optional(text(r));
    },
  },
  {
    name: 'rsSetBottomFlagEn',
    write: (p) => p.ranking?.flagEn ?? '',
    read: (r) => {
      r.ranking.flagEn = optional(text(r));
    },
  },
  {
    name: 'rsSetIgnored',
    write: (p) => p.ignoredColumns.join('、'),
    read: (r) => {
      r.ctx.draft.ignoredColumns = text(r).split(listSeparators).map((s) => s.trim()).filter(Boolean);
    },
  },
];

export const settingsSection: Section = {
  name: 'rsTableSettings',
  hint: 'rsHintSettings',
  required: true,
  notes: {},
  write: ({ pack }) => ({
    columns: [
      { header: t('rsHeadSetting'), width: 150 },
      { header: t('rsHeadValue'), width: 120 },
    ],
    rows: SETTINGS.map((s) => [t(s.name), s.write(pack)]),
  }),
  read(view, ctx) {
    const nameCol = needColumn(view, ctx, 'rsHeadSetting');
    const valueCol = needColumn(view, ctx, 'rsHeadValue');
    if (!nameCol || !valueCol) return;
    const ranking: Ranking = {};
    let shareCell = view.titleCell;
    let flagCell = view.titleCell;
    for (const row of view.table.rows) {
      const name = view.text(row, nameCol);
      if (name === '') continue;
      const setting = SETTINGS.find((s) => headerKey(t(s.name)) === headerKey(name) || headerKey(t(s.name, {}, 'en')) === headerKey(name));
      const at = view.at(row, valueCol);
      if (!setting) {
        const names = SETTINGS.map((s) => t(s.name));
        ctx.report(view.at(row, nameCol), both('rsSettingUnknown', { text: name, known: names.join('、'), ...suggestion(nearest(name, names)) }));
        continue;
      }
      if (setting.name === 'rsSetBottomShare') shareCell = at;
      if (setting.name === 'rsSetBottomFlag') flagCell = at;
      ctx.cells.set(setting.name === 'rsSetId' ? 'id' : setting.name === 'rsSetSubject' ? 'subject' : `settings.${setting.name}`, at);
      setting.read({ ctx, cell: view.cell(row, valueCol), at, ranking });
    }
    ctx.cells.set('ranking', shareCell);
    if (ranking.bottomShare === undefined) return;
    if (!ranking.flag) {
      ctx.reportField(flagCell, 'rsRequired', 'rsSetBottomFlag');
      return;
    }
    ctx.draft.ranking = {
      bottomShare: ranking.bottomShare,
      ...(ranking.param ? { param: ranking.param } : {}),
      flag: ranking.flag,
      ...(ranking.flagEn ? { flagEn: ranking.flagEn } : {}),
    };
  },
};
