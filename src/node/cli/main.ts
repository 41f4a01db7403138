import { assess } from './assess';
import { failureLines, usage } from './errors';
import type { CliIo } from './io';
import { rules } from './rules';

export type { CliIo } from './io';

/**
 * Runs one command of `ledger-rules` and gives its exit code: 0 done, 1 a rule test failed, 2 it could not be done
 * (the reason in Chinese, then English; with --debug, which every command takes, the stack too). Never throws.
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  const [command, ...rest] = argv.filter((arg) => arg !== '--debug');
  try {
    if (command === 'assess') return await assess(rest, io);
    if (command === 'rules') return await rules(rest, io);
    throw usage();
  } catch (e) {
    io.stderr(`${failureLines(e, debug).join('\n')}\n`);
    return 2;
  }
}
