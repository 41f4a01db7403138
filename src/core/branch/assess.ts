import { Engine, type RuleProperties } from 'json-rules-engine';
import { type Assessment, assessWorkbook, type ProgressCallback } from '../assess/assess';
import type { MissingReason as ScoreMissing } from '../assess/facts';
import { gradeFor } from '../assess/grade';
import { competitionRanks } from '../assess/rank';
import { formatFact, planFor, round2, scoreRow, type ScoringPlan } from '../assess/score';
import type { ColumnMapping } from '../ledger/columns';
import type { FactValue, LedgerInfo, Warning } from '../ledger/read';
import { type Bilingual, both, fillTemplate, type Params } from '../messages';
import { compileCondition, compileRule, SCORE_EVENT } from '../pack/compile';
import type { Condition, Pack } from '../pack/schema';
import { monthsOf, periodLabel, type PeriodId } from '../period';
import type { WorkbookSnapshot } from '../snapshot';
import { readAliasSheets } from './aliases';
import { collectCadres } from './cadres';
import { factCatalogue, type FactInfo } from './catalogue';
import { type Evidence, evidenceOf } from './evidence';
import { type BranchFacts, branchFacts, type Coverage, type MissingFact, NO_DATA_REASONS } from './facts';
import { type LedgerKind, readBranchLedgers, type SheetKinds, withoutBranchLedgers } from './ledgers';
import { collectMeetings, type Meeting } from './meetings';
import { BranchNameRules, BranchRoster } from './names';
import { deadlineAfter, quartersSpanning, unitsLabel } from './periods';
import type { BranchPack, Requirement } from './schema';
import { overQuota, quotaAllowed } from './stars';
import { collectWork, type RateCheck, type UnmatchedName, type WorkRow } from './work';

export interface BranchFlag extends Bilingual {
  /** The must-meet item's id. */
  rule: string;
  label: string;
  labelEn: string;
  expected: string;
  expectedEn: string;
  actual: string;
  actualEn: string;
  /** What to do, for the rectification list. */
  fix: string;
  fixEn: string;
  /** The ledger rows behind the figure. */
  evidence: Evidence[];
}

export interface BranchNote extends Bilingual {
  rule: string;
}

export interface BranchResult {
  /** The roster key; stable across periods. */
  id: string;
  name: string;
  /** How the ledgers wrote the name. */
  variants: string[];
  period: string;
  /** False when no indicator had data: such a branch is neither scored nor ranked. */
  scored: boolean;
  score: number;
  grade: string;
  gradeEn: string;
  stars: number;
  rank: number;
  of: number;
  fallsShort: boolean;
  risk: boolean;
  riskReasons: Bilingual[];
  flags: BranchFlag[];
  /** Items not judged for want of data, and why. */
  noData: BranchNote[];
  /** Why the stars are fewer than the score gives. */
  starNotes: Bilingual[];
  indicators: Record<string, number>;
  /** Indicators left out of the score for want of data. */
  excluded: string[];
  /** Every fact's value (counts, rates), null where missing. */
  values: Record<string, FactValue>;
  /** The ledger rows behind each fact. */
  evidence: Record<string, Evidence[]>;
  /** The rectification deadline for a branch that falls short (2024年7月31日). */
  rectifyBy: string | null;
}

export interface CoverageNote extends Bilingual {
  period: string;
  ledger: LedgerKind;
}

export interface BranchAssessment {
  packId: string;
  packTitle: string;
  /** The period asked for; undefined when every quarter the ledgers span was assessed. */
  period?: string;
  periods: string[];
  /** Falling short first (at risk first among them), then by rank. */
  branches: BranchResult[];
  sheets: SheetKinds;
  ledgers: { meetings: LedgerInfo[]; work: LedgerInfo[] };
  meetingRows: number;
  workRows: number;
  /** Cadre results counted per branch. */
  cadreResults: number;
  coverage: { meetings: string[]; work: string[]; cadres: string[] };
  coverageNotes: CoverageNote[];
  unmatched: UnmatchedName[];
  rateChecks: RateCheck[];
  /** Sheets read as the branch name table (支部名称对照). */
  aliasSheets: string[];
  warnings: Warning[];
}

