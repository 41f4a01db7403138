import { Engine, type RuleProperties } from 'json-rules-engine';
import type { MissingReason as ScoreMissing } from '../assess/facts';
import { gradeFor } from '../assess/grade';
import { competitionRanks } from '../assess/rank';
import { formatFact, round2, type ScoringPlan } from '../assess/score';
import { RuleScorer } from '../assess/scorer';
import type { FactValue } from '../ledger/read';
import { both, fillTemplate, type Params } from '../messages';
import { compileCondition } from '../pack/compile';
import { branchTextsFilled } from '../pack/params';
import type { Condition, Pack } from '../pack/schema';
import { periodLabel } from '../period';
import { factCatalogue, type BranchFactInfo } from './catalogue';
import { type Evidence, evidenceOf } from './evidence';
import { type BranchFacts, type MissingFact, NO_DATA_REASONS } from './facts';
import { ledgerTitle } from './ledgers';
import { deadlineAfter, unitsLabel } from './periods';
import type { BranchFlag, BranchNote, BranchResult } from './result';
import type { BranchPack, Requirement } from './schema';
import { overQuota, quotaAllowed } from './stars';

const REQUIREMENT_EVENT = 'branch-requirement';
/** Missing data that is the branch's own doing: its indicator scores nothing rather than being left out. */
const NO_POINTS_REASONS: ReadonlySet<MissingFact['reason']> = new Set(['notReported', 'notRecorded']);
const RISK_EVENT = 'branch-risk';

function compileAll(id: string, when: Condition[], type: string): RuleProperties {
  return { name: `${type}:${id}`, conditions: { all: when.map(compileCondition) }, event: { type, params: { id } } };
}

async function firedIds(engine: Engine, facts: Record<string, FactValue>): Promise<{ requirements: Set<string>; risk: Set<string> }> {
  const { events } = await engine.run(facts);
  const out = { requirements: new Set<string>(), risk: new Set<string>() };
  for (const e of events) {
    if (e.type === REQUIREMENT_EVENT) out.requirements.add(String(e.params!.id));
    if (e.type === RISK_EVENT) out.risk.add(String(e.params!.id));
  }
  return out;
}

/** Why an item was not judged, in words. */
function noDataNote(req: Requirement, gap: MissingFact, period: string, pack: BranchPack, cadre: Pack | undefined): BranchNote {
  const ledger = ledgerTitle(pack, cadre, gap.ledger);
  const base = { label: req.label, labelEn: req.labelEn ?? req.label, ledger: ledger.zh, ledgerEn: ledger.en, period: periodLabel(period), periodEn: period };
  switch (gap.reason) {
    case 'noLedger':
      return { rule: req.id, ...both('noDataNoLedger', base) };
    case 'uncovered':
      // A year covered from April to June has no records for the other nine months, not none for the year.
      return { rule: req.id, ...both('noDataUncovered', gap.months ? { ...base, period: unitsLabel(gap.months), periodEn: unitsLabel(gap.months, 'en') } : base) };
    case 'notReported':
      return { rule: req.id, ...both('noDataNotReported', base) };
    default:
      return {
        rule: req.id,
        ...both('noDataNotRecorded', { ...base, inputs: (gap.inputs ?? []).map((i) => `“${i.zh}”`).join('、'), inputsEn: (gap.inputs ?? []).map((i) => `"${i.en}"`).join(', ') }),
      };
  }
}

/**
 * Judges branches under a branch pack: builds the engine once, then for each
 * branch and period runs the flat facts through it and turns what fired into
 * failed items, points, a score, stars and the 软弱涣散 risk.
 */
export class BranchAssessor {
  /** The must-meet items; the scoring rules go through the one RuleScorer every assessment uses. */
  private readonly engine: Engine;
  private readonly riskEngine: Engine;
  private readonly scorer: RuleScorer;
  private readonly plan: ScoringPlan;
  readonly catalogue: Map<string, BranchFactInfo>;

  readonly pack: BranchPack;

  constructor(
    pack: BranchPack,
    readonly cadrePack?: Pack,
  ) {
    // Must-meet texts, risk reasons and flags are shown with their parameters' values; conditions already hold them.
    pack = branchTextsFilled(pack);
    this.pack = pack;
    const requirements = pack.requirements.filter((r) => r.enabled).map((r) => compileAll(r.id, r.when, REQUIREMENT_EVENT));
    this.engine = new Engine(requirements, { allowUndefinedFacts: true });
    this.riskEngine = new Engine(pack.risk.any.map((c) => compileAll(c.id, c.when, RISK_EVENT)), { allowUndefinedFacts: true });
    this.catalogue = factCatalogue(pack);
    const labels = new Map([...this.catalogue].map(([f, i]) => [f, { zh: i.label, en: i.labelEn }]));
    const percent = new Set([...this.catalogue].filter(([, i]) => i.type === 'ratio').map(([f]) => f));
    this.scorer = new RuleScorer(pack.indicators, pack.rules, labels, percent);
    this.plan = this.scorer.plan;
  }

