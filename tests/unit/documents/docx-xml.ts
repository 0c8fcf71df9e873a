/** Reading a packed .docx back for tests: its parts as text, and the few XML shapes the tests look at. */
import { strFromU8, unzipSync } from 'fflate';

export function docxParts(bytes: Uint8Array): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) parts[name] = strFromU8(data);
  return parts;
}

export function part(parts: Record<string, string>, name: string): string {
  const xml = parts[name];
  if (xml === undefined) throw new Error(`the .docx has no ${name}; it has ${Object.keys(parts).join(', ')}`);
  return xml;
}

/** The attributes of the first `<tag …>` in `xml`, by name (w:w → "w:w"). */
export function attrsOf(xml: string, tag: string): Record<string, string> {
  const m = new RegExp(`<${tag}(\\s[^>]*?)?/?>`).exec(xml);
  if (!m) throw new Error(`no <${tag}> found`);
  return Object.fromEntries(
    [...(m[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1] ?? '', a[2] ?? '']),
  );
}

/** Every `<w:r>` run, whole (`<w:rPr>` and `<w:rFonts>` are not runs). */
export function runsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:r(?:\s[^>]*)?>[\s\S]*?<\/w:r>/g)].map((m) => m[0]);
}

/** The text of a run or any fragment: the contents of its `<w:t>` elements. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

export function tablesOf(xml: string): string[] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
}

export function rowsOf(tableXml: string): string[] {
  return [...tableXml.matchAll(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
}
