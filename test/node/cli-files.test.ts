/**
 * What the CLI does with files: every output written to a temporary file beside it and renamed into place, so a
 * failure midway leaves neither a truncated file nor the temporary one; outputs that are inputs or folders refused;
 * every failure a message in both languages with exit 2, the stack only with --debug.
 */
import { createHash } from 'node:crypto';
import fs, { chmod, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/node/cli/main';
import { cli, type CliRun } from '../fixtures/cli';
import { cadreRow, ledger } from '../fixtures/ledgers';
import { removeTempDir, tempDir } from '../fixtures/temp';
import { writeXlsx } from '../fixtures/workbook';

/**
 * Faults the file system below the CLI can be made to show: a disk that fills up midway, a rename that fails. The
 * CLI calls open and rename on node:fs/promises' one module object, so spies on it reach the CLI however its modules
 * were loaded (test files share a worker's module cache).
 */
const faults = { diskFull: false, renameFails: false };
const realOpen = fs.open.bind(fs);
const realRename = fs.rename.bind(fs);

function injectFaults(): void {
  vi.spyOn(fs, 'open').mockImplementation(async (...args: Parameters<typeof fs.open>) => {
    const handle = await realOpen(...args);
    if (!faults.diskFull) return handle;
    const write = handle.writeFile.bind(handle);
    // Half the bytes reach the disk, then it is full.
    handle.writeFile = async (data: string | Uint8Array) => {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      await write(bytes.subarray(0, bytes.length >> 1));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    return handle;
  });
  vi.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
    if (faults.renameFails) throw Object.assign(new Error(`EIO: i/o error, rename '${String(from)}' -> '${String(to)}'`), { code: 'EIO' });
    return realRename(from, to);
  });
}

const sha = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');
const STACK = /\n\s+at /;

/** Exit 2, nothing on stdout, exactly the Chinese line then the English one, and no stack. */
function expectRefusal(run: CliRun, zh: string, en: string) {
  expect(run).toMatchObject({ code: 2, stdout: '' });
  expect(run.stderr).toBe(`${zh}\n${en}\n`);
}

let fixtures: string;
let input: string;
let pack: string;

beforeAll(async () => {
  fixtures = tempDir('cli-files');
  input = await writeXlsx([ledger('2024年5月', [cadreRow(1, '张三'), cadreRow(2, '李四', { days: 8 })], { title: '驻村干部台账（2024年5月）' })], '台账.xlsx', fixtures);
  expect((await cli('rules', 'export-json', 'rules/stationed-cadre.json', join(fixtures, 'pack.json'))).code).toBe(0);
  pack = join(fixtures, 'pack.json');
});
afterAll(() => removeTempDir(fixtures));

let dir: string;
beforeEach(() => {
  dir = tempDir('cli-files-test');
  injectFaults();
});
afterEach(() => {
  faults.diskFull = false;
  faults.renameFails = false;
  vi.restoreAllMocks();
  removeTempDir(dir);
});

