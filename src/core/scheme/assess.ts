import { gradeFor } from '../assess/grade';
import { bottomShare, competitionRanks } from '../assess/rank';
import { round2, type ScoringPlan } from '../assess/score';
import { RuleScorer } from '../assess/scorer';
import type { FactValue, LedgerInfo, LedgerRecord, Warning } from '../ledger/read';
import { both, type Bilingual, fillTemplate, type Params, t } from '../messages';
import { packHash } from '../pack/hash';
import { textsFilled } from '../pack/params';
import { monthsOf, periodLabel, type PeriodId } from '../period';
import { a1Column } from './cells';
import { type FactContext, gatherFacts, type GatheredFacts, isSaid, type SubjectData } from './facts';
import { type Evidence, evidenceOf } from './evidence';
import { MustMeet } from './must-meet';
import { indicatorColumns, type ResultFlag, type ResultNote, type SchemeAssessment, type SubjectResult, type ValueColumn } from './result';
import { type Outcome, Standing } from './standing';
import type { Scheme, SchemeLedger } from './schema';
import { columnsById, factTypes } from './types';
import { unitCoverage } from './coverage';
import { fitsKind, kindOf, longestKind, unitOf, unitsIn } from './units';
import { subjectKey } from './subjects';
import { linkPrevious } from './previous';

/** What a run hands an assessment: each of its ledgers read once, and the results of the assessments it reads. */
export interface SchemeInputs {
  ledgers: ReadonlyMap<string, { records: LedgerRecord[]; infos: LedgerInfo[]; warnings: Warning[] }>;
  /**
   * Each assessment read: its results and the periods it judged (months,
   * quarters or years, as its kind gives). A result belongs to the subject it
   * names unless `owners` gives another (a cadre's month to the branch of the
   * village served); one with no owner there is nobody's.
   */
  results: ReadonlyMap<string, { results: SubjectResult[]; months: ReadonlySet<string>; title?: { zh: string; en: string }; owners?: ReadonlyMap<SubjectResult, { name: string; group: string | null }> }>;
  /** What the assessments it reads are called, for one this run did not give: its facts say that assessment is absent by name. */
  titles?: ReadonlyMap<string, { zh: string; en: string }>;
}

export interface SchemeOptions {
  /** A month, quarter or year: the units of the assessment's own kind inside it are judged. */
  period?: PeriodId;
  /** Called as judging starts, every few subjects and at the end: the sidebar shows progress. */
  onProgress?: ProgressCallback;
  /** The results of the period before the first judged, judged for the comparison alone: each result's `previous` may be one of them. */
  earlier?: readonly SubjectResult[];
}

/**
 * Where a run is: the stage, what has been done of it (ledger sheets read,
 * subjects judged, sheets written), and the assessment the counts are of;
 * `step` places that assessment among the run's, so a host can show the run's
 * progress as a whole.
 */
export interface Progress {
  stage: 'reading' | 'judging' | 'writing';
  done: number;
  total: number;
  of?: { zh: string; en: string };
  /** Rows read at the reading stage: the ledgers' and the results read of other assessments. */
  records?: number;
  /** The assessment's place in the run, from 1, of how many. */
  step?: { index: number; count: number };
}

/** May return a promise: the sidebar yields to the browser there so the progress bar paints. */
export type ProgressCallback = (progress: Progress) => void | Promise<void>;

const PROGRESS_EVERY = 10;

/** The facts a scheme's rules may read (its ledgers' columns and its 数据项), with their labels and whether they are rates. */
function factLabels(scheme: Scheme): { labels: ScoringPlan['labels']; percent: Set<string> } {
  const columns = columnsById(scheme.ledgers);
  const types = factTypes(scheme.facts, columns);
  const labels = new Map<string, { zh: string; en: string }>();
  const percent = new Set<string>();
  for (const [id, c] of columns) {
    labels.set(id, { zh: c.label, en: c.labelEn ?? c.label });
    if (c.type === 'percent') percent.add(id);
  }
  for (const f of scheme.facts) {
    labels.set(f.fact, { zh: f.label, en: f.labelEn ?? f.label });
    const type = types.get(f.fact);
    if (type === 'percent' || type === 'ratio') percent.add(f.fact);
    else percent.delete(f.fact);
  }
  return { labels, percent };
}

