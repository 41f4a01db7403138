import { describe, expect, it } from 'vitest';
import branchPackJson from '../../rules/branch.json';
import stationedCadreJson from '../../rules/stationed-cadre.json';
import householdJson from '../../rules/household.json';
import { validateBranchPack } from '../../src/core/branch/validate';
import { kindOfJson } from '../../src/core/rulesheet/block-kinds';

const clone = () => JSON.parse(JSON.stringify(branchPackJson));

function problems(input: unknown): string[] {
  const r = validateBranchPack(input);
  return r.ok ? [] : r.problems.map((p) => `${p.path} ${p.message}`);
}

describe('the branch rule pack', () => {
  it('ships a valid default pack whose indicator maxima add up to 100', () => {
    const r = validateBranchPack(branchPackJson);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.pack.indicators.reduce((s, i) => s + i.max, 0)).toBe(100);
  });

  it('rejects a star quota on stars no band gives, which would limit nothing', () => {
    const pack = clone();
    pack.grades = pack.grades.map((g: { stars: number }) => ({ ...g, stars: Math.min(g.stars, 4) }));
    expect(problems(pack)).toContain('starQuota.stars 【等次】中没有5星的一档，星级名额无从限制；请改为已有等次的星级');
  });

  it('tells a cadre pack from a branch pack by its subject, and a declared assessment by its period kind', () => {
    expect(kindOfJson(stationedCadreJson).subject).toBe('cadre');
    expect(kindOfJson(branchPackJson).subject).toBe('branch');
    expect(kindOfJson(householdJson).subject).toBe('scheme');
    expect(kindOfJson(branchPackJson).validate(branchPackJson).ok).toBe(true);
  });

  it('rejects a condition on a fact that does not exist, naming the rule', () => {
    const p = clone();
    p.requirements[0].when[0].fact = 'committeeSkipped';
    expect(problems(p)).toEqual([expect.stringContaining('committee-monthly 使用了不存在的数据项“committeeSkipped”')]);
  });

  it('rejects a threshold written as text, so "0.9" is never compared as a string', () => {
    const p = clone();
    const service = p.requirements.find((r: { id: string }) => r.id === 'service-rate');
    // Without its parameter, whose value would take the place of whatever is written here.
    delete service.when[0].param;
    service.when[0].value = '0.9';
    expect(problems(p)).toEqual([expect.stringMatching(/^requirements\[\d+\]\.when\[0\]\.value .*service-rate/)]);
  });

  it('rejects a fact that names an unknown meeting type or count column', () => {
    const p = clone();
    p.facts[0].where.values = ['committe'];
    p.facts.find((f: { fact: string }) => f.fact === 'serviceRate').denominator = 'statedServiceRate';
    const found = problems(p);
    expect(found).toHaveLength(2);
    expect(found[0]).toContain('“committe”不是“会议类型”可取的值');
    expect(found[1]).toContain('statedServiceRate');
  });

  it('rejects risk criteria over facts that are neither outcomes nor branch facts', () => {
    const p = clone();
    p.risk.any[0].when[0].fact = 'failures';
    expect(problems(p)).toEqual([expect.stringContaining('“failures”')]);
  });

  it('rejects a meeting ledger without the columns the reader needs', () => {
    const p = clone();
    p.meetings.columns = p.meetings.columns.filter((c: { fact: string }) => c.fact !== 'present');
    // The ledger, and the attendance fact that reads the column from it.
    expect(problems(p)).toEqual([expect.stringContaining('“present”'), expect.stringMatching(/^facts\[\d+\]\.present “present”/)]);
  });

  it('reports shape errors with their path', () => {
    const p = clone();
    p.starQuota.maxShare = 1.5;
    expect(problems(p)[0]).toMatch(/^starQuota\.maxShare/);
  });
});
