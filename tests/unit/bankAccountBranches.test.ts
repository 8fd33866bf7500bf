/** The common 振込先口座: until 金融機関の種類 is chosen, neither the bank's nor ゆうちょ's fields are shown or asked for. */
import { COMMON_DEFINITIONS, FormValidator, type JsonSchema } from '@madoguchi/shared';

const schema: JsonSchema = { type: 'object', properties: { account: { $ref: '#/definitions/bankAccount' } }, definitions: { bankAccount: COMMON_DEFINITIONS.bankAccount! } };
const validator = new FormValidator();
const missing = (data: unknown) =>
  validator
    .validate('bank-account-branches', schema, data, 'ja', false)
    .errors.filter((e) => e.keyword === 'required')
    .map((e) => e.pointer)
    .sort();

it('asks only for the kind of institution (and the holder) until one is chosen', () => {
  expect(missing({ account: { useKokinKoza: false } })).toEqual(['/account/accountHolderKana', '/account/institutionType']);
});

it('asks for the bank’s fields for 銀行等 and ゆうちょ’s for ゆうちょ銀行, never both', () => {
  const bank = missing({ account: { useKokinKoza: false, institutionType: '銀行等', accountHolderKana: 'ミト タロウ' } });
  expect(bank).toEqual(['/account/accountNumber', '/account/accountType', '/account/bankCode', '/account/bankName', '/account/branchCode', '/account/branchName']);
  expect(missing({ account: { useKokinKoza: false, institutionType: 'ゆうちょ銀行', accountHolderKana: 'ミト タロウ' } })).toEqual(['/account/yuchoNumber', '/account/yuchoSymbol']);
  expect(missing({ account: { useKokinKoza: true } })).toEqual([]);
});