/**
 * Judges one assessment (考核方案) over the periods of its kind: gathers each
 * subject's facts, runs its rules through json-rules-engine, totals the
 * indicators, judges the must-meet items, grades, applies vetoes, then within
 * each period ranks, flags the bottom share, decides risk and capped stars,
 * holds a grade to its quota and computes the outputs. Nothing here knows
 * what the subject is: cadres, branches, households and village cadres differ
 * only in their schemes.
 */
export class SchemeAssessor {
  readonly scheme: Scheme;
  private readonly scorer: RuleScorer;
  private readonly plan: ScoringPlan;
  private readonly mustMeet: MustMeet;
  private readonly standing: Standing;
  /** The facts whose rows a result keeps: what a risk reason points at. Every other fact's rows are spent once its flags and items are written. */
  private readonly evidenceFacts: ReadonlySet<string>;
  private readonly noDetails: Params;
  /** Whether a rule's flag says what a count names ({…Detail}): most rules' flags do not, and need no details worked out. */
  private readonly flagsNameDetails: boolean;

  constructor(scheme: Scheme) {
    this.scheme = textsFilled(scheme);
    this.evidenceFacts = new Set((this.scheme.risk?.any ?? []).flatMap((c) => c.when.map((w) => w.fact)));
    const { labels, percent } = factLabels(this.scheme);
    this.scorer = new RuleScorer(this.scheme.indicators, this.scheme.rules, labels, percent);
    this.plan = this.scorer.plan;
    this.mustMeet = new MustMeet(this.scheme.requirements, (fact) => labels.get(fact) ?? { zh: fact, en: fact });
    this.standing = new Standing(this.scheme, (fact, value) => this.show(fact, value));
    this.noDetails = Object.fromEntries([...labels.keys()].map((fact) => [`${fact}Detail`, '—']));
    this.flagsNameDetails = this.scheme.rules.some((r) => /Detail\}/.test(`${r.flag ?? ''}${r.flagEn ?? ''}`));
  }

  /** A fact's value as a flag or a cell shows it: rates as percentages. */
  show(fact: string, value: unknown): string {
    return this.scorer.show(fact, value);
  }

  /** The facts a flag's rule reads: a must-meet item's conditions, a veto's fact, a scoring rule's inputs. */
  factsOf(rule: string): string[] {
    const item = this.scheme.requirements.find((r) => r.id === rule);
    if (item) return [...new Set(item.when.map((c) => c.fact))];
    const veto = this.scheme.vetoes.find((v) => `veto:${v.id}` === rule);
    return veto ? [veto.fact] : (this.plan.inputs.get(rule) ?? []);
  }

  factLabel(fact: string): string | undefined {
    return this.plan.labels.get(fact)?.zh;
  }

  gradeIndex(grade: string): number {
    return this.scheme.grades.findIndex((g) => g.grade === grade);
  }

  isPercent(fact: string): boolean {
    return this.plan.percentFacts.has(fact);
  }

  /** {…Detail}: what a count names (the months without a record); a fact with nothing to name shows —, never its id. */
  private details(facts: GatheredFacts): { zh: Params; en: Params } {
    const zh: Params = { ...this.noDetails };
    const en: Params = { ...this.noDetails };
    for (const [fact, d] of Object.entries(facts.detail)) {
      zh[`${fact}Detail`] = d.zh;
      en[`${fact}Detail`] = d.en;
    }
    return { zh, en };
  }

  /** Template parameters of must-meet texts: each fact as shown, and its detail. */
  private params(facts: GatheredFacts): { zh: Params; en: Params } {
    const { zh, en } = this.details(facts);
    for (const fact of new Set([...this.plan.labels.keys(), ...Object.keys(facts.values)])) {
      if (fact !== 'always') zh[fact] = en[fact] = this.show(fact, facts.values[fact]);
    }
    return { zh, en };
  }

  /** One subject in one period, before the period's ranking, quota and outputs. */
  async judge(subject: { name: string; group: string | null; source: SubjectResult['source'] }, period: string, facts: GatheredFacts): Promise<SubjectResult> {
    const row = await this.scorer.score({ values: facts.values, missing: facts.missing });
    let flags: ResultFlag[] = row.flags.map((f) => ({ ...f }));
    if (this.flagsNameDetails) {
      const { zh, en } = this.details(facts);
      for (const f of flags) Object.assign(f, { message: fillTemplate(f.message, zh), messageEn: fillTemplate(f.messageEn, en) });
    }
    for (const flag of flags) {
      if (!flag.rule.startsWith('missing:')) continue;
      const inputs = [...new Set((this.plan.rulesByIndicator.get(flag.indicator!) ?? []).flatMap((r) => this.plan.inputs.get(r.id) ?? []))];
      // A 数据项 and the column it adds up point at the same cells: each is named once.
      const cells = [...new Set(inputs.filter((f) => facts.missing.has(f)).flatMap((f) => facts.cells.get(f) ?? []))];
      if (cells.length === 0) continue;
      flag.cells = cells;
      const at = both('flagCells', { cells: cells.join('、'), cellsEn: cells.join(', ') });
      flag.message += at.message;
      flag.messageEn += at.messageEn;
    }
    const items = this.mustMeet.empty ? { failed: [], notes: [] } : await this.mustMeet.judge(facts, period, this.params(facts));
    const notes: ResultNote[] = [...items.notes];
    let score = row.score;
    let scored = true;
    let excluded: string[] = [];
    if (this.scheme.rescale) {
      const scaled = this.rescaled(row.indicators, facts);
      ({ score, scored, excluded } = scaled);
      notes.push(...scaled.notes);
      // What an indicator lacked is said once, in the note on the score.
      flags = flags.filter((f) => !f.rule.startsWith('missing:'));
    } else notes.push(...row.notes.map(({ message, messageEn, facts: inputs }) => ({ message, messageEn, facts: inputs })));
    let band = scored ? gradeFor(this.scheme.grades, score) : undefined;
    let vetoed = false;
    for (const veto of this.scheme.vetoes) {
      const said = facts.values[veto.fact];
      if (!isSaid(said ?? null)) continue;
      vetoed = true;
      band = this.scheme.grades.at(-1)!;
      const params = { [veto.fact]: String(said) };
      flags.push({ rule: `veto:${veto.id}`, message: fillTemplate(veto.flag, params), messageEn: fillTemplate(veto.flagEn ?? veto.flag, params), cells: facts.cells.get(veto.fact) });
    }
    // The facts are this subject's alone: the result keeps them, without the engine's constant.
    const values: Record<string, FactValue> = facts.values;
    delete values.always;
    const lowest = this.scheme.lowestFallsShort && this.scheme.grades.length > 1 && band === this.scheme.grades.at(-1);
    const evidence: Record<string, Evidence[]> = {};
    for (const fact of this.evidenceFacts) {
      const rows = facts.evidence.get(fact);
      if (rows && rows.length > 0) evidence[fact] = evidenceOf(rows);
    }
    const noData = both('noDataGrade');
    return {
      name: subject.name,
      group: subject.group,
      period,
      scored,
      score,
      grade: band?.grade ?? noData.message,
      gradeEn: band ? (band.gradeEn ?? band.grade) : noData.messageEn,
      stars: band?.stars ?? 0,
      rank: 0,
      of: 0,
      fallsShort: vetoed || lowest || items.failed.length > 0,
      risk: false,
      riskReasons: [],
      flags: [...items.failed, ...flags],
      notes,
      indicators: row.indicators,
      excluded,
      basis: row.basis,
      values,
      evidence,
      rectifyBy: null,
      source: subject.source,
    };
  }

  /**
   * The score out of the indicators that could be judged: one no subject could
   * have data for (no ledger, a period it does not cover, nothing to count) is
   * left out and the rest scaled to 100; one this subject left empty scores nothing.
   */
  private rescaled(points: Record<string, number>, facts: GatheredFacts): { score: number; scored: boolean; excluded: string[]; notes: ResultNote[] } {
    const excluded: string[] = [];
    const unreported: string[] = [];
    for (const ind of this.scheme.indicators) {
      const rules = this.plan.rulesByIndicator.get(ind.id) ?? [];
      const gaps = rules.map((r) => (this.plan.inputs.get(r.id) ?? []).filter((f) => facts.missing.has(f) || facts.gaps.has(f)));
      if (rules.length === 0 || gaps.some((g) => g.length === 0)) continue;
      const own = gaps.flat().some((f) => {
        const reason = facts.gaps.get(f)?.reason;
        return reason === undefined || reason === 'notReported' || reason === 'notRecorded';
      });
      (own ? unreported : excluded).push(ind.id);
    }
    const included = this.scheme.indicators.filter((i) => !excluded.includes(i.id));
    const available = included.reduce((s, i) => s + i.max, 0);
    const earned = included.reduce((s, i) => s + (points[i.id] ?? 0), 0);
    const notes: ResultNote[] = [];
    const named = (ids: string[]) => {
      const list = this.scheme.indicators.filter((i) => ids.includes(i.id));
      return { indicators: list.map((i) => i.label).join('、'), indicatorsEn: list.map((i) => i.labelEn ?? i.label).join(', ') };
    };
    if (unreported.length > 0) notes.push({ rule: 'score:unreported', ...both('scoreUnreported', named(unreported)) });
    if (excluded.length > 0 && available > 0) notes.push({ rule: 'score:rescaled', ...both('scoreRescaled', { ...named(excluded), max: available }) });
    return { score: available > 0 ? round2((earned / available) * 100) : 0, scored: available > 0, excluded, notes };
  }

  /**
   * Ranks one period's scored results and flags the bottom share, then decides
   * each one's risk, capped stars and deadline, holds the quota and computes
   * the outputs. An unscored subject has no score or rank for a criterion to read.
   */
  async settle(results: SubjectResult[]): Promise<void> {
    const scheme = this.scheme;
    const scored = results.filter((r) => r.scored);
    const scores = scored.map((r) => r.score);
    const ranks = competitionRanks(scores);
    const bottom = scheme.ranking ? bottomShare(scores, scheme.ranking.bottomShare) : scores.map(() => false);
    const worst = Math.max(0, ...ranks);
    const distinct = new Set(scores).size;
    scored.forEach((r, i) => {
      r.rank = ranks[i]!;
      if (!bottom[i] || !scheme.ranking) return;
      const k = scheme.ranking;
      const zh = k.action ? `${k.flag}：${k.action}` : k.flag;
      const en = k.actionEn ?? k.action ? `${k.flagEn ?? k.flag}: ${k.actionEn ?? k.action}` : (k.flagEn ?? k.flag);
      r.flags.push({ rule: 'ranking:bottom', message: zh, messageEn: en });
      r.fallsShort = true;
    });
    for (const r of results) {
      r.of = scored.length;
      if (!scheme.risk && scheme.fallsShortMaxStars === undefined && scheme.rectifyMonths === undefined) continue;
      await this.standing.decide(r, {
        failedItems: r.flags.filter((f) => f.item).length,
        lastPlace: r.scored && r.rank === worst && distinct > 1,
        score: r.scored ? r.score : null,
        rank: r.scored ? r.rank : null,
        of: r.of,
      });
    }
    this.standing.holdQuota(scored);
    for (const r of results) this.computeOutputs(r);
  }

  /** One subject's standing on its own, as a rule test sees it: ranked first of one unless the test says otherwise. */
  async decide(r: SubjectResult, outcome: Outcome): Promise<void> {
    await this.standing.decide(r, outcome);
  }

  /** The computed outputs from the result's grade and values: a rule test computes them for one subject alone. */
  computeOutputs(r: SubjectResult): void {
    for (const o of this.scheme.outputs) {
      if ('byGrade' in o) r.values[o.id] = o.byGrade[r.grade] ?? null;
      else {
        const [a, b] = o.product.map((x) => r.values[x]);
        r.values[o.id] = typeof a === 'number' && typeof b === 'number' ? round2(a * b) : null;
      }
    }
  }

  /** The computed columns of the result sheet: indicator points, then the outputs. */
  columns(): ValueColumn[] {
    return [
      ...indicatorColumns(this.scheme.indicators),
      ...this.scheme.outputs.map((o) => ({ id: o.id, label: o.label, labelEn: o.labelEn ?? o.label, percent: false, indicator: false })),
    ];
  }
}

