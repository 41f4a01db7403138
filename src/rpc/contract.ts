import * as z from 'zod';
import { ResultTableSchema } from '../core/results/table';
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

export const WriteResultsArgsSchema = z.object({ tables: z.array(ResultTableSchema).min(1) });
export type WriteResultsArgs = z.infer<typeof WriteResultsArgsSchema>;

export const WriteResultsResultSchema = z.object({
  sheets: z.array(z.object({ sheet: z.string(), rows: z.number().int() })),
  time: z.string(),
});
export type WriteResultsResult = z.infer<typeof WriteResultsResultSchema>;

export const SelectCellArgsSchema = z.object({ sheet: z.string().min(1), cell: z.string().regex(/^[A-Z]{1,3}\d{1,7}(:[A-Z]{1,3}\d{1,7})?$/) });
export type SelectCellArgs = z.infer<typeof SelectCellArgsSchema>;

export const OkSchema = z.object({ ok: z.literal(true) });

export const RPC = {
  getWorkbook: { args: z.tuple([]), result: WorkbookPayloadSchema },
  saveMapping: { args: z.tuple([ColumnMappingSchema]), result: OkSchema },
  writeResults: { args: z.tuple([WriteResultsArgsSchema]), result: WriteResultsResultSchema },
  selectCell: { args: z.tuple([SelectCellArgsSchema]), result: OkSchema },
} as const;

export type RpcName = keyof typeof RPC;
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

/** The sheets the add-on owns and rewrites; everything else is the user's and only read. */
export const OWNED_SHEETS = ['考评结果'] as const;
