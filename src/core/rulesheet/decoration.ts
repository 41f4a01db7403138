import { t } from '../messages';
import type { Cell } from '../snapshot';
import { fromA1, headerKey, scanBlocks, type SheetBlock, type TableColumn, TableView } from './grid';
import type { RuleProblem } from './problem';
import { ownRiskName, type RiskName } from './rule-tests';
import { RULES_SHEET_COLORS, type SheetDecoration } from './schemas';
import type { Section } from './section';
import { SECTIONS } from './sections/index';
import { testsSection } from './sections/tests';
import { SCHEME_NOTES } from './scheme/block';


/**
 * Colours, weights and notes for every cell of a rules sheet, worked out from
 * its values (titles, headers) and the problems found in it: what a host sets
 * in one batch call each, over the sheet's used range. The sheet is the
 * add-on's own, so old problem marks simply give way to the new ones.
 */

type Notes = Pick<Section, 'notes' | 'fixed' | 'otherNote' | 'prefixed'>;

function sectionOf(key: string): Notes | undefined {
  return SECTIONS.find((s) => headerKey(t(s.name)) === key) ?? SCHEME_NOTES.find((s) => headerKey(t(s.name)) === key);
}

/** The risk name a scheme block's 【方案】 gives, which its 【规则测试】 says in place of 软弱涣散风险. */
function blockRiskName(block: SheetBlock): RiskName | undefined {
  const table = block.tables.find((tb) => tb.key === headerKey(t('rsTableScheme')));
  if (!table) return undefined;
  const view = new TableView(table);
  const nameCol = view.column(t('rsHeadSetting'), t('rsHeadSetting', {}, 'en'));
  const valueCol = view.column(t('rsHeadValue'), t('rsHeadValue', {}, 'en'));
  const words = [t('rsSetRiskLabel'), t('rsSetRiskLabel', {}, 'en')].map(headerKey);
  const row = table.rows.find((r) => words.includes(headerKey(view.text(r, nameCol))));
  return row && ownRiskName(view.text(row, valueCol));
}

function headerNote(section: Notes | undefined, col: TableColumn, riskName: RiskName | undefined): string {
  if (!section) return '';
  if (section === testsSection && riskName && col.key === headerKey(t('rsHeadExpectRiskOf', { label: riskName.label }))) return t('rsNoteExpectRiskOf', { ...riskName });
  for (const [header, note] of Object.entries(section.notes)) {
    if (headerKey(t(header as keyof typeof section.notes)) === col.key) return t(note!);
  }
  const fixed = section.fixed?.some((k) => headerKey(t(k)) === col.key || headerKey(t(k, {}, 'en')) === col.key);
  if (fixed) return '';
  const prefixed = section.prefixed;
  if (prefixed && (['zh', 'en'] as const).some((lang) => col.key.startsWith(headerKey(t(prefixed.header, { label: '' }, lang))))) return t(prefixed.note);
  return section.fixed && section.otherNote ? t(section.otherNote) : '';
}

export function sheetDecoration(values: Cell[][], problems: RuleProblem[] = []): SheetDecoration {
  const height = values.length;
  const width = Math.max(0, ...values.map((r) => r.length));
  const grid = <T>(v: T) => Array.from({ length: height }, () => Array.from({ length: width }, () => v));
  const C = RULES_SHEET_COLORS;
  const deco: SheetDecoration = { backgrounds: grid<string>(C.background), fontColors: grid<string>(C.text), fontWeights: grid<'bold' | 'normal'>('normal'), notes: grid('') };
  const paintRow = (row: number, from: number, background: string, color: string, weight: 'bold' | 'normal') => {
    for (let c = from; c < width; c++) {
      deco.backgrounds[row]![c] = background;
      deco.fontColors[row]![c] = color;
      deco.fontWeights[row]![c] = weight;
    }
  };

  for (const block of scanBlocks(values, t('rsPackTitle'))) {
    paintRow(block.row, 0, C.packBackground, C.packText, 'bold');
    const next = block.row + 1;
    const firstTable = block.tables[0]?.row ?? height;
    for (let r = next; r < firstTable; r++) paintRow(r, 0, C.background, C.hintText, 'normal');
    const riskName = blockRiskName(block);
    for (const table of block.tables) {
      paintRow(table.row, 0, C.background, C.hintText, 'normal');
      deco.backgrounds[table.row]![table.col] = C.tableBackground;
      deco.fontColors[table.row]![table.col] = C.text;
      deco.fontWeights[table.row]![table.col] = 'bold';
      if (table.headerRow === undefined) continue;
      const section = sectionOf(table.key);
      for (const col of table.columns) {
        deco.backgrounds[table.headerRow]![col.col] = C.headerBackground;
        deco.fontWeights[table.headerRow]![col.col] = 'bold';
        deco.notes[table.headerRow]![col.col] = headerNote(section, col, riskName);
      }
    }
  }

  const marks = new Map<string, string[]>();
  for (const p of problems) marks.set(p.cell, [...(marks.get(p.cell) ?? []), t('rsProblemMark') + p.message]);
  for (const [cell, lines] of marks) {
    const at = fromA1(cell);
    if (!at || at.row >= height || at.col >= width) continue;
    deco.backgrounds[at.row]![at.col] = C.problemBackground;
    const base = deco.notes[at.row]![at.col];
    deco.notes[at.row]![at.col] = [...lines, ...(base ? ['', base] : [])].join('\n');
  }
  return deco;
}
