import { RulesLogSchema, type RpcArgs, type RpcResult } from '../rpc/contract';

const LOG_KEY = 'ledgerRules.rulesLog';
const CHUNK_KEY = 'ledgerRules.rulesLog.pack.';
/** A property value holds at most 9 kB; 2,000 characters stay under it even at 4 bytes each. */
const CHUNK_CHARS = 2000;
const HISTORY_KEPT = 20;

interface Stored {
  history: { version: string; time: string }[];
  chunks: number;
}

function stored(props: GoogleAppsScript.Properties.Properties): Stored {
  try {
    const value = JSON.parse(props.getProperty(LOG_KEY) ?? '') as Stored;
    return Array.isArray(value.history) && Number.isInteger(value.chunks) ? value : { history: [], chunks: 0 };
  } catch {
    return { history: [], chunks: 0 };
  }
}

/**
 * Records the rules a run used: its version in a short history, and the pack
 * itself in chunks (a pack is larger than one property may be), all in one
 * setProperties call.
 */
export function recordRulesVersion(...[entry]: RpcArgs<'recordRulesVersion'>): RpcResult<'recordRulesVersion'> {
  const props = PropertiesService.getDocumentProperties();
  const before = stored(props);
  const history = [{ version: entry.version, time: entry.time }, ...before.history.filter((h) => h.version !== entry.version)].slice(0, HISTORY_KEPT);
  const chunks: Record<string, string> = {};
  for (let i = 0; i * CHUNK_CHARS < entry.pack.length; i++) chunks[`${CHUNK_KEY}${i}`] = entry.pack.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
  const count = Object.keys(chunks).length;
  props.setProperties({ ...chunks, [LOG_KEY]: JSON.stringify({ history, chunks: count }) });
  for (let i = count; i < before.chunks; i++) props.deleteProperty(`${CHUNK_KEY}${i}`);
  return { ok: true };
}

/** The rules history and the last run's pack; an unreadable log reads as empty rather than failing. */
export function getRulesLog(): RpcResult<'getRulesLog'> {
  const props = PropertiesService.getDocumentProperties();
  const log = stored(props);
  const first = log.history[0];
  let last = null;
  if (first && log.chunks > 0) {
    const all = props.getProperties();
    const parts = Array.from({ length: log.chunks }, (_, i) => all[`${CHUNK_KEY}${i}`]);
    if (parts.every((p) => typeof p === 'string')) last = { ...first, pack: parts.join('') };
  }
  const parsed = RulesLogSchema.safeParse({ history: log.history, last });
  return parsed.success ? parsed.data : { history: [], last: null };
}
