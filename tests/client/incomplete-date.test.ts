/**
 * A date left half-filled (the day still at 「--」) is not "a date in the past":
 * the message names the missing part, on the server and in the browser alike.
 */
import { FormValidator, type JsonSchema, type Language, type ValidationOutcome } from '@madoguchi/shared';
import { loadClient } from './clientModules';

interface Validator {
  validate: (cacheKey: string, schema: JsonSchema, data: unknown, language: Language) => ValidationOutcome;
}
const { BrowserValidator } = loadClient<{ BrowserValidator: new () => Validator }>('resident/form/evalFree/browserValidator');

const schema: JsonSchema = { type: 'object', properties: { birthDate: { type: 'string', format: 'past-date', title: '生年月日' }, moveDate: { type: 'string', format: 'date', title: '転入日' } } };
const validators: Array<[string, Validator]> = [
  ['server (ajv)', new FormValidator()],
  ['browser (eval-free)', new BrowserValidator()],
];

describe.each(validators)('incomplete dates, %s', (_name, validator) => {
  const message = (data: object, language: 'ja' | 'en' = 'ja') => validator.validate('incomplete-date', schema, data, language).errors.map((e) => [e.pointer, e.message]);

  it('names the missing day, month or year', () => {
    expect(message({ birthDate: '1980-05-' })).toEqual([['/birthDate', '日付の日を入力してください。']]);
    expect(message({ birthDate: '1980--' })).toEqual([['/birthDate', '日付の月・日を入力してください。']]);
    expect(message({ moveDate: '-04-01' })).toEqual([['/moveDate', '日付の年を入力してください。']]);
    expect(message({ birthDate: '1980-05-' }, 'en')).toEqual([['/birthDate', 'Enter the day of the date.']]);
  });

  it('still says a complete date in the future is not allowed', () => {
    expect(message({ birthDate: '2999-01-01' })).toEqual([['/birthDate', '今日以前の日付を入力してください。']]);
  });
});
