import { RPC, type RpcArgs, type RpcName, type RpcResult } from '../rpc/contract';
import { issuesText, UserError } from './errors';

/**
 * A server function as the sidebar calls it: the arguments are checked against
 * the contract before the work starts, and the result before it leaves, so a
 * Date or a stray field can never reach google.script.run.
 */
export function serve<N extends RpcName>(name: N, impl: (...args: RpcArgs<N>) => RpcResult<N>): (...args: unknown[]) => RpcResult<N> {
  const schema = RPC[name];
  return (...args: unknown[]) => {
    const input = schema.args.safeParse(args);
    if (!input.success) throw new UserError('rpcBadArgs', { fn: name, detail: issuesText(input.error) });
    const output = schema.result.safeParse(impl(...(input.data as RpcArgs<N>)));
    if (!output.success) throw new UserError('rpcBadResult', { fn: name, detail: issuesText(output.error) });
    return output.data as RpcResult<N>;
  };
}
