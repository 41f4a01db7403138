import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_FUNCTIONS } from '../../src/rpc/contract';
import { WorkbookModel } from '../../src/node/gas/index';
import { sandboxOf, shippedCode, shippedSidebar } from './harness';

describe('dist/Code.js as shipped', () => {
  const code = shippedCode();

  it('declares a top-level function for the menu, the triggers and every sidebar call', () => {
    const declared = [...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]);
    expect(declared.sort()).toEqual([...SERVER_FUNCTIONS].sort());
    const sandbox = sandboxOf(new WorkbookModel());
    for (const name of SERVER_FUNCTIONS) expect(sandbox.hasFunction(name), name).toBe(true);
  });

  it('loads in a bare V8 context with no timers and no Node globals', () => {
    const sandbox = sandboxOf(new WorkbookModel());
    expect(sandbox.evaluate('[typeof setTimeout, typeof setInterval, typeof process, typeof require, typeof Buffer, typeof queueMicrotask]')).toEqual(
      Array(6).fill('undefined'),
    );
    expect(sandbox.evaluate('typeof LedgerRules.getWorkbook')).toBe('function');
  });

  it('stays lean: no rules engine, no Chinese converter, readable rather than minified', () => {
    expect(code).not.toMatch(/node_modules\/(json-rules-engine|opencc-js|eventemitter2|jsonpath-plus)\//);
    expect(code).toContain('// src/server/write.ts');
    expect(code).toContain('function writeResults(');
    expect(Buffer.byteLength(code)).toBeLessThan(400 * 1024);
  });

  it('ships a V8 manifest with the two narrow scopes only', () => {
    const manifest = JSON.parse(readFileSync('dist/appsscript.json', 'utf8'));
    expect(manifest).toMatchObject({ runtimeVersion: 'V8', timeZone: 'Asia/Shanghai', exceptionLogging: 'STACKDRIVER' });
    expect(manifest.oauthScopes.sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
    expect(JSON.parse(readFileSync('.clasp.json', 'utf8')).rootDir).toBe('dist');
  });

  it('inlines the sidebar script and styles so that nothing closes a tag early', () => {
    const html = shippedSidebar();
    expect(html).not.toContain('<!-- SCRIPT -->');
    expect(html).not.toContain('<!-- STYLES -->');
    expect(html.match(/<script\b/gi)).toHaveLength(1);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html.match(/<\/style/gi)).toHaveLength(1);
    expect(html.indexOf('</script>')).toBeGreaterThan(html.lastIndexOf('<script>'));
  });
});
