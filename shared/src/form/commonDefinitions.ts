/**
 * Reusable blocks for procedure schemas. Preset and builder schemas reference
 * them as `{"$ref": "#/definitions/<name>"}`; `inlineCommonDefinitions` copies
 * the ones used into the schema, so every published version is self-contained.
 * Custom formats (my-number, katakana, …) are registered in validation/formats.ts.
 */
import type { JsonSchema } from './jsonSchema';

const katakana = { type: 'string', format: 'katakana', maxLength: 40 };

export const COMMON_DEFINITIONS: Record<string, JsonSchema> = {
  personName: {
    type: 'object',
    title: '氏名',
    required: ['familyName', 'givenName', 'familyNameKana', 'givenNameKana'],
    properties: {
      familyName: { type: 'string', title: '氏（姓）', minLength: 1, maxLength: 30 },
      givenName: { type: 'string', title: '名', minLength: 1, maxLength: 30 },
      familyNameKana: { ...katakana, title: 'フリガナ（セイ）' },
      givenNameKana: { ...katakana, title: 'フリガナ（メイ）' },
    },
  },
  address: {
    type: 'object',
    title: '住所',
    required: ['postalCode', 'prefecture', 'city', 'street'],
    properties: {
      postalCode: { type: 'string', title: '郵便番号', format: 'postal-code' },
      prefecture: { type: 'string', title: '都道府県', minLength: 1, maxLength: 10 },
      city: { type: 'string', title: '市区町村', minLength: 1, maxLength: 40 },
      street: { type: 'string', title: '町域・番地', minLength: 1, maxLength: 100 },
      building: { type: 'string', title: '建物名・部屋番号', maxLength: 100 },
    },
  },
  phone: { type: 'string', title: '電話番号', format: 'jp-phone' },
  email: { type: 'string', title: 'メールアドレス', format: 'email', maxLength: 254 },
  date: { type: 'string', format: 'date' },
  /** A date that cannot lie in the future (生年月日, 出生日, 事由発生日…). */
  pastDate: { type: 'string', format: 'past-date' },
  /** A date that cannot lie in the past (出産予定日, 転出予定日…). */
  futureDate: { type: 'string', format: 'future-date' },
  myNumber: { type: 'string', title: '個人番号（マイナンバー）', format: 'my-number' },
  /** 介護保険被保険者番号 (10 digits, leading zeros kept). */
  insuredNumber: { type: 'string', title: '被保険者番号', format: 'insured-number' },
  lgCode: { type: 'string', title: '全国地方公共団体コード', format: 'lg-code' },
  sex: { type: 'string', title: '性別', enum: ['男', '女'] },
  yen: { type: 'integer', minimum: 0, maximum: 100000000 },
  bankAccount: {
    type: 'object',
    title: '振込先口座',
    required: ['useKokinKoza'],
    properties: {
      useKokinKoza: { type: 'boolean', title: '公金受取口座を利用する', default: false },
    },
    allOf: [
      {
        if: { properties: { useKokinKoza: { const: false } } },
        then: {
          required: ['institutionType', 'accountHolderKana'],
          properties: {
            institutionType: { type: 'string', title: '金融機関の種類', enum: ['銀行等', 'ゆうちょ銀行'] },
            accountHolderKana: { type: 'string', title: '口座名義（カナ）', format: 'zengin-kana', maxLength: 30 },
          },
          allOf: [
            {
              // `required` here: an absent property passes a bare `const` test, which showed (and asked for) both branches.
              if: { properties: { institutionType: { const: '銀行等' } }, required: ['institutionType'] },
              then: {
                required: ['bankName', 'bankCode', 'branchName', 'branchCode', 'accountType', 'accountNumber'],
                properties: {
                  bankName: { type: 'string', title: '金融機関名', maxLength: 40 },
                  bankCode: { type: 'string', title: '金融機関コード', pattern: '^[0-9]{4}$' },
                  branchName: { type: 'string', title: '支店名', maxLength: 40 },
                  branchCode: { type: 'string', title: '支店コード', pattern: '^[0-9]{3}$' },
                  accountType: { type: 'string', title: '預金種別', enum: ['普通', '当座'] },
                  accountNumber: { type: 'string', title: '口座番号', pattern: '^[0-9]{7}$' },
                },
              },
            },
            {
              if: { properties: { institutionType: { const: 'ゆうちょ銀行' } }, required: ['institutionType'] },
              then: {
                required: ['yuchoSymbol', 'yuchoNumber'],
                properties: {
                  yuchoSymbol: { type: 'string', title: '記号', pattern: '^[0-9]{5}$' },
                  yuchoNumber: { type: 'string', title: '番号', pattern: '^[0-9]{1,8}$' },
                },
              },
            },
          ],
        },
      },
    ],
  },
  /** A required "I agree" checkbox. */
  consent: { type: 'boolean', const: true },
};

/** Names of the common definitions a schema refers to (transitively). */
function referencedDefinitions(node: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((child) => referencedDefinitions(child, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/definitions/')) {
        const name = value.slice('#/definitions/'.length);
        if (!found.has(name) && COMMON_DEFINITIONS[name]) {
          found.add(name);
          referencedDefinitions(COMMON_DEFINITIONS[name], found);
        }
      } else referencedDefinitions(value, found);
    }
  }
  return found;
}

/**
 * Returns a copy of `schema` whose `definitions` hold every common block it
 * references. Definitions the schema declares itself win over common ones.
 */
export function inlineCommonDefinitions(schema: JsonSchema): JsonSchema {
  const used = referencedDefinitions(schema, new Set());
  const own = (schema.definitions ?? {}) as Record<string, JsonSchema>;
  const definitions: Record<string, JsonSchema> = {};
  for (const name of used) if (!own[name]) definitions[name] = JSON.parse(JSON.stringify(COMMON_DEFINITIONS[name]!)) as JsonSchema;
  if (Object.keys(definitions).length === 0) return schema;
  return { ...schema, definitions: { ...definitions, ...own } };
}
