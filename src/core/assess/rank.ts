/**
 * Competition ranking (1, 2, 2, 4): 1 is the highest score, ties share a rank.
 * Returns ranks in the order of `scores`.
 */
export function competitionRanks(scores: number[]): number[] {
  const sorted = [...scores].sort((a, b) => b - a);
  const firstIndex = new Map<number, number>();
  sorted.forEach((s, i) => {
    if (!firstIndex.has(s)) firstIndex.set(s, i);
  });
  return scores.map((s) => firstIndex.get(s)! + 1);
}

/**
 * Which scores fall in the bottom share: the lowest ⌈share × N⌉ scores and any
 * score tied with them. The tolerance keeps 20% × 15 at 3, not 4. A score tied
 * with the best is never at the bottom: a lone cadre, or a month where everyone
 * scored the same, has nobody to fall behind.
 */
export function bottomShare(scores: number[], share: number): boolean[] {
  const n = scores.length;
  const count = Math.min(n, Math.ceil(share * n - 1e-9));
  if (count <= 0) return scores.map(() => false);
  const threshold = [...scores].sort((a, b) => a - b)[count - 1]!;
  const best = scores.reduce((a, b) => Math.max(a, b), -Infinity);
  return scores.map((s) => s <= threshold && s < best);
}
