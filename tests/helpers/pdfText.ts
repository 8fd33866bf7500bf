/**
 * Reads the text back out of a PDF written by pdfkit (no poppler needed):
 * inflates the streams, follows each page's font resources to their
 * ToUnicode maps, and decodes the TJ/Tj strings of the content streams.
 * Enough for tests to check what a generated PDF says; not a general parser.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const found = new Map<number, PdfObject>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const streamAt = body.indexOf('stream');
    if (streamAt === -1) {
      found.set(Number(m[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const start = m.index! + m[0].indexOf(body) + streamAt + 'stream'.length + (body[streamAt + 6] === '\r' ? 2 : 1);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    let raw = pdf.subarray(start, start + length);
    if (dict.includes('/FlateDecode')) raw = inflateSync(raw);
    found.set(Number(m[1]), { dict, stream: raw });
  }
  return found;
}

/** ToUnicode map of a pdfkit font: glyph code → text. */
function cmap(stream: Buffer): Map<number, string> {
  const map = new Map<number, string>();
  const text = stream.toString('latin1');
  const hex = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((u) => parseInt(u, 16)));
  for (const m of text.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
    const from = parseInt(m[1]!, 16);
    // A character outside the BMP is written as a surrogate pair with a space inside (<d842 dfb7>).
    [...m[3]!.matchAll(/<([0-9a-f\s]+)>/gi)].forEach((d, i) => map.set(from + i, hex(d[1]!.replace(/\s/g, ''))));
  }
  for (const m of text.matchAll(/^<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*<([0-9a-f]+)>$/gim)) {
    for (let c = parseInt(m[1]!, 16), u = parseInt(m[3]!, 16); c <= parseInt(m[2]!, 16); c++, u++) map.set(c, String.fromCodePoint(u));
  }
  return map;
}

/** The text of every page, one string per page (lines joined with newlines). */
export function pdfText(pdf: Buffer): string[] {
  const objs = objects(pdf);
  const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);
  const pages: string[] = [];
  for (const [, obj] of objs) {
    if (!/\/Type \/Page\b/.test(obj.dict)) continue;
    const resources = objs.get(ref(obj.dict, 'Resources'))?.dict ?? '';
    const fonts = new Map<string, Map<number, string>>();
    for (const f of (/\/Font <<([\s\S]*?)>>/.exec(resources)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const font = objs.get(Number(f[2]))?.dict ?? '';
      const toUnicode = objs.get(ref(font, 'ToUnicode'))?.stream;
      fonts.set(f[1]!, toUnicode ? cmap(toUnicode) : new Map());
    }
    const contents = objs.get(ref(obj.dict, 'Contents'))?.stream?.toString('latin1') ?? '';
    let current = new Map<number, string>();
    const lines: string[] = [];
    for (const line of contents.split('\n')) {
      const tf = /\/(\w+) [\d.]+ Tf/.exec(line);
      if (tf) current = fonts.get(tf[1]!) ?? new Map();
      if (!/T[Jj]$/.test(line.trim())) continue;
      let out = '';
      for (const h of line.matchAll(/<([0-9a-f]+)>/gi)) for (const code of h[1]!.match(/.{4}/g) ?? []) out += current.get(parseInt(code, 16)) ?? '';
      lines.push(out);
    }
    pages.push(lines.join('\n'));
  }
  return pages;
}
