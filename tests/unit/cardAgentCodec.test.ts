/**
 * The card-reader agent's pure parts: the APDUs of the 券面事項入力補助AP,
 * BER-TLV, the 基本4情報 / 個人番号 layouts, the reading sequence against
 * the simulated card's logic (no PC/SC here: that is the integration test),
 * the pairing rules and the origin list in the configuration.
 */
import { isPinBlocked, parseResponse, readBinary, selectDf, selectEf, triesLeft, verify, verifyStatus } from '../../card-agent/src/card/apdu';
import { encodeTlv, readTlv, readTlvHeader, readTlvList } from '../../card-agent/src/card/tlv';
import { KENHOJO_AID, parseBasicFour, parseMyNumber } from '../../card-agent/src/card/kenhojo';
import { readBasicInfo, readMyNumber, type ApduTransport } from '../../card-agent/src/card/readSequence';
import { SimulatedKenhojoCard, TEST_CARDS, type VirtualCardData } from '../../card-agent/src/testing/virtualCard';
import { CardAgentFailure } from '../../card-agent/src/errors';
import { Pairing } from '../../card-agent/src/http/pairing';
import { ConfigProblem, loadConfig, parseOrigins } from '../../card-agent/src/config';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('APDUs', () => {
  it('selects the 券面事項入力補助AP by its DF name', () => {
    expect(hex(KENHOJO_AID)).toBe('d3921000310001010408');
    expect(hex(selectDf(KENHOJO_AID))).toBe('00a4040c0ad3921000310001010408');
  });

  it('selects an EF by file id, verifies a PIN as ASCII digits, asks for the tries left without data', () => {
    expect(hex(selectEf(0x0011))).toBe('00a4020c020011');
    expect(hex(verify('1234'))).toBe('002000800431323334');
    expect(hex(verifyStatus())).toBe('00200080');
  });

  it('reads binary at an offset; 256 bytes are asked for as Le = 00', () => {
    expect(hex(readBinary(0, 5))).toBe('00b0000005');
    expect(hex(readBinary(0x0105, 256))).toBe('00b0010500');
    expect(() => readBinary(0x8000, 1)).toThrow(RangeError);
    expect(() => readBinary(0, 257)).toThrow(RangeError);
  });

  it('splits a response into data and status word and reads 63Cx / 6983 / 6984', () => {
    expect(parseResponse(Uint8Array.of(0x41, 0x90, 0x00))).toEqual({ data: Uint8Array.of(0x41), sw: 0x9000 });
    expect(() => parseResponse(Uint8Array.of(0x90))).toThrow('too short');
    expect(triesLeft(0x63c2)).toBe(2);
    expect(triesLeft(0x63c0)).toBe(0);
    expect(triesLeft(0x9000)).toBeNull();
    expect(isPinBlocked(0x6983)).toBe(true);
    expect(isPinBlocked(0x6984)).toBe(true);
    expect(isPinBlocked(0x6982)).toBe(false);
  });
});

describe('BER-TLV', () => {
  it('reads two-byte tags with short and long lengths', () => {
    expect(readTlvHeader(Uint8Array.of(0xff, 0x20, 0x05))).toEqual({ tag: 'ff20', constructed: true, headerLength: 3, valueLength: 5 });
    expect(readTlvHeader(Uint8Array.of(0xdf, 0x23, 0x81, 0xc8))).toEqual({ tag: 'df23', constructed: false, headerLength: 4, valueLength: 200 });
    expect(readTlvHeader(Uint8Array.of(0xff, 0x20, 0x82, 0x01, 0x2c))).toMatchObject({ headerLength: 5, valueLength: 300 });
  });

  it('round-trips what it encodes, and stops a list at padding', () => {
    const long = new Uint8Array(300).fill(0x41);
    const encoded = encodeTlv('df23', long);
    expect(hex(encoded.subarray(0, 5))).toBe('df2382012c');
    expect(readTlv(encoded).value).toEqual(long);
    const list = readTlvList(Uint8Array.from([...encodeTlv('df22', utf8('a')), ...encodeTlv('df25', utf8('1')), 0xff, 0xff]));
    expect(list.map((t) => t.tag)).toEqual(['df22', 'df25']);
  });

  it('refuses truncated and indefinite-length input', () => {
    expect(() => readTlv(Uint8Array.of(0xdf, 0x22, 0x05, 0x41))).toThrow('needs 5 bytes');
    expect(() => readTlvHeader(Uint8Array.of(0xff))).toThrow('truncated');
    expect(() => readTlvHeader(Uint8Array.of(0xff, 0x20, 0x80))).toThrow('indefinite');
  });
});

