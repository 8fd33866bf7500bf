import { FormValidator, isValidLgCode, isValidMyNumber, myNumberCheckDigit, normalizeForFormat, todayInJapan, inlineCommonDefinitions } from '@madoguchi/shared';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('個人番号 (My Number) check digit', () => {
  it.each(['123456789018', '234567890121', '987654321093'])('accepts %s', (n) => expect(isValidMyNumber(n)).toBe(true));
  it.each([
    ['123456789012', 'wrong check digit'],
    ['123456789019', 'wrong check digit'],
    ['12345678901', '11 digits'],
    ['1234567890180', '13 digits'],
    ['12345678901a', 'a letter'],
    ['', 'empty'],
  ])('rejects %s (%s)', (n) => expect(isValidMyNumber(n)).toBe(false));
  it('computes the digit that completes a body', () => expect(myNumberCheckDigit('12345678901')).toBe(8));
});

describe('全国地方公共団体コード check digit', () => {
  const rows = readFileSync(join(__dirname, '../../server/data/municipalities.csv'), 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n')
    .slice(1);
  it('accepts every one of the 1,916 bundled codes', () => {
    expect(rows).toHaveLength(1916);
    for (const row of rows) expect(isValidLgCode(row.split(',')[9]!)).toBe(true);
  });
  it.each([
    ['082015', true],
    ['131016', true],
    ['011002', true],
    ['082016', false],
    ['08201', false],
    ['13101X', false],
  ])('%s → %s', (code, ok) => expect(isValidLgCode(code)).toBe(ok));
});

describe('normalisation of what residents type', () => {
  it('folds half-width katakana and hiragana into full-width katakana', () => {
    expect(normalizeForFormat('katakana', 'ﾐﾄ ﾀﾛｳ')).toBe('ミト\u3000タロウ');
    expect(normalizeForFormat('katakana', 'みと')).toBe('ミト');
  });
  it('drops hyphens and full-width digits in numbers', () => {
    expect(normalizeForFormat('my-number', '１２３４-５６７８-９０１８')).toBe('123456789018');
    expect(normalizeForFormat('postal-code', '３１０８６１０')).toBe('310-8610');
  });
});

describe('FormValidator', () => {
  const schema = inlineCommonDefinitions({
    type: 'object',
    required: ['name', 'myNumber', 'birthDate', 'phone', 'agree'],
    properties: {
      name: { $ref: '#/definitions/personName', title: '申請者の氏名' },
      myNumber: { $ref: '#/definitions/myNumber' },
      birthDate: { $ref: '#/definitions/pastDate', title: '生年月日' },
      phone: { $ref: '#/definitions/phone' },
      agree: { $ref: '#/definitions/consent', title: '記載内容に相違ありません' },
      count: { type: 'integer', title: '通数', minimum: 1, maximum: 10 },
    },
  });
  const validator = new FormValidator();
  const valid = {
    name: { familyName: '水戸', givenName: '太郎', familyNameKana: 'ﾐﾄ', givenNameKana: 'たろう' },
    myNumber: '1234 5678 9018',
    birthDate: '1960-04-01',
    phone: '029-224-1111',
    agree: true,
  };

  it('accepts valid answers and returns them normalised, leaving the input untouched', () => {
    const outcome = validator.validate('t@1', schema, valid);
    expect(outcome.errors).toEqual([]);
    expect(outcome.valid).toBe(true);
    expect(outcome.data).toMatchObject({ myNumber: '123456789018', name: { familyNameKana: 'ミト', givenNameKana: 'タロウ' } });
    expect(valid.myNumber).toBe('1234 5678 9018');
  });

  it('explains each problem in Japanese at the field it concerns', () => {
    const outcome = validator.validate('t@1', schema, { ...valid, myNumber: '123456789012', birthDate: '2999-01-01', agree: false, count: 11, name: { familyName: '水戸' } });
    const byPointer = Object.fromEntries(outcome.errors.map((e) => [e.pointer, e.message]));
    expect(byPointer['/myNumber']).toContain('個人番号が正しくありません');
    expect(byPointer['/birthDate']).toBe('今日以前の日付を入力してください。');
    expect(byPointer['/agree']).toBe('「記載内容に相違ありません」に同意（チェック）してください。');
    expect(byPointer['/count']).toBe('10以下の数を入力してください。');
    expect(byPointer['/name/givenName']).toBe('「名」を入力してください。');
    expect(outcome.errorSchema).toMatchObject({ myNumber: { __errors: [expect.stringContaining('個人番号')] }, name: { givenName: { __errors: ['「名」を入力してください。'] } } });
  });

  it('speaks English when asked', () => {
    const outcome = validator.validate('t@1', schema, { ...valid, phone: '12345' }, 'en');
    expect(outcome.errors[0]!.message).toBe('Enter a phone number of 10 or 11 digits starting with 0.');
  });

  it('accepts today but not tomorrow (in Japan time) for past dates', () => {
    expect(validator.validate('t@1', schema, { ...valid, birthDate: todayInJapan() }).valid).toBe(true);
    const tomorrow = new Date(Date.now() + 9 * 3600_000 + 86400_000).toISOString().slice(0, 10);
    expect(validator.validate('t@1', schema, { ...valid, birthDate: tomorrow }).valid).toBe(false);
  });
});
