import type { Basis } from '../assess/score';
import type { SubjectResult } from '../scheme/result';
import type { SourceCell } from './table';

/** The cell a result rests on: its `cell` when the row shows it by another than its first. */
export function sourceCell(source: SubjectResult['source']): SourceCell | null {
  return source ? { sheet: source.sheet, cell: source.cell ?? `A${source.row}` } : null;
}

/** How a source reads in its cell, the link's text where a host makes it one: 4月驻村台账!A25. */
export const sourceText = (cell: SourceCell | null): string => (cell ? `${cell.sheet}!${cell.cell}` : '');

/** The points behind a score in words, each rule as `label` says it (承诺完成率 ≥ 90% +20); ids stay on the rules sheet. */
export function basisText(basis: readonly Basis[], label: (rule: string) => string): string {
  return basis.map((b) => `${label(b.rule)} ${b.points >= 0 ? '+' : ''}${b.points}`).join('；');
}
