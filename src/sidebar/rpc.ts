import { RPC, type RpcArgs, type RpcName, type RpcResult } from '../rpc/contract';

interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: Error) => void): ScriptRun;
  [name: string]: unknown;
}

declare global {
  interface Window {
    google?: { script: { run: ScriptRun } };
  }
}

/**
 * Calls a server function through google.script.run as a promise, and checks
 * the answer against the contract before the sidebar uses it.
 */
export function call<N extends RpcName>(name: N, ...args: RpcArgs<N>): Promise<RpcResult<N>> {
  return new Promise((resolve, reject) => {
    const run = window.google?.script.run;
    if (!run) {
      reject(new Error('google.script.run is not available'));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => {
        const parsed = RPC[name].result.safeParse(value);
        if (parsed.success) resolve(parsed.data as RpcResult<N>);
        else reject(new Error(`${name}: ${parsed.error.message}`));
      })
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}
