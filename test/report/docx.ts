import JSZip from 'jszip';

/** A paragraph of a .docx: its style id (Heading1, Title) and its text. */
export interface DocxParagraph {
  style: string | null;
  text: string;
}

const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

/** What a test reads back from a Word file: the body's paragraphs outside tables, each table's rows of cell texts, the page breaks. */
export async function readDocx(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) =>
    [...m[1]!.matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((row) => [...row[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => textOf(c[1]!))),
  );
  const body = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const paragraphs: DocxParagraph[] = [...body.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[1]!)?.[1] ?? null,
    text: textOf(m[1]!),
  }));
  return { xml, tables, paragraphs, pageBreaks: (xml.match(/<w:br w:type="page"\/>/g) ?? []).length };
}
