/**
 * A simulated My Number Card for tests: it plugs into vsmartcard's virtual
 * reader driver (vpcd) inside the real pcscd, so the agent reads it through
 * real PC/SC. Only the 券面事項入力補助AP is simulated, with test data.
 *
 * vpcd protocol (vsmartcard's virtualsmartcard/doc/api.rst): the card is the
 * TCP client of vpcd (127.0.0.1:35963 for the first slot); every message is a
 * 2-byte big-endian length and a payload. A 1-byte payload is a control
 * message: 0 power off, 1 power on, 2 reset (no answer), 4 get ATR (answer:
 * the ATR). Any longer payload is a command APDU answered by a response APDU.
 */
import { connect, type Socket } from 'node:net';
import { encodeTlv } from '../card/tlv';
import { KENHOJO_AID, KENHOJO_EF } from '../card/kenhojo';

export interface VirtualCardData {
  name: string;
  address: string;
  /** YYYYMMDD as stored on the card. */
  birthdate: string;
  sexCode: '1' | '2' | '3' | '9';
  myNumber: string;
  pin: string;
  /** PIN tries left (3 on a fresh card; 0 = locked). */
  triesLeft?: number;
}

/** Invented people: no real person, no 外字. */
export const TEST_CARDS = {
  standard: { name: '窓口 花子', address: '茨城県水戸市笠原町978番6', birthdate: '19850407', sexCode: '2', myNumber: '123456789018', pin: '1234' },
  longAddress: {
    name: '長住所 太郎',
    address: '北海道札幌市中央区北一条西二丁目一番地の三十四　札幌市中央区役所前通り沿い第二十三番館ビルディング南棟十七階一七〇一号室（株式会社窓口サンプル社宅内）の奥の小部屋から見て右側の棟の二階',
    birthdate: '19700101',
    sexCode: '1',
    myNumber: '987654321000',
    pin: '5678',
  },
} satisfies Record<string, VirtualCardData>;

export const VPCD_PORT = 35963;
/** "3B 80 80 01 01": a minimal ATR announcing T=1. */
const ATR = Uint8Array.of(0x3b, 0x80, 0x80, 0x01, 0x01);
const MAX_TRIES = 3;

/** What the card was asked, without any data (for assertions such as "the 個人番号 EF was never selected"). */
export type CardCommandLog = string[];

export interface VirtualCard {
  readonly commands: CardCommandLog;
  readonly triesLeft: number;
  /** Takes the card off the reader. */
  remove(): Promise<void>;
}

export async function insertVirtualCard(data: VirtualCardData, options: { port?: number; host?: string; connectTries?: number } = {}): Promise<VirtualCard> {
  const card = new SimulatedKenhojoCard(data);
  const socket = await connectWithRetry(options.host ?? '127.0.0.1', options.port ?? VPCD_PORT, options.connectTries ?? 50);
  let buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (buffer.length >= 2) {
      const length = buffer.readUInt16BE(0);
      if (buffer.length < 2 + length) break;
      const payload = new Uint8Array(buffer.subarray(2, 2 + length));
      buffer = buffer.subarray(2 + length);
      const answer = length === 1 ? card.control(payload[0]!) : card.execute(payload);
      if (answer) socket.write(frame(answer));
    }
  });
  socket.on('error', () => undefined);
  return {
    commands: card.commands,
    get triesLeft() {
      return card.tries;
    },
    remove: () =>
      new Promise<void>((resolve) => {
        if (socket.destroyed) return resolve();
        socket.once('close', () => resolve());
        socket.end();
      }),
  };
}

/** The card's logic, without the socket (unit-testable). */
export class SimulatedKenhojoCard {
  readonly commands: CardCommandLog = [];
  tries: number;
  private apSelected = false;
  private selectedEf: number | null = null;
  private verified = false;
  private readonly files: Map<number, Uint8Array>;

  constructor(private readonly data: VirtualCardData) {
    this.tries = data.triesLeft ?? MAX_TRIES;
    this.files = new Map([
      [KENHOJO_EF.basicFour, basicFourEf(data)],
      [KENHOJO_EF.myNumber, padded(encodeTlv('ff10', new TextEncoder().encode(data.myNumber)), 32)],
    ]);
  }

  control(code: number): Uint8Array | null {
    if (code === 4) return ATR;
    // Power off, power on and reset all clear the volatile state (selection, verified PIN).
    this.apSelected = false;
    this.selectedEf = null;
    this.verified = false;
    return null;
  }