describe('a write that fails midway leaves the earlier file as it was and no temporary file', () => {
  /** Each command with the file it writes in the folder given: assess and export-json name it, rules export derives it. */
  const cases: [string, (folder: string) => Promise<{ args: string[]; target: string }>][] = [
    ['assess --out', async (folder) => ({ args: ['assess', input, '--out', join(folder, '结果.xlsx')], target: '结果.xlsx' })],
    [
      'rules export',
      async (folder) => {
        await writeFile(join(folder, '台账.xlsx'), await readFile(input));
        return { args: ['rules', 'export', join(folder, '台账.xlsx'), '--force'], target: '台账-含考评规则.xlsx' };
      },
    ],
    ['rules export-json', async (folder) => ({ args: ['rules', 'export-json', pack, join(folder, '规则.json')], target: '规则.json' })],
  ];

  it.each(cases)('%s, when the disk fills up', async (_, make) => {
    const { args, target } = await make(dir);
    const out = join(dir, target);
    await writeFile(out, '上次的结果');
    const files = await readdir(dir);
    faults.diskFull = true;
    const run = await cli(...args);
    expectRefusal(run, `无法写入文件 ${out}：ENOSPC: no space left on device, write`, `cannot write ${out}: ENOSPC: no space left on device, write`);
    expect(await readFile(out, 'utf8')).toBe('上次的结果');
    expect(await readdir(dir)).toEqual(files);
  });

  it.each(cases)('%s, when the rename fails', async (_, make) => {
    const { args, target } = await make(dir);
    const out = join(dir, target);
    const files = await readdir(dir);
    faults.renameFails = true;
    const run = await cli(...args);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr.startsWith(`无法写入文件 ${out}：EIO: i/o error, rename `)).toBe(true);
    expect(run.stderr).toContain(`\ncannot write ${out}: EIO: i/o error, rename `);
    expect(run.stderr).not.toMatch(STACK);
    expect(await readdir(dir)).toEqual(files);
  });

  it('and a write that succeeds leaves only the file, with the mode of the file it replaced', async () => {
    const out = join(dir, '结果.json');
    await writeFile(out, '{}');
    await chmod(out, 0o640);
    expect((await cli('rules', 'export-json', pack, out)).code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual(JSON.parse(await readFile(pack, 'utf8')));
    expect((await stat(out)).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['结果.json']);
  });
});

describe('an output that is an input, or a folder, is refused before anything is written', () => {
  it('assess --out naming the workbook, by another name, or through a link', async () => {
    const before = await sha(input);
    expectRefusal(await cli('assess', input, '--out', input), `不能写入 ${input}：它就是输入文件 ${input}；请换一个输出文件名`, `will not write ${input}: it is the input file ${input}; name another output file`);
    const other = join(fixtures, '.', 'x', '..', '台账.xlsx');
    expect((await cli('assess', input, '--out', other)).stderr).toContain(`不能写入 ${other}：它就是输入文件 ${input}`);
    const link = join(dir, '链接.xlsx');
    await symlink(input, link);
    expect((await cli('assess', input, '--out', link)).stderr).toContain(`will not write ${link}: it is the input file ${input}`);
    expect(await sha(input)).toBe(before);
  });

  it('assess --out naming the --rules or --branch-rules file', async () => {
    const before = await sha(pack);
    expect((await cli('assess', input, '--rules', pack, '--out', pack)).stderr).toBe(
      `不能写入 ${pack}：它就是输入文件 ${pack}；请换一个输出文件名\nwill not write ${pack}: it is the input file ${pack}; name another output file\n`,
    );
    const run = await cli('assess', input, '--branch-rules', 'rules/branch.json', '--out', 'rules/branch.json');
    expectRefusal(run, '不能写入 rules/branch.json：它就是输入文件 rules/branch.json；请换一个输出文件名', 'will not write rules/branch.json: it is the input file rules/branch.json; name another output file');
    expect(await sha(pack)).toBe(before);
  });

  it('rules export-json naming the rules it reads', async () => {
    const before = await sha(pack);
    expectRefusal(await cli('rules', 'export-json', pack, pack), `不能写入 ${pack}：它就是输入文件 ${pack}；请换一个输出文件名`, `will not write ${pack}: it is the input file ${pack}; name another output file`);
    expect(await sha(pack)).toBe(before);
  });

  it('rules export whose copy would be the --rules file', async () => {
    const ledgerFile = join(dir, '台账.xlsx');
    await writeFile(ledgerFile, await readFile(input));
    const rules = join(dir, '台账-含考评规则.xlsx');
    expect((await cli('rules', 'export', rules)).code).toBe(0);
    const before = await sha(rules);
    const run = await cli('rules', 'export', ledgerFile, '--rules', rules, '--force');
    expect(run.stderr).toBe(`不能写入 ${rules}：它就是输入文件 ${rules}；请换一个输出文件名\nwill not write ${rules}: it is the input file ${rules}; name another output file\n`);
    expect(await sha(rules)).toBe(before);
  });

  it.each([
    ['assess --out', (out: string) => ['assess', input, '--out', out]],
    ['rules export', (out: string) => ['rules', 'export', out]],
    ['rules export-json', (out: string) => ['rules', 'export-json', pack, out]],
  ])('%s naming a folder', async (_, args) => {
    const folder = join(dir, '结果.xlsx');
    await mkdir(folder);
    expectRefusal(await cli(...args(folder)), `不能写入 ${folder}：它是一个文件夹；请给出要写入的文件名`, `will not write ${folder}: it is a folder; name the file to write`);
    expect(await readdir(folder)).toEqual([]);
  });
});

