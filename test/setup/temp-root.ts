/**
 * Global setup: the run gets a fresh temp folder of its own. TMPDIR is set before the workers start, so os.tmpdir()
 * in every worker, and in every process a test starts, points inside it. At the end anything a test left there
 * fails the run, and the folder is removed either way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { leftoversIn } from '../fixtures/temp';

export const ROOT_VARIABLE = 'LEDGER_RULES_TEST_ROOT';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'ledger-rules-run-'));
  process.env[ROOT_VARIABLE] = root;
  process.env.TMPDIR = root;
  return () => {
    const left = leftoversIn(root);
    rmSync(root, { recursive: true, force: true });
    if (left.length > 0) {
      const lines = left.map((l) => `  ${l.name}  (prefix "${l.prefix}")`).join('\n');
      throw new Error(`The test run left temporary files behind in ${root} (removed now):\n${lines}\nA test file's own folder (named after the file) means that file crashed before its cleanup; anything else was made outside any test file (global setup, Chromium).`);
    }
  };
}
