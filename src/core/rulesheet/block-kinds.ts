import type { z } from 'zod';
import type { BranchPack } from '../branch/schema';
import { branchPackOf, branchScheme } from '../branch/scheme';
import { validateBranchPack } from '../branch/validate';
import type { MessageKey } from '../messages';
import type { Pack } from '../pack/schema';
import { type PackProblem, validatePack, zodProblems } from '../pack/validate';
import type { RunPacks } from '../run';
import { packOf, packScheme } from '../assess/scheme';
import { SchemeTestCaseSchema, type SchemeTestCase } from '../scheme/rule-tests';
import { type Scheme, SchemeSchema } from '../scheme/schema';
import { type BranchEntry, branchLayout, branchTables, isBranchBlock, type LaidTable } from './branch/block';
import { sharedView } from './branch/facts';
import { CADRE_LAYOUT } from './cadre-layout';
import { shippedBranchPack } from './defaults';
import { diffBranchPacks, diffPacks, diffSchemes, type PackChange } from './diff';
import type { EditablePack } from './editable';
import type { SheetBlock } from './grid';
import type { ReadPack, RulesEntry } from './read';
import { RuleTestCaseSchema } from './rule-tests';
import { isSchemeBlock, readBlockScheme, SCHEME_LAYOUT, type SchemeEntry, schemeTables } from './scheme/block';
import { validateScheme } from './scheme/validate';
import { schemeView } from './scheme/view';
import type { PackEntry, ReadContext, ScoringPack } from './section';
import { SECTIONS } from './sections/index';

/** The field an entry, and a read pack, keep a kind's pack in. */
type Key = 'pack' | 'branch' | 'scheme';

/** A pack validated, or why it is not one. */
type Validated<P = EditablePack> = { ok: true; pack: P } | { ok: false; problems: PackProblem[] };

/**
 * One kind of block of the rules sheet (and of a pack in a pack file), with
 * all it does its own way: the rest of the code asks the kind rather than
 * which kind it is. Each method is handed only what the lookups below found
 * to be of its kind.
 */
export interface BlockKind {
  /** What its blocks assess, as ReadPack.subject and PackDiff.subject say. */
  subject: 'cadre' | 'branch' | 'scheme';
  /** The field its entry and its read pack keep its pack in. */
  key: Key;
  /** Whether a block, a pack or a pack file's JSON is of this kind, asked only once the kinds after it in KINDS said no. */
  isBlock(block: SheetBlock): boolean;
  isPack(pack: EditablePack): boolean;
  isJson(json: unknown): boolean;
  /** Reads a block laid out as this kind's into its pack, validated; each problem of reading is added to `ctx` at its cell. */
  readBlock(ctx: ReadContext, block: SheetBlock): Validated;
  /** Validates a pack of this kind, as a pack file or the rule editor hands it. */
  validate(json: unknown): Validated;
  /** The shape of its 【规则测试】 cases: a scheme's may also expect output values. */
  testCase: z.ZodType<SchemeTestCase>;
  packOf(entry: RulesEntry): EditablePack;
  entry(pack: EditablePack, tests: SchemeTestCase[]): RulesEntry;
  /** The fields of a read pack that hold it. */
  fields(pack: EditablePack): Pick<ReadPack, Key>;
  /** Its tables as its block lays them out, in order. */
  tables(entry: RulesEntry): LaidTable[];
  /** The pack as its 【指标】【规则】【等次】 tables see it: what the sheet's checks and the rule editor look at. */
  rulesView(pack: EditablePack): ScoringPack;
  /** The assessment it stands for, which its rule tests run on. */
  scheme(pack: EditablePack): Scheme;
  /** The change log between two versions of it. */
  diff(before: EditablePack, after: EditablePack): PackChange[];
  /** A run's packs with this one in the place of its own version: what a what-if runs each version of it with. */
  inRun(packs: RunPacks, pack: EditablePack): RunPacks;
  /** Whether a pack of it left over may be an earlier version of another, renamed in between. */
  mayBeRenamed(before: EditablePack, after: EditablePack): boolean;
  /** What a rule's condition on a name no fact has is told. */
  unknownFact: MessageKey;
  editor: EditorFields;
}