interface Subject {
  name: string;
  group: string | null;
  data: { rows: Map<string, LedgerRecord[]>; results: Map<string, SubjectResult[]> };
}

/** Every subject of the scheme's ledgers and of the assessments it reads, by name and group. */
function subjectsOf(scheme: Scheme, inputs: SchemeInputs): Map<string, Subject> {
  const subjects = new Map<string, Subject>();
  const get = (name: string, group: string | null) => {
    const key = subjectKey(name, group);
    let s = subjects.get(key);
    if (!s) subjects.set(key, (s = { name, group, data: { rows: new Map(), results: new Map() } }));
    return s;
  };
  for (const ledger of scheme.ledgers) {
    for (const r of inputs.ledgers.get(ledger.id)?.records ?? []) {
      const rows = get(r.name, r.branch).data.rows;
      if (!rows.has(ledger.id)) rows.set(ledger.id, []);
      rows.get(ledger.id)!.push(r);
    }
  }
  for (const id of new Set(scheme.facts.flatMap((f) => (f.source === 'results' ? [f.scheme] : [])))) {
    const read = inputs.results.get(id);
    for (const r of read?.results ?? []) {
      const owner = read!.owners ? read!.owners.get(r) : r;
      if (!owner) continue;
      const results = get(owner.name, owner.group).data.results;
      if (!results.has(id)) results.set(id, []);
      results.get(id)!.push(r);
    }
  }
  return subjects;
}

