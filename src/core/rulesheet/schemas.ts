import * as z from 'zod';
import { MergeSchema } from '../snapshot';

/**
 * The shapes the rules sheet travels in between the sidebar and the Apps
 * Script server. They depend on nothing else in the rules-sheet core, so the
 * server bundle gets the schemas without the parsers (and without opencc or
 * json-rules-engine): the sidebar works everything out, the server paints it.
 */

/**
 * A rules sheet as plain data, the way a ResultTable is: what a host writes in
 * a few batch calls (values, merges, widths, drop-downs, plain-text ranges).
 */
export const SheetLayoutSchema = z.object({
  sheet: z.string().min(1).max(100),
  /** Rectangular; "" for an empty cell. */
  values: z.array(z.array(z.union([z.string(), z.number()]))),
  merges: z.array(MergeSchema),
  columnWidths: z.array(z.number().positive()),
  /** Cells offering a drop-down of values (typing others stays allowed). */
  lists: z.array(MergeSchema.extend({ values: z.array(z.string()).min(1) })),
  /** Cells kept as plain text, so "1-2" stays a range and never becomes a date. */
  textRanges: z.array(MergeSchema),
});
export type SheetLayout = z.infer<typeof SheetLayoutSchema>;

/**
 * Colours, weights and notes for every cell from A1, as a host sets them in one
 * batch call each. Worked out from a sheet's values and its problems.
 */
export const SheetDecorationSchema = z.object({
  backgrounds: z.array(z.array(z.string())),
  fontColors: z.array(z.array(z.string())),
  fontWeights: z.array(z.array(z.enum(['bold', 'normal']))),
  notes: z.array(z.array(z.string())),
});
export type SheetDecoration = z.infer<typeof SheetDecorationSchema>;

/** A whole rules sheet to write: its layout and how it looks. */
export const RulesSheetPaintSchema = z.object({ layout: SheetLayoutSchema, decoration: SheetDecorationSchema });
export type RulesSheetPaint = z.infer<typeof RulesSheetPaintSchema>;

/** A row to write on the rules sheet: overwrite `row`, or insert a new row after it. */
export const RuleRowEditSchema = z.object({
  sheet: z.string().min(1),
  /** 0-based. */
  row: z.number().int().nonnegative(),
  insert: z.boolean(),
  /** The whole row from column A. */
  values: z.array(z.union([z.string(), z.number()])),
  /** New condition columns the rule needs, written in the table's header row. */
  headers: z.array(z.object({ row: z.number().int().nonnegative(), col: z.number().int().nonnegative(), text: z.string() })),
});
export type RuleRowEdit = z.infer<typeof RuleRowEditSchema>;

/** The colours of a rules sheet; hosts use exactly these. */
export const RULES_SHEET_COLORS = {
  packBackground: '#174ea6',
  packText: '#ffffff',
  tableBackground: '#d2e3fc',
  headerBackground: '#e8f0fe',
  hintText: '#5f6368',
  text: '#202124',
  background: '#ffffff',
  problemBackground: '#f4c7c3',
} as const;
