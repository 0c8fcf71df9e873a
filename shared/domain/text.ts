/**
 * Text hygiene: which characters a record may hold, and how long each field may be. One place, used
 * by every schema that makes a record (plans, record books, summaries, evaluations, feedback,
 * registers, journals, the profile, units and people), so a record is clean wherever it was made and
 * wherever it is shown, printed or sent.
 *
 * What is removed, silently, because no clerk typed it on purpose and none can see it:
 * - control characters other than tab and newline (U+0001 and the like arrive with pasted text);
 * - bidirectional controls (U+202A–202E, U+2066–2069, U+200E/200F, U+061C): one of them in a name
 *   turns the text around it backwards;
 * - zero-width and other invisible format characters (U+200B–200D, U+2060–2064, U+FEFF, …);
 * - noncharacters (U+FFFE, U+FFFF, U+FDD0–FDEF, …) and unpaired surrogates: no XML file may hold
 *   them, so one of them made every Word form of the record unopenable.
 *
 * What is changed: every kind of line break (CR LF, CR, U+000B — Word's manual line break, which
 * comes with any text pasted from Word —, U+000C, U+0085, U+2028, U+2029) becomes a newline; in a
 * one-line field (a name, a place) tabs and newlines become a space. Text is put in Unicode NFC.
 *
 * What is refused, never cut short: a field longer than its limit. The limit counts characters as a
 * clerk does (a Chinese character is one, a character outside the BMP is one), and the message names
 * the field: “工作内容不能超过2000个字”.
 */
import { z } from 'zod';

// ---- The characters ----

/** Line breaks other than a lone LF. */
// eslint-disable-next-line no-control-regex -- U+000B and U+000C are line breaks to Word
const BREAKS = /\r\n|[\r\u000B\u000C\u0085\u2028\u2029]/g;

/**
 * Everything removed: C0 controls but tab/LF/CR, DEL and C1 controls (not NEL: a line break), the
 * Arabic letter mark, the Mongolian vowel separator, zero-width space/non-joiner/joiner, LRM/RLM, the
 * bidi embeddings, overrides and isolates, the word joiner and invisible operators, the deprecated
 * format characters, the byte-order mark, the interlinear annotation marks, Unicode tag characters,
 * noncharacters, and unpaired surrogates (in a /u pattern, [\uD800-\uDFFF] matches only those).
 */
const REMOVED = new RegExp(
  '[' +
    '\\u0000-\\u0008\\u000E-\\u001F\\u007F-\\u0084\\u0086-\\u009F' +
    '\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F' +
    '\\uFEFF\\uFFF9-\\uFFFB\\u{E0000}-\\u{E007F}' +
    '\\uFDD0-\\uFDEF\\uFFFE\\uFFFF' +
    Array.from(
      { length: 16 },
      (_, i) => `\\u{${(i + 1).toString(16)}FFFE}\\u{${(i + 1).toString(16)}FFFF}`,
    ).join('') +
    '\\uD800-\\uDFFF' +
    ']',
  'gu',
);

/**
 * A cheap first test (one BMP class, no /u: twice as fast on long text): false means cleaning changes
 * nothing but the normal form. Any surrogate makes it true, so astral text takes the exact path.
 */
const MAYBE_CLEANING =
  // eslint-disable-next-line no-control-regex -- the characters cleanText removes or changes
  /[\u0000-\u0008\u000B-\u000D\u000E-\u001F\u007F-\u009F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2028-\u2029\u2060-\u2064\u2066-\u206F\uD800-\uDFFF\uFDD0-\uFDEF\uFEFF\uFFF9-\uFFFB\uFFFE\uFFFF]/;

/** The characters removed and the line breaks changed, without the normal form. */
const stripped = (s: string) => (MAYBE_CLEANING.test(s) ? s.replace(BREAKS, '\n').replace(REMOVED, '') : s);

/**
 * Multi-line text as a record keeps it: line breaks as LF, tabs kept, every invisible or
 * XML-illegal character removed, NFC. Idempotent.
 */
