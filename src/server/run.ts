import type { RpcArgs, RpcResult } from '../rpc/contract';
import { errorText } from './errors';
import { recordRulesVersion } from './rules-log';
import { writeResults } from './write';

/**
 * A run's writes in one call, so under one lock: the result tables, then the
 * rules they came from. The log is the lesser of the two: once the results
 * are in place, failing to log their rules is a warning on a run that is
 * done, never a failed run.
 */
export function writeRun(...[args]: RpcArgs<'writeResults'>): RpcResult<'writeResults'> {
  const written = writeResults(args);
  if (!args.rules) return written;
  try {
    recordRulesVersion(args.rules);
    return written;
  } catch (error) {
    return { ...written, rulesLogError: errorText(error) };
  }
}
