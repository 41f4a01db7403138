import { both, type Bilingual } from '../messages';
import { ruleInputs } from '../pack/compile';
import type { Rule } from '../pack/schema';
import { analyseBands, rowNextToGap, setText } from './bands';
import { conditionText } from './condition';
import { FactDirectory, isNumeric, usualSet, wholeSet } from './facts';
import { problemAt, type RuleProblem } from './problem';
import type { ScoringPack } from './section';
import { conditionsSet, isEmpty, isSubset, type ValueSet } from './value-set';

/** Where each part of a pack came from, so a problem can name the cell (or, for a pack file, the path). */
export interface PackLocator {
  sheet: string;
  /** The cell of a pack path ("rules[3].flag"), or the nearest enclosing path's. */
  cell(path: string): string;
  conditionCell(rule: number, fact: string): string;
  /** How a rule is called in a message: 第12行（visits-20） on a sheet, its id in a file. */
  ruleName(rule: number): { zh: string; en: string };
  /** The condition on a fact as the user wrote it. */
  conditionText(rule: number, fact: string): string;
}

/** A path inside a file: a pack's own path under the place the pack sits ("packs[1]" and "rules[3]" → "packs[1].rules[3]"). */
export function filePath(at: string, path: string): string {
  if (at === '') return path;
  if (path === '') return at;
  return path.startsWith('[') ? `${at}${path}` : `${at}.${path}`;
}

/** A pack file's locator: paths instead of cells (under `at`, where the pack sits in the file), rules by id, conditions written out. */
export function fileLocator(pack: ScoringPack, file: string, at = ''): PackLocator {
  const facts = FactDirectory.of(pack);
  return {
    sheet: file,
    cell: (path) => filePath(at, path),
    conditionCell: (rule, fact) => {
      const j = pack.rules[rule]!.when.findIndex((c) => c.fact === fact);
      return filePath(at, `rules[${rule}].when[${j}]`);
    },
    ruleName: (rule) => ({ zh: pack.rules[rule]!.id, en: pack.rules[rule]!.id }),
    conditionText: (rule, fact) =>
      conditionText(
        pack.rules[rule]!.when.filter((c) => c.fact === fact),
        facts.get(fact)?.kind ?? 'number',
      ),
  };
}

/** Each fact a rule's conditions read, with the values they let through together. */
function ruleRegion(rule: Rule, facts: FactDirectory): Map<string, ValueSet> {
  const region = new Map<string, ValueSet>();
  for (const fact of new Set(rule.when.map((c) => c.fact))) {
    const kind = facts.get(fact)?.kind ?? 'number';
    region.set(fact, conditionsSet(rule.when.filter((c) => c.fact === fact), wholeSet(kind)));
  }
  return region;
}

