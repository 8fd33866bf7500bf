/**
 * CSV text and bytes that Excel opens correctly.
 * - RFC 4180 quoting, CRLF line ends.
 * - UTF-8 with a BOM (Excel needs the BOM to read UTF-8).
 * - Shift_JIS (CP932, Windows-31J) for older systems. Policy for characters
 *   CP932 cannot hold (第3・第4水準 kanji such as 𠮷 or 鷗, emoji, accented
 *   Latin letters): a few have a conventional stand-in (NBSP → space, ¥ → ￥,
 *   — → ―, – → －); every other one becomes 〓 (geta, 0x81AC), and the
 *   replaced characters are reported to the caller so staff can check the
 *   original on screen. Nothing is dropped silently.
 * - A cell starting with = + - @ (not a plain number) gets a leading ' so
 *   Excel does not run it as a formula (CSV injection).
 */
import Encoding from 'encoding-japanese';

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
export const GETA = '〓';
export const CP932_STAND_INS: Record<string, string> = { '\u00a0': ' ', '\u00a5': '￥', '\u2014': '―', '\u2013': '－' };

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvText(rows: string[][]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const representable = new Map<string, boolean>();

/** Whether CP932 has the character (checked once per character). */
function inCp932(ch: string): boolean {
  const cached = representable.get(ch);
  if (cached !== undefined) return cached;
  let ok: boolean;
  try {
    Encoding.convert(Encoding.stringToCode(ch), { to: 'SJIS', from: 'UNICODE', fallback: 'error' });
    ok = true;
  } catch {
    ok = false;
  }
  if (representable.size < 50_000) representable.set(ch, ok);
  return ok;
}

/** Text for CP932: stand-ins applied, other unrepresentable characters replaced by 〓 and listed. */
export function toCp932Text(text: string): { text: string; replaced: string[] } {
  const replaced = new Set<string>();
  let out = '';
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      out += ch;
      continue;
    }
    const stand = CP932_STAND_INS[ch];
    if (stand !== undefined) out += stand;
    else if (inCp932(ch)) out += ch;
    else {
      replaced.add(ch);
      out += GETA;
    }
  }
  return { text: out, replaced: [...replaced] };
}

export type CsvEncoding = 'utf-8' | 'cp932';

export function encodeCsv(text: string, encoding: CsvEncoding): { bytes: Buffer; replaced: string[] } {
  if (encoding === 'utf-8') return { bytes: Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]), replaced: [] };
  const { text: safe, replaced } = toCp932Text(text);
  return { bytes: Buffer.from(Encoding.convert(Encoding.stringToCode(safe), { to: 'SJIS', from: 'UNICODE' })), replaced };
}