describe('every failure: exit 2, Chinese then English, a stack only with --debug', () => {
  it('a write the system refuses', async () => {
    const out = join(input, '结果.xlsx');
    const run = await cli('assess', input, '--out', out);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    const [zh, en, ...rest] = run.stderr.split('\n');
    expect(zh!.startsWith(`无法写入文件 ${out}：`)).toBe(true);
    expect(en!.startsWith(`cannot write ${out}: `)).toBe(true);
    expect(rest).toEqual(['']);

    const debug = await cli('assess', input, '--out', out, '--debug');
    expect(debug.code).toBe(2);
    expect(debug.stderr.startsWith(`${zh}\n${en}\n`)).toBe(true);
    expect(debug.stderr).toMatch(STACK);
  });

  it('an error nobody foresaw, such as stdout closing under it', async () => {
    const run = async (...args: string[]) => {
      let stderr = '';
      const code = await main(args, {
        stdout: () => {
          throw new Error('EPIPE: broken pipe, write');
        },
        stderr: (text) => {
          stderr += text;
        },
        cwd: dir,
      });
      return { code, stderr };
    };
    expect(await run('rules', 'diff', pack, pack)).toEqual({ code: 2, stderr: '意外错误：EPIPE: broken pipe, write\nunexpected error: EPIPE: broken pipe, write\n' });
    const debug = await run('rules', 'diff', pack, pack, '--debug');
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^意外错误：EPIPE: broken pipe, write\nunexpected error: EPIPE: broken pipe, write\nError: EPIPE: broken pipe, write\n\s+at /);
  });

  it('arguments it cannot parse', async () => {
    const run = await cli('assess', input, '--month', '5');
    expect(run).toMatchObject({ code: 2, stdout: '' });
    const lines = run.stderr.split('\n');
    expect(lines[0]).toMatch(/^命令行参数有误：Unknown option '--month'/);
    expect(lines[1]).toMatch(/^wrong arguments: Unknown option '--month'/);
    expect(lines[2]).toMatch(/^用法：ledger-rules assess/);
    expect(run.stderr).toContain('usage: ledger-rules assess');
  });

  it('--debug is taken by every command and changes nothing else', async () => {
    const out = (name: string) => join(dir, name);
    const runs = [
      ['assess', input, '--json'],
      ['assess', input, '--out', out('结果.xlsx')],
      ['rules', 'export', out('规则.xlsx')],
      ['rules', 'check', pack],
      ['rules', 'export-json', pack, out('规则.json')],
      ['rules', 'diff', pack, pack],
    ];
    for (const args of runs) {
      const plain = await cli(...args);
      await removeOutputs(dir);
      const debug = await cli(...args, '--debug');
      await removeOutputs(dir);
      expect(plain.code, args.join(' ')).toBe(0);
      expect(debug).toEqual(plain);
    }
    expect((await cli('--debug')).stderr).toMatch(/^用法：ledger-rules assess[^]*\n\s+at /);
  });
});

/** Empties the test's folder between two runs that write the same file. */
async function removeOutputs(folder: string): Promise<void> {
  for (const name of await readdir(folder)) await rm(join(folder, name), { recursive: true });
}