/**
 * How the rule editor's fields differ: what a fact the ledgers do not offer is
 * marked with, the hint under the points, and whether a rule may raise a flag
 * (a branch's results list the failed must-meet items, not rule flags, so a
 * flag typed there would show nowhere).
 */
export interface EditorFields {
  notOffered: MessageKey;
  pointsHint: MessageKey;
  flags: boolean;
}

/** A kind as its own code knows it: its pack `P`, held in its entry `E` under `K`. */
interface OwnKind<K extends Key, P extends EditablePack, E extends RulesEntry> {
  subject: BlockKind['subject'];
  key: K;
  isBlock(block: SheetBlock): boolean;
  isPack(pack: EditablePack): boolean;
  isJson(json: unknown): boolean;
  readBlock(ctx: ReadContext, block: SheetBlock): Validated<P>;
  validate(json: unknown): Validated<P>;
  testCase: z.ZodType<E['tests'][number]>;
  entry(pack: P, tests: E['tests']): E;
  tables(entry: E): LaidTable[];
  rulesView(pack: P): ScoringPack;
  scheme(pack: P): Scheme;
  diff(before: P, after: P): PackChange[];
  inRun(packs: RunPacks, pack: P): RunPacks;
  mayBeRenamed(before: P, after: P): boolean;
  unknownFact: MessageKey;
  editor: EditorFields;
}

/** The kind as the rest of the code asks it: the one place its pack and entry are taken to be of its own types. */
function kind<K extends Key, P extends EditablePack, E extends RulesEntry>(own: OwnKind<K, P, E>): BlockKind {
  const pack = (p: EditablePack) => p as P;
  const entry = (e: RulesEntry) => e as E;
  return {
    ...own,
    testCase: own.testCase as z.ZodType<SchemeTestCase>,
    packOf: (e) => (e as Record<K, P>)[own.key],
    entry: (p, tests) => own.entry(pack(p), tests as E['tests']),
    fields: (p) => ({ [own.key]: p }),
    tables: (e) => own.tables(entry(e)),
    rulesView: (p) => own.rulesView(pack(p)),
    scheme: (p) => own.scheme(pack(p)),
    diff: (before, after) => own.diff(pack(before), pack(after)),
    inRun: (packs, p) => own.inRun(packs, pack(p)),
    mayBeRenamed: (before, after) => own.mayBeRenamed(pack(before), pack(after)),
  };
}

const isObject = (json: unknown): json is object => typeof json === 'object' && json !== null;

/** A cadre block, laid out as 【列】【计算项】【设置】…: read as a scheme of the model, then as the cadre pack it stands for. */
export const CADRE_KIND = kind<'pack', Pack, PackEntry>({
  subject: 'cadre',
  key: 'pack',
  // Claims every block, pack or file no other kind claims.
  isBlock: () => true,
  isPack: () => true,
  isJson: () => true,
  readBlock: (ctx, block) => validatePack(packOf(readBlockScheme(ctx, block, CADRE_LAYOUT))),
  validate: validatePack,
  testCase: RuleTestCaseSchema,
  entry: (pack, tests) => ({ pack, tests }),
  tables: (entry) => SECTIONS.map((s) => ({ name: s.name, hint: s.hint, table: s.write(entry) })),
  rulesView: (pack) => pack,
  scheme: packScheme,
  diff: (before, after) => diffPacks(before, after),
  inRun: (packs, cadre) => ({ ...packs, cadre }),
  mayBeRenamed: () => true,
  unknownFact: 'rsColumnUnknown',
  editor: { notOffered: 'uiEditorNotInLedger', pointsHint: 'uiEditorPointsHint', flags: true },
});

/**
 * A branch block, as its 【设置】 says: read by the scheme reader into a scheme
 * and its name rules, then made the branch pack they stand for, each shape
 * checked in turn; a sheet written before some parts were laid out keeps the shipped ones.
 */
