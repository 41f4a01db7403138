/**
 * The preview page (runs in the browser): draws the workbook the sandbox
 * holds, one tab per sheet, and keeps it current. It redraws whenever the
 * sidebar has called the server, and follows selectCell to the cell asked for.
 */
import { t } from '../../../core/messages';
import { a1, mergeFromA1 } from '../../../core/snapshot';
import type { SheetView, WorkbookView } from '../view';

const grid = document.getElementById('grid')!;
const tabs = document.getElementById('tabs')!;
const status = document.getElementById('status')!;
const frame = document.getElementById('frame') as HTMLIFrameElement;
const sidebar = document.getElementById('sidebar')!;
const sidebarTitle = document.getElementById('sidebar-title')!;
const closed = document.getElementById('closed')!;

/** Sheets' defaults, in pixels. */
const ROW_HEADER_WIDTH = 46;
const DEFAULT_COLUMN_WIDTH = 100;

let view: WorkbookView | undefined;
let current = '';
let lastSelection = '';

function columnLetters(col: number): string {
  return a1(0, col).replace(/\d+$/, '');
}

function drawSheet(sheet: SheetView): void {
  const table = document.createElement('table');
  const colgroup = table.appendChild(document.createElement('colgroup'));
  const widths = [ROW_HEADER_WIDTH, ...Array.from({ length: sheet.columns }, (_, c) => sheet.widths[c + 1] ?? DEFAULT_COLUMN_WIDTH)];
  for (const width of widths) colgroup.appendChild(document.createElement('col')).style.width = `${width}px`;
  // A fixed layout only honours the column widths when the table is exactly as wide as they add up to.
  table.style.width = `${widths.reduce((a, b) => a + b, 0)}px`;
  const head = table.createTHead().insertRow();
  head.appendChild(document.createElement('th'));
  for (let c = 0; c < sheet.columns; c++) head.appendChild(document.createElement('th')).textContent = columnLetters(c);

  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const m of sheet.merges) {
    spans.set(`${m.top},${m.left}`, { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  const selection = view?.selection?.sheet === sheet.name ? mergeFromA1(view.selection.range) : undefined;
  const body = table.createTBody();
  let selected: HTMLElement | undefined;
  sheet.rows.forEach((row, r) => {
    const tr = body.insertRow();
    if (r === sheet.frozenRows - 1) tr.className = 'frozen-edge';
    tr.appendChild(document.createElement('th')).textContent = String(r + 1);
    row.forEach((cell, c) => {
      if (covered.has(`${r},${c}`)) return;
      const td = tr.insertCell();
      td.textContent = cell.text;
      const span = spans.get(`${r},${c}`);
      if (span) {
        td.rowSpan = Math.min(span.rows, sheet.rows.length - r);
        td.colSpan = span.cols;
      }
      if (cell.style >= 0) td.style.cssText = view!.styles[cell.style]!;
      if (cell.note) {
        td.classList.add('note');
        td.title = cell.note;
      }
      if (cell.number) td.classList.add('number');
      // Like Sheets, text runs on over empty cells to its right instead of being cut.
      else if (cell.text && !span && row[c + 1]?.text === '' && !covered.has(`${r},${c + 1}`)) td.classList.add('spill');
      if (selection && r >= selection.top && r <= selection.bottom && c >= selection.left && c <= selection.right) {
        td.classList.add('selected');
        selected ??= td;
      }
    });
  });
  grid.replaceChildren(table);
  if (sheet.hiddenRows > 0) grid.appendChild(document.createElement('p')).textContent = t('previewRowsHidden', { count: sheet.hiddenRows });
  selected?.scrollIntoView({ block: 'center', inline: 'nearest' });
}

function draw(): void {
  if (!view) return;
  if (!view.sheets.some((s) => s.name === current)) current = view.active;
  tabs.replaceChildren(
    ...view.sheets.map((s) => {
      const tab = document.createElement('button');
      tab.textContent = s.name;
      tab.className = s.name === current ? 'tab active' : 'tab';
      tab.addEventListener('click', () => {
        current = s.name;
        draw();
      });
      return tab;
    }),
  );
  drawSheet(view.sheets.find((s) => s.name === current)!);
}

async function load(): Promise<void> {
  view = (await (await fetch('/workbook')).json()) as WorkbookView;
  const selection = view.selection ? `${view.selection.sheet}!${view.selection.range}` : '';
  if (selection && selection !== lastSelection) current = view.selection!.sheet;
  lastSelection = selection;
  const names = view.sheets.map((s) => s.name);
  if (!names.includes(current)) current = view.active;
  draw();
}

function showSidebar(title: string): void {
  sidebar.hidden = false;
  frame.hidden = false;
  closed.hidden = true;
  sidebarTitle.textContent = title;
  frame.src = `/sidebar?shown=${Date.now()}`;
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-function]')) {
  button.addEventListener('click', async () => {
    status.textContent = '';
    const answer = (await (await fetch(`/menu/${encodeURIComponent(button.dataset.function!)}`, { method: 'POST' })).json()) as {
      ok: boolean;
      error?: string;
      sidebar?: { title: string } | null;
    };
    if (!answer.ok) status.textContent = answer.error ?? '';
    else if (answer.sidebar) showSidebar(answer.sidebar.title);
    await load();
  });
}

document.getElementById('close')!.addEventListener('click', () => {
  frame.hidden = true;
  closed.hidden = false;
});

window.addEventListener('message', (event: MessageEvent<{ source?: string; type?: string }>) => {
  if (event.source !== frame.contentWindow || event.data?.source !== 'ledger-rules-preview') return;
  if (event.data.type === 'close') {
    frame.hidden = true;
    closed.hidden = false;
  } else void load();
});

void load();
