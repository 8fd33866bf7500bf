/** @jest-environment jsdom */
/**
 * フリガナ: whatever kana the resident types (hiragana, half-width katakana,
 * romaji) becomes full-width katakana when they leave the field, through the
 * widget RJSF picks for `format: "katakana"`; and the reading typed with an
 * IME for 氏・名 fills the フリガナ on its own.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { loadClient, residentForm } from './clientModules';
import { view } from './domView';

const { toKatakanaReading, toZenginKana } = loadClient<{ toKatakanaReading: (s: string) => string; toZenginKana: (s: string) => string }>('common/kana');

describe('toKatakanaReading', () => {
  it.each([
    ['やまだ', 'ヤマダ'],
    ['ﾐﾄ', 'ミト'],
    ['ｶﾞｯｺｳ', 'ガッコウ'],
    ['yamada', 'ヤマダ'],
    ['みと たろう', 'ミト\u3000タロウ'],
    ['  ミト  ', 'ミト'],
  ])('%s → %s', (input, expected) => expect(toKatakanaReading(input)).toBe(expected));

  it('keeps Latin letters in an account holder name, in capitals', () => {
    expect(toZenginKana('ﾐﾄ ﾀﾛｳ')).toBe('ミト タロウ');
    expect(toZenginKana('みと abc')).toBe('ミト ABC');
  });
});

describe('KatakanaWidget (chosen by format)', () => {
  const schema = { type: 'object', properties: { kana: { type: 'string', title: 'フリガナ（セイ）', format: 'katakana' } } };

  it.each([
    ['やまだ', 'ヤマダ'],
    ['ﾐﾄﾀﾛｳ', 'ミトタロウ'],
  ])('turns %s into %s on blur and stores it', async (typed, stored) => {
    const changes: unknown[] = [];
    render(residentForm({ schema, onChange: (d) => changes.push(d) }));
    const input = screen.getByLabelText(/フリガナ（セイ）/);
    await userEvent.type(input, typed);
    expect(view(input).value).toBe(typed); // untouched while typing (an IME may be composing)
    await userEvent.tab();
    expect(view(input).value).toBe(stored);
    expect(changes.at(-1)).toEqual({ kana: stored });
  });

  it('labels the field as required or optional in words', () => {
    render(residentForm({ schema: { ...schema, required: ['kana'] } }));
    expect(screen.getByText('必須')).toBeTruthy();
  });
});

describe('auto-furigana from the IME reading', () => {
  const schema = { type: 'object', properties: { name: { $ref: '#/definitions/personName' } } };

  /** What a Japanese IME sends while 「やまだ」 is typed and converted to 「山田」. */
  function imeType(input: Parameters<typeof fireEvent.change>[0], reading: string[], converted: string) {
    fireEvent.compositionStart(input, { data: '' });
    for (const step of reading) fireEvent.compositionUpdate(input, { data: step });
    fireEvent.compositionUpdate(input, { data: converted });
    fireEvent.compositionEnd(input, { data: converted });
    fireEvent.change(input, { target: { value: converted } });
  }

  it('fills フリガナ from what was typed before conversion', async () => {
    const changes: unknown[] = [];
    render(residentForm({ schema, onChange: (d) => changes.push(d) }));
    const family = screen.getByLabelText(/氏（姓）/);
    imeType(family, ['や', 'やま', 'やまだ'], '山田');
    fireEvent.blur(family);
    expect(view(screen.getByLabelText(/フリガナ（セイ）/)).value).toBe('ヤマダ');
    expect(changes.at(-1)).toEqual({ name: { familyName: '山田', familyNameKana: 'ヤマダ' } });
  });

  it('never replaces a reading the resident typed', async () => {
    render(residentForm({ schema, formData: { name: { givenNameKana: 'タロー' } } }));
    const given = screen.getByLabelText(/^名/);
    imeType(given, ['た', 'たろ', 'たろう'], '太郎');
    fireEvent.blur(given);
    expect(view(screen.getByLabelText(/フリガナ（メイ）/)).value).toBe('タロー');
  });
});
