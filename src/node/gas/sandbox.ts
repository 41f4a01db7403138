import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import vm from 'node:vm';
import type { AuthMode, CallLog } from './calls';
import { jsonProblem } from './json-safe';
import type { WorkbookModel } from './model';
import { GasServices, type MenuRecord, type SidebarRecord } from './services';

export interface SandboxOptions {
  /** The exact text of dist/Code.js. */
  code: string;
  /** HTML files by name, e.g. { Sidebar: text of dist/Sidebar.html }. */
  files: Record<string, string>;
  workbook: WorkbookModel;
}

/**
 * The shipped server bundle running as Apps Script runs it: a bare V8 context
 * whose only globals are the service fakes (no timers, no process, no require,
 * no Buffer), called the way google.script.run calls it.
 */
export class GasSandbox {
  readonly services: GasServices;
  private readonly context: vm.Context;
  private readonly parseInRealm: (text: string) => unknown;

  constructor(options: SandboxOptions) {
    this.services = new GasServices({ workbook: options.workbook, files: options.files });
    this.context = vm.createContext(this.services.globals(), { name: 'Apps Script', codeGeneration: { strings: true, wasm: false } });
    this.services.makeDate = vm.runInContext('(ms) => new Date(ms)', this.context) as (ms: number) => Date;
    this.parseInRealm = vm.runInContext('(text) => JSON.parse(text)', this.context) as (text: string) => unknown;
    vm.runInContext(options.code, this.context, { filename: 'Code.js' });
  }

  /** Loads dist/Code.js and dist/Sidebar.html as clasp would push them. */
  static async fromDist(workbook: WorkbookModel, dist = 'dist'): Promise<GasSandbox> {
    const [code, sidebar] = await Promise.all([readFile(join(dist, 'Code.js'), 'utf8'), readFile(join(dist, 'Sidebar.html'), 'utf8')]);
    return new GasSandbox({ code, files: { Sidebar: sidebar }, workbook });
  }

  get workbook(): WorkbookModel {
    return this.services.workbook;
  }

  get calls(): CallLog {
    return this.services.log;
  }

  get sidebar(): SidebarRecord | undefined {
    return this.services.sidebar;
  }

  get menus(): MenuRecord[] {
    return this.services.menus;
  }

  /** Whether the bundle declares `name` where Apps Script can see it. */
  hasFunction(name: string): boolean {
    return typeof this.context[name] === 'function';
  }

  /** Evaluates an expression in the server's realm, e.g. `typeof setTimeout`. */
  evaluate(expression: string): unknown {
    return vm.runInContext(expression, this.context);
  }

  private fn(name: string): (...args: unknown[]) => unknown {
    if (!this.hasFunction(name)) throw new Error(`Script function not found: ${name}`);
    return this.context[name] as (...args: unknown[]) => unknown;
  }

  /**
   * A call from the sidebar through google.script.run: arguments and result
   * cross as JSON. An argument or a result that JSON would change is an error
   * here, where google.script.run would silently deliver something else.
   */
  call(name: string, ...args: unknown[]): unknown {
    const fn = this.fn(name);
    const argProblem = jsonProblem(args, 'arguments');
    if (argProblem) throw new Error(`google.script.run cannot pass ${argProblem} to ${name}`);
    const result = this.run(() => fn(...(this.parseInRealm(JSON.stringify(args)) as unknown[])));
    if (result === undefined) return undefined;
    const problem = jsonProblem(result, 'result');
    if (problem) throw new Error(`${name} returned a value google.script.run would not deliver unchanged: ${problem}`);
    return JSON.parse(JSON.stringify(result)) as unknown;
  }

  /** A simple trigger (onOpen, onInstall) run in the given authorization mode with its event object. */
  trigger(name: string, authMode: AuthMode): void {
    const fn = this.fn(name);
    const previous = this.calls.authMode;
    this.calls.authMode = authMode;
    try {
      this.run(() => fn({ authMode }));
    } finally {
      this.calls.authMode = previous;
    }
  }

  /** Errors from the sandbox's realm become errors of this realm, with the message the sidebar would see. */
  private run(body: () => unknown): unknown {
    try {
      return this.services.asExecution(body);
    } catch (error) {
      const message = error !== null && typeof error === 'object' && 'message' in error ? String(error.message) : String(error);
      throw new Error(message, { cause: error });
    }
  }
}
