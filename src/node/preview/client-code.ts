import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The preview's browser scripts, compiled from client/*.ts when the preview
 * starts: the google.script.run shim and the workbook page.
 */
export interface ClientCode {
  shim: string;
  page: string;
}

async function compile(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`./client/${entry}`, import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    charset: 'utf8',
    write: false,
    logLevel: 'warning',
  });
  // Inline in a <script>: nothing inside may close it.
  return result.outputFiles[0]!.text.replace(/<\/(script)/gi, '<\\/$1');
}

export async function clientCode(): Promise<ClientCode> {
  const [shim, page] = await Promise.all([compile('shim.ts'), compile('page.ts')]);
  return { shim, page };
}

export const SHIM_ID = 'google-script-run-shim';

/** The sidebar page with the shim in place before any of its own scripts run. */
export function withShim(html: string, shim: string): string {
  const script = `<script id="${SHIM_ID}">${shim}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (!head) return script + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + script + html.slice(at);
}
