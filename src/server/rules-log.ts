import { RulesLogSchema, type RpcArgs, type RpcResult } from '../rpc/contract';

type Properties = GoogleAppsScript.Properties.Properties;

const LOG_KEY = 'ledgerRules.rulesLog';
/** Where each pack's JSON is kept, in numbered chunks: the cadre pack under the key entries have always used. */
const CHUNK_KEY = 'ledgerRules.rulesLog.pack.';
const BRANCH_CHUNK_KEY = 'ledgerRules.rulesLog.branch.';
/** A property value holds at most 9 kB; 2,000 characters stay under it even at 4 bytes each. */
const CHUNK_CHARS = 2000;
const HISTORY_KEPT = 20;

interface Stored {
  history: { version: string; time: string; branchVersion?: string }[];
  chunks: number;
  /** Absent from logs written before runs kept the branch pack. */
  branchChunks: number;
}

function stored(props: Properties): Stored {
  try {
    const value = JSON.parse(props.getProperty(LOG_KEY) ?? '') as Partial<Stored>;
    if (!Array.isArray(value.history) || !Number.isInteger(value.chunks)) return { history: [], chunks: 0, branchChunks: 0 };
    return { history: value.history, chunks: value.chunks!, branchChunks: Number.isInteger(value.branchChunks) ? value.branchChunks! : 0 };
  } catch {
    return { history: [], chunks: 0, branchChunks: 0 };
  }
}

function chunked(key: string, text: string): Record<string, string> {
  const chunks: Record<string, string> = {};
  for (let i = 0; i * CHUNK_CHARS < text.length; i++) chunks[`${key}${i}`] = text.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
  return chunks;
}

/** A pack's JSON put back together, or undefined when a chunk is missing. */
function joined(all: Record<string, string>, key: string, count: number): string | undefined {
  const parts = Array.from({ length: count }, (_, i) => all[`${key}${i}`]);
  return count > 0 && parts.every((p) => typeof p === 'string') ? parts.join('') : undefined;
}

/**
 * Records the rules a run used: their versions in a short history, and each
 * pack itself in chunks (a pack is larger than one property may be), all in
 * one setProperties call.
 */
export function recordRulesVersion(...[entry]: RpcArgs<'recordRulesVersion'>): RpcResult<'recordRulesVersion'> {
  const props = PropertiesService.getDocumentProperties();
  const before = stored(props);
  const version = { version: entry.version, time: entry.time, ...(entry.branchVersion === undefined ? {} : { branchVersion: entry.branchVersion }) };
  const same = (h: Stored['history'][number]) => h.version === entry.version && h.branchVersion === entry.branchVersion;
  const history = [version, ...before.history.filter((h) => !same(h))].slice(0, HISTORY_KEPT);
  const cadre = chunked(CHUNK_KEY, entry.pack);
  const branch = entry.branch === undefined ? {} : chunked(BRANCH_CHUNK_KEY, entry.branch);
  const chunks = Object.keys(cadre).length;
  const branchChunks = Object.keys(branch).length;
  props.setProperties({ ...cadre, ...branch, [LOG_KEY]: JSON.stringify({ history, chunks, branchChunks }) });
  for (let i = chunks; i < before.chunks; i++) props.deleteProperty(`${CHUNK_KEY}${i}`);
  for (let i = branchChunks; i < before.branchChunks; i++) props.deleteProperty(`${BRANCH_CHUNK_KEY}${i}`);
  return { ok: true };
}

/**
 * The rules history and the last run's packs; an unreadable log reads as
 * empty rather than failing, and a last run recorded before the branch pack
 * was kept comes back with its cadre pack alone.
 */
export function getRulesLog(): RpcResult<'getRulesLog'> {
  const props = PropertiesService.getDocumentProperties();
  const log = stored(props);
  const first = log.history[0];
  let last = null;
  if (first && log.chunks > 0) {
    const all = props.getProperties();
    const pack = joined(all, CHUNK_KEY, log.chunks);
    const branch = first.branchVersion === undefined ? undefined : joined(all, BRANCH_CHUNK_KEY, log.branchChunks);
    if (pack !== undefined) {
      last = { version: first.version, time: first.time, pack, ...(branch === undefined ? {} : { branchVersion: first.branchVersion, branch }) };
    }
  }
  const parsed = RulesLogSchema.safeParse({ history: log.history, last });
  return parsed.success ? parsed.data : { history: [], last: null };
}
