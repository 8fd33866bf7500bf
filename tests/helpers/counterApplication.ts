/**
 * Counter applications (書かない窓口, issue #19) for inbox, export and pull
 * tests: a signature drawn as on the tablet (a real PNG), a counter origin,
 * and an application stored through the app's own intake with it, as the
 * counter module does (no public route sets `counter`).
 */
import { crc32, deflateSync } from 'node:zlib';
import type { CounterOrigin } from '@madoguchi/shared';
import { RISAI, risaiData, type InboxApp } from './inboxApp';
import type { Answers } from './answers';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 360×120 PNG (grey + alpha) with one ink stroke, as a finger draws a name on the tablet. */
export function drawnSignature(width = 360, height = 120): Buffer {
  const rows: Buffer[] = [];
  const ink = (x: number, y: number) => {
    const curve = height / 2 + Math.sin(x / 18) * (height / 4) * Math.cos(x / 70);
    return Math.abs(y - curve) < 2.5 && x > 20 && x < width - 20;
  };
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 2);
    for (let x = 0; x < width; x++) if (ink(x, y)) row[1 + x * 2 + 1] = 255; // black, opaque
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 4; // grey + alpha
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

export const signatureDataUrl = (png = drawnSignature()) => `data:image/png;base64,${png.toString('base64')}`;

export function counterOrigin(servedBy: string, overrides: Partial<CounterOrigin> = {}): CounterOrigin {
  return {
    sessionId: 'visit-1',
    ticketNumber: 'A-007',
    desk: '1番窓口',
    servedBy,
    sources: { '/householder/name/familyName': 'card', '/householder/name/givenName': 'card', '/damage/statement': 'prefill', '/disaster/name': 'staff' },
    identitySource: 'card',
    prefilled: true,
    confirmation: { method: 'tablet', at: '2026-12-05T01:05:00.000Z', signatureImage: signatureDataUrl() },
    ...overrides,
  };
}

/** Stores a 罹災証明書 application made at the counter through the app's intake; returns its id and 到達番号. */
export async function submitAtCounter(ctx: Pick<InboxApp, 'services'>, counter: CounterOrigin, data: Answers = risaiData(), code = '082015') {
  const { response } = await ctx.services.intake.submit({ municipalityCode: code, procedureId: RISAI, body: { data }, language: 'ja', counter });
  const stored = await ctx.services.storage.submissions.findByReceiptNumber(response.receiptNumber);
  return { id: stored!.id, receiptNumber: response.receiptNumber, secret: response.secret };
}
