import type { NameRules } from '../../branch/schema';
import { both, type MessageKey, t } from '../../messages';
import type { TableView } from '../grid';
import { namedRows } from '../named-rows';
import { needColumn, type ReadContext, type TableOut } from '../section';

type SuffixKind = 'suffixes' | 'placeSuffixes' | 'townshipSuffixes';

/** One row of 【名称规则】: the list of endings it holds. Only the Party suffixes may not be empty: without them no two ledgers' names meet. */
const KINDS: { name: MessageKey; field: SuffixKind; required: boolean }[] = [
  { name: 'rsNameSuffixes', field: 'suffixes', required: true },
  { name: 'rsNamePlaceSuffixes', field: 'placeSuffixes', required: false },
  { name: 'rsNameTownshipSuffixes', field: 'townshipSuffixes', required: false },
];

/** The endings of a cell in the order written: BranchNameRules tries the longest first, and keeping the clerk's order keeps the sheet as they left it. */
const words = (text: string): string[] => text.split(/[、,，\s]+/).filter((w) => w !== '');

export function writeNameRules(names: NameRules): TableOut {
  return {
    columns: [
      { header: t('rsHeadNameKind'), width: 150 },
      { header: t('rsHeadNameWords'), width: 420 },
    ],
    rows: KINDS.map((k) => [t(k.name), names[k.field].join('、')]),
  };
}

export function writeNameAliases(names: NameRules): TableOut {
  return {
    columns: [
      { header: t('rsHeadWritten'), width: 180 },
      { header: t('rsHeadAliasBranch'), width: 180 },
    ],
    rows: Object.entries(names.aliases).map(([written, branch]) => [written, branch]),
  };
}

/** The endings of 【名称规则】, by row name in any order; a row left out is an empty list, an unknown row is reported. */
export function readNameRules(view: TableView, ctx: ReadContext): Pick<NameRules, SuffixKind> {
  const into: Pick<NameRules, SuffixKind> = { suffixes: [], placeSuffixes: [], townshipSuffixes: [] };
  const nameCol = needColumn(view, ctx, 'rsHeadNameKind');
  const wordsCol = needColumn(view, ctx, 'rsHeadNameWords');
  if (!nameCol || !wordsCol) return into;
  const seen = new Map<SuffixKind, string>();
  for (const { kind, row } of namedRows(view, ctx, nameCol, KINDS, 'rsNameRowUnknown')) {
    const at = view.at(row, wordsCol);
    seen.set(kind.field, at);
    ctx.cells.set(`names.${kind.field}`, at);
    into[kind.field] = words(view.text(row, wordsCol));
  }
  for (const kind of KINDS) {
    if (!kind.required || into[kind.field].length > 0) continue;
    ctx.reportField(seen.get(kind.field) ?? view.titleCell, 'rsNameSuffixesEmpty', kind.name);
  }
  return into;
}

/** The pairs of 【名称对照】: a name as a ledger writes it → the branch it means; half a pair is named at its blank cell. */
export function readNameAliases(view: TableView, ctx: ReadContext): NameRules['aliases'] {
  const aliases: NameRules['aliases'] = {};
  const writtenCol = needColumn(view, ctx, 'rsHeadWritten');
  const branchCol = needColumn(view, ctx, 'rsHeadAliasBranch');
  if (!writtenCol || !branchCol) return aliases;
  ctx.cells.set('names.aliases', view.titleCell);
  const cells = new Map<string, string>();
  for (const row of view.table.rows) {
    const written = view.text(row, writtenCol);
    const branch = view.text(row, branchCol);
    if (written === '' && branch === '') continue;
    if (written === '') ctx.reportField(view.at(row, writtenCol), 'rsRequired', 'rsHeadWritten');
    else if (branch === '') ctx.report(view.at(row, branchCol), both('rsAliasBranchBlank', { text: written }));
    else if (written in aliases) ctx.report(view.at(row, writtenCol), both('rsRowTwice', { text: written, cell: cells.get(written)! }));
    else {
      aliases[written] = branch;
      cells.set(written, view.at(row, branchCol));
    }
  }
  return aliases;
}
