/**
 * BER-TLV as the My Number Card's text EFs use it: multi-byte tags (FF 20,
 * DF 21, …) kept as their raw bytes in hex, definite lengths in short or long
 * form. Pure, unit-tested.
 */

export interface Tlv {
  /** The tag's bytes in lower-case hex, e.g. 'ff20', 'df22'. */
  tag: string;
  constructed: boolean;
  value: Uint8Array;
  /** Offset just past this element in the parsed buffer. */
  end: number;
}

export interface TlvHeader {
  tag: string;
  constructed: boolean;
  /** Bytes taken by tag and length. */
  headerLength: number;
  valueLength: number;
}

/** Reads a tag and a length at `offset`; throws on truncated or indefinite-length input. */
export function readTlvHeader(bytes: Uint8Array, offset = 0): TlvHeader {
  let i = offset;
  const first = at(bytes, i++);
  let tagHex = hex(first);
  if ((first & 0x1f) === 0x1f) {
    // Subsequent tag bytes: bit 8 set means another one follows.
    let next: number;
    do {
      next = at(bytes, i++);
      tagHex += hex(next);
    } while (next & 0x80);
  }
  const lengthByte = at(bytes, i++);
  let valueLength: number;
  if (lengthByte < 0x80) {
    valueLength = lengthByte;
  } else if (lengthByte === 0x80) {
    throw new Error('indefinite TLV length is not used on this card');
  } else {
    const count = lengthByte & 0x7f;
    if (count > 3) throw new Error(`TLV length of ${count} bytes is too long`);
    valueLength = 0;
    for (let k = 0; k < count; k++) valueLength = (valueLength << 8) | at(bytes, i++);
  }
  return { tag: tagHex, constructed: (first & 0x20) !== 0, headerLength: i - offset, valueLength };
}

/** Parses one element at `offset`. */
export function readTlv(bytes: Uint8Array, offset = 0): Tlv {
  const header = readTlvHeader(bytes, offset);
  const start = offset + header.headerLength;
  const end = start + header.valueLength;
  if (end > bytes.length) throw new Error(`TLV ${header.tag} needs ${header.valueLength} bytes, ${bytes.length - start} present`);
  return { tag: header.tag, constructed: header.constructed, value: bytes.slice(start, end), end };
}

/** Parses consecutive elements filling `bytes` (e.g. a constructed element's value). Padding FF/00 after the last element ends the list. */
export function readTlvList(bytes: Uint8Array): Tlv[] {
  const list: Tlv[] = [];
  let offset = 0;
  while (offset < bytes.length && !isPadding(bytes, offset)) {
    const tlv = readTlv(bytes, offset);
    list.push(tlv);
    offset = tlv.end;
  }
  return list;
}

/** Encodes one element (used by the virtual card and the tests). */
export function encodeTlv(tagHex: string, value: Uint8Array): Uint8Array {
  const tag = Uint8Array.from(tagHex.match(/../g)!.map((b) => parseInt(b, 16)));
  const n = value.length;
  const length = n < 0x80 ? [n] : n <= 0xff ? [0x81, n] : n <= 0xffff ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  return Uint8Array.from([...tag, ...length, ...value]);
}

function isPadding(bytes: Uint8Array, offset: number): boolean {
  return bytes.subarray(offset).every((b) => b === 0xff || b === 0x00);
}

function at(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b === undefined) throw new Error('TLV truncated');
  return b;
}

function hex(b: number): string {
  return b.toString(16).padStart(2, '0');
}
