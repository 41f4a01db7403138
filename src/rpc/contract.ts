import * as z from 'zod';
import { ReportSheetSchema } from '../core/report/sheet';
import { ChartSheetSchema } from '../core/results/chart-sheet';
import { resultSheetNames, SHIPPED_SCHEME_TITLES } from '../core/results/sheets';
import { ResultTableSchema } from '../core/results/table';
import { RULES_SHEET } from '../core/rulesheet/name';
import { RuleRowEditSchema, RulesSheetPaintSchema, SheetDecorationSchema } from '../core/rulesheet/schemas';
import { WorkbookSnapshotSchema } from '../core/snapshot';

/**
 * The functions the sidebar calls on the Apps Script server, with their
 * argument and result schemas. Both sides validate against these: the server
 * its arguments, the sidebar its results. Every value is JSON-safe.
 */
export const ColumnMappingSchema = z.record(z.string(), z.string());

export const WorkbookPayloadSchema = z.object({
  spreadsheetName: z.string(),
  timeZone: z.string(),
  snapshot: WorkbookSnapshotSchema,
  mapping: ColumnMappingSchema,
});
export type WorkbookPayload = z.infer<typeof WorkbookPayloadSchema>;

export const SelectCellArgsSchema = z.object({ sheet: z.string().min(1), cell: z.string().regex(/^[A-Z]{1,3}\d{1,7}(:[A-Z]{1,3}\d{1,7})?$/) });
export type SelectCellArgs = z.infer<typeof SelectCellArgsSchema>;

export const OkSchema = z.object({ ok: z.literal(true) });

// Rules sheet (考评规则): created from the default packs on first use, marked with the
// problems a run finds in it, written row by row from the rule editor, replaced by an
// imported pack. The sidebar works out every value, colour and note (it has the
// parsers); the server only paints them, so its bundle stays small.
export const EnsureRulesSheetResultSchema = z.object({ created: z.boolean(), sheet: z.string() });
export const MarkRuleProblemsArgsSchema = z.object({ decoration: SheetDecorationSchema });
/** How many cells were painted: the sheet's used range. */
export const MarkRuleProblemsResultSchema = z.object({ cells: z.number().int().nonnegative() });
/** The 1-based row the rule was written to. */
export const WriteRuleRowResultSchema = z.object({ row: z.number().int().positive() });

export const RULES_RPC = {
  /** Writes the given sheet (the default packs) only when the workbook has no rules sheet yet. */
  ensureRulesSheet: { args: z.tuple([RulesSheetPaintSchema]), result: EnsureRulesSheetResultSchema },
  markRuleProblems: { args: z.tuple([MarkRuleProblemsArgsSchema]), result: MarkRuleProblemsResultSchema },
  writeRuleRow: { args: z.tuple([RuleRowEditSchema]), result: WriteRuleRowResultSchema },
  /** Rules imported from a pack file, laid out by the sidebar after they were checked. */
  replaceRulesSheet: { args: z.tuple([RulesSheetPaintSchema]), result: EnsureRulesSheetResultSchema },
} as const;

// The rules each run used, kept with the document, so the sidebar can list what
// changed in the rules since the last run (the change log between versions).
const VersionSchema = z.string().min(1).max(40);
const PackJsonSchema = z.string().min(2).max(200_000);
/** How many assessments a run may record: far more than a township declares, few enough to bound a log row. */
const MAX_ASSESSMENTS = 100;
export const RulesVersionSchema = z.object({
  /** The cadre pack's version. */
  version: VersionSchema,
  time: z.string().min(1).max(40),
  /** The branch pack's version; absent from entries recorded before runs kept the branch pack. */
  branchVersion: VersionSchema.optional(),
  /**
   * The version of every assessment the run assessed (the cadre and branch ones and each declared one), by
   * assessment id; absent from entries recorded before runs kept them.
   */
  assessments: z
    .record(z.string().min(1).max(100), VersionSchema)
    .refine((versions) => Object.keys(versions).length <= MAX_ASSESSMENTS, { message: `at most ${MAX_ASSESSMENTS} assessments` })
    .optional(),
});
/** A declared assessment (a scheme block of 考评规则) as a run used it: its id, version and the scheme (JSON). */
export const SchemeRecordSchema = z.object({ id: z.string().min(1).max(100), version: VersionSchema, pack: PackJsonSchema });
export const RecordRulesArgsSchema = RulesVersionSchema.extend({
  /** The cadre pack (JSON). */
  pack: PackJsonSchema,
  /** The branch pack (JSON), recorded with its version. */
  branch: PackJsonSchema.optional(),
  /** Every declared assessment of the rules the run used, whether it had ledgers or not; absent from runs recorded before. */
  schemes: z.array(SchemeRecordSchema).max(MAX_ASSESSMENTS).optional(),
})
  .refine((entry) => (entry.branch === undefined) === (entry.branchVersion === undefined), {
    message: 'branch and branchVersion go together',
    path: ['branchVersion'],
  })
  .refine((entry) => new Set(entry.schemes?.map((s) => s.id)).size === (entry.schemes?.length ?? 0), {
    message: 'each scheme once',
    path: ['schemes'],
  });