/** The unit of a subject's first row or result in it: its subject-defining presence in the period. */
function presence(scheme: Scheme, subject: Subject, unit: string, standing: ReadonlySet<string>): SubjectResult['source'] | undefined {
  const months = new Set(monthsOf(unit));
  for (const ledger of scheme.ledgers) {
    if (standing.has(ledger.id)) continue;
    const row = subject.data.rows.get(ledger.id)?.find((r) => monthsOf(r.period).every((m) => months.has(m)));
    if (row) return { sheet: row.sheet, row: row.row };
  }
  for (const results of subject.data.results.values()) {
    const r = results.find((x) => monthsOf(x.period).every((m) => months.has(m)));
    if (r) return r.source ?? null;
  }
  return undefined;
}

/** The subjects with a row or a result in some month of a period, in the order they were met: a period asks only these. */
function presentIn(subjects: Subject[], standing: ReadonlySet<string>): (unit: string) => Subject[] {
  const byMonth = new Map<string, Set<number>>();
  const add = (period: string, index: number) => {
    for (const m of monthsOf(period)) {
      if (!byMonth.has(m)) byMonth.set(m, new Set());
      byMonth.get(m)!.add(index);
    }
  };
  subjects.forEach((subject, i) => {
    for (const [ledger, rows] of subject.data.rows) if (!standing.has(ledger)) for (const r of rows) add(r.period, i);
    for (const results of subject.data.results.values()) for (const r of results) add(r.period, i);
  });
  return (unit) => {
    const found = new Set(monthsOf(unit).flatMap((m) => [...(byMonth.get(m) ?? [])]));
    return [...found].sort((a, b) => a - b).map((i) => subjects[i]!);
  };
}