export const BRANCH_KIND = kind<'branch', BranchPack, BranchEntry>({
  subject: 'branch',
  key: 'branch',
  isBlock: isBranchBlock,
  isPack: (pack) => pack.subject === 'branch',
  isJson: (json) => isObject(json) && (json as { subject?: unknown }).subject === 'branch',
  readBlock: (ctx, block) => {
    const { names, ...scheme } = readBlockScheme(ctx, block, branchLayout(shippedBranchPack()));
    const parsed = SchemeSchema.safeParse(scheme);
    return parsed.success ? validateBranchPack(branchPackOf(parsed.data, { names })) : { ok: false, problems: zodProblems(parsed.error) };
  },
  validate: validateBranchPack,
  testCase: RuleTestCaseSchema,
  entry: (branch, tests) => ({ branch, tests }),
  tables: branchTables,
  // The same checks as a cadre block's rules, on the shared view.
  rulesView: (pack) => sharedView(pack).pack,
  scheme: branchScheme,
  diff: (before, after) => diffBranchPacks(before, after),
  inRun: (packs, branch) => ({ ...packs, branch }),
  mayBeRenamed: () => true,
  unknownFact: 'rsBranchFactUnknown',
  editor: { notOffered: 'uiEditorNotSupplied', pointsHint: 'uiEditorPointsHintBranch', flags: false },
});

const schemeResult = (result: ReturnType<typeof validateScheme>): Validated<Scheme> => (result.ok ? { ok: true, pack: result.scheme } : result);

/** A declared assessment: a block with a 【方案】 table, or a pack that says how often it assesses (`periodKind`). */
export const SCHEME_KIND = kind<'scheme', Scheme, SchemeEntry>({
  subject: 'scheme',
  key: 'scheme',
  isBlock: isSchemeBlock,
  isPack: (pack) => 'periodKind' in pack,
  isJson: (json) => isObject(json) && 'periodKind' in json,
  readBlock: (ctx, block) => schemeResult(validateScheme(readBlockScheme(ctx, block, SCHEME_LAYOUT))),
  validate: (json) => schemeResult(validateScheme(json)),
  testCase: SchemeTestCaseSchema,
  entry: (scheme, tests) => ({ scheme, tests }),
  tables: schemeTables,
  rulesView: (scheme) => schemeView(scheme).pack,
  scheme: (scheme) => scheme,
  diff: (before, after) => diffSchemes(before, after),
  // In the place of the one of its id; the run's own assessments may not hold it yet (a sheet with problems runs the shipped ones).
  inRun: (packs, scheme) => {
    const schemes = packs.schemes ?? [];
    const mine = schemes.some((s) => s.id === scheme.id);
    return { ...packs, schemes: mine ? schemes.map((s) => (s.id === scheme.id ? scheme : s)) : [...schemes, scheme] };
  },
  // Only one that assesses the same 考核对象.
  mayBeRenamed: (before, after) => before.subject === after.subject,
  unknownFact: 'rsSchemeFactUnknown',
  editor: { notOffered: 'uiEditorNotInLedger', pointsHint: 'uiEditorPointsHint', flags: true },
});

/** The kinds in the order the rules sheet holds their blocks: cadre blocks first, so their cells keep their addresses. */
export const KINDS: readonly BlockKind[] = [CADRE_KIND, BRANCH_KIND, SCHEME_KIND];

/**
 * The kind whose recogniser says yes, asked from the last: a declared
 * assessment is told first (it may assess branches too), the branch pack
 * next, and the cadre kind takes what neither claims.
 */
const kindWhere = (claims: (kind: BlockKind) => boolean): BlockKind => [...KINDS].reverse().find(claims)!;

export const kindOfBlock = (block: SheetBlock): BlockKind => kindWhere((k) => k.isBlock(block));

export const kindOfPack = (pack: EditablePack): BlockKind => kindWhere((k) => k.isPack(pack));

/** A pack file's pack: anything else than an object is read (and refused) as a cadre pack. */
export const kindOfJson = (json: unknown): BlockKind => kindWhere((k) => k.isJson(json));

export const kindOfEntry = (entry: RulesEntry): BlockKind => kindWhere((k) => k.key in entry);

/** The kind of a read pack that read, and its pack; undefined for one that did not. */
export function readKind(read: ReadPack): { kind: BlockKind; pack: EditablePack } | undefined {
  for (const kind of KINDS) {
    const pack = read[kind.key];
    if (pack) return { kind, pack };
  }
  return undefined;
}