  /** Template parameters: each fact's value as shown, and its detail as {factDetail} (— when it has none, never the id). */
  params(facts: BranchFacts, lang: 'zh' | 'en'): Params {
    const params: Params = {};
    for (const fact of this.catalogue.keys()) {
      params[fact] = formatFact(this.plan, fact, facts.values[fact]);
      params[`${fact}Detail`] = facts.detail[fact]?.[lang] ?? '—';
    }
    return params;
  }

  /** One branch in one period, before ranking: failed items, no-data notes and the score. */
  async evaluate(branch: { id: string; name: string; variants: string[] }, period: string, facts: BranchFacts): Promise<BranchResult> {
    const fired = await firedIds(this.engine, facts.values);
    const zh = this.params(facts, 'zh');
    const en = this.params(facts, 'en');
    const evidenceFor = (inputs: string[]) => evidenceOf(inputs.flatMap((f) => facts.evidence.get(f) ?? []));
    const flags: BranchFlag[] = [];
    const noData: BranchNote[] = [];
    for (const req of this.pack.requirements) {
      if (!req.enabled) continue;
      const inputs = [...new Set(req.when.map((c) => c.fact))];
      const gap = inputs.map((f) => facts.missing.get(f)).find((m) => m !== undefined);
      if (gap) {
        if (NO_DATA_REASONS.has(gap.reason)) noData.push(noDataNote(req, gap, period, this.pack, this.cadrePack));
        continue;
      }
      if (!fired.requirements.has(req.id)) continue;
      flags.push({
        rule: req.id,
        label: req.label,
        labelEn: req.labelEn ?? req.label,
        message: fillTemplate(req.message, zh),
        messageEn: fillTemplate(req.messageEn ?? req.message, en),
        expected: fillTemplate(req.expected, zh),
        expectedEn: fillTemplate(req.expectedEn ?? req.expected, en),
        actual: fillTemplate(req.actual, zh),
        actualEn: fillTemplate(req.actualEn ?? req.actual, en),
        fix: fillTemplate(req.fix, zh),
        fixEn: fillTemplate(req.fixEn ?? req.fix, en),
        evidence: evidenceFor(inputs),
      });
    }

    const missing = new Map<string, ScoreMissing[]>([...facts.missing.keys()].map((f) => [f, [{ kind: 'absent', fact: f }]]));
    const row = await this.scorer.score({ values: facts.values, missing });
    // An indicator no branch could have data for (no ledger, a period it does not
    // cover, nothing to count) is left out and the score scaled; one this branch
    // did not fill in scores nothing, as a missing entry does for a cadre.
    const unscorable = (r: { id: string }) => this.plan.inputs.get(r.id)!.map((f) => facts.missing.get(f)).filter((m) => m !== undefined);
    const excluded: string[] = [];
    const unreported: string[] = [];
    for (const ind of this.pack.indicators) {
      const rules = this.plan.rulesByIndicator.get(ind.id)!;
      const gaps = rules.map(unscorable);
      if (rules.length === 0 || gaps.some((g) => g.length === 0)) continue;
      if (gaps.flat().every((m) => !NO_POINTS_REASONS.has(m.reason))) excluded.push(ind.id);
      else unreported.push(ind.id);
    }
    const included = this.pack.indicators.filter((i) => !excluded.includes(i.id));
    const available = included.reduce((s, i) => s + i.max, 0);
    const earned = included.reduce((s, i) => s + (row.indicators[i.id] ?? 0), 0);
    const score = available > 0 ? round2((earned / available) * 100) : 0;
    if (unreported.length > 0) {
      const names = this.pack.indicators.filter((i) => unreported.includes(i.id));
      noData.push({ rule: 'score:unreported', ...both('scoreUnreported', { indicators: names.map((i) => i.label).join('、'), indicatorsEn: names.map((i) => i.labelEn ?? i.label).join(', ') }) });
    }
    if (excluded.length > 0 && available > 0) {
      const names = this.pack.indicators.filter((i) => excluded.includes(i.id));
      noData.push({
        rule: 'score:rescaled',
        ...both('scoreRescaled', { indicators: names.map((i) => i.label).join('、'), indicatorsEn: names.map((i) => i.labelEn ?? i.label).join(', '), max: available }),
      });
    }
    const evidence: Record<string, Evidence[]> = {};
    for (const [fact, rows] of facts.evidence) if (rows.length > 0) evidence[fact] = evidenceOf(rows);
    const values: Record<string, FactValue> = {};
    for (const fact of this.catalogue.keys()) if (fact !== 'always') values[fact] = facts.values[fact] ?? null;
    return {
      id: branch.id,
      name: branch.name,
      variants: branch.variants,
      period,
      scored: available > 0,
      score,
      grade: '',
      gradeEn: '',
      stars: 0,
      rank: 0,
      of: 0,
      fallsShort: flags.length > 0,
      risk: false,
      riskReasons: [],
      flags,
      noData,
      starNotes: [],
      indicators: row.indicators,
      excluded,
      values,
      evidence,
      rectifyBy: null,
    };
  }

