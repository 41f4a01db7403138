/**
 * google.script.run and google.script.host for the sidebar page the preview
 * serves (this file runs in the browser). Each server call becomes
 * POST /rpc/NAME with the JSON arguments. It keeps what matters of the real
 * one: calls are asynchronous, handlers get (value, userObject), a Date or a
 * function among the arguments fails the call, and at most 10 calls are in
 * flight at once. The page embedding the sidebar hears of every call, so it
 * can redraw the workbook.
 */
const MAX_IN_FLIGHT = 10;
let inFlight = 0;
const waiting: (() => void)[] = [];
type Handler = ((value: unknown, userObject: unknown) => void) | undefined;

/** Where an argument holds something google.script.run refuses to send. */
function illegal(value: unknown, path: string): string | undefined {
  if (value instanceof Date || typeof value === 'function') return path;
  if (Array.isArray(value)) return value.map((v, i) => illegal(v, `${path}[${i}]`)).find(Boolean);
  if (value !== null && typeof value === 'object') return Object.entries(value).map(([k, v]) => illegal(v, `${path}.${k}`)).find(Boolean);
  return undefined;
}

function tell(message: Record<string, unknown>): void {
  if (window.parent !== window) window.parent.postMessage({ source: 'ledger-rules-preview', ...message }, '*');
}

function send(name: string, args: unknown[], success: Handler, failure: Handler, userObject: unknown): void {
  const fail = (error: Error) => {
    if (failure) failure(error, userObject);
    else console.error(error);
  };
  const bad = illegal(args, 'arguments');
  if (bad) {
    setTimeout(() => fail(new Error(`Failed due to illegal value in property: ${bad}`)), 0);
    return;
  }
  const start = () => {
    inFlight++;
    fetch(`/rpc/${encodeURIComponent(name)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) })
      .then((response) => response.json() as Promise<{ ok: boolean; result?: unknown; error?: string }>)
      .then(
        (answer) => {
          if (answer.ok) {
            if (success) success(answer.result, userObject);
          } else fail(new Error(answer.error));
          tell({ type: 'rpc', name, ok: answer.ok });
        },
        (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
      )
      .finally(() => {
        inFlight--;
        waiting.shift()?.();
      });
  };
  if (inFlight < MAX_IN_FLIGHT) start();
  else waiting.push(start);
}

function runner(success?: Handler, failure?: Handler, userObject?: unknown): unknown {
  return new Proxy(
    {},
    {
      get(_target, name) {
        if (name === 'withSuccessHandler') return (fn: Handler) => runner(fn, failure, userObject);
        if (name === 'withFailureHandler') return (fn: Handler) => runner(success, fn, userObject);
        if (name === 'withUserObject') return (value: unknown) => runner(success, failure, value);
        if (typeof name !== 'string' || name === 'then') return undefined;
        return (...args: unknown[]) => send(name, args, success, failure, userObject);
      },
    },
  );
}

const host = {
  close: () => tell({ type: 'close' }),
  setHeight: () => undefined,
  setWidth: () => undefined,
  editor: { focus: () => undefined },
};
(window as unknown as { google: unknown }).google = { script: { run: runner(), host } };

export {};