describe('the 基本4情報 and 個人番号 EFs', () => {
  const basicFour = (sexCode: string, birth = '19850407', name: Uint8Array = utf8('窓口 花子')): Uint8Array =>
    encodeTlv(
      'ff20',
      Uint8Array.from([
        ...encodeTlv('df21', Uint8Array.of(0, 0)),
        ...encodeTlv('df22', name),
        ...encodeTlv('df23', utf8('茨城県水戸市笠原町978番6')),
        ...encodeTlv('df24', utf8(birth)),
        ...encodeTlv('df25', utf8(sexCode)),
      ]),
    );

  it('parses name, address, the birthdate as YYYY-MM-DD and the sex code', () => {
    expect(parseBasicFour(basicFour('2'))).toEqual({ name: '窓口 花子', address: '茨城県水戸市笠原町978番6', birthdate: '1985-04-07', sex: '女', sexCode: '2' });
    expect(parseBasicFour(basicFour('1')).sex).toBe('男');
  });

  it('keeps codes 3 and 9 as written and shows no sex for them', () => {
    expect(parseBasicFour(basicFour('3'))).toMatchObject({ sex: null, sexCode: '3' });
    expect(parseBasicFour(basicFour('9'))).toMatchObject({ sex: null, sexCode: '9' });
  });

  it('reports text it cannot decode (e.g. 外字) instead of guessing, in ja and en', () => {
    const failure = catchFailure(() => parseBasicFour(basicFour('1', '19850407', Uint8Array.of(0xe7, 0xaa, 0xff))));
    expect(failure.code).toBe('card_error');
    expect(failure.agentMessage.ja).toContain('外字');
    expect(failure.agentMessage.en).toContain('Staff type the data');
  });

  it('refuses a birthdate that is not YYYYMMDD and an EF of another kind', () => {
    expect(catchFailure(() => parseBasicFour(basicFour('1', 'S600407'))).code).toBe('card_error');
    expect(catchFailure(() => parseBasicFour(encodeTlv('ff10', utf8('123456789018')))).code).toBe('card_error');
  });

  it('reads the 12 digits of the 個人番号 EF', () => {
    expect(parseMyNumber(Uint8Array.from([...encodeTlv('ff10', utf8('123456789018')), 0xff, 0xff]))).toBe('123456789018');
    expect(catchFailure(() => parseMyNumber(encodeTlv('ff10', utf8('12345')))).code).toBe('card_error');
  });
});