export const RulesLogSchema = z.object({
  /** Newest first. */
  history: z.array(RulesVersionSchema),
  /** The packs (JSON) of the last run, for the change log. */
  last: RecordRulesArgsSchema.nullable(),
});
export type RulesLog = z.infer<typeof RulesLogSchema>;

export const WriteResultsArgsSchema = z.object({
  tables: z.array(ResultTableSchema).min(1),
  /** The 图表 sheet: its tables written with the others, all or nothing, and its charts built over them. */
  charts: ChartSheetSchema.optional(),
  /** The printable 考评报告 and, when asked, 考评反馈单: written with the others, all or nothing. */
  reports: z.array(ReportSheetSchema).max(2).optional(),
  /** The rules the run used, recorded in the rules log in the same call, once the results are in place. */
  rules: RecordRulesArgsSchema.optional(),
});
export type WriteResultsArgs = z.infer<typeof WriteResultsArgsSchema>;

export const WriteResultsResultSchema = z.object({
  sheets: z.array(z.object({ sheet: z.string(), rows: z.number().int() })),
  time: z.string(),
  /** Why the rules log could not be saved; the results are written all the same. */
  rulesLogError: z.string().optional(),
  /** Old result sheets set aside that could not be removed once the new ones were in place; the next run removes them. */
  leftovers: z.array(z.string()).optional(),
});
export type WriteResultsResult = z.infer<typeof WriteResultsResultSchema>;

export const RULES_LOG_RPC = {
  recordRulesVersion: { args: z.tuple([RecordRulesArgsSchema]), result: OkSchema },
  getRulesLog: { args: z.tuple([]), result: RulesLogSchema },
} as const;

export const RPC = {
  getWorkbook: { args: z.tuple([]), result: WorkbookPayloadSchema },
  saveMapping: { args: z.tuple([ColumnMappingSchema]), result: OkSchema },
  writeResults: { args: z.tuple([WriteResultsArgsSchema]), result: WriteResultsResultSchema },
  selectCell: { args: z.tuple([SelectCellArgsSchema]), result: OkSchema },
  ...RULES_RPC,
  ...RULES_LOG_RPC,
} as const;

export type RpcName = keyof typeof RPC;

/**
 * The functions that change nothing in the document. Every other one writes,
 * and runs holding the document lock, so two editors' runs never interleave.
 */
export const READ_ONLY_RPCS: readonly RpcName[] = ['getWorkbook', 'getRulesLog', 'selectCell'];
export type RpcArgs<N extends RpcName> = z.infer<(typeof RPC)[N]['args']>;
export type RpcResult<N extends RpcName> = z.infer<(typeof RPC)[N]['result']>;

/** Top-level functions Apps Script must see: the triggers, the menu items and every RPC. */
export const MENU_FUNCTIONS = ['onOpen', 'onInstall', 'openSidebar', 'assessNow'] as const;
export const SERVER_FUNCTIONS = [...MENU_FUNCTIONS, ...(Object.keys(RPC) as RpcName[])] as const;

/**
 * 立即考评 opens the sidebar with `<body data-autorun="1">`; the sidebar reads
 * `document.body.dataset.autorun`. The flag travels in the page itself rather
 * than in getWorkbook's payload because only the page knows how it was opened.
 */
export const AUTORUN_ATTRIBUTE = 'data-autorun';

/**
 * The sheets the add-on owns and rewrites on every run without reading them
 * (考评结果, 支部汇总, the result sheet of every assessment the sidebar runs, 图表, 考评报告 and 考评反馈单);
 * everything else is read.
 */
export const OWNED_SHEETS: readonly string[] = resultSheetNames(SHIPPED_SCHEME_TITLES.map((title) => ({ title })));

export { LOG_SHEET } from '../core/rulesheet/name';

/**
 * The rules sheet is the add-on's too (it writes it, colours and notes it), but
 * unlike the result sheets every run reads it: it stays in the snapshot, and
 * the core never takes it for a ledger.
 */
export { RULES_SHEET };