export interface BranchPacks {
  branch: BranchPack;
  /** The cadre pack: its ledger gives each branch's stationed-cadre results. */
  cadre?: Pack;
}

export interface BranchAssessOptions {
  /** A month (2024-05), a quarter (2024-Q2) or a year (2024); every quarter the ledgers span when absent. */
  period?: string;
  /** Names as written → the branch they mean, on top of the pack's alias table. */
  aliases?: Record<string, string>;
  mapping?: ColumnMapping;
  /** The month for rows that name none. */
  defaultPeriod?: string;
  /** A cadre assessment already made of this workbook; made here from the cadre pack when absent. */
  cadres?: Assessment;
  onProgress?: ProgressCallback;
}

const REQUIREMENT_EVENT = 'branch-requirement';
/** Missing data that is the branch's own doing: its indicator scores nothing rather than being left out. */
const NO_POINTS_REASONS: ReadonlySet<MissingFact['reason']> = new Set(['notReported', 'notRecorded']);
const RISK_EVENT = 'branch-risk';

function compileAll(id: string, when: Condition[], type: string): RuleProperties {
  return { name: `${type}:${id}`, conditions: { all: when.map(compileCondition) }, event: { type, params: { id } } };
}

async function firedIds(engine: Engine, facts: Record<string, FactValue>): Promise<{ score: Set<string>; requirements: Set<string>; risk: Set<string> }> {
  const { events } = await engine.run(facts);
  const out = { score: new Set<string>(), requirements: new Set<string>(), risk: new Set<string>() };
  for (const e of events) {
    if (e.type === SCORE_EVENT) out.score.add(String(e.params!.rule));
    if (e.type === REQUIREMENT_EVENT) out.requirements.add(String(e.params!.id));
    if (e.type === RISK_EVENT) out.risk.add(String(e.params!.id));
  }
  return out;
}

function ledgerTitle(pack: BranchPack, cadre: Pack | undefined, kind: LedgerKind): { zh: string; en: string } {
  if (kind === 'meetings') return { zh: pack.meetings.title, en: pack.meetings.titleEn ?? pack.meetings.title };
  if (kind === 'work') return { zh: pack.work.title, en: pack.work.titleEn ?? pack.work.title };
  return { zh: `${cadre?.title ?? '驻村干部'}台账`, en: `${cadre?.titleEn ?? 'stationed cadre'} ledger` };
}

/** Why an item was not judged, in words. */
function noDataNote(req: Requirement, gap: MissingFact, period: string, pack: BranchPack, cadre: Pack | undefined): BranchNote {
  const ledger = ledgerTitle(pack, cadre, gap.ledger);
  const base = { label: req.label, labelEn: req.labelEn ?? req.label, ledger: ledger.zh, ledgerEn: ledger.en, period: periodLabel(period), periodEn: period };
  switch (gap.reason) {
    case 'noLedger':
      return { rule: req.id, ...both('noDataNoLedger', base) };
    case 'uncovered':
      return { rule: req.id, ...both('noDataUncovered', base) };
    case 'notReported':
      return { rule: req.id, ...both('noDataNotReported', base) };
    default:
      return {
        rule: req.id,
        ...both('noDataNotRecorded', { ...base, inputs: (gap.inputs ?? []).map((i) => `“${i.zh}”`).join('、'), inputsEn: (gap.inputs ?? []).map((i) => `"${i.en}"`).join(', ') }),
      };
  }
}

interface Evaluated {
  result: BranchResult;
  riskFired?: Set<string>;
}

/**
 * Judges branches under a branch pack: builds the engine once, then for each
 * branch and period runs the flat facts through it and turns what fired into
 * failed items, points, a score, stars and the 软弱涣散 risk.
 */
export class BranchAssessor {
  private readonly engine: Engine;
  private readonly riskEngine: Engine;
  private readonly plan: ScoringPlan;
  readonly catalogue: Map<string, FactInfo>;

