import type { z } from 'zod';
import { both, type MessageKey, type Params } from '../core/messages';

/**
 * An error meant for the person at the sidebar. google.script.run hands the
 * failure handler nothing but `message`, so both languages travel in it,
 * Chinese on the first line and English on the second.
 */
export class UserError extends Error {
  constructor(key: MessageKey, params: Params = {}) {
    const text = both(key, params);
    super(`${text.message}\n${text.messageEn}`);
    this.name = 'UserError';
  }
}

/** Zod's issues as one line per problem, each naming where it is: `tables[0].rows[3][2]：…`. */
export function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
      return where ? `${where}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** The message of anything thrown, for wrapping into a UserError; errors from another realm count too. */
export function errorText(error: unknown): string {
  return error !== null && typeof error === 'object' && 'message' in error ? String(error.message) : String(error);
}
