import { type BranchPack, entriesOfRules, type MessageKey, type Pack, packFor, problemLine, type RulesEntry, type RulesRead, t } from '../../core/index';
import { loadRulesFile, RulesFileError } from '../rules-file';
import { bilingual, CliError } from './errors';
import type { FileArg } from './files';

/** Rules from a pack file or a workbook's 考评规则; a file that cannot be read is the user's to fix. */
export async function loadRules(file: FileArg): Promise<RulesRead> {
  try {
    return await loadRulesFile(file.path);
  } catch (e) {
    if (e instanceof RulesFileError) {
      throw new CliError(e.kind === 'noSheet' ? bilingual('rsCliNoRulesSheet', { file: file.given }) : bilingual('cliUnreadable', { file: file.given, detail: e.message }), { cause: e });
    }
    throw e;
  }
}

/** Every problem with its cell, Chinese first, each followed by its English. */
function problemLines(header: MessageKey, rules: RulesRead): string[] {
  const count = rules.problems.length;
  return [t(header, { count }), ...rules.problems.flatMap((p) => [`  ${problemLine(p)}`, `    ${problemLine(p, 'en')}`]), t(header, { count }, 'en')];
}

/** Every pack of rules that have no problems, cadre and branch blocks alike; rules with problems stop here. */
export function allEntriesOf(rules: RulesRead): RulesEntry[] {
  if (rules.problems.length > 0) throw new CliError(problemLines('rsCliCheckProblems', rules));
  return entriesOfRules(rules);
}

/** Rules a run may take a pack from: any problem in them stops it. */
export function usable(rules: RulesRead): RulesRead {
  if (rules.problems.length > 0) throw new CliError(problemLines('rsCliProblems', rules));
  return rules;
}

/** The cadre pack of the rules; rules with any problem never assess anything. */
export function cadrePack(rules: RulesRead): Pack {
  const found = packFor(usable(rules), 'cadre')?.pack;
  if (!found) throw new CliError(bilingual('rsCliNoSubjectPack'));
  return found;
}

/** The branch pack given with --branch-rules: a pack file (either shape) or a workbook's rules sheet. */
export async function loadBranchPack(file: FileArg): Promise<BranchPack> {
  const found = packFor(usable(await loadRules(file)), 'branch')?.pack;
  if (!found) throw new CliError(bilingual('rsCliNoBranchPack', { file: file.given }));
  return found;
}
