import { UserError } from './errors';

/**
 * How long a call waits for another run to finish before giving up. A whole
 * run's writing takes seconds; the sidebar's call is still waiting for its
 * answer at the end of it.
 */
export const LOCK_WAIT_MS = 30_000;

/**
 * Runs `body` holding the document lock, so a second editor's run cannot
 * delete this one's half-written sheet or interleave with its log. Pending
 * writes are flushed before the lock goes, so the next holder reads them.
 * When the lock cannot be had, nothing is written and the user is told why.
 */
export function withDocumentLock<T>(body: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new UserError('runInProgress');
  try {
    return body();
  } finally {
    try {
      SpreadsheetApp.flush();
    } finally {
      lock.releaseLock();
    }
  }
}