  execute(apdu: Uint8Array): Uint8Array {
    const [cla, ins, p1, p2] = apdu;
    if (cla !== 0x00) return sw(0x6e00);
    switch (ins) {
      case 0xa4:
        return this.select(p1!, apdu.subarray(5, 5 + (apdu[4] ?? 0)));
      case 0x20:
        return this.verify(apdu.length > 4 ? apdu.subarray(5, 5 + apdu[4]!) : null);
      case 0xb0:
        return this.readBinary(((p1! & 0x7f) << 8) | p2!, apdu.length > 4 ? apdu[4]! || 256 : 256);
      default:
        this.commands.push(`INS ${ins}`);
        return sw(0x6d00);
    }
  }

  private select(p1: number, body: Uint8Array): Uint8Array {
    if (p1 === 0x04) {
      this.commands.push('SELECT AP');
      const match = body.length === KENHOJO_AID.length && body.every((b, i) => b === KENHOJO_AID[i]);
      this.apSelected = match;
      this.selectedEf = null;
      return sw(match ? 0x9000 : 0x6a82);
    }
    const fileId = ((body[0] ?? 0) << 8) | (body[1] ?? 0);
    this.commands.push(`SELECT EF ${fileId.toString(16).padStart(4, '0')}`);
    if (p1 !== 0x02 || !this.apSelected || (fileId !== KENHOJO_EF.pin && !this.files.has(fileId))) return sw(0x6a82);
    this.selectedEf = fileId;
    return sw(0x9000);
  }

  private verify(pin: Uint8Array | null): Uint8Array {
    this.commands.push(pin ? 'VERIFY' : 'VERIFY status');
    if (this.selectedEf !== KENHOJO_EF.pin) return sw(0x6986);
    if (this.tries === 0) return sw(0x6983);
    if (!pin) return sw(0x63c0 | this.tries);
    if (new TextDecoder().decode(pin) === this.data.pin) {
      this.tries = MAX_TRIES;
      this.verified = true;
      return sw(0x9000);
    }
    this.tries -= 1;
    this.verified = false;
    return sw(0x63c0 | this.tries);
  }

  private readBinary(offset: number, length: number): Uint8Array {
    this.commands.push(`READ BINARY ${this.selectedEf?.toString(16).padStart(4, '0')}`);
    const file = this.selectedEf === null ? undefined : this.files.get(this.selectedEf);
    if (!file) return sw(0x6986);
    if (!this.verified) return sw(0x6982);
    if (offset >= file.length) return sw(0x6b00);
    const data = file.subarray(offset, offset + length);
    return Uint8Array.from([...data, ...sw(data.length < length ? 0x6282 : 0x9000)]);
  }
}

/** FF 20 { DF 21 offsets, DF 22 name, DF 23 address, DF 24 birthdate, DF 25 sex }, padded as a fixed-size EF would be. */
function basicFourEf(data: VirtualCardData): Uint8Array {
  const text = (tag: string, value: string): Uint8Array => encodeTlv(tag, new TextEncoder().encode(value));
  const fields = [text('df22', data.name), text('df23', data.address), text('df24', data.birthdate), text('df25', data.sexCode)];
  // DF 21 lists where each field starts (2 bytes each), as published readers describe it.
  const offsets: number[] = [];
  let at = 0;
  for (const field of fields) {
    offsets.push(at >> 8, at & 0xff);
    at += field.length;
  }
  const inner = Uint8Array.from([...encodeTlv('df21', Uint8Array.from(offsets)), ...fields.flatMap((f) => [...f])]);
  const ef = encodeTlv('ff20', inner);
  return padded(ef, Math.max(ef.length + 16, 512));
}

function padded(bytes: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size).fill(0xff);
  out.set(bytes);
  return out;
}

function sw(code: number): Uint8Array {
  return Uint8Array.of(code >> 8, code & 0xff);
}

function frame(payload: Uint8Array): Buffer {
  const header = Buffer.alloc(2);
  header.writeUInt16BE(payload.length);
  return Buffer.concat([header, Buffer.from(payload)]);
}

async function connectWithRetry(host: string, port: number, tries: number): Promise<Socket> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await new Promise<Socket>((resolve, reject) => {
        const socket = connect({ host, port }, () => {
          socket.off('error', reject);
          resolve(socket);
        });
        socket.once('error', reject);
      });
    } catch (error) {
      if (attempt >= tries) throw new Error(`vpcd is not listening on ${host}:${port} (is pcscd running with vsmartcard-vpcd?): ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
