/**
 * Text with names in it, shown so that no name can reorder the words around it. The sentence is
 * built with `isolate(name)` (shared/domain/text.ts: the name cleaned to one line, wrapped in FSI…PDI);
 * here each wrapped part becomes a <bdi>, the HTML element for the same isolation, and the marks
 * themselves are dropped, so the page's text is the sentence as a clerk reads it.
 */
const ISOLATED = /\u2068([^\u2068\u2069]*)\u2069/;

export function Isolated({ text }: { text: string }) {
  const parts = text.split(ISOLATED);
  // split() with one capture group: the isolated parts are at the odd indexes.
  return <>{parts.map((part, i) => (i % 2 === 1 ? <bdi key={i}>{part}</bdi> : part))}</>;
}
