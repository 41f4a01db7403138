import { h } from '../dom';
import { tr, type ViewContext } from '../views';

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | undefined>;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The sidebar is 300 px wide with 12 px padding: every chart is drawn this wide and scales down, never wider. */
export const CHART_WIDTH = 276;

/** Coordinates to a tenth of a pixel: the markup stays short and the drawing the same. */
export const px = (x: number) => Math.round(x * 10) / 10;

/** `h` for SVG: its elements need the SVG namespace to be drawn. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(key, String(value));
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

/** An SVG picture a screen reader reads as one image, named by the sentence that says what it shows. */
export function picture(width: number, height: number, label: string, ...children: Child[]): SVGSVGElement {
  return s('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, class: 'chart-svg' }, ...children);
}

/** Roughly how wide a text is drawn: CJK characters are square, Latin ones about half as wide. */
export function textWidth(text: string, size: number): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\uffff]/.test(ch) ? size : size * 0.6;
  return width;
}

/** A label cut to fit `width`, with its whole text as a tooltip when cut. */
export function fittedLabel(text: string, width: number, size: number, attrs: Attrs): SVGTextElement {
  if (textWidth(text, size) <= width) return s('text', attrs, text);
  let cut = '';
  for (const ch of text) {
    if (textWidth(`${cut}${ch}…`, size) > width) break;
    cut += ch;
  }
  return s('text', attrs, s('title', {}, text), `${cut}…`);
}

/** A small table of the numbers a chart draws, folded away: for a screen reader's table navigation and for copying. */
export function dataTable(ctx: Pick<ViewContext, 'lang'>, head: string[], rows: (string | number)[][]): HTMLElement {
  return h(
    'details',
    { class: 'chart-data' },
    h('summary', {}, tr(ctx, 'chDataTable')),
    h(
      'table',
      { class: 'chart-table' },
      h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, String(c)) : h('td', {}, String(c))))))),
    ),
  );
}

/** A chart as a figure: its title and the sentence that says what it shows, the drawing, then anything more (a table, a legend). */
export function chartFigure(id: string, title: string, sentence: string, drawing: Node, ...more: Child[]): HTMLElement {
  return h('figure', { id, class: 'chart' }, h('figcaption', {}, h('strong', {}, title), h('span', { class: 'chart-sentence' }, sentence)), drawing, ...more);
}
