import { basename } from 'node:path';
import { t } from '../../core/messages';
import type { MenuRecord } from '../gas/index';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const STYLES = `
* { box-sizing: border-box; }
body { margin: 0; height: 100vh; display: flex; flex-direction: column; font: 13px Arial, "Noto Sans CJK SC", sans-serif; color: #202124; }
header { display: flex; gap: 16px; align-items: center; padding: 8px 12px; border-bottom: 1px solid #dadce0; background: #f8f9fa; flex-wrap: wrap; }
header .hint, #status { color: #5f6368; }
#status { color: #c5221f; }
nav.menu { display: flex; gap: 6px; align-items: center; }
nav.menu button, #tabs button, .bar button { font: inherit; cursor: pointer; border: 1px solid #dadce0; background: #fff; border-radius: 4px; padding: 3px 10px; }
main { flex: 1; display: flex; min-height: 0; }
#sheet { flex: 1; display: flex; flex-direction: column; min-width: 0; }
#grid { flex: 1; overflow: auto; }
#grid table { border-collapse: collapse; table-layout: fixed; }
#grid th { position: sticky; top: 0; background: #f1f3f4; color: #5f6368; font-weight: normal; border: 1px solid #dadce0; padding: 2px 4px; }
#grid tbody th { position: sticky; left: 0; z-index: 1; }
#grid td { border: 1px solid #e0e0e0; padding: 2px 4px; white-space: pre; overflow: hidden; text-overflow: ellipsis; vertical-align: bottom; }
#grid td.spill { overflow: visible; text-overflow: clip; }
#grid td.number { text-align: right; }
#grid td.note { position: relative; }
#grid td.note::after { content: ""; position: absolute; top: 0; right: 0; border-top: 6px solid #202124; border-left: 6px solid transparent; }
#grid td.selected { outline: 2px solid #1a73e8; outline-offset: -2px; background: #e8f0fe; }
#grid tr.frozen-edge > * { border-bottom: 3px solid #bdc1c6; }
#tabs { display: flex; gap: 2px; padding: 4px 8px; border-top: 1px solid #dadce0; background: #f8f9fa; overflow-x: auto; }
#tabs button.active { background: #e8f0fe; border-color: #1a73e8; color: #1a73e8; }
#sidebar { width: 300px; flex: none; display: flex; flex-direction: column; border-left: 1px solid #dadce0; }
#sidebar .bar { display: flex; justify-content: space-between; align-items: center; padding: 8px 12px; font-size: 15px; border-bottom: 1px solid #dadce0; }
#frame { flex: 1; border: 0; width: 300px; }
#closed { padding: 12px; color: #5f6368; }
`;

export interface PageOptions {
  file: string;
  workbookName: string;
  menus: MenuRecord[];
  sidebarTitle: string;
  pageScript: string;
}

/** The preview page: the menu the server built, the workbook, and the sidebar beside it (300px, as in Sheets). */
export function previewPage(options: PageOptions): string {
  const menus = options.menus
    .map((menu) => {
      const items = menu.items.map((item) => `<button data-function="${escapeHtml(item.functionName)}">${escapeHtml(item.caption)}</button>`).join('');
      return `<nav class="menu"><span>${escapeHtml(t('previewExtensions'))} › ${escapeHtml(menu.title)} ›</span>${items}</nav>`;
    })
    .join('');
  const name = options.workbookName;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${t('previewTitle')} — ${name}`)}</title>
<style>${STYLES}</style>
</head>
<body>
<header>
<strong>${escapeHtml(name)}</strong>
${menus}
<a href="/download.xlsx" download="${escapeHtml(name)}.xlsx">${escapeHtml(t('previewDownload'))}</a>
<span class="hint">${escapeHtml(t('previewInMemory', { file: basename(options.file) }))}</span>
<span id="status"></span>
</header>
<main>
<section id="sheet"><div id="grid"></div><div id="tabs"></div></section>
<aside id="sidebar">
<div class="bar"><span id="sidebar-title">${escapeHtml(options.sidebarTitle)}</span><button id="close" title="${escapeHtml(t('previewClose'))}">×</button></div>
<iframe id="frame" src="/sidebar" title="${escapeHtml(options.sidebarTitle)}"></iframe>
<p id="closed" hidden>${escapeHtml(t('previewSidebarClosed'))}</p>
</aside>
</main>
<script>${options.pageScript}</script>
</body>
</html>`;
}