/** Assesses every subject of a scheme in every period of its kind the data (or the period asked) holds. */
export async function assessScheme(scheme: Scheme, inputs: SchemeInputs, options: SchemeOptions = {}): Promise<SchemeAssessment> {
  const assessor = new SchemeAssessor(scheme);
  const kind = scheme.periodKind;
  const warnings: Warning[] = [];
  const notes: Bilingual[] = [];
  const standing = new Set(scheme.ledgers.filter((l) => l.standing).map((l) => l.id));
  const infos = new Map(scheme.ledgers.flatMap((l) => (inputs.ledgers.get(l.id)?.infos ?? []).map((i) => [i.sheet, i] as const)));
  const ledgerUnits = new Map<string, Set<string>>();
  const periodWords = { kind: kindWord(kind), kindEn: kindWord(kind, 'en') };
  // Every fact of every row asks where its cell is: each sheet's column letters are looked up once.
  const letters = new Map<string, Map<string, string>>();
  const cellOf = (record: LedgerRecord, column: string) => {
    let sheet = letters.get(record.sheet);
    if (!sheet) letters.set(record.sheet, (sheet = new Map()));
    let letter = sheet.get(column);
    if (letter === undefined) sheet.set(column, (letter = a1Column(infos.get(record.sheet), column) ?? 'A'));
    return letter + record.row;
  };
  const kept: ReadonlyMap<string, { records: LedgerRecord[]; infos: LedgerInfo[]; warnings: Warning[] }> = new Map(
    scheme.ledgers.map((l) => {
      const read = inputs.ledgers.get(l.id) ?? { records: [], infos: [], warnings: [] };
      warnings.push(...read.warnings);
      if (l.standing || read.infos.length === 0) return [l.id, read] as const;
      const longest = longestKind([kind, ...(scheme.alsoJudgedFor ?? [])]);
      // A row of a longer period than the scheme's (a year's figures in a quarterly scheme) has no one unit to count in.
      const records = read.records.filter((r) => {
        if (unitOf(r.period, longest) !== undefined) return true;
        const period = l.columns.find((c) => c.role === 'period')?.fact;
        warnings.push({ sheet: r.sheet, cell: cellOf(r, period ?? subjectOf(l)), ...both('schemeRowPeriodLonger', { title: scheme.title, titleEn: scheme.titleEn ?? scheme.title, period: periodLabel(r.period), periodEn: r.period, ...periodWords }) });
        return false;
      });
      ledgerUnits.set(l.id, new Set(records.map((r) => r.period)));
      return [l.id, { ...read, records }] as const;
    }),
  );
  // Another assessment's periods may be quarters or years: what it judged is counted in months.
  const resultMonths = new Map([...inputs.results].map(([id, r]) => [id, new Set([...r.months].flatMap((p) => monthsOf(p)))]));
  const ctx: FactContext = {
    ledgerUnits,
    standing,
    resultMonths,
    cellOf: (record, column) => `${record.sheet}!${cellOf(record, column)}`,
    columns: columnLedgers(scheme),
    present: new Set([...kept].filter(([, r]) => r.infos.length > 0).map(([id]) => id)),
    ledgers: new Map(scheme.ledgers.map((l) => [l.id, l])),
    resultTitles: new Map([...(inputs.titles ?? []), ...[...inputs.results].map(([id, r]) => [id, r.title ?? inputs.titles?.get(id) ?? { zh: id, en: id }] as const)]),
  };
  const subjects = subjectsOf(scheme, { ...inputs, ledgers: kept });
  const single = singleRowLedgers(scheme);
  if (scheme.coverShare > 0) {
    for (const [id, units] of ledgerUnits) {
      if (scheme.coverLedgers && !scheme.coverLedgers.includes(id)) continue;
      const ledger = scheme.ledgers.find((l) => l.id === id)!;
      // A thin month is most likely a mistyped date: the warning points at the date.
      const at = ledger.columns.find((c) => c.role === 'period')?.fact ?? subjectOf(ledger);
      const rows = kept.get(id)!.records.map((r) => ({ unit: r.period, subject: subjectKey(r.name, r.branch), sheet: r.sheet, row: r.row, cell: cellOf(r, at) }));
      const cover = unitCoverage(rows, subjects.size, scheme.coverShare);
      units.clear();
      for (const u of cover.covered) units.add(u);
      for (const thin of cover.thin) {
        warnings.push({
          sheet: thin.first.sheet,
          cell: thin.first.cell,
          ...both('coverageThinSubjects', { ledger: ledger.title, ledgerEn: ledger.titleEn ?? ledger.title, unit: periodLabel(thin.unit), unitEn: thin.unit, count: thin.subjects, subject: scheme.subject, subjectEn: scheme.subjectEn ?? scheme.subject }),
        });
      }
    }
  }

  // The periods there is data for are those the ledgers kept every period hold: a 发展党员 row of 2021 makes 2021 no period to judge.
  const dataMonths = new Set([...ledgerUnits].filter(([id]) => !scheme.coverLedgers || scheme.coverLedgers.includes(id)).flatMap(([, s]) => [...s].flatMap((u) => monthsOf(u))));
  for (const f of scheme.facts) if (f.source === 'results') for (const m of resultMonths.get(f.scheme) ?? []) dataMonths.add(m);
  let units: string[];
  // A period with no data has nothing to judge, unless every subject is judged whatever it kept: then a period asked is judged, its gaps said.
  const hasData = (u: string) => (scheme.judgeAbsent && options.period !== undefined) || monthsOf(u).some((m) => dataMonths.has(m));
  if (options.period && (scheme.alsoJudgedFor ?? []).includes(kindOf(options.period))) {
    units = [options.period].filter(hasData);
  } else if (options.period && !fitsKind(options.period, kind)) {
    notes.push(both('schemePeriodKind', { title: scheme.title, titleEn: scheme.titleEn ?? scheme.title, period: periodLabel(options.period), periodEn: options.period, ...periodWords }));
    units = [];
  } else {
    const candidates = options.period ? unitsIn(options.period, kind) : [...new Set([...dataMonths].map((m) => unitOf(m, kind)!))].sort();
    units = candidates.filter(hasData);
  }

  // Who is judged in which unit is known before anyone is: progress counts against it.
  const present = presentIn([...subjects.values()], standing);
  const plan = units.map((unit) => ({
    unit,
    judged: (scheme.judgeAbsent ? [...subjects.values()] : present(unit)).flatMap((subject) => {
      // Judged whether or not it has rows, a subject's result rests on no one row.
      if (scheme.judgeAbsent) return [{ subject, source: null }];
      const source = presence(scheme, subject, unit, standing);
      return source === undefined ? [] : [{ subject, source }];
    }),
  }));
  const total = plan.reduce((n, p) => n + p.judged.length, 0);
  const title = { zh: scheme.title, en: scheme.titleEn ?? scheme.title };
  let done = 0;
  await options.onProgress?.({ stage: 'judging', done, total, of: title });
  const results: SubjectResult[] = [];
  for (const { unit, judged } of plan) {
    for (const source of new Set(scheme.facts.flatMap((f) => (f.source === 'results' ? [f.scheme] : [])))) {
      const judgedMonths = resultMonths.get(source) ?? new Set<string>();
      const gaps = monthsOf(unit).filter((m) => !judgedMonths.has(m));
      const covered = monthsOf(unit).filter((m) => judgedMonths.has(m));
      if (gaps.length > 0 && covered.length > 0) {
        notes.push(both('schemeMonthsNoData', { title: scheme.title, titleEn: scheme.titleEn ?? scheme.title, period: periodLabel(unit), periodEn: unit, months: gaps.map((m) => periodLabel(m)).join('、'), monthsEn: gaps.join(', ') }));
      }
    }
    const inUnit: SubjectResult[] = [];
    for (const { subject, source } of judged) {
      duplicateWarnings(single, subject, unit, cellOf, warnings);
      const facts = gatherFacts(scheme.facts, subject.data as SubjectData, unit, ctx);
      inUnit.push(await assessor.judge({ name: subject.name, group: subject.group, source }, unit, facts));
      done++;
      if (options.onProgress && done % PROGRESS_EVERY === 0) await options.onProgress({ stage: 'judging', done, total, of: title });
    }
    await assessor.settle(inUnit);
    results.push(...inUnit);
  }
  await options.onProgress?.({ stage: 'judging', done: total, total, of: title });
  results.sort((a, b) => a.period.localeCompare(b.period) || a.rank - b.rank || a.name.localeCompare(b.name, 'zh'));
  linkPrevious(results, options.earlier ?? [], assessor);
  return {
    id: scheme.id,
    title: scheme.title,
    titleEn: scheme.titleEn ?? scheme.title,
    subject: scheme.subject,
    subjectEn: scheme.subjectEn ?? scheme.subject,
    periodKind: kind,
    rulesVersion: packHash(scheme),
    period: options.period,
    periods: units,
    ledgers: Object.fromEntries([...kept].map(([id, r]) => [id, r.infos])),
    results,
    columns: assessor.columns(),
    notes,
    warnings,
  };
}

