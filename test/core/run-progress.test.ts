/** How a whole run reports its progress: each assessment read, then judged, placed among the run's. */
import { describe, expect, it } from 'vitest';
import { assessAll, runAssessments } from '../../src/core/run';
import type { Progress } from '../../src/core/scheme/assess';
import { loadWorkbook } from '../../src/node/workbook-file';
import { shippedPacks } from '../scheme/helpers';

describe('the progress of a run', () => {
  it('reads then judges each assessment in turn, from nothing judged to all, its place among the run’s given', async () => {
    const packs = shippedPacks();
    const { snapshot } = await loadWorkbook('examples/乡镇党建台账示例.xlsx');
    const seen: Progress[] = [];
    const run = await assessAll(snapshot, packs, { onProgress: (p) => void seen.push(p) });
    const assessments = runAssessments(run, packs);
    const count = 2 + (packs.schemes?.length ?? 0);
    for (const a of assessments) {
      const mine = seen.filter((p) => p.of?.zh === a.title);
      expect(mine[0]).toMatchObject({ stage: 'reading', step: { count } });
      expect(mine[0]!.records).toBeGreaterThan(0);
      expect(mine[1]).toMatchObject({ stage: 'judging', done: 0, total: a.results.length });
      expect(mine.at(-1)).toMatchObject({ stage: 'judging', done: a.results.length, total: a.results.length });
    }
    // The steps count up through the run.
    const steps = seen.map((p) => p.step!.index);
    expect(steps).toEqual([...steps].sort((x, y) => x - y));
    expect(steps.at(-1)).toBe(count);
  });
});
