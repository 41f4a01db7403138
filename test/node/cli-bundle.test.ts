/** The bundled CLI, dist/cli.mjs, as a user's shell runs it: a few child processes, the rest of the CLI tests run in process. */
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliRun, ROOT } from '../fixtures/cli';

const BUNDLE = join(ROOT, 'dist/cli.mjs');
const TOWNSHIP = 'examples/乡镇党建台账示例.xlsx';
const STACK = /\n\s+at /;

function node(...args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BUNDLE, ...args], { cwd: ROOT, maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('node dist/cli.mjs', () => {
  it('has a main module that runs nothing when it is imported, so tests and hosts can call main(argv, io)', async () => {
    const run = await new Promise<CliRun>((resolve) => {
      const script = `await import(${JSON.stringify(join(ROOT, 'src/node/cli/main.ts'))}); console.log(process.exitCode ?? 'unset');`;
      execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT }, (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      });
    });
    expect(run).toEqual({ code: 0, stdout: 'unset\n', stderr: '' });
  });

  it('prints the usage in both languages and exits 2 when no command is given', async () => {
    const run = await node();
    expect(run).toMatchObject({ code: 2, stdout: '' });
    const lines = run.stderr.split('\n');
    expect(lines[0]).toMatch(/^用法：ledger-rules assess/);
    expect(lines).toContainEqual(expect.stringMatching(/^usage: ledger-rules assess/));
    expect(run.stderr).toContain('台账-含考评规则.xlsx');
    expect(run.stderr).not.toMatch(STACK);
  });

  it('assesses the example township with --json', async () => {
    const run = await node('assess', TOWNSHIP, '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.cadres.length).toBeGreaterThan(0);
    expect(json.branches).toHaveLength(24);
    expect(json.branchSummary).toContain('四、下步打算');
  });

  it('exits 2 with the reason in both languages, and no stack, when it cannot write --out', async () => {
    // Beneath a file, where no folder can be made: nothing is written anywhere.
    const out = join(ROOT, TOWNSHIP, '结果.xlsx');
    const run = await node('assess', TOWNSHIP, '--out', out);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(new RegExp(`^无法写入文件 .*结果\\.xlsx：.+\\ncannot write .*结果\\.xlsx: .+\\n$`));
    expect(run.stderr).not.toMatch(STACK);
  });

  it('prints the stack as well with --debug', async () => {
    const run = await node('assess', TOWNSHIP, '--out', join(ROOT, TOWNSHIP, '结果.xlsx'), '--debug');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^无法写入文件 .*\ncannot write .*\n/);
    expect(run.stderr).toMatch(STACK);
  });

  it('stops quietly when the reader closes the pipe early, as `| head` does', async () => {
    const child = spawn(process.execPath, [BUNDLE, 'assess', TOWNSHIP, '--json'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    // Only what it says of every run (the sheets it did not read), no broken-pipe error and no stack.
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(stderr).toContain('未读取的工作表');
  });
});
