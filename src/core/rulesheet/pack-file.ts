import { both } from '../messages';
import type { PackProblem } from '../pack/validate';
import { type BlockKind, kindOfEntry, kindOfJson } from './block-kinds';
import { checkPack, filePath, fileLocator } from './check';
import { problemAt, type RuleProblem } from './problem';
import type { ReadPack, RulesEntry, RulesRead } from './read';
import type { LocatedTest } from './section';

/**
 * A pack file holds one pack (its own fields, plus `tests`) or the whole rules,
 * `{ "packs": [ … ] }`, each pack in the same shape. A pack that assesses
 * branches says so with `"subject": "branch"`.
 */
const isWholeRules = (json: unknown): json is { packs: unknown } => typeof json === 'object' && json !== null && !Array.isArray(json) && 'packs' in json;

/** A validation problem of the pack at `at`, placed by its path from the top of the file. */
function fileProblem(file: string, at: string, p: PackProblem): RuleProblem {
  const cell = filePath(at, p.path);
  // A shape problem repeats its path at the start of its message: that path too is given from the top of the file.
  const restate = (text: string, separator: string) => (at !== '' && text.startsWith(`${p.path}${separator}`) ? `${cell}${text.slice(p.path.length)}` : text);
  return { sheet: file, cell, message: restate(p.message, '：'), messageEn: restate(p.messageEn, ': ') };
}

/** A pack's `tests`, each checked as its kind's case: a scheme's may also expect output `values`. */
function readTests(json: unknown, kind: BlockKind, file: string, at: string, problems: RuleProblem[]): LocatedTest[] {
  const schema = kind.testCase;
  const raw = typeof json === 'object' && json !== null && 'tests' in json ? (json as { tests: unknown }).tests : [];
  const tests: LocatedTest[] = [];
  (Array.isArray(raw) ? raw : []).forEach((item, i) => {
    const cell = filePath(at, `tests[${i}]`);
    const parsed = schema.safeParse(item);
    if (parsed.success) tests.push({ test: parsed.data, cell });
    else problems.push({ sheet: file, cell, message: parsed.error.issues[0]!.message, messageEn: parsed.error.issues[0]!.message });
  });
  return tests;
}

/**
 * One pack of a file, validated and checked as its block on the sheet would
 * be, with its tests: a cadre pack, a branch pack with the branch validator,
 * or a declared assessment, each with the same checks of its rules (rows
 * shadowed under 取第一条, gaps).
 */
function readOne(json: unknown, file: string, at: string): { read: ReadPack; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const title = at === '' ? file : `${file} ${at}`;
  const kind = kindOfJson(json);
  const { subject } = kind;
  const tests = readTests(json, kind, file, at, problems);
  const result = kind.validate(json);
  if (!result.ok) {
    problems.push(...result.problems.map((p) => fileProblem(file, at, p)));
    return { read: { title, subject, clean: false, cell: at, tests }, problems };
  }
  // The scoring part, as the sheet's checks look at it.
  const view = kind.rulesView(result.pack);
  problems.push(...checkPack(view, fileLocator(view, file, at)));
  return { read: { title: result.pack.title, subject, clean: problems.length === 0, cell: at, ...kind.fields(result.pack), tests }, problems };
}

/**
 * Reads a pack file (JSON already parsed), in either shape: each pack
 * validated and checked like its block on a rules sheet, with each problem
 * placed at its path in the file ("packs[1].rules[3].when[0].value"). Each
 * pack's `tests` come back as rule tests, a scheme's with their expected values.
 */
export function readPackFile(json: unknown, file: string): RulesRead {
  if (!isWholeRules(json)) {
    const { read, problems } = readOne(json, file, '');
    return { sheet: file, packs: [read], problems };
  }
  const items = json.packs;
  if (!Array.isArray(items) || items.length === 0) return { sheet: file, packs: [], problems: [problemAt(file, 'packs', both('rsFileNoPacks'))] };
  const packs: ReadPack[] = [];
  const problems: RuleProblem[] = [];
  const ids = new Map<string, number>();
  items.forEach((item, i) => {
    const at = `packs[${i}]`;
    const one = readOne(item, file, at);
    packs.push(one.read);
    problems.push(...one.problems);
    const id = one.read.pack?.id ?? one.read.branch?.id ?? one.read.scheme?.id;
    if (id === undefined) return;
    if (ids.has(id)) {
      problems.push(problemAt(file, `${at}.id`, both('rsFileDuplicatePack', { id, other: `packs[${ids.get(id)}]` })));
      one.read.clean = false;
    } else ids.set(id, i);
  });
  return { sheet: file, packs, problems };
}

/** A pack as a file holds it: the pack's own fields, then whatever its entry carries with it (its tests). */
function entryJson(entry: RulesEntry): Record<string, unknown> {
  const kind = kindOfEntry(entry);
  const carried = Object.fromEntries(Object.entries(entry).filter(([k]) => k !== kind.key));
  return { ...kind.packOf(entry), ...carried };
}

/** A pack file: one pack in its own shape, or the whole rules (every pack given) as `{ "packs": [ … ] }`. */
export function packFileJson(rules: RulesEntry | RulesEntry[]): Record<string, unknown> {
  return Array.isArray(rules) ? { packs: rules.map(entryJson) } : entryJson(rules);
}
