import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import branchPackJson from '../rules/branch.json';
import stationedCadreJson from '../rules/stationed-cadre.json';
import { exampleTownship, generatedTownship, type TownshipOptions, townshipWorkbook } from '../scripts/township';
import { assessWorkbook } from '../src/core/assess/assess';
import { assessBranches } from '../src/core/branch/assess';
import { classifySheets } from '../src/core/branch/ledgers';
import { withoutOtherLedgers } from '../src/core/ledger/classify';
import { BranchNameRules } from '../src/core/branch/names';
import { validateBranchPack } from '../src/core/branch/validate';
import { validatePack } from '../src/core/pack/validate';
import { shippedSchemes } from '../src/core/rulesheet/defaults';
import { assessAll, runAssessments } from '../src/core/run';
import { loadWorkbook } from '../src/node/workbook-file';

/**
 * The branch assessment on a township-sized workbook (24 branches, one quarter)
 * and a county-sized one (200 branches, a year, about 10,000 meeting rows):
 * each written to .xlsx, read back and assessed as the CLI does. Prints the
 * sizes and the time of each stage; asserts nothing about time.
 */
const branchResult = validateBranchPack(branchPackJson);
const cadreResult = validatePack(stationedCadreJson);
if (!branchResult.ok || !cadreResult.ok) throw new Error('default packs are invalid');
const branch = { pack: branchResult.pack };
const cadre = { pack: cadreResult.pack };
const dir = mkdtempSync(join(tmpdir(), 'bench-branch-'));
const year = Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`);

const ms = (from: number) => `${(performance.now() - from).toFixed(0)} ms`;

async function bench(label: string, options: TownshipOptions, periods: (string | undefined)[]): Promise<void> {
  const file = join(dir, `${label}.xlsx`);
  let t = performance.now();
  await townshipWorkbook(options).xlsx.writeFile(file);
  const written = ms(t);
  t = performance.now();
  const { snapshot } = await loadWorkbook(file);
  const loaded = ms(t);
  const rows = snapshot.sheets.reduce((n, s) => n + s.values.length, 0);
  process.stdout.write(`${label}: ${snapshot.sheets.length} sheets, ${rows} rows; write ${written}, read ${loaded}\n`);
  for (const period of periods) {
    t = performance.now();
    const kinds = classifySheets(snapshot, branch.pack, new BranchNameRules(branch.pack.names), cadre.pack);
    const cadres = await assessWorkbook(withoutOtherLedgers(snapshot, kinds, cadre.pack.id), cadre.pack, { period });
    const cadreTime = ms(t);
    t = performance.now();
    const result = await assessBranches(snapshot, { branch: branch.pack, cadre: cadre.pack }, { cadres, period });
    const branchTime = ms(t);
    // The whole run a host makes: one classification, every ledger read once, all five assessments.
    t = performance.now();
    const packs = { cadre: cadre.pack, branch: branch.pack, schemes: shippedSchemes() };
    const run = await assessAll(snapshot, packs, { period });
    const all = runAssessments(run, packs);
    const allTime = ms(t);
    process.stdout.write(
      [
        `  period ${period ?? 'every quarter'}: ${result.meetingRows} meetings, ${result.workRows} work rows, ${cadres.cadres.length} cadre results`,
        `    ${result.branches.length} branch results over ${result.periods.length} periods: ${result.branches.filter((b) => b.fallsShort).length} fall short, ${result.branches.filter((b) => b.risk).length} at risk, ${result.warnings.length} warnings`,
        `    cadres ${cadreTime}, branches ${branchTime}`,
        `    every assessment in one run ${allTime}: ${all.map((a) => `${a.id} ${a.results.length}`).join(', ')}`,
        '',
      ].join('\n'),
    );
  }
}

try {
  await bench('township (24 branches, 2024 Q2)', exampleTownship(), [undefined]);
  await bench('county (200 branches, 2024)', generatedTownship(7, 200, year), [undefined, '2024']);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