export function cleanText(s: string): string {
  return stripped(s).normalize('NFC');
}

/** One-line text (a name, a place, a title): as `cleanText`, with tabs and newlines made spaces. */
export function cleanLine(s: string): string {
  return cleanText(s).replace(/[\t\n]/g, ' ');
}

/** Whether `s` holds a character `cleanLine` would remove or change (other than by normal form). */
export function hasHiddenCharacters(s: string): boolean {
  return /[\t\n]/.test(s) || stripped(s) !== s;
}

/** Characters as a clerk counts them: code points, so a CJK Extension B character is one. */
export function charCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

// ---- Schemas ----

const tooLong = (what: string, max: number) => `${what}不能超过${max}个字`;

/**
 * A multi-line text field of a record: cleaned (`cleanText`), at most `max` characters, else
 * “{what}不能超过{max}个字”. May be empty; whether it must be filled is the record's own rule.
 */
export function textField(what: string, max: number) {
  return z
    .string({ error: `${what}应为文字` })
    .overwrite(cleanText)
    .refine((s) => charCount(s) <= max, { error: tooLong(what, max) });
}

/** A one-line text field (a place, a post, a way of feedback): as `textField`, with `cleanLine`. */
export function lineField(what: string, max: number) {
  return z
    .string({ error: `${what}应为文字` })
    .overwrite(cleanLine)
    .refine((s) => charCount(s) <= max, { error: tooLong(what, max) });
}

/**
 * A name typed into a form (a person, a unit): one line, cleaned, trimmed, 1 to `max` characters.
 * `empty` is the message for a blank one (“请填写姓名”).
 */
export function cleanName(what: string, max: number, empty = `请填写${what}`) {
  return z
    .string({ error: empty })
    .overwrite(cleanLine)
    .trim()
    .min(1, { error: empty })
    .refine((s) => charCount(s) <= max, { error: tooLong(what, max) });
}

/**
 * A name inside a signed document parsed from bytes (the roster): it cannot be changed without
 * breaking the signature, so one that cleaning would change is refused instead: 1 to `max`
 * characters, no control, bidi, zero-width or XML-illegal character, no surrounding spaces, NFC.
 */
export function signedName(max: number) {
  return z
    .string()
    .min(1)
    .refine((s) => charCount(s) <= max, { error: `名称不能超过${max}个字` })
    .refine((s) => !hasHiddenCharacters(s) && s === s.trim() && s === s.normalize('NFC'), {
      error: '名称含有不可见的控制字符',
    });
}

// ---- Output ----

/** U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE. */
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * A name (or any text from a record or a bundle) to put inside a sentence: cleaned to one line and
 * wrapped in a directional isolate, so nothing in it can reorder the words around it
 * (“来自 ⁨张三⁩ 发给 ⁨李四⁩”). The isolate marks are invisible; React text and Word show them as nothing.
 */
export function isolate(s: string): string {
  return `${FSI}${cleanLine(s)}${PDI}`;
}

/**
 * What an XML 1.0 document may hold: the characters outside its Char production (C0 controls but
 * tab/LF/CR, U+FFFE, U+FFFF, unpaired surrogates) removed. The last line of defence of the Word and
 * Excel writers: no text, whatever its origin, makes a file unopenable.
 */
export function xmlSafe(s: string): string {
  return XML_ILLEGAL.test(s) ? s.replace(XML_ILLEGAL_ALL, '') : s;
}
// eslint-disable-next-line no-control-regex -- these are the characters XML 1.0 refuses
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u;
const XML_ILLEGAL_ALL = new RegExp(XML_ILLEGAL.source, 'gu');

/**
 * A CSV cell Excel and WPS read as text, never as a formula: a cell starting with = + - @, a tab, a
 * carriage return, or their full-width forms ＝ ＋ － ＠ gets a leading apostrophe; a cell holding a
 * comma, quote or line break is quoted (RFC 4180).
 */
export function csvCell(s: string): string {
  const safe = CSV_FORMULA_START.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
const CSV_FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
