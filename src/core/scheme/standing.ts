import { ConditionSet } from '../assess/conditions';
import { round2 } from '../assess/score';
import type { FactValue } from '../ledger/read';
import { both, fillTemplate, type Params } from '../messages';
import { deadlineAfter } from '../period';
import type { SubjectResult } from './result';
import type { Scheme } from './schema';

/** The facts known only once a period's subjects are ranked, which risk criteria may read beside the subject's own. */
export interface Outcome {
  failedItems: number;
  lastPlace: boolean;
  score: number | null;
  rank: number | null;
  of: number;
  [fact: string]: FactValue;
}

/**
 * Where a judged subject stands beyond its band: at risk (软弱涣散) when any
 * risk criterion holds over its facts and its outcome; its stars capped for
 * risk and for a failed must-meet item; the deadline to rectify; and a
 * grade held to its quota. All of it is the scheme's data.
 */
export class Standing {
  private readonly risk: ConditionSet | undefined;

  constructor(
    private readonly scheme: Scheme,
    private readonly show: (fact: string, value: unknown) => string,
  ) {
    this.risk = scheme.risk ? new ConditionSet(scheme.risk.any) : undefined;
  }

  /** Risk, then stars capped, then the deadline: one subject, after its period is ranked. */
  async decide(r: SubjectResult, outcome: Outcome): Promise<void> {
    const risk = this.scheme.risk;
    if (risk && this.risk) {
      const holding = await this.risk.holding({ ...r.values, ...outcome });
      const params: Params = {};
      for (const [fact, value] of Object.entries(r.values)) if (value !== null) params[fact] = this.show(fact, value);
      Object.assign(params, { failedItems: outcome.failedItems, rank: r.rank, of: r.of, score: r.score });
      r.riskReasons = risk.any
        .filter((c) => holding.has(c.id))
        .map((c) => {
          const reason = { message: fillTemplate(c.reason, params), messageEn: fillTemplate(c.reasonEn ?? c.reason, params) };
          const cells = [...new Set(c.when.flatMap((w) => (r.evidence[w.fact] ?? []).map((e) => `${e.sheet}!${e.cell}`)))];
          if (cells.length === 0) return reason;
          const at = both('flagCells', { cells: cells.join('、'), cellsEn: cells.join(', ') });
          return { message: reason.message + at.message, messageEn: reason.messageEn + at.messageEn };
        });
      r.risk = r.riskReasons.length > 0;
    }
    if (r.scored) this.cap(r);
    if (r.risk && risk) r.rectifyBy = deadlineAfter(r.period, risk.rectifyMonths);
    else if (r.fallsShort && this.scheme.rectifyMonths !== undefined) r.rectifyBy = deadlineAfter(r.period, this.scheme.rectifyMonths);
  }

  private cap(r: SubjectResult): void {
    const risk = this.scheme.risk;
    let stars = r.stars;
    if (r.risk && risk && stars > risk.maxStars) {
      r.notes.push({ rule: 'stars:risk', ...both('starsCapped', { reason: risk.label, reasonEn: risk.labelEn ?? risk.label, max: risk.maxStars }) });
      stars = risk.maxStars;
    }
    const max = this.scheme.fallsShortMaxStars;
    if (r.fallsShort && max !== undefined && stars > max) {
      const reason = both('fallsShortLabel');
      r.notes.push({ rule: 'stars:fallsShort', ...both('starsCapped', { reason: reason.message, reasonEn: reason.messageEn, max }) });
      stars = max;
    }
    if (stars !== r.stars) this.setStars(r, stars);
  }

  private setStars(r: SubjectResult, stars: number): void {
    const band = this.scheme.grades.find((g) => g.stars === stars);
    r.stars = stars;
    r.grade = band?.grade ?? `${stars}★`;
    r.gradeEn = band?.gradeEn ?? r.grade;
  }

  /** At most ⌊share × N⌋ keep the grade; all tied at the cut-off drop a band, so tied subjects are treated alike. */
  holdQuota(results: SubjectResult[]): void {
    const quota = this.scheme.quota;
    if (!quota) return;
    const allowed = Math.floor(quota.maxShare * results.length + 1e-9);
    const holders = results.filter((r) => r.grade === quota.grade).sort((a, b) => b.score - a.score);
    if (holders.length <= allowed) return;
    const cutoff = holders[allowed]!.score;
    const at = this.scheme.grades.findIndex((g) => g.grade === quota.grade);
    const lower = this.scheme.grades[at + 1];
    if (!lower) return;
    for (const r of holders) {
      if (r.score > cutoff) continue;
      r.grade = lower.grade;
      r.gradeEn = lower.gradeEn ?? lower.grade;
      r.stars = lower.stars;
      r.notes.push({
        rule: 'quota',
        ...both('quotaDropped', { grade: quota.grade, share: `${round2(quota.maxShare * 100)}%`, total: results.length, allowed, lower: lower.grade, lowerEn: lower.gradeEn ?? lower.grade, score: r.score }),
      });
    }
  }
}