/** Each column id with the ledger it is read from: the first ledger that has it. */
function columnLedgers(scheme: Scheme): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of scheme.ledgers) for (const c of l.columns) if (!out.has(c.fact)) out.set(c.fact, l.id);
  return out;
}

const KIND_WORDS = { month: 'periodKindMonth', quarter: 'periodKindQuarter', year: 'periodKindYear' } as const;

function kindWord(kind: Scheme['periodKind'], lang: 'zh' | 'en' = 'zh'): string {
  return t(KIND_WORDS[kind], {}, lang);
}

const subjectOf = (ledger: SchemeLedger) => ledger.columns.find((c) => c.role === 'subject')!.fact;

/**
 * The ledgers that hold one row per subject and period: not a roster, and not
 * one counted over (发展党员, 三会一课 list many rows per subject).
 */
function singleRowLedgers(scheme: Scheme): SchemeLedger[] {
  const counted = new Set(scheme.facts.flatMap((f) => ('ledger' in f && f.source !== 'value' ? [f.ledger] : [])));
  return scheme.ledgers.filter((l) => !l.standing && !counted.has(l.id));
}

/** A subject with two rows of one such ledger in a period: the first is read, the second is said at its name cell. */
function duplicateWarnings(single: SchemeLedger[], subject: Subject, unit: string, cellOf: (r: LedgerRecord, column: string) => string, warnings: Warning[]): void {
  const months = new Set(monthsOf(unit));
  for (const ledger of single) {
    const all = subject.data.rows.get(ledger.id) ?? [];
    if (all.length < 2) continue;
    const rows = all.filter((r) => monthsOf(r.period).every((m) => months.has(m)));
    const name = subjectOf(ledger);
    for (const extra of rows.slice(1)) {
      warnings.push({
        sheet: extra.sheet,
        cell: cellOf(extra, name),
        period: unit,
        ...both('schemeDuplicateRow', { name: subject.name, period: periodLabel(unit), periodEn: unit, other: `${rows[0]!.sheet}!${cellOf(rows[0]!, name)}` }),
      });
    }
  }
}
