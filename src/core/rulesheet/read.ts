import { both, t } from '../messages';
import type { Pack } from '../pack/schema';
import { a1, type SheetSnapshot, type WorkbookSnapshot } from '../snapshot';
import { checkPack } from './check';
import { cellOf, sheetLocator } from './locate';
import { isTitleRow, scanBlocks, type SheetBlock } from './grid';
import { problemAt, type RuleProblem } from './problem';
import { type LocatedTest, type PackEntry, ReadContext } from './section';
import type { SchemeTestCase } from '../scheme/rule-tests';
import { RULES_SHEET } from './name';
import type { BranchPack } from '../branch/schema';
import type { BranchEntry } from './branch/block';
import type { SchemeEntry } from './scheme/block';
import type { Scheme } from '../scheme/schema';
import { BRANCH_KIND, kindOfBlock, kindOfEntry, readKind, SCHEME_KIND } from './block-kinds';

/** What one block of the sheet holds: a cadre pack with its tests, a branch pack, or an assessment scheme declared in cells. */
export type RulesEntry = PackEntry | BranchEntry | SchemeEntry;

export const isBranchEntry = (entry: RulesEntry): entry is BranchEntry => kindOfEntry(entry) === BRANCH_KIND;

export const isSchemeEntry = (entry: RulesEntry): entry is SchemeEntry => kindOfEntry(entry) === SCHEME_KIND;

/** What an entry's pack assesses: cadres, branches, or what a scheme's block says (its `subject`). */
export const entrySubject = (entry: RulesEntry): ReadPack['subject'] => kindOfEntry(entry).subject;

/** An entry's pack, of any kind. */
export const entryPack = (entry: RulesEntry): Pack | BranchPack | Scheme => kindOfEntry(entry).packOf(entry);

/** One pack read from a rules sheet (or a pack file). */
export interface ReadPack {
  title: string;
  /** What the block or file pack assesses, known even when it does not read; a scheme block says who in its `scheme`. */
  subject: 'cadre' | 'branch' | 'scheme';
  /** Whether it read without problems: only such a pack may be written back as it is. */
  clean: boolean;
  /** Where the pack starts: its 【规则包】 cell, or the file. */
  cell: string;
  /** The pack built from every row without problems; absent when what is left is not a pack. */
  pack?: Pack;
  /** The branch pack, for a block that assesses branches (then `pack` is absent). */
  branch?: BranchPack;
  /** The scheme, for a block with a 【方案】 table (then `pack` and `branch` are absent). */
  scheme?: Scheme;
  tests: LocatedTest[];
}

export interface RulesRead {
  sheet: string;
  packs: ReadPack[];
  /** Every problem, each naming its cell. A run must not go ahead while there are any. */
  problems: RuleProblem[];
}

/**
 * Reads a block as its kind lays it out, validated as a pack of that kind and
 * its rules checked as a cadre block's are (conditions that never hold, rules
 * shadowed under 取第一条, gaps), on the view its tables are read with; each
 * problem of validation placed at the cell its path was read from.
 */
function readBlock(sheet: string, block: SheetBlock): { read: ReadPack; problems: RuleProblem[] } {
  const ctx = new ReadContext(sheet, block);
  const titleCell = a1(block.row, block.col);
  if (block.title) ctx.draft.title = block.title;
  else ctx.report(titleCell, both('rsPackTitleMissing'));
  const kind = kindOfBlock(block);
  const result = kind.readBlock(ctx, block);
  if (result.ok) {
    const view = kind.rulesView(result.pack);
    ctx.problems.push(...checkPack(view, sheetLocator(ctx, view, titleCell), { grades: false, incomplete: ctx.incomplete }));
  } else {
    const locate = cellOf(ctx, titleCell);
    for (const p of result.problems) {
      const cell = locate(p.path);
      if (!ctx.hasProblemAt(cell)) ctx.report(cell, p);
    }
  }
  const fields = result.ok ? kind.fields(result.pack) : {};
  return { read: { title: block.title, subject: kind.subject, clean: ctx.problems.length === 0, cell: titleCell, ...fields, tests: ctx.tests }, problems: ctx.problems };
}

