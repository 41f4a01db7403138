import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { both, type MessageKey, type Params } from '../../core/messages';
import { GasSandbox, readWorkbookFile, workbookToExcel } from '../gas/index';
import { clientCode, withShim, type ClientCode } from './client-code';
import { previewPage } from './page';
import { workbookView } from './view';

export const DEFAULT_WORKBOOK = 'examples/驻村干部台账示例.xlsx';
const DEFAULT_PORT = 8787;
/** A result table for thousands of cadres is a few MB of JSON; anything far larger is a mistake. */
const MAX_BODY = 32 * 1024 * 1024;

export interface PreviewOptions {
  /** The .xlsx workbook to open. It is read once and never written. */
  file: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Where the build put Code.js and Sidebar.html. */
  dist?: string;
}

export interface Preview {
  url: string;
  /** The sidebar alone, with the google.script.run shim: what browser tests drive. */
  sidebarUrl: string;
  sandbox: GasSandbox;
  close(): Promise<void>;
}

function bilingual(key: MessageKey, params: Params): string {
  const text = both(key, params);
  return `${text.message}\n${text.messageEn}`;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The names a browser on this machine reaches a loopback server by; the listening host is one too. */
const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

/** A host as it stands in a URL: an IPv6 address in brackets. */
const inUrl = (host: string) => (host.includes(':') ? `[${host}]` : host);

/**
 * A POST is taken only from the preview's own page: its Host is this server's host:port, and its Origin, when
 * sent, is this server's too. Otherwise any web page the user has open could drive the add-on against the
 * workbook, by a cross-origin POST or through a name of its own that resolves here (DNS rebinding).
 */
function refuseForeign(req: IncomingMessage, listening: string): void {
  const port = req.socket.localPort;
  const hosts = new Set([...LOOPBACK, inUrl(listening)].map((h) => `${h}:${port}`));
  const host = req.headers.host ?? '';
  if (!hosts.has(host.toLowerCase())) throw new HttpError(403, bilingual('previewForeignHost', { host: host || '?', url: `http://${inUrl(listening)}:${port}/` }));
  const origin = req.headers.origin;
  if (origin !== undefined && !(origin.startsWith('http://') && hosts.has(origin.slice('http://'.length).toLowerCase()))) {
    throw new HttpError(403, bilingual('previewForeignOrigin', { origin }));
  }
}

/** Serves the page, the shimmed sidebar, the workbook view, the server calls and the menu. */
function router(sandbox: GasSandbox, file: string, client: ClientCode, listening: string) {
  const menuFunctions = () => new Set(sandbox.menus.flatMap((m) => m.items.map((i) => i.functionName)));
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://preview').pathname);
    const route = `${req.method} ${path}`;
    if (req.method === 'POST') refuseForeign(req, listening);
    if (route === 'GET /') {
      const page = previewPage({ file, workbookName: sandbox.workbook.name, menus: sandbox.menus, sidebarTitle: sandbox.sidebar?.title ?? '', pageScript: client.page });
      return send(res, 200, 'text/html; charset=utf-8', page);
    }
    if (route === 'GET /sidebar') {
      const html = sandbox.sidebar?.html;
      if (html === undefined) throw new HttpError(404, 'no sidebar is open');
      return send(res, 200, 'text/html; charset=utf-8', withShim(html, client.shim));
    }
    if (route === 'GET /favicon.ico') return send(res, 204, 'image/x-icon', '');
    if (route === 'GET /workbook') return sendJson(res, 200, workbookView(sandbox.workbook));
    if (route === 'GET /download.xlsx') {
      const bytes = Buffer.from(await workbookToExcel(sandbox.workbook).xlsx.writeBuffer());
      const name = encodeURIComponent(`${sandbox.workbook.name}.xlsx`);
      return send(res, 200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes, { 'content-disposition': `attachment; filename*=UTF-8''${name}` });
    }
    const rpc = /^POST \/rpc\/(\w+)$/.exec(route);
    if (rpc) {
      let args: unknown;
      try {
        args = JSON.parse((await readBody(req)) || '[]');
      } catch (error) {
        if (error instanceof HttpError) throw error;
        throw new HttpError(400, 'the body must be a JSON array of arguments');
      }
      if (!Array.isArray(args)) throw new HttpError(400, 'the body must be a JSON array of arguments');
      try {
        return sendJson(res, 200, { ok: true, result: sandbox.call(rpc[1]!, ...args) });
      } catch (error) {
        return sendJson(res, 500, { ok: false, error: messageOf(error) });
      }
    }
    const menu = /^POST \/menu\/(\w+)$/.exec(route);
    if (menu && menuFunctions().has(menu[1]!)) {
      const before = sandbox.sidebar;
      try {
        sandbox.call(menu[1]!);
      } catch (error) {
        return sendJson(res, 500, { ok: false, error: messageOf(error) });
      }
      const shown = sandbox.sidebar !== before ? sandbox.sidebar : undefined;
      return sendJson(res, 200, { ok: true, sidebar: shown ? { title: shown.title } : null });
    }
    throw new HttpError(404, `not found: ${route}`);
  };
}

/**
 * Opens a workbook in the local preview: the real dist/Code.js in a sandbox
 * over the workbook, its menu as Sheets would build it on open, and the real
 * dist/Sidebar.html beside a rendering of the workbook.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const dist = options.dist ?? 'dist';
  const host = options.host ?? '127.0.0.1';
  const code = join(dist, 'Code.js');
  if (!existsSync(code)) throw new Error(bilingual('previewNoBuild', { file: code }));
  if (!existsSync(options.file)) throw new Error(bilingual('previewNoFile', { file: options.file }));
  const workbook = await readWorkbookFile(options.file, { name: basename(options.file, extname(options.file)) });
  const sandbox = await GasSandbox.fromDist(workbook, dist);
  // What Sheets does for the user: run onOpen when the document opens; the preview then opens the sidebar too.
  sandbox.trigger('onOpen', 'LIMITED');
  sandbox.call('openSidebar');
  const handle = router(sandbox, options.file, await clientCode(), host);
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (!res.headersSent) sendJson(res, status, { ok: false, error: messageOf(error) });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${inUrl(host)}:${port}/`;
  return {
    url,
    sidebarUrl: `${url}sidebar`,
    sandbox,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function main(argv: string[]): Promise<void> {
  const file = argv[0] ?? DEFAULT_WORKBOOK;
  try {
    const preview = await startPreview({ file, port: process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT });
    console.log(bilingual('previewListening', { url: preview.url }));
    const stop = () => void preview.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(messageOf(error));
    process.exitCode = 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