describe('the reading sequence (against the simulated card, without PC/SC)', () => {
  const transportFor = (card: SimulatedKenhojoCard): ApduTransport => ({ transmit: async (command) => card.execute(command) });
  const cardWith = (data: Partial<VirtualCardData> = {}) => new SimulatedKenhojoCard({ ...TEST_CARDS.standard, ...data });

  it('reads the 基本4情報, also a long address over several READ BINARY commands', async () => {
    const card = cardWith(TEST_CARDS.longAddress);
    const info = await readBasicInfo(transportFor(card), { pin: TEST_CARDS.longAddress.pin });
    expect(info.address).toBe(TEST_CARDS.longAddress.address);
    expect(card.commands.filter((c) => c === 'READ BINARY 0002').length).toBeGreaterThan(2);
  });

  it('a wrong PIN reports the tries left and reads nothing', async () => {
    const card = cardWith();
    const failure = await rejection(readBasicInfo(transportFor(card), { pin: '0000' }));
    expect(failure).toMatchObject({ code: 'pin_wrong', attemptsLeft: 2 });
    expect(failure.agentMessage.ja).toContain('あと2回');
    expect(card.commands.some((c) => c.startsWith('READ BINARY'))).toBe(false);
  });

  it('with one try left it does not send the PIN unless told to', async () => {
    const card = cardWith({ triesLeft: 1 });
    expect(await rejection(readBasicInfo(transportFor(card), { pin: '1234' }))).toMatchObject({ code: 'pin_last_attempt', attemptsLeft: 1 });
    expect(card.commands).not.toContain('VERIFY');
    expect(card.tries).toBe(1);
    await expect(readBasicInfo(transportFor(card), { pin: '1234', allowLastAttempt: true })).resolves.toMatchObject({ name: '窓口 花子' });
    expect(card.tries).toBe(3);
  });

  it('the third wrong PIN and a locked card both say blocked', async () => {
    const card = cardWith({ triesLeft: 1 });
    expect((await rejection(readBasicInfo(transportFor(card), { pin: '0000', allowLastAttempt: true }))).code).toBe('pin_blocked');
    expect((await rejection(readBasicInfo(transportFor(card), { pin: '1234', allowLastAttempt: true }))).code).toBe('pin_blocked');
  });

  it('refuses a PIN that is not 4 digits before talking to the card', async () => {
    const card = cardWith();
    expect((await rejection(readBasicInfo(transportFor(card), { pin: '12345' }))).code).toBe('pin_format');
    expect(card.commands).toEqual([]);
  });

  it('reads the 個人番号 only through its own call', async () => {
    const card = cardWith();
    await readBasicInfo(transportFor(card), { pin: '1234' });
    expect(card.commands).not.toContain('SELECT EF 0001');
    expect(await readMyNumber(transportFor(card), { pin: '1234' })).toBe(TEST_CARDS.standard.myNumber);
  });

  it('a card without the AP is not a My Number Card', async () => {
    const transport: ApduTransport = { transmit: async () => Uint8Array.of(0x6a, 0x82) };
    expect((await rejection(readBasicInfo(transport, { pin: '1234' }))).code).toBe('not_my_number_card');
  });
});

describe('pairing', () => {
  it('gives a token for the right code, which expires', () => {
    let now = 1_000;
    const pairing = new Pairing(60_000, 5, () => now);
    expect(pairing.code).toMatch(/^\d{6}$/);
    const result = pairing.pair(pairing.code);
    if (!result.ok) throw new Error('not paired');
    expect(pairing.isValid(result.token)).toBe(true);
    now += 60_000;
    expect(pairing.isValid(result.token)).toBe(false);
    expect(pairing.isValid(undefined)).toBe(false);
  });

  it('locks after the limit of wrong codes, then refuses the right one too', () => {
    const pairing = new Pairing(60_000, 5);
    const wrong = pairing.code === '000000' ? '000001' : '000000';
    for (let i = 1; i < 5; i++) expect(pairing.pair(wrong)).toEqual({ ok: false, reason: 'wrong' });
    expect(pairing.pair(wrong)).toEqual({ ok: false, reason: 'locked' });
    expect(pairing.pair(pairing.code)).toEqual({ ok: false, reason: 'locked' });
  });
});

describe('configuration', () => {
  it('defaults to the console on localhost:3000 and reads a comma list of origins', () => {
    expect(loadConfig({}).origins).toEqual(['http://localhost:3000']);
    expect(parseOrigins('https://madoguchi.city.example.jp, http://127.0.0.1:3000/')).toEqual(['https://madoguchi.city.example.jp', 'http://127.0.0.1:3000']);
  });

  it('refuses origins with a path or another scheme, and a bad port', () => {
    expect(() => parseOrigins('http://localhost:3000/staff')).toThrow(ConfigProblem);
    expect(() => parseOrigins('file:///tmp')).toThrow(ConfigProblem);
    expect(() => loadConfig({ CARD_AGENT_PORT: 'abc' })).toThrow('CARD_AGENT_PORT');
  });
});

function catchFailure(run: () => unknown): CardAgentFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof CardAgentFailure) return error;
    throw error;
  }
  throw new Error('expected a CardAgentFailure');
}

async function rejection(promise: Promise<unknown>): Promise<CardAgentFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CardAgentFailure) return error;
    throw error;
  }
  throw new Error('expected a CardAgentFailure');
}
