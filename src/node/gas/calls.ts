import { GasError } from './model';

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

/** What Apps Script lets a simple trigger do in AuthMode.NONE: build menus, nothing else. */
const ALLOWED_WITHOUT_AUTH = new Set(['SpreadsheetApp.getUi', 'Ui.createAddonMenu', 'Ui.createMenu', 'Menu.addItem', 'Menu.addSeparator', 'Menu.addSubMenu', 'Menu.addToUi']);

/** The services whose calls cost a round trip to the spreadsheet. */
export const SPREADSHEET_SERVICES = ['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range', 'RangeList', 'EmbeddedChartBuilder'] as const;

/**
 * Every call the server makes on a fake service, counted by "Kind.method".
 * It also plays the execution's authorization mode and can make the n-th call
 * of a method fail, as a quota or a timeout would in the middle of a run.
 */
export class CallLog {
  private counts = new Map<string, number>();
  private failures = new Map<string, Set<number>>();
  private hooks = new Map<string, { nth: number; run: () => void }>();
  authMode: AuthMode = 'FULL';

  enter(kind: string, method: string): void {
    const key = `${kind}.${method}`;
    if (this.authMode === 'NONE' && !ALLOWED_WITHOUT_AUTH.has(key)) {
      throw new GasError(`You do not have permission to call ${key}. Required permissions are not granted in AuthMode.NONE.`);
    }
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    const hook = this.hooks.get(key);
    if (hook?.nth === n) {
      this.hooks.delete(key);
      hook.run();
    }
    if (this.failures.get(key)?.delete(n)) {
      throw new GasError(`Service Spreadsheets failed while accessing document (${key}, injected failure).`);
    }
  }

  /** Makes the n-th call of `Kind.method` from now on throw, as Apps Script does when a service fails mid-run; several may be set. */
  failOn(key: string, nth = 1): void {
    const set = this.failures.get(key) ?? new Set<number>();
    set.add((this.counts.get(key) ?? 0) + nth);
    this.failures.set(key, set);
  }

  /**
   * Runs `run` when the n-th call of `Kind.method` from now is made, before it
   * takes effect: the script is paused there, so a test can play what another
   * editor does at that moment (another run starting while this one writes).
   */
  onCall(key: string, run: () => void, nth = 1): void {
    this.hooks.set(key, { nth: (this.counts.get(key) ?? 0) + nth, run });
  }

  reset(): void {
    this.counts.clear();
  }

  /** Counts by "Kind.method", sorted by key, for the given kinds (all when none are given). */
  byMethod(kinds: readonly string[] = []): Record<string, number> {
    const keys = [...this.counts.keys()].filter((k) => kinds.length === 0 || kinds.includes(k.split('.')[0]!)).sort();
    return Object.fromEntries(keys.map((k) => [k, this.counts.get(k)!]));
  }

  total(kinds: readonly string[] = []): number {
    return Object.values(this.byMethod(kinds)).reduce((a, b) => a + b, 0);
  }
}
