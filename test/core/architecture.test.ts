import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The one model names no subject: the modules every assessment is judged by
 * (scheme/) and every ledger is read and classified by (ledger/) import
 * nothing of the two packs and say neither's subject. Pack code lives with
 * its pack, in branch/ and in assess/ beside the generic scorer.
 */

const CORE = resolve(__dirname, '../../src/core');
const NEUTRAL = ['scheme', 'ledger'];
/** The generic scorer of assess/, which every assessment scores by; the rest of assess/ is the cadre pack's. */
const GENERIC_ASSESS = new Set(['scorer', 'conditions', 'grade', 'rank', 'score', 'facts']);
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"]+)\1/g;
const SUBJECT = /(['"`])cadre\1|\bsubjectStationedCadre\b|\bsubjectBranch\b/;

const tsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

/** Why an import names a pack's module, or undefined when it names a neutral one. */
function packModule(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const [area, module, ...rest] = relative(CORE, resolve(dirname(file), specifier)).split(/[\\/]/);
  if (area === 'branch') return 'the branch pack (branch/)';
  if (area === 'assess' && (rest.length > 0 || !GENERIC_ASSESS.has(module!))) return `the cadre pack (assess/${[module, ...rest].join('/')})`;
  return undefined;
}

/** Every line of the neutral modules that imports a pack's module or names a subject, as file:line and why. */
function violations(): string[] {
  return NEUTRAL.flatMap((area) => tsFiles(join(CORE, area))).flatMap((file) => {
    const name = relative(resolve(CORE, '../..'), file);
    return readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => {
        const where = `${name}:${i + 1}`;
        const imports = [...line.matchAll(SPECIFIER)].flatMap(([, , specifier]) => {
          const why = packModule(file, specifier!);
          return why ? [`${where} imports ${why}: ${specifier}`] : [];
        });
        const subject = SUBJECT.exec(line);
        return subject ? [...imports, `${where} names a subject: ${subject[0]}`] : imports;
      });
  });
}

describe('the one model names no subject', () => {
  it('finds the neutral modules to check', () => {
    for (const area of NEUTRAL) expect(tsFiles(join(CORE, area)).length).toBeGreaterThan(0);
  });

  it('scheme/ and ledger/ import nothing of the packs and name no subject', () => {
    expect(violations()).toEqual([]);
  });
});
