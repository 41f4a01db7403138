import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { removeTempDir, tempDir } from '../fixtures/temp';

/** Runs test/setup/leaky/*.fixture.ts through the suite's temp setup, as `vitest run` would. */
function leakyRun(): { status: number | null; output: string } {
  // Vitest keeps a folder of its own in the temp folder it starts with, and leaves it there.
  const dir = tempDir('leaky-run');
  try {
    const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/setup/leaky/vitest.config.ts'], {
      encoding: 'utf8',
      env: { ...process.env, TMPDIR: dir, CI: '', FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
  } finally {
    removeTempDir(dir);
  }
}

describe('the check for temporary files left behind', () => {
  it('fails the run, naming the file and each folder’s prefix, and passes the file that cleaned up', () => {
    const { status, output } = leakyRun();
    expect(status).toBe(1);
    expect(output).toContain('test/setup/leaky/leaks.fixture.ts left temporary files behind');
    expect(output).toMatch(/forgotten-\w{6} {2}\(prefix "forgotten"\)/);
    expect(output).toContain('The test run left temporary files behind');
    expect(output).toMatch(/stray-\w{6} {2}\(prefix "stray"\)/);
    expect(output).not.toMatch(/cleans\.fixture\.ts left/);
    expect(output).toMatch(/Test Files {2}1 failed \| 1 passed/);
  });
});
