import type { GradeBand } from '../pack/schema';

/** The first band, from the top, whose minimum the score reaches; the lowest band otherwise. */
export function gradeFor(bands: GradeBand[], score: number): GradeBand {
  return bands.find((b) => score >= b.min) ?? bands[bands.length - 1]!;
}

export function starText(stars: number): string {
  return '★'.repeat(stars) + '☆'.repeat(Math.max(0, 5 - stars));
}
