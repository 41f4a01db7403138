import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT_VARIABLE } from '../temp-root';

it('makes a folder in the temp folder and forgets it', () => {
  expect(mkdtempSync(join(tmpdir(), 'forgotten-'))).toContain('forgotten-');
});

it('makes a folder straight in the run’s temp folder, outside any file’s', () => {
  expect(mkdtempSync(join(process.env[ROOT_VARIABLE]!, 'stray-'))).toContain('stray-');
});
