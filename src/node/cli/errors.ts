import { type MessageKey, type Params, t } from '../../core/index';

/** A failure the user can act on: its lines are printed (Chinese, then English) and the CLI exits 2. */
export class CliError extends Error {
  constructor(
    readonly lines: string[],
    options?: { cause?: unknown },
  ) {
    super(lines.join('\n'), options);
  }
}

/** A message in Chinese, then in English. */
export const bilingual = (key: MessageKey, params: Params = {}): string[] => [t(key, params), t(key, params, 'en')];

const USAGE_KEYS: MessageKey[] = ['cliUsage', 'cliUsageBranch', 'cliUsageFiles', 'cliUsageReport', 'rsCliUsage', 'rsCliUsageExisting'];

export const usageLines = (): string[] => [...USAGE_KEYS.map((key) => t(key)), ...USAGE_KEYS.map((key) => t(key, {}, 'en'))];

export const usage = (): CliError => new CliError(usageLines());

const isArgsError = (e: unknown): e is TypeError & { code: string } => e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS');

/** The stack of an error and of each error behind it: what --debug adds to the message. */
function stacks(e: unknown): string[] {
  const lines: string[] = [];
  for (let cause = e; cause !== undefined; cause = cause instanceof Error ? cause.cause : undefined) {
    lines.push(cause instanceof Error ? (cause.stack ?? String(cause)) : String(cause));
  }
  return lines;
}

/**
 * What a failure prints: the user's reason in both languages, never a stack unless --debug asks for it. A failure
 * nobody foresaw is still one line per language, so a stack trace never stands in for a message.
 */
export function failureLines(e: unknown, debug: boolean): string[] {
  const lines =
    e instanceof CliError ? e.lines : isArgsError(e) ? [...bilingual('cliBadArgs', { detail: e.message }), ...usageLines()] : bilingual('cliUnexpected', { message: e instanceof Error ? e.message : String(e) });
  return debug ? [...lines, ...stacks(e)] : lines;
}
