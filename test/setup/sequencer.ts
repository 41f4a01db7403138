import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files that spend seconds per test driving Chromium or the command line, whatever their size. */
const SLOW = /\/test\/(browser\/|.*cli[^/]*\.test\.ts$)/;

/**
 * Vitest starts the files that took longest last time first, so two workers finish together. Without that
 * record (a fresh clone, as in CI) it goes by file size, which would leave the Chromium and command-line
 * files for last: those start first instead.
 */
export class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const timed = (file: TestSpecification) => this.ctx.cache.getFileTestResults(`${file.project.name}:${relative(this.ctx.config.root, file.moduleId)}`);
    if (sorted.every(timed)) return sorted;
    const slow = (file: TestSpecification) => SLOW.test(file.moduleId.replaceAll('\\', '/'));
    return [...sorted.filter(slow), ...sorted.filter((file) => !slow(file))];
  }
}
