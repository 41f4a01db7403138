/**
 * Which holders of the capped star count keep it under a quota: at most
 * ⌊share × N⌋ of the N branches ranked in a period. The highest scores keep
 * it; when branches tie at the boundary, all of them drop, so the quota is
 * never exceeded and tied branches are treated alike (a quota of 4 with
 * scores 98, 97, 95, 95, 95 keeps two). Returns, in the order given, whether
 * each entry drops.
 */
export function overQuota(entries: { score: number; stars: number }[], stars: number, share: number, total: number): boolean[] {
  const allowed = Math.floor(share * total + 1e-9);
  const holders = entries.filter((e) => e.stars === stars).map((e) => e.score).sort((a, b) => b - a);
  if (holders.length <= allowed) return entries.map(() => false);
  const cutoff = holders[allowed]!;
  return entries.map((e) => e.stars === stars && e.score <= cutoff);
}

export function quotaAllowed(share: number, total: number): number {
  return Math.floor(share * total + 1e-9);
}
