/**
 * How much the core costs over the rules engine itself: 10,000 cadre rows, in
 * ten monthly ledgers written as staff write them, through assessWorkbook (read,
 * score, rank), next to bare json-rules-engine running the same compiled rules
 * on the same flat facts (one Engine, rows one after another). Figures only.
 */
import { performance } from 'node:perf_hooks';
import { Engine } from 'json-rules-engine';
import { assessWorkbook } from '../src/core/assess/assess';
import { stationedCadrePack } from '../src/core/index';
import { readLedgers } from '../src/core/assess/scheme';
import { compilePack } from '../src/core/pack/compile';
import { validatePack } from '../src/core/pack/validate';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../src/core/snapshot';
import { rng } from '../scripts/random';

const ROWS = 10_000;
const MONTHS = 10;
const REPEATS = 5;


const HEADER = ['序号', '姓名', '所驻嘎查', '下基层天数（天）', '联系户数', '入户数', '一事一议', '合作社', '党员中心户', '致富能手', '贫困户', '承诺数', '完成数', '领导评分', '群众测评', '备注'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '海燕', '建华', '志强'];
const VILLAGES = ['宝力格嘎查', '额很嘎查', '巴彦宝力格嘎查', '哈日诺尔嘎查', '乌兰哈达嘎查', '查干淖尔嘎查', '希日塔拉嘎查', '阿拉坦嘎查'];
const MARKS: Cell[] = ['√', '×', '是', '否', '有', '无', 1, 0];

/** Ten monthly sheets of cadre rows with the usual mess: units, full-width digits, ditto marks, marks of every kind. */
function workbook(): WorkbookSnapshot {
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const sheets: SheetSnapshot[] = [];
  const perMonth = ROWS / MONTHS;
  for (let m = 0; m < MONTHS; m++) {
    const values: Cell[][] = [[`某某苏木驻嘎查干部工作台账（2024年${m + 1}月）`], ['填报单位（盖章）：某某苏木党委'], HEADER];
    for (let i = 0; i < perMonth; i++) {
      const days = Math.floor(rand() * 20) + 2;
      const households = Math.floor(rand() * 40) + 10;
      const promised = Math.floor(rand() * 8) + 2;
      const r = rand();
      values.push([
        i + 1,
        `${pick([...SURNAMES])}${i % 7 === 0 ? '  ' : ''}${pick(GIVEN)}${i}`,
        i % 3 === 0 ? pick(VILLAGES) : pick(['同上', '〃']),
        r < 0.1 ? `${days}天` : r < 0.15 ? String(days).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) : days,
        households,
        r < 0.2 ? `${Math.floor(households * rand())}户` : Math.floor(households * rand()),
        pick(MARKS), pick(MARKS), pick(MARKS), pick(MARKS), pick(MARKS),
        promised,
        Math.floor(promised * (0.4 + rand() * 0.6)),
        r < 0.3 ? `${60 + Math.floor(rand() * 40)}分` : 60 + Math.floor(rand() * 40),
        r < 0.05 ? null : r < 0.1 ? `${60 + Math.floor(rand() * 40)}%` : 60 + Math.floor(rand() * 40),
        r < 0.02 ? '病假' : null,
      ]);
    }
    values.push(['合计', `${perMonth}人`]);
    sheets.push({ name: `${m + 1}月台账`, values, merges: [{ top: 0, left: 0, bottom: 0, right: HEADER.length - 1 }] });
  }
  return { sheets };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function main(): Promise<void> {
  const checked = validatePack(stationedCadrePack);
  if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join('\n'));
  const pack = checked.pack;
  const snapshot = workbook();

  // The bare engine gets the facts the core hands its own engine: each row's cells and its rates.
  const read = readLedgers(snapshot, pack);
  if (read.records.length !== ROWS) throw new Error(`expected ${ROWS} records, read ${read.records.length}`);
  const facts = read.records.map((r) => {
    const values: Record<string, unknown> = { always: true, ...r.facts };
    for (const d of pack.derived) {
      const [num, den] = [r.facts[d.numerator], r.facts[d.denominator]];
      values[d.fact] = typeof num === 'number' && typeof den === 'number' && den !== 0 ? num / den : null;
    }
    return values;
  });
  const engine = new Engine(compilePack(pack), { allowUndefinedFacts: true });

  const core = async () => {
    const a = await assessWorkbook(snapshot, pack);
    if (a.cadres.length !== ROWS) throw new Error(`assessed ${a.cadres.length} rows`);
  };
  const bare = async () => {
    for (const f of facts) await engine.run(f);
  };

  await core();
  await bare();
  const coreMs: number[] = [];
  const bareMs: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    coreMs.push(await time(core));
    bareMs.push(await time(bare));
  }
  const perRow = (ms: number) => (ms * 1000) / ROWS;
  // Each run of the core is paired with the engine run right after it, so a
  // busy machine slows both sides of a pair alike.
  const ratio = median(coreMs.map((ms, i) => ms / bareMs[i]!));
  const out = [
    `rows: ${ROWS} (${MONTHS} monthly ledgers), rules: ${pack.rules.length}, median of ${REPEATS} runs after a warm-up`,
    `core (read + score + rank): ${perRow(median(coreMs)).toFixed(1)} µs/row`,
    `bare json-rules-engine:     ${perRow(median(bareMs)).toFixed(1)} µs/row`,
    `ratio core / bare:          ${ratio.toFixed(2)}×`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

await main();
