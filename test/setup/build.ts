/**
 * Global setup: the bundle, browser and CLI smoke tests load dist/Code.js, dist/Sidebar.html and dist/cli.mjs, so the run builds them
 * first when they are missing or older than any source they are built from. No test then depends on an
 * earlier build, and no two workers race to build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const OUTPUTS = ['dist/Code.js', 'dist/Sidebar.html', 'dist/appsscript.json', 'dist/cli.mjs'];
const SOURCES = ['src', 'rules', 'appsscript.json', 'esbuild.config.ts', 'package-lock.json'];

function newestIn(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path, { recursive: true, encoding: 'utf8' }).map((entry) => statSync(join(path, entry)).mtimeMs));
}

export default function setup(): void {
  const built = Math.min(...OUTPUTS.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
  if (built >= Math.max(...SOURCES.map(newestIn))) return;
  execFileSync('npx', ['tsx', 'esbuild.config.ts'], { stdio: 'inherit' });
}
