/**
 * The APDU sequence that reads the 券面事項入力補助AP: SELECT the AP, SELECT
 * the PIN EF, ask for the tries left, VERIFY, SELECT the wanted EF and READ
 * BINARY it whole. It talks to any ApduTransport (PC/SC in the agent).
 */
import type { CardBasicInfo } from '@madoguchi/shared';
import { isPinBlocked, parseResponse, readBinary, selectDf, selectEf, SW_OK, swHex, triesLeft, verify, verifyStatus, type ResponseApdu } from './apdu';
import { KENHOJO_AID, KENHOJO_EF, parseBasicFour, parseMyNumber } from './kenhojo';
import { readTlvHeader } from './tlv';
import { CardAgentFailure } from '../errors';
import { pinWrongMessage } from '../messages';

export interface ApduTransport {
  /** Sends one command APDU and returns the response APDU (data + SW1 SW2). */
  transmit(command: Uint8Array): Promise<Uint8Array>;
}

export interface PinOptions {
  pin: string;
  /** Send the PIN even when only one try is left. */
  allowLastAttempt?: boolean;
}

/** Longest READ BINARY chunk (short APDU, Le = 00 asks for 256). */
const CHUNK = 256;
/** Enough for a 2-byte tag and a 3-byte length. */
const HEADER_PROBE = 5;
/** Upper bound for the text EFs (a long address is a few hundred bytes). */
const MAX_EF_SIZE = 4096;

export async function readBasicInfo(transport: ApduTransport, options: PinOptions): Promise<CardBasicInfo> {
  return parseBasicFour(await readProtectedEf(transport, KENHOJO_EF.basicFour, options));
}

export async function readMyNumber(transport: ApduTransport, options: PinOptions): Promise<string> {
  return parseMyNumber(await readProtectedEf(transport, KENHOJO_EF.myNumber, options));
}

export function assertPinFormat(pin: unknown): asserts pin is string {
  if (typeof pin !== 'string' || !/^\d{4}$/.test(pin)) throw new CardAgentFailure('pin_format');
}

async function readProtectedEf(transport: ApduTransport, fileId: number, options: PinOptions): Promise<Uint8Array> {
  assertPinFormat(options.pin);
  const select = await send(transport, selectDf(KENHOJO_AID));
  if (select.sw !== SW_OK) throw new CardAgentFailure('not_my_number_card', { detail: `SELECT AP ${swHex(select.sw)}` });
  await verifyPin(transport, options);
  await expectOk(transport, selectEf(fileId), 'SELECT EF');
  return readWholeEf(transport);
}

async function verifyPin(transport: ApduTransport, { pin, allowLastAttempt }: PinOptions): Promise<void> {
  await expectOk(transport, selectEf(KENHOJO_EF.pin), 'SELECT PIN EF');
  const status = await send(transport, verifyStatus());
  if (isPinBlocked(status.sw) || triesLeft(status.sw) === 0) throw new CardAgentFailure('pin_blocked');
  if (triesLeft(status.sw) === 1 && !allowLastAttempt) throw new CardAgentFailure('pin_last_attempt', { attemptsLeft: 1 });
  const result = await send(transport, verify(pin));
  if (result.sw === SW_OK) return;
  const left = triesLeft(result.sw);
  if (left === 0 || isPinBlocked(result.sw)) throw new CardAgentFailure('pin_blocked');
  if (left !== null) throw new CardAgentFailure('pin_wrong', { attemptsLeft: left, message: pinWrongMessage(left) });
  throw new CardAgentFailure('card_error', { detail: `VERIFY ${swHex(result.sw)}` });
}

/** Reads the selected EF: first its TLV header to learn the length, then the rest in chunks. */
async function readWholeEf(transport: ApduTransport): Promise<Uint8Array> {
  const head = await readChunk(transport, 0, HEADER_PROBE);
  const header = readTlvHeader(head);
  const total = header.headerLength + header.valueLength;
  if (total > MAX_EF_SIZE) throw new CardAgentFailure('card_error', { detail: `EF claims ${total} bytes` });
  const bytes = new Uint8Array(total);
  bytes.set(head.subarray(0, Math.min(head.length, total)));
  for (let offset = head.length; offset < total;) {
    const chunk = await readChunk(transport, offset, Math.min(CHUNK, total - offset));
    if (chunk.length === 0) throw new CardAgentFailure('card_error', { detail: `EF ended at ${offset} of ${total}` });
    bytes.set(chunk.subarray(0, total - offset), offset);
    offset += chunk.length;
  }
  return bytes;
}

async function readChunk(transport: ApduTransport, offset: number, length: number): Promise<Uint8Array> {
  const response = await send(transport, readBinary(offset, length));
  // 6282: end of file reached before Le bytes; the data that came is valid.
  if (response.sw === SW_OK || response.sw === 0x6282) return response.data;
  throw new CardAgentFailure('card_error', { detail: `READ BINARY ${swHex(response.sw)}` });
}

async function expectOk(transport: ApduTransport, command: Uint8Array, what: string): Promise<ResponseApdu> {
  const response = await send(transport, command);
  if (response.sw !== SW_OK) throw new CardAgentFailure('card_error', { detail: `${what} ${swHex(response.sw)}` });
  return response;
}

async function send(transport: ApduTransport, command: Uint8Array): Promise<ResponseApdu> {
  return parseResponse(await transport.transmit(command));
}