  constructor(
    readonly pack: BranchPack,
    readonly cadrePack?: Pack,
  ) {
    const requirements = pack.requirements.filter((r) => r.enabled).map((r) => compileAll(r.id, r.when, REQUIREMENT_EVENT));
    const rules = pack.rules.filter((r) => r.enabled).map(compileRule);
    this.engine = new Engine([...rules, ...requirements], { allowUndefinedFacts: true });
    this.riskEngine = new Engine(pack.risk.any.map((c) => compileAll(c.id, c.when, RISK_EVENT)), { allowUndefinedFacts: true });
    this.catalogue = factCatalogue(pack);
    const labels = new Map([...this.catalogue].map(([f, i]) => [f, { zh: i.label, en: i.labelEn }]));
    const percent = new Set([...this.catalogue].filter(([, i]) => i.type === 'ratio').map(([f]) => f));
    this.plan = planFor(pack.indicators, pack.rules, labels, percent);
  }

  /** Template parameters: each fact's value as shown, and its detail as {factDetail}. */
  params(facts: BranchFacts, lang: 'zh' | 'en'): Params {
    const params: Params = {};
    for (const fact of this.catalogue.keys()) {
      params[fact] = formatFact(this.plan, fact, facts.values[fact]);
      const d = facts.detail[fact];
      if (d) params[`${fact}Detail`] = d[lang];
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

    const missing = new Map<string, ScoreMissing>([...facts.missing.keys()].map((f) => [f, { kind: 'absent', fact: f }]));
    const row = scoreRow(this.plan, { values: facts.values, missing }, fired.score);
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
      const outcome: Record<string, FactValue> = {
        failedItems: r.flags.length,
        lastPlace: i >= 0 && r.rank === worst && distinct > 1,
        score: i >= 0 ? r.score : null,
        rank: i >= 0 ? r.rank : null,
        of: r.of,
      };
      const fired = await firedIds(this.riskEngine, outcome);
      const params: Params = { failedItems: r.flags.length, rank: r.rank, of: r.of, score: r.score };
      r.riskReasons = this.pack.risk.any
        .filter((c) => fired.risk.has(c.id))
        .map((c) => ({ message: fillTemplate(c.reason, params), messageEn: fillTemplate(c.reasonEn ?? c.reason, params) }));
      r.risk = r.riskReasons.length > 0;
      this.stars(r);
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

function coverageNotes(periods: string[], coverage: Coverage, pack: BranchPack, cadre: Pack | undefined): CoverageNote[] {
  const notes: CoverageNote[] = [];
  for (const period of periods) {
    for (const kind of ['meetings', 'work', 'cadre'] as const) {
      const covered = kind === 'meetings' ? coverage.meetings : kind === 'work' ? coverage.work : coverage.cadres;
      if (!covered) continue;
      const months = monthsOf(period);
      const coveredMonths = new Set([...covered].map((u) => monthsOf(u)).filter((ms) => ms.every((m) => months.includes(m))).flat());
      const gaps = months.filter((m) => !coveredMonths.has(m));
      if (gaps.length === 0) continue;
      const title = ledgerTitle(pack, cadre, kind);
      notes.push({ period, ledger: kind, ...both('coverageMissing', { ledger: title.zh, ledgerEn: title.en, months: unitsLabel(gaps), monthsEn: unitsLabel(gaps, 'en') }) });
    }
  }
  return notes;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!out.has(k)) out.set(k, []);
    out.get(k)!.push(item);
  }
  return out;
}

/** Falling short first, at risk first among them, then by rank and name. */
export function branchOrder(a: BranchResult, b: BranchResult): number {
  return (
    a.period.localeCompare(b.period) ||
    Number(b.risk) - Number(a.risk) ||
    Number(b.fallsShort) - Number(a.fallsShort) ||
    Number(b.scored) - Number(a.scored) ||
    a.rank - b.rank ||
    a.name.localeCompare(b.name, 'zh')
  );
}

/**
 * Reads the branch ledgers of a workbook (meeting records, work counts) and the
 * stationed-cadre results, matches the branch names across them, and judges
 * every branch for the period asked (or for every quarter the ledgers span).
 */
export async function assessBranches(workbook: WorkbookSnapshot, packs: BranchPacks, options: BranchAssessOptions = {}): Promise<BranchAssessment> {
  const pack = packs.branch;
  const rules = new BranchNameRules(pack.names);
  const read = readBranchLedgers(workbook, pack, rules, packs.cadre, { mapping: options.mapping, defaultPeriod: options.defaultPeriod });
  const primary = read.meetings.records.length > 0 ? read.meetings : read.work;
  const rosterTitle = ledgerTitle(pack, packs.cadre, primary === read.meetings ? 'meetings' : 'work');
  // The pack's aliases, then the workbook's name table, then the caller's: the nearer the user, the later.
  const table = readAliasSheets(workbook);
  const roster = new BranchRoster(rules, primary.records.map((r) => r.name), { ...pack.names.aliases, ...table.aliases, ...options.aliases });

  const meetings = collectMeetings(read.meetings, pack.meetings.types, roster);
  const work = collectWork(read.work, pack, roster, rosterTitle);
  const cadreAssessment =
    options.cadres ??
    (packs.cadre && read.kinds.cadre.length > 0
      ? await assessWorkbook(withoutBranchLedgers(workbook, read.kinds), packs.cadre, { period: options.period, mapping: options.mapping, defaultPeriod: options.defaultPeriod })
      : undefined);
  const cadres = collectCadres(cadreAssessment, packs.cadre, roster, rosterTitle);

  const coverage: Coverage = {
    meetings: read.meetings.ledgers.length > 0 ? meetings.coverage : undefined,
    work: read.work.ledgers.length > 0 ? work.coverage : undefined,
    cadres: cadres.present ? cadres.coverage : undefined,
  };
  const periods: PeriodId[] = options.period ? [options.period] : quartersSpanning([...meetings.coverage, ...work.coverage].flatMap((u) => monthsOf(u)));
  const byBranch = {
    meetings: groupBy<Meeting>(meetings.meetings, (m) => m.branch),
    work: groupBy<WorkRow>(work.rows, (w) => w.branch),
    cadres: groupBy(cadres.cadres, (c) => c.branch),
  };

  const assessor = new BranchAssessor(pack, packs.cadre);
  const branches: BranchResult[] = [];
  const total = periods.length * roster.branches.length;
  let done = 0;
  for (const period of periods) {
    const inPeriod: BranchResult[] = [];
    for (const b of roster.branches) {
      const data = { meetings: byBranch.meetings.get(b.id) ?? [], work: byBranch.work.get(b.id) ?? [], cadres: byBranch.cadres.get(b.id) ?? [] };
      const facts = branchFacts(pack, data, period, coverage);
      inPeriod.push(await assessor.evaluate({ id: b.id, name: b.name, variants: [...b.variants.keys()] }, period, facts));
      done++;
      if (options.onProgress && done % 20 === 0) await options.onProgress(done, total);
    }
    await assessor.settle(inPeriod);
    branches.push(...inPeriod);
  }
  await options.onProgress?.(total, total);
  branches.sort(branchOrder);

  return {
    packId: pack.id,
    packTitle: pack.title,
    period: options.period,
    periods,
    branches,
    sheets: read.kinds,
    ledgers: { meetings: read.meetings.ledgers, work: read.work.ledgers },
    meetingRows: meetings.meetings.length,
    workRows: work.rows.length,
    cadreResults: cadres.cadres.length,
    coverage: { meetings: [...meetings.coverage].sort(), work: [...work.coverage].sort(), cadres: [...cadres.coverage].sort() },
    coverageNotes: coverageNotes(periods, coverage, pack, packs.cadre),
    unmatched: [...work.unmatched, ...cadres.unmatched],
    rateChecks: work.rateChecks,
    aliasSheets: table.sheets,
    warnings: [...table.warnings, ...read.meetings.warnings, ...meetings.warnings, ...read.work.warnings, ...work.warnings, ...cadres.warnings],
  };
}