  /**
   * Ranks the branches of one period, then decides risk (any criterion of the
   * pack over failedItems, lastPlace, score, rank) and stars: the band of the
   * score, capped for risk and for falling short, then the star quota.
   */
  async settle(results: BranchResult[]): Promise<void> {
    const scored = results.filter((r) => r.scored);
    const ranks = competitionRanks(scored.map((r) => r.score));
    const worst = Math.max(0, ...ranks);
    const distinct = new Set(scored.map((r) => r.score)).size;
    for (const r of results) {
      r.of = scored.length;
      const i = scored.indexOf(r);
      r.rank = i >= 0 ? ranks[i]! : 0;
      // An unscored branch has no score or rank for a criterion to read.
      await this.judge(r, {
        failedItems: r.flags.length,
        lastPlace: i >= 0 && r.rank === worst && distinct > 1,
        score: i >= 0 ? r.score : null,
        rank: i >= 0 ? r.rank : null,
        of: r.of,
      });
    }
    if (this.pack.starQuota) {
      const q = this.pack.starQuota;
      const drops = overQuota(scored, q.stars, q.maxShare, scored.length);
      const allowed = quotaAllowed(q.maxShare, scored.length);
      scored.forEach((r, i) => {
        if (!drops[i]) return;
        const share = `${round2(q.maxShare * 100)}%`;
        r.starNotes.push(both('starsQuota', { stars: q.stars, share, allowed, lower: q.stars - 1 }));
        this.setStars(r, q.stars - 1);
      });
    }
  }

  /**
   * Decides one branch's risk from its outcome facts (failed items, last place,
   * score, rank) and its own facts (a secretary post vacant, 群众满意度), then its
   * stars, before any quota. A reason read from ledger rows names their cells.
   */
  async judge(r: BranchResult, outcome: Record<string, FactValue>): Promise<void> {
    const fired = await firedIds(this.riskEngine, { ...r.values, ...outcome });
    const params: Params = {};
    for (const [fact, value] of Object.entries(r.values)) if (value !== null) params[fact] = formatFact(this.plan, fact, value);
    Object.assign(params, { failedItems: r.flags.length, rank: r.rank, of: r.of, score: r.score });
    r.riskReasons = this.pack.risk.any
      .filter((c) => fired.risk.has(c.id))
      .map((c) => {
        const reason = { message: fillTemplate(c.reason, params), messageEn: fillTemplate(c.reasonEn ?? c.reason, params) };
        const cells = [...new Set(c.when.flatMap((w) => (r.evidence[w.fact] ?? []).map((e) => `${e.sheet}!${e.cell}`)))];
        if (cells.length === 0) return reason;
        const at = both('flagCells', { cells: cells.join('、'), cellsEn: cells.join(', ') });
        return { message: reason.message + at.message, messageEn: reason.messageEn + at.messageEn };
      });
    r.risk = r.riskReasons.length > 0;
    this.stars(r);
  }

  private stars(r: BranchResult): void {
    if (!r.scored) {
      r.grade = both('noDataGrade').message;
      r.gradeEn = both('noDataGrade').messageEn;
      return;
    }
    let stars = gradeFor(this.pack.grades, r.score).stars;
    const risk = this.pack.risk;
    if (r.risk && stars > risk.maxStars) {
      r.starNotes.push(both('starsCapped', { reason: risk.label, reasonEn: risk.labelEn ?? risk.label, max: risk.maxStars }));
      stars = risk.maxStars;
    }
    const cap = this.pack.fallsShortMaxStars;
    if (r.fallsShort && cap !== undefined && stars > cap) {
      const reason = both('fallsShortLabel');
      r.starNotes.push(both('starsCapped', { reason: reason.message, reasonEn: reason.messageEn, max: cap }));
      stars = cap;
    }
    this.setStars(r, stars);
    if (r.risk) r.rectifyBy = deadlineAfter(r.period, risk.rectifyMonths);
    else if (r.fallsShort) r.rectifyBy = deadlineAfter(r.period, this.pack.rectifyMonths);
  }

  private setStars(r: BranchResult, stars: number): void {
    r.stars = stars;
    const band = this.pack.grades.find((g) => g.stars === stars);
    r.grade = band?.grade ?? `${stars}★`;
    r.gradeEn = band?.gradeEn ?? r.grade;
  }
}
