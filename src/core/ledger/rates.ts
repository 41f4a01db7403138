import { both, type Bilingual } from '../messages';
import type { Column, StatedRate } from '../pack/schema';

/** A stated rate that does not match the counts beside it. */
export interface RateCheck {
  sheet: string;
  /** The stated rate's cell. */
  cell: string;
  fact: string;
  stated: number;
  computed: number;
  numerator: number;
  denominator: number;
  /** The count cells it was recomputed from: numerator, denominator. */
  from: [string, string];
}

/** How far a stated rate may be from the counts' when the ledger does not say: half a percentage point. */
export const DEFAULT_RATE_TOLERANCE = 0.005;

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;

/**
 * The stated rates of one row that differ from their counts by more than the
 * tolerance (seed 000 states 93.8% for 78 of 97 commitments, which is 80.4%),
 * each with the warning naming its cells. A rate without both counts, or over
 * a zero, is not checked.
 */
export function rateMismatches(
  rates: StatedRate[],
  tolerance: number,
  facts: Record<string, unknown>,
  columns: Column[],
  cellOf: (fact: string) => string | undefined,
  sheet: string,
): { check: RateCheck; message: Bilingual }[] {
  const out: { check: RateCheck; message: Bilingual }[] = [];
  for (const s of rates) {
    const [stated, num, den] = [facts[s.fact], facts[s.numerator], facts[s.denominator]];
    if (typeof stated !== 'number' || typeof num !== 'number' || typeof den !== 'number' || den === 0) continue;
    const computed = num / den;
    if (Math.abs(stated - computed) <= tolerance + 1e-9) continue;
    const [cell, numCell, denCell] = [cellOf(s.fact), cellOf(s.numerator), cellOf(s.denominator)];
    if (!cell || !numCell || !denCell) continue;
    const labelOf = (fact: string) => columns.find((c) => c.fact === fact)!;
    const rate = labelOf(s.fact);
    out.push({
      check: { sheet, cell, fact: s.fact, stated, computed, numerator: num, denominator: den, from: [numCell, denCell] },
      message: both('rateMismatch', {
        label: rate.label,
        labelEn: rate.labelEn ?? rate.label,
        stated: pct(stated),
        numeratorLabel: labelOf(s.numerator).label,
        numerator: num,
        denominatorLabel: labelOf(s.denominator).label,
        denominator: den,
        cells: `${numCell}、${denCell}`,
        computed: pct(computed),
        diff: (Math.round(Math.abs(stated - computed) * 1000) / 10).toFixed(1),
      }),
    });
  }
  return out;
}
