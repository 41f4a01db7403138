/**
 * Runs before every test file: the file gets its own temp folder (TMPDIR, so os.tmpdir() and the processes it
 * starts write there). After the file's own afterAll hooks, the fixtures' folders are removed and anything else
 * still there fails the file, named with its prefix.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { afterAll, expect } from 'vitest';
import { leftoversIn, removeFileTempDirs } from '../fixtures/temp';
import { FILE_FOLDER, ROOT_VARIABLE } from './temp-root';

const root = process.env[ROOT_VARIABLE];
if (!root) throw new Error(`${ROOT_VARIABLE} is not set: run the tests through vitest.config.ts, whose global setup makes the run's temp folder`);
const testFile = expect.getState().testPath ?? 'unknown';
const own = mkdtempSync(join(root, `${FILE_FOLDER}${basename(testFile)}-`));
process.env.TMPDIR = own;

// Registered before the test file is imported, so it runs after the file's own afterAll hooks.
afterAll(() => {
  removeFileTempDirs();
  const left = leftoversIn(own);
  rmSync(own, { recursive: true, force: true });
  process.env.TMPDIR = root;
  if (left.length > 0) {
    const lines = left.map((l) => `  ${l.name}  (prefix "${l.prefix}")`).join('\n');
    throw new Error(`${relative(process.cwd(), testFile)} left temporary files behind (removed now); remove them with removeTempDir in afterAll/afterEach/finally:\n${lines}`);
  }
});