/**
 * Reads a rules sheet into packs through the same validated pack format as
 * rules/*.json. Rows with problems are left out and every problem is listed
 * with its cell; what remains is still returned, so the sidebar can show it,
 * but nothing should be assessed while problems remain.
 */
export function readRulesSheet(sheet: SheetSnapshot): RulesRead {
  const blocks = scanBlocks(sheet.values, t('rsPackTitle'));
  if (blocks.length === 0) return { sheet: sheet.name, packs: [], problems: [problemAt(sheet.name, 'A1', both('rsNoBlock'))] };
  const packs: ReadPack[] = [];
  const problems: RuleProblem[] = [];
  // Tables above the first title lost theirs (the first pack's): the later blocks still read, but not these.
  if (sheet.values.slice(0, blocks[0]!.row).some(isTitleRow)) problems.push(problemAt(sheet.name, 'A1', both('rsNoBlock')));
  for (const block of blocks) {
    const { read, problems: found } = readBlock(sheet.name, block);
    packs.push(read);
    problems.push(...found);
  }
  return { sheet: sheet.name, packs, problems };
}

const located = (tests: SchemeTestCase[]): LocatedTest[] => tests.map((test, i) => ({ test, cell: `tests[${i}]` }));

/** Where a run takes its rules from: the workbook's rules sheet when it has one, else the defaults. */
export interface WorkbookRules extends RulesRead {
  from: 'sheet' | 'default';
}

export function rulesOfWorkbook(workbook: WorkbookSnapshot, defaults: RulesEntry[]): WorkbookRules {
  const sheet = workbook.sheets.find((s) => s.name === RULES_SHEET);
  if (sheet) return { from: 'sheet', ...readRulesSheet(sheet) };
  return {
    from: 'default',
    sheet: RULES_SHEET,
    packs: defaults.map((d): ReadPack => {
      const kind = kindOfEntry(d);
      const pack = kind.packOf(d);
      return { title: pack.title, subject: kind.subject, clean: true, cell: '', ...kind.fields(pack), tests: located(d.tests) };
    }),
    problems: [],
  };
}

/** A branch block as read: the branch pack in place of the cadre one. */
export type BranchRead = Omit<ReadPack, 'pack' | 'branch' | 'subject' | 'clean'> & { pack?: BranchPack };

/** The pack that assesses a kind of subject ("cadre", "branch"), if the rules hold a valid one. */
export function packFor(rules: RulesRead, subject: 'cadre'): ReadPack | undefined;
export function packFor(rules: RulesRead, subject: 'branch'): BranchRead | undefined;
export function packFor(rules: RulesRead, subject: 'cadre' | 'branch'): ReadPack | BranchRead | undefined {
  if (subject === 'cadre') return rules.packs.find((p) => p.pack?.subject === 'cadre');
  const found = rules.packs.find((p) => p.branch);
  return found && { title: found.title, cell: found.cell, pack: found.branch, tests: found.tests };
}

/** The declared assessments of rules that read; undefined when the rules have none (a sheet written before them). */
export function schemesOf(rules: RulesRead): Scheme[] | undefined {
  const schemes = rules.packs.flatMap((p) => (p.scheme ? [p.scheme] : []));
  return schemes.length > 0 ? schemes : undefined;
}

/** The packs of rules read without problems, as a new rules sheet would hold them. */
export function entriesOfRules(rules: RulesRead): RulesEntry[] {
  return rules.packs.flatMap((p): RulesEntry[] => {
    const read = readKind(p);
    return read ? [read.kind.entry(read.pack, p.tests.map((x) => x.test))] : [];
  });
}
