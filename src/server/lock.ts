import { errorText, UserError } from './errors';

/**
 * How long a call waits for another run to finish before giving up. A whole
 * run's writing takes seconds; the sidebar's call is still waiting for its
 * answer at the end of it.
 */
export const LOCK_WAIT_MS = 30_000;

type Lock = GoogleAppsScript.Lock.Lock;

/** The document lock, or a UserError saying that nothing was written and why. */
function acquire(): Lock {
  let lock: Lock;
  let held: boolean;
  try {
    lock = LockService.getDocumentLock();
    held = lock.tryLock(LOCK_WAIT_MS);
  } catch (error) {
    throw new UserError('lockFailed', { detail: errorText(error) });
  }
  if (!held) throw new UserError('runInProgress');
  return lock;
}

/**
 * Apps Script applies pending changes and lets every lock go when an execution
 * ends, so a failure here can neither undo what the call wrote nor leave the
 * lock held: the call's own outcome is what the user is told.
 */
function release(lock: Lock): void {
  try {
    SpreadsheetApp.flush();
  } catch {
    // The end of the execution flushes all the same.
  }
  try {
    lock.releaseLock();
  } catch {
    // The end of the execution releases it all the same.
  }
}

/**
 * Runs `body` holding the document lock, so a second editor's run cannot
 * delete this one's half-written sheet or interleave with its log. Pending
 * writes are flushed before the lock goes, so the next holder reads them.
 * When the lock cannot be had, nothing is written and the user is told why.
 */
export function withDocumentLock<T>(body: () => T): T {
  const lock = acquire();
  try {
    return body();
  } finally {
    release(lock);
  }
}
