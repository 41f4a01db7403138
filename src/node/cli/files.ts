import { randomBytes } from 'node:crypto';
import fs, { mkdir, realpath, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { t } from '../../core/index';
import { bilingual, CliError } from './errors';
import type { CliIo } from './io';

/** A file named on the command line: as the user wrote it (for messages) and where it is. */
export interface FileArg {
  given: string;
  path: string;
}

export const fileArg = (io: CliIo, given: string): FileArg => ({ given, path: resolve(io.cwd, given) });

const isFile = (path: string) => stat(path).then((s) => s.isFile(), () => false);
const isFolder = (path: string) => stat(path).then((s) => s.isDirectory(), () => false);
export const exists = (path: string) => stat(path).then(() => true, () => false);

/** Where a path really leads, links followed; for a file not yet written, its nearest existing folder's. */
async function realPathOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(await realPathOf(parent), basename(path));
  }
}

const READABLE = ['.xlsx', '.xlsm', '.csv'];

/** The reasons a workbook cannot be opened that a user can fix, said plainly before trying. */
export async function checkWorkbookFile(file: FileArg): Promise<void> {
  const ext = extname(file.path).toLowerCase();
  if (!(await isFile(file.path))) throw new CliError(bilingual('cliNoFile', { file: file.given }));
  if (!READABLE.includes(ext)) {
    throw new CliError([t('cliFileType', { file: file.given, ext: ext || '（无扩展名）' }), t('cliFileType', { file: file.given, ext: ext || '(no extension)' }, 'en')]);
  }
}

/** Refuses, before any work is done, an output that is a folder or that would overwrite one of the inputs. */
export async function checkOutput(out: FileArg, inputs: FileArg[]): Promise<void> {
  if (await isFolder(out.path)) throw new CliError(bilingual('cliOutIsFolder', { file: out.given }));
  const target = await realPathOf(out.path);
  for (const input of inputs) {
    if ((await realPathOf(input.path)) === target) throw new CliError(bilingual('cliOutIsInput', { file: out.given, input: input.given }));
  }
}

/**
 * Writes the bytes to a temporary file beside the target, flushed to disk, then renames it into place: a failure at
 * any point leaves the target as it was (or absent) and removes the temporary file. A replaced file keeps its mode.
 */
export async function writeAtomically(out: FileArg, bytes: Uint8Array | string): Promise<void> {
  const temp = join(dirname(out.path), `.${basename(out.path)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    await mkdir(dirname(out.path), { recursive: true });
    const mode = await stat(out.path).then((s) => s.mode & 0o777, () => 0o666);
    const handle = await fs.open(temp, 'wx', mode);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, out.path);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new CliError(bilingual('cliCannotWrite', { file: out.given, detail: e instanceof Error ? e.message : String(e) }), { cause: e });
  }
}
