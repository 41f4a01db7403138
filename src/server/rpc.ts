import { READ_ONLY_RPCS, RPC, type RpcArgs, type RpcName, type RpcResult } from '../rpc/contract';
import { errorText, issuesText, UserError } from './errors';
import { withDocumentLock } from './lock';

/**
 * A server function as the sidebar calls it: the arguments are checked against
 * the contract before the work starts, and the result before it leaves, so a
 * Date or a stray field can never reach google.script.run. Every function
 * but the read-only ones runs holding the document lock.
 */
export function serve<N extends RpcName>(name: N, impl: (...args: RpcArgs<N>) => RpcResult<N>): (...args: unknown[]) => RpcResult<N> {
  const schema = RPC[name];
  const locked = !READ_ONLY_RPCS.includes(name);
  return (...args: unknown[]) => {
    const input = schema.args.safeParse(args);
    if (!input.success) throw new UserError('rpcBadArgs', { fn: name, detail: issuesText(input.error) });
    let result: RpcResult<N>;
    try {
      const parsed = input.data as RpcArgs<N>;
      result = locked ? withDocumentLock(() => impl(...parsed)) : impl(...parsed);
    } catch (error) {
      // A service failing (quota, a sheet deleted meanwhile) still reaches the user in both languages.
      if (error instanceof UserError) throw error;
      throw new UserError('rpcFailed', { fn: name, detail: errorText(error) });
    }
    const output = schema.result.safeParse(result);
    if (!output.success) throw new UserError('rpcBadResult', { fn: name, detail: issuesText(output.error) });
    return output.data as RpcResult<N>;
  };
}
