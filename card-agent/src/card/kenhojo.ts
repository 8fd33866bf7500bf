/**
 * The 券面事項入力補助AP (text-entry assistance application) of the My
 * Number Card: its AID, its EFs and the layout of the 基本4情報 and 個人番号
 * EFs, as published by open-source readers of the card (see README: what was
 * not confirmed). Pure parsing, unit-tested.
 */
import type { CardBasicInfo, CardSex } from '@madoguchi/shared';
import { readTlv, readTlvList } from './tlv';
import { CardAgentFailure } from '../errors';
import { UNREADABLE_TEXT } from '../messages';

/** D3 92 10 00 31 00 01 01 04 08 */
export const KENHOJO_AID = Uint8Array.of(0xd3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08);

export const KENHOJO_EF = {
  /** 個人番号 (PIN-protected) */
  myNumber: 0x0001,
  /** 基本4情報 (PIN-protected) */
  basicFour: 0x0002,
  /** 券面事項入力補助用暗証番号 (4 digits, 3 tries) */
  pin: 0x0011,
} as const;

/** Outer tag of the 基本4情報 EF and its elements. */
export const BASIC_FOUR_TAGS = { outer: 'ff20', header: 'df21', name: 'df22', address: 'df23', birthdate: 'df24', sex: 'df25' } as const;
/** Outer tag of the 個人番号 EF. */
export const MY_NUMBER_TAG = 'ff10';

const SEX_BY_CODE: Record<string, CardSex> = { '1': '男', '2': '女' };

/** Parses the whole 基本4情報 EF (FF 20 { DF 21 …, DF 22 name, DF 23 address, DF 24 YYYYMMDD, DF 25 sex }). */
export function parseBasicFour(bytes: Uint8Array): CardBasicInfo {
  const outer = readTlv(bytes);
  if (outer.tag !== BASIC_FOUR_TAGS.outer) throw new CardAgentFailure('card_error', { detail: `basic-four EF starts with tag ${outer.tag}` });
  const fields = new Map(readTlvList(outer.value).map((tlv) => [tlv.tag, tlv.value]));
  const text = (tag: string): string => {
    const value = fields.get(tag);
    if (!value) throw new CardAgentFailure('card_error', { detail: `basic-four EF lacks ${tag}` });
    return decodeCardText(value);
  };
  const sexCode = text(BASIC_FOUR_TAGS.sex);
  return {
    name: text(BASIC_FOUR_TAGS.name),
    address: text(BASIC_FOUR_TAGS.address),
    birthdate: isoDate(text(BASIC_FOUR_TAGS.birthdate)),
    sex: SEX_BY_CODE[sexCode] ?? null,
    sexCode,
  };
}

/** Parses the 個人番号 EF (FF 10 0C + 12 ASCII digits, possibly padded). */
export function parseMyNumber(bytes: Uint8Array): string {
  const outer = readTlv(bytes);
  const digits = new TextDecoder('ascii').decode(outer.value);
  if (outer.tag !== MY_NUMBER_TAG || !/^\d{12}$/.test(digits)) throw new CardAgentFailure('card_error', { detail: `my-number EF has tag ${outer.tag} and ${outer.value.length} bytes` });
  return digits;
}

/** The card's text is UTF-8; anything else (e.g. 外字 outside the set) is reported, never guessed. */
function decodeCardText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CardAgentFailure('card_error', { message: UNREADABLE_TEXT, detail: 'text not UTF-8' });
  }
}

function isoDate(yyyymmdd: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  if (!m) throw new CardAgentFailure('card_error', { detail: 'birthdate is not YYYYMMDD' });
  return `${m[1]}-${m[2]}-${m[3]}`;
}
