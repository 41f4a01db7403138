import { ColumnMappingSchema, type RpcArgs, type RpcResult } from '../rpc/contract';
import { errorText, UserError } from './errors';

/** Where the column mapping the user set in the sidebar lives: with the document, for everyone who edits it. */
const MAPPING_KEY = 'ledgerRules.columnMapping';
/** Apps Script's limit for one property value. */
const PROPERTY_LIMIT = 9 * 1024;

/**
 * The saved mapping, or none. A value that no longer parses (an older version
 * wrote it, or someone edited it by script) is dropped rather than failing:
 * the sidebar lets the user map the columns again.
 */
export function loadMapping(): Record<string, string> {
  const text = PropertiesService.getDocumentProperties().getProperty(MAPPING_KEY);
  if (!text) return {};
  try {
    const parsed = ColumnMappingSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export function saveMapping(...[mapping]: RpcArgs<'saveMapping'>): RpcResult<'saveMapping'> {
  const text = JSON.stringify(mapping);
  const size = utf8Length(text);
  if (size > PROPERTY_LIMIT) throw new UserError('mappingTooLarge', { size, limit: PROPERTY_LIMIT });
  try {
    PropertiesService.getDocumentProperties().setProperty(MAPPING_KEY, text);
  } catch (error) {
    // The store's 500 KB can be taken by a rules log an earlier version kept there.
    throw new UserError('mappingStoreFull', { detail: errorText(error) });
  }
  return { ok: true };
}
