#!/usr/bin/env node
import { failureLines } from './cli/errors';
import { main } from './cli/main';

// A reader that stops early (`ledger-rules … | head`) closes the pipe: the output ends there, and that is no failure.
// Any other error on stdout is reported like every failure, in both languages and without a Node stack.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') process.stderr.write(`${failureLines(e, process.argv.includes('--debug')).join('\n')}\n`);
  process.exit(e.code === 'EPIPE' ? 0 : 2);
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
