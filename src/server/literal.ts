import { t } from '../core/messages';

/** Sheets' limit for the text of one cell. */
export const CELL_CHARACTERS = 50_000;

/**
 * Texts Sheets would not keep as written: "=" starts a formula whatever the
 * cell's format (Range.setValue documents it), + - @ start one when typed,
 * spaces before them aside, and a leading apostrophe would be taken for the
 * quote prefix and dropped.
 */
const NOT_LITERAL = /^(\s*[=+\-@]|')/;

export interface LiteralCell {
  value: string | number;
  /** Set when the text was too long for a cell: the note that says so. */
  note?: string;
}

/**
 * A value as the add-on writes it into a cell: numbers as they are; a text
 * that Sheets would read as a formula, or whose apostrophe it would drop,
 * behind a quote prefix (an apostrophe Sheets does not keep in the value), so
 * it reads back exactly as given; and a text too long for a cell cut to fit,
 * with a note saying how long it was.
 */
export function literal(value: string | number): LiteralCell {
  if (typeof value !== 'string') return { value };
  const prefix = NOT_LITERAL.test(value) ? "'" : '';
  if (prefix.length + value.length <= CELL_CHARACTERS) return { value: prefix + value };
  let kept = CELL_CHARACTERS - prefix.length;
  // Never split a character outside the Basic Multilingual Plane in two.
  if (/[\uD800-\uDBFF]/.test(value.charAt(kept - 1))) kept--;
  const params = { length: value.length, limit: CELL_CHARACTERS, kept };
  return { value: prefix + value.slice(0, kept), note: `${t('cellTextCut', params)}\n${t('cellTextCut', params, 'en')}` };
}

/** Whether a line of a cell's note is one of the two literal() wrote for a text it cut. */
export function isCutNote(line: string): boolean {
  return (['zh', 'en'] as const).some((lang) => line.startsWith(t('cellTextCut', {}, lang).split('{')[0]!));
}

export interface LiteralGrid {
  values: (string | number)[][];
  /** One note per cell ('' for none), or undefined when nothing was cut: most writes need no notes call. */
  notes: string[][] | undefined;
}

/** A whole grid through literal(): what setValues gets, and the notes of the cells that were cut. */
export function literalGrid(grid: (string | number)[][]): LiteralGrid {
  let cut = false;
  const cells = grid.map((row) =>
    row.map((value) => {
      const cell = literal(value);
      if (cell.note !== undefined) cut = true;
      return cell;
    }),
  );
  return {
    values: cells.map((row) => row.map((cell) => cell.value)),
    notes: cut ? cells.map((row) => row.map((cell) => cell.note ?? '')) : undefined,
  };
}