/** Whatever matches `inner` also matches `outer`, and `outer` reads nothing `inner` may lack. */
function regionWithin(inner: Map<string, ValueSet>, outer: Map<string, ValueSet>, innerInputs: string[], outerInputs: string[]): boolean {
  if (!outerInputs.every((f) => innerInputs.includes(f))) return false;
  for (const [fact, set] of outer) {
    const mine = inner.get(fact);
    if (!mine || !isSubset(mine, set)) return false;
  }
  return true;
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

export interface CheckOptions {
  /** A rules sheet checks its grade ranges itself, with the ranges as written. */
  grades?: boolean;
  /**
   * Indicators that lost rows to problems: their bands are not compared, since
   * a gap left by a row with a typo says nothing the typo's own message does not.
   * "*" stands for every indicator.
   */
  incomplete?: Set<string>;
  /** Whether to report values no band covers; the rule editor tells a rule's own faults from the gaps its bands leave. */
  gaps?: boolean;
}

/**
 * What a valid pack can still get wrong, found without running anything: a row
 * no value can reach, a row an earlier one always takes first under 取第一条,
 * bands that overlap or leave values without a rule, a flag naming a value its
 * rule does not read, an indicator that cannot score, a grade out of reach.
 */
export function checkPack(pack: ScoringPack, where: PackLocator, options: CheckOptions = {}): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const report = (cell: string, message: Bilingual) => problems.push(problemAt(where.sheet, cell, message));
  const facts = FactDirectory.of(pack);
  const regions = pack.rules.map((r) => ruleRegion(r, facts));
  const inputs = pack.rules.map((r) => ruleInputs(r));
  const name = (i: number) => where.ruleName(i);

  pack.rules.forEach((rule, i) => {
    if (!rule.enabled) return;
    for (const [fact, set] of regions[i]!) {
      if (isEmpty(set)) {
        report(where.conditionCell(i, fact), both('rsCondEmpty', { where: name(i).zh, whereEn: name(i).en, text: where.conditionText(i, fact) }));
      }
    }
    const named = new Set([...`${rule.flag ?? ''}${rule.flagEn ?? ''}`.matchAll(PLACEHOLDER)].map((m) => m[1]!));
    for (const fact of named) {
      const info = facts.get(fact);
      if (info && !inputs[i]!.includes(fact)) {
        report(where.cell(`rules[${i}].flag`), both('rsFlagNotInput', { label: info.label, labelEn: info.labelEn, where: name(i).zh, whereEn: name(i).en }));
      }
    }
  });

  pack.indicators.forEach((indicator, k) => {
    const members = pack.rules.flatMap((r, i) => (r.enabled && r.indicator === indicator.id ? [i] : []));
    if (options.incomplete?.has(indicator.id) || options.incomplete?.has('*')) return;
    if (members.length === 0) {
      report(where.cell(`indicators[${k}]`), both('rsIndicatorNoRules', { indicator: indicator.label, indicatorEn: indicator.labelEn ?? indicator.label }));
      return;
    }
    if (indicator.hitPolicy !== 'first') return;
    const live = members.filter((i) => ![...regions[i]!.values()].some(isEmpty));
    const bandFacts = new Set(live.flatMap((i) => [...regions[i]!.keys()]));
    const [fact] = bandFacts;
    const info = fact === undefined ? undefined : facts.get(fact);
    // Bands over one value: every row reads that value and nothing else (points per
    // another column would make a row skip when that column is missing).
    const oneValue = bandFacts.size === 1 && live.every((i) => inputs[i]!.every((f) => f === fact));
    if (oneValue && info && (isNumeric(info.kind) || info.kind === 'boolean')) {
      const sets = live.map((i) => regions[i]!.get(fact!) ?? wholeSet(info.kind));
      const bands = analyseBands(sets, usualSet(info.kind));
      for (const s of bands.shadowed) shadowProblem(live[s.index]!, s.by.map((b) => live[b]!));
      for (const o of bands.overlaps) {
        const i = live[o.index]!;
        const j = live[o.other]!;
        report(
          where.conditionCell(i, fact!),
          both('rsBandOverlap', {
            label: info.label,
            labelEn: info.labelEn,
            range: setText(o.set, info.kind),
            where: name(i).zh,
            whereEn: name(i).en,
            other: name(j).zh,
            otherEn: name(j).en,
            otherCell: where.conditionCell(j, fact!),
          }),
        );
      }
      const gapParts = options.gaps === false ? [] : bands.gaps.kind === 'num' ? bands.gaps.parts.map((p) => ({ kind: 'num' as const, parts: [p] })) : isEmpty(bands.gaps) ? [] : [bands.gaps];
      for (const gap of gapParts) {
        const next = gap.kind === 'num' ? live[rowNextToGap(sets, gap.parts[0]!)]! : live[0]!;
        report(
          where.conditionCell(next, fact!),
          both('rsBandGap', {
            indicator: indicator.label,
            indicatorEn: indicator.labelEn ?? indicator.label,
            label: info.label,
            labelEn: info.labelEn,
            range: setText(gap, info.kind),
          }),
        );
      }
    } else {
      live.forEach((i, n) => {
        const by = live.slice(0, n).find((j) => regionWithin(regions[i]!, regions[j]!, inputs[i]!, inputs[j]!));
        if (by !== undefined) shadowProblem(i, [by]);
      });
    }
  });

  function shadowProblem(i: number, by: number[]) {
    const first = pack.rules[i]!.when[0]?.fact;
    const cell = first ? where.conditionCell(i, first) : where.cell(`rules[${i}]`);
    if (by.length === 1) {
      const j = by[0]!;
      const otherFact = pack.rules[j]!.when[0]?.fact;
      const otherCell = otherFact ? where.conditionCell(j, otherFact) : where.cell(`rules[${j}]`);
      report(cell, both('rsRuleShadowed', { where: name(i).zh, whereEn: name(i).en, other: name(j).zh, otherEn: name(j).en, otherCell }));
    } else {
      report(
        cell,
        both('rsRuleShadowedMany', {
          where: name(i).zh,
          whereEn: name(i).en,
          others: by.map((j) => name(j).zh).join('、'),
          othersEn: by.map((j) => name(j).en).join(', '),
        }),
      );
    }
  }

  if (options.grades !== false) {
    const max = pack.indicators.reduce((sum, ind) => sum + ind.max, 0);
    pack.grades.forEach((band, g) => {
      if (band.min > max) report(where.cell(`grades[${g}]`), both('rsGradeAboveMax', { grade: band.grade, min: band.min, max }));
    });
  }
  return problems;
}
