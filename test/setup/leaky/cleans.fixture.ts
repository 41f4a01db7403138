import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { fileTempDir, removeTempDir, tempDir } from '../../fixtures/temp';

const dir = tempDir('tidy');
afterAll(() => removeTempDir(dir));

it('writes into folders it removes, or that the setup removes after the file', () => {
  writeFileSync(join(dir, 'a.txt'), 'a');
  writeFileSync(join(fileTempDir('fixture'), 'b.txt'), 'b');
  expect(dir).toContain('ledger-rules-test-tidy-');
});
