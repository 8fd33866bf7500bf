/**
 * Small valid JPEGs made in the bench (no binary fixtures): a baseline
 * grayscale image of flat 8×8 blocks (DC coefficients only, every AC block
 * ends at once), plus comment segments of random bytes so each file weighs
 * about what a phone photo shrunk for upload does. Any JPEG decoder opens it.
 */
import { randomBytes } from 'node:crypto';

/** Luminance DC Huffman table of ITU T.81 Annex K.3: code lengths 1–16 and the categories 0–11. */
const DC_COUNTS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_SYMBOLS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
/** An AC table with one code, '0' = end of block: every block is flat. */
const AC_COUNTS = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

/** The canonical Huffman codes of a table (T.81 Annex C). */
function huffmanCodes(counts: number[], symbols: number[]): Map<number, { code: number; length: number }> {
  const codes = new Map<number, { code: number; length: number }>();
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < counts[length - 1]!; i++) codes.set(symbols[k++]!, { code: code++, length });
    code <<= 1;
  }
  return codes;
}

class BitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private filled = 0;
  write(value: number, length: number) {
    for (let i = length - 1; i >= 0; i--) {
      this.current = (this.current << 1) | ((value >> i) & 1);
      if (++this.filled === 8) this.flushByte();
    }
  }
  private flushByte() {
    this.bytes.push(this.current);
    if (this.current === 0xff) this.bytes.push(0x00); // byte stuffing
    this.current = 0;
    this.filled = 0;
  }
  end(): Buffer {
    if (this.filled > 0) this.write(0x7f, 8 - this.filled); // pad with 1-bits
    return Buffer.from(this.bytes);
  }
}

const segment = (marker: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);

/** A `width`×`height` JPEG (multiples of 8) of about `bytes` bytes; `seed` varies the picture. */
export function makeJpeg(width: number, height: number, bytes: number, seed = 0): Buffer {
  const dc = huffmanCodes(DC_COUNTS, DC_SYMBOLS);
  const bits = new BitWriter();
  let previous = 0;
  for (let by = 0; by < height / 8; by++) {
    for (let bx = 0; bx < width / 8; bx++) {
      // A gradient with stripes: the block's mean level 0–255, as a DC coefficient (quantiser 1: 8 × (level − 128)).
      const level = (bx * 7 + by * 3 + seed * 37 + ((bx + by) % 4) * 20) % 256;
      const value = 8 * (level - 128);
      const diff = value - previous;
      previous = value;
      const magnitude = Math.abs(diff);
      const category = magnitude === 0 ? 0 : Math.floor(Math.log2(magnitude)) + 1;
      const code = dc.get(category)!;
      bits.write(code.code, code.length);
      if (category > 0) bits.write(diff >= 0 ? diff : diff + (1 << category) - 1, category);
      bits.write(0, 1); // end of block
    }
  }
  const scan = bits.end();
  const head = [
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00])), // JFIF
    segment(0xdb, Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 1)])), // one quantisation table of ones
    segment(0xc0, Buffer.from([8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0])), // baseline, 1 component
    segment(0xc4, Buffer.from([0x00, ...DC_COUNTS, ...DC_SYMBOLS])),
    segment(0xc4, Buffer.from([0x10, ...AC_COUNTS, 0x00])),
  ];
  // Comment segments of random bytes (incompressible, like photo data) up to the wanted size.
  const comments: Buffer[] = [];
  let size = head.reduce((n, b) => n + b.length, 0) + scan.length + 16;
  while (size < bytes) {
    const length = Math.min(60_000, bytes - size);
    comments.push(segment(0xfe, randomBytes(length)));
    size += length + 4;
  }
  const sos = segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0]));
  return Buffer.concat([...head, ...comments, sos, scan, Buffer.from([0xff, 0xd9])]);
}
