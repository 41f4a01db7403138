import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { defaultRules, RULES_SHEET, RULES_SHEET_COLORS, rulesSheetPaint, sheetDecoration } from '../../src/core/index';
import { SHIM_ID } from '../../src/node/preview/client-code';
import { startPreview, type Preview } from '../../src/node/preview/server';
import type { WorkbookView } from '../../src/node/preview/view';
import type { WorkbookPayload } from '../../src/rpc/contract';
import { ledgerWorkbook } from '../bundle/ledger-fixture';
import { ensureBuilt, headerRowOf, resultTableFor, shippedSidebar } from '../bundle/harness';
import { removeTempDir, tempDir } from '../fixtures/temp';

const dir = tempDir('preview');
const file = join(dir, '红旗镇台账.xlsx');
const digest = () => createHash('sha256').update(readFileSync(file)).digest('hex');
let preview: Preview;
let original: string;

async function rpc(name: string, ...args: unknown[]): Promise<{ status: number; body: { ok: boolean; result?: unknown; error?: string } }> {
  const response = await fetch(`${preview.url}rpc/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) });
  return { status: response.status, body: await response.json() };
}

/** A POST with exactly these headers, as a page elsewhere (or a name rebound to 127.0.0.1) would send it. */
function postWith(path: string, headers: Record<string, string>, args: unknown[] = []): Promise<{ status: number; body: { ok: boolean; error?: string } }> {
  const body = JSON.stringify(args);
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, preview.url), { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const selection = async () => ((await (await fetch(`${preview.url}workbook`)).json()) as WorkbookView).selection;

beforeAll(async () => {
  ensureBuilt();
  await ledgerWorkbook(8).xlsx.writeFile(file);
  original = digest();
  preview = await startPreview({ file, port: 0 });
});

afterAll(async () => {
  await preview?.close();
  removeTempDir(dir);
});

describe('the local preview', () => {
  it('listens on 127.0.0.1 and shows the menu the server built, the workbook and the sidebar frame', async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await (await fetch(preview.url)).text();
    expect(page).toContain('<button data-function="openSidebar">打开侧边栏</button>');
    expect(page).toContain('<button data-function="assessNow">立即考评</button>');
    expect(page).toContain('<iframe id="frame" src="/sidebar"');
  });

  it('serves the exact dist/Sidebar.html with the google.script.run shim ahead of its scripts', async () => {
    const html = await (await fetch(preview.sidebarUrl)).text();
    const shim = new RegExp(`<script id="${SHIM_ID}">[^]*?</script>`).exec(html);
    expect(shim).not.toBeNull();
    expect(html.replace(shim![0], '')).toBe(shippedSidebar());
    expect(html.indexOf(shim![0])).toBeLessThan(html.indexOf('<script>', shim!.index + 1));
  });

  it('answers google.script.run calls from the real Code.js, errors included', async () => {
    const workbook = await rpc('getWorkbook');
    expect(workbook.status).toBe(200);
    const payload = workbook.body.result as WorkbookPayload;
    expect(payload.snapshot.sheets.map((s) => s.name)).toEqual(['2024年5月驻村干部台账', '填表说明']);

    const refused = await rpc('selectCell', { sheet: '六月', cell: 'A1' });
    expect(refused).toEqual({ status: 500, body: { ok: false, error: '找不到工作表“六月”\nthere is no sheet named "六月"' } });
    expect((await rpc('noSuchFunction')).body.error).toBe('Script function not found: noSuchFunction');
  });

  it('shows 考评结果 in the rendering after a write, and never writes the input file', async () => {
    const payload = (await rpc('getWorkbook')).body.result as WorkbookPayload;
    const table = await resultTableFor(payload.snapshot);
    expect((await rpc('writeResults', { tables: [table] })).body.ok).toBe(true);
    await rpc('selectCell', { sheet: '考评结果', cell: 'A3' });
    const view = (await (await fetch(`${preview.url}workbook`)).json()) as WorkbookView;
    const results = view.sheets.find((s) => s.name === '考评结果')!;
    const header = headerRowOf(table);
    expect(results.rows[0]![0]!.text).toBe(table.preamble!.title);
    expect(results.rows[header]!.map((c) => c.text)).toEqual(table.header);
    expect(results.rows[header + 1]![0]!.text).toBe(table.rows[0]![0]);
    // A source reads as the cell it links to.
    expect(results.rows[header + 1]![table.sources!.column]!.text).toBe(table.rows[0]![table.sources!.column]);
    expect(view.selection).toEqual({ sheet: '考评结果', range: 'A3' });
    expect(digest()).toBe(original);
  });

  it('runs the menu items: 立即考评 reopens the sidebar set to run at once', async () => {
    const answer = await (await fetch(`${preview.url}menu/assessNow`, { method: 'POST' })).json();
    expect(answer).toEqual({ ok: true, sidebar: { title: '台账考评' } });
    expect(await (await fetch(preview.sidebarUrl)).text()).toContain('<body data-autorun="1">');
    expect((await fetch(`${preview.url}menu/writeResults`, { method: 'POST' })).status).toBe(404);
  });

  it('shows the rules sheet’s problem marks: the colour, and the note as a corner mark', async () => {
    expect((await rpc('ensureRulesSheet', rulesSheetPaint(defaultRules()))).body.ok).toBe(true);
    const sheet = ((await rpc('getWorkbook')).body.result as WorkbookPayload).snapshot.sheets.find((s) => s.name === RULES_SHEET)!;
    const problem = { sheet: RULES_SHEET, cell: 'D15', message: '“十天” 不是数字', messageEn: '"十天" is not a number' };
    expect((await rpc('markRuleProblems', { decoration: sheetDecoration(sheet.values, [problem]) })).body.ok).toBe(true);

    const view = (await (await fetch(`${preview.url}workbook`)).json()) as WorkbookView;
    const cell = view.sheets.find((s) => s.name === RULES_SHEET)!.rows[14]![3]!;
    expect(cell.note).toBe('⚠ “十天” 不是数字');
    expect(view.styles[cell.style]).toContain(`background:${RULES_SHEET_COLORS.problemBackground}`);

    const download = new ExcelJS.Workbook();
    await download.xlsx.load(await (await fetch(`${preview.url}download.xlsx`)).arrayBuffer());
    const rules = download.getWorksheet(RULES_SHEET)!;
    expect(rules.getCell('D15').note).toBe('⚠ “十天” 不是数字');
    expect(rules.getCell('A14').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(digest()).toBe(original);
  });

  describe('takes actions only from its own page', () => {
    const port = () => new URL(preview.url).port;
    const select = (cell: string) => [{ sheet: '2024年5月驻村干部台账', cell }];

    it('refuses a POST sent by another site’s page (its Origin), in both languages, and does nothing', async () => {
      const before = await selection();
      for (const origin of ['http://evil.example', `http://evil.example:${port()}`, 'null', `https://127.0.0.1:${port()}`]) {
        const answer = await postWith('rpc/selectCell', { host: `127.0.0.1:${port()}`, origin }, select('C7'));
        expect(answer).toEqual({ status: 403, body: { ok: false, error: `已拒绝来自 ${origin} 的请求：本地预览只接受它自己页面发出的操作\nrefused a request from ${origin}: the local preview only takes actions from its own page` } });
      }
      expect((await postWith('menu/assessNow', { host: `127.0.0.1:${port()}`, origin: 'http://evil.example' })).status).toBe(403);
      expect(await selection()).toEqual(before);
    });

    it('refuses a POST addressed to a name other than its own, as a DNS-rebinding page would send it', async () => {
      const before = await selection();
      for (const host of [`evil.example:${port()}`, '127.0.0.1', `127.0.0.1:1`, `localhost.evil.example:${port()}`]) {
        const answer = await postWith('rpc/selectCell', { host, origin: `http://${host}` }, select('C7'));
        expect(answer.status).toBe(403);
        expect(answer.body.error).toBe(`已拒绝发给 ${host} 的请求：请用 ${preview.url} 打开本地预览\nrefused a request addressed to ${host}: open the local preview at ${preview.url}`);
      }
      expect((await postWith('rpc/selectCell', { host: `evil.example:${port()}` }, select('C7'))).status).toBe(403);
      expect(await selection()).toEqual(before);
    });

    it('answers its own page under each loopback name, with or without an Origin, and leaves GETs open', async () => {
      for (const name of ['127.0.0.1', 'localhost', '[::1]']) {
        const host = `${name}:${port()}`;
        expect(await postWith('rpc/selectCell', { host, origin: `http://${host}` }, select('B4'))).toEqual({ status: 200, body: { ok: true, result: { ok: true } } });
      }
      expect((await postWith('rpc/selectCell', { host: `localhost:${port()}` }, select('B5'))).status).toBe(200);
      expect(await selection()).toEqual({ sheet: '2024年5月驻村干部台账', range: 'B5' });
      const page = await new Promise<number>((resolve, reject) => {
        request(preview.url, { headers: { host: `evil.example:${port()}` } }, (res) => resolve(res.statusCode ?? 0)).on('error', reject).end();
      });
      expect(page).toBe(200);
    });
  });
});
