/**
 * ISO 7816-4 command and response APDUs, as far as the 券面事項入力補助AP
 * needs them. Pure functions over bytes: no I/O, unit-tested.
 */

export interface ResponseApdu {
  data: Uint8Array;
  /** SW1 SW2 as one number, e.g. 0x9000. */
  sw: number;
}

export const SW_OK = 0x9000;

/** SELECT FILE by DF name (AID), no response data wanted (P2 = 0C). */
export function selectDf(aid: Uint8Array): Uint8Array {
  return Uint8Array.of(0x00, 0xa4, 0x04, 0x0c, aid.length, ...aid);
}

/** SELECT FILE of an EF under the current DF by its 2-byte file id (P1 = 02, P2 = 0C). */
export function selectEf(fileId: number): Uint8Array {
  return Uint8Array.of(0x00, 0xa4, 0x02, 0x0c, 0x02, (fileId >> 8) & 0xff, fileId & 0xff);
}

/** VERIFY against the currently selected PIN EF (P2 = 80: specific reference data). The PIN goes as ASCII digits. */
export function verify(pin: string): Uint8Array {
  const digits = new TextEncoder().encode(pin);
  return Uint8Array.of(0x00, 0x20, 0x00, 0x80, digits.length, ...digits);
}

/** VERIFY without data: asks how many tries are left (63Cx) without using one. */
export function verifyStatus(): Uint8Array {
  return Uint8Array.of(0x00, 0x20, 0x00, 0x80);
}

/** READ BINARY of the selected EF from `offset` (15 bits), `length` 1..256 (256 is sent as Le = 00). */
export function readBinary(offset: number, length: number): Uint8Array {
  if (offset < 0 || offset > 0x7fff) throw new RangeError(`offset out of range: ${offset}`);
  if (length < 1 || length > 256) throw new RangeError(`length out of range: ${length}`);
  return Uint8Array.of(0x00, 0xb0, (offset >> 8) & 0x7f, offset & 0xff, length & 0xff);
}

/** Splits a response into data and status word. */
export function parseResponse(bytes: Uint8Array): ResponseApdu {
  if (bytes.length < 2) throw new Error(`response too short (${bytes.length} bytes)`);
  const sw = (bytes[bytes.length - 2]! << 8) | bytes[bytes.length - 1]!;
  return { data: bytes.slice(0, bytes.length - 2), sw };
}

/** 63Cx: verification failed, x tries left. Returns x, or null for any other status. */
export function triesLeft(sw: number): number | null {
  return (sw & 0xfff0) === 0x63c0 ? sw & 0x0f : null;
}

/** 6983 (authentication method blocked) and 6984 (reference data not usable): the PIN is locked. */
export function isPinBlocked(sw: number): boolean {
  return sw === 0x6983 || sw === 0x6984;
}

export function swHex(sw: number): string {
  return sw.toString(16).toUpperCase().padStart(4, '0');
}
