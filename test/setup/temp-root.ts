/**
 * Global setup: the run gets a fresh temp folder of its own. TMPDIR is set before the workers start, so os.tmpdir()
 * in every worker, and in every process a test starts, points inside it. At the end anything a test left there
 * fails the run, and the folder is removed either way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { leftoversIn } from '../fixtures/temp';

export const ROOT_VARIABLE = 'LEDGER_RULES_TEST_ROOT';
/** Each test file's own folder starts with this (see temp-check.ts). */
export const FILE_FOLDER = 'file-';

/** Where vitest writes the modules it hands the workers; it does not remove that folder itself. */
const VITEST_CACHE = 'vitest-modules';

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'ledger-rules-run-'));
  process.env[ROOT_VARIABLE] = root;
  process.env.TMPDIR = root;
  // Typed read-only, but only read when the first test file loads: set here it moves into the run's folder.
  (project as { tmpDir: string }).tmpDir = join(root, VITEST_CACHE);
  return () => {
    // A file's folder is still there when its afterAll did not run (every test skipped, or the file crashed).
    const left = leftoversIn(root)
      .filter((l) => l.name !== VITEST_CACHE)
      .flatMap((l) => (l.name.startsWith(FILE_FOLDER) ? leftoversIn(join(root, l.name)).map((inner) => ({ ...inner, name: `${l.name}/${inner.name}` })) : [l]));
    rmSync(root, { recursive: true, force: true });
    if (left.length > 0) {
      const lines = left.map((l) => `  ${l.name}  (prefix "${l.prefix}")`).join('\n');
      throw new Error(`The test run left temporary files behind in ${root} (removed now):\n${lines}\nUnder a test file's own folder (file-<name>-…): made by that file, which stopped before its cleanup; anything else was made outside any test file (global setup, Chromium).`);
    }
  };
}
