/** ワンスオンリー: each preset's shared-answer mapping fits its schema, and the shared part fills a form without overwriting the resident. */
import { applySharedAnswers, FormValidator, sharedAnswersSchema, sharedMappingProblems, SHARED_ANSWER_FIELDS, type JsonSchema } from '@madoguchi/shared';
import { loadPresets } from '@madoguchi/presets';

const presets = loadPresets();
const mapped = presets.filter((p) => p.sharedAnswers);

it('every mapping points at an existing field of its preset that takes the shared answer as it is', () => {
  // The birth bundle: 児童手当 (認定請求, 額の改定) and 保育 (支給認定, 利用申込); every care procedure; the 罹災証明書.
  expect(mapped.map((p) => p.procedure.id)).toEqual(
    expect.arrayContaining([
      'jidou-teate-nintei',
      'jidou-teate-gaku-kaitei',
      'hoiku-shikyu-nintei',
      'hoiku-riyo-moshikomi',
      'kaigo-care-plan-todoke',
      'kaigo-fukushi-yogu-konyu',
      'kaigo-futan-gendogaku',
      'kaigo-futan-wariai-saikofu',
      'kaigo-hihokenshasho-saikofu',
      'kaigo-jutaku-kaishu',
      'kaigo-kogaku-service-hi',
      'kaigo-nintei-koshin',
      'kaigo-nintei-kubun-henko',
      'kaigo-nintei-shinki',
      'kaigo-nintei-tennyu',
      'risai-shomeisho',
    ]),
  );
  for (const preset of mapped) expect({ id: preset.procedure.id, problems: sharedMappingProblems(preset.sharedAnswers!, preset.schema) }).toEqual({ id: preset.procedure.id, problems: [] });
});

it('names a renamed field, a field of another kind and an unknown shared answer', () => {
  const schema = presets.find((p) => p.procedure.id === 'jidou-teate-nintei')!.schema;
  expect(sharedMappingProblems({ 'applicant.name': '/claimant/fullName' }, schema)).toEqual(['applicant.name: /claimant/fullName is not a field of the form']);
  expect(sharedMappingProblems({ 'applicant.phone': '/claimant/occupation' }, schema)).toEqual(['applicant.phone: /claimant/occupation does not accept a phone as the shared part gives it']);
  expect(sharedMappingProblems({ 'applicant.name': '/claimant/address' }, schema)).toHaveLength(1);
  expect(sharedMappingProblems({ 'applicant.nickname': '/claimant/name' }, schema)).toEqual(['applicant.nickname: not a shared answer']);
  // A field inside a conditional branch or an array item is found.
  expect(sharedMappingProblems({ 'applicant.address': '/claimant/jan1Address', 'child.name': '/children/0/name' }, schema)).toEqual([]);
});

const name = { familyName: '窓口', givenName: '花子', familyNameKana: 'マドグチ', givenNameKana: 'ハナコ' };
const mapping = { 'applicant.name': '/claimant/name', 'child.name': '/children/0/name', 'applicant.phone': '/claimant/phone' };

it('fills empty fields, creating the objects and the first array item on the way', () => {
  const filled = applySharedAnswers({ dvEvacuation: false }, mapping, { applicant: { name, phone: '0312345678' }, child: { name: { ...name, givenName: '太郎' } } });
  expect(filled).toEqual({ dvEvacuation: false, claimant: { name, phone: '0312345678' }, children: [{ name: { ...name, givenName: '太郎' } }] });
});

it('a changed shared answer updates the fields it filled, not those the resident changed by hand', () => {
  const before = { applicant: { name, phone: '0312345678' } };
  const form = applySharedAnswers({}, mapping, before);
  const edited = { ...form, claimant: { ...(form.claimant as object), phone: '09011112222' } }; // changed in this form only
  const after = { applicant: { name: { ...name, givenName: '花江' }, phone: '0399998888' } };
  const updated = applySharedAnswers(edited, mapping, after, before);
  expect(updated.claimant).toEqual({ name: { ...name, givenName: '花江' }, phone: '09011112222' });
});

it('fills value by value: an empty name object, a value still at its default, but not a value typed by hand', () => {
  const account = { useKokinKoza: false, institutionType: '銀行等', bankName: '常陽銀行' };
  const m = { 'applicant.name': '/claimant/name', 'account.bankAccount': '/account' };
  const defaults = { account: { useKokinKoza: false } };
  const filled = applySharedAnswers(
    { claimant: { name: {} }, account: { useKokinKoza: false } },
    m,
    { applicant: { name }, account: { bankAccount: { ...account, useKokinKoza: true } } },
    undefined,
    defaults,
  );
  expect(filled).toEqual({ claimant: { name }, account: { ...account, useKokinKoza: true } });
  const typed = applySharedAnswers({ claimant: { name: { familyName: '山田' } } }, m, { applicant: { name } });
  expect(typed.claimant).toEqual({ name: { ...name, familyName: '山田' } });
});

it('an empty shared answer leaves the form as it is, and the input is never modified', () => {
  const data = Object.freeze({ claimant: Object.freeze({ phone: '0312345678' }) });
  expect(applySharedAnswers(data, mapping, {})).toBe(data);
});

it('a care bundle asks the insured person once: 要介護認定 and ケアプラン作成依頼 both take the same 被保険者, the family member filing stays the applicant', () => {
  const shinki = presets.find((p) => p.procedure.id === 'kaigo-nintei-shinki')!;
  const carePlan = presets.find((p) => p.procedure.id === 'kaigo-care-plan-todoke')!;
  const insuredName = { familyName: '窓口', givenName: '一郎', familyNameKana: 'マドグチ', givenNameKana: 'イチロウ' };
  const shared = { insured: { name: insuredName, insuredNumber: '0000012345' }, applicant: { name } };
  for (const preset of [shinki, carePlan]) {
    const filled = applySharedAnswers({ applicant: { applicantType: '家族' } }, preset.sharedAnswers!, shared);
    expect(filled.insured).toEqual({ name: insuredName, insuredNumber: '0000012345' });
    expect(filled.applicant).toEqual({ applicantType: '家族', name });
  }
  // The insured person is a group of its own in the shared part, 個人番号 still asked by each form.
  const schema = sharedAnswersSchema([...Object.keys(shinki.sharedAnswers!), ...Object.keys(carePlan.sharedAnswers!)]) as JsonSchema & { properties: Record<string, { properties: object }> };
  expect(Object.keys(schema.properties)).toEqual(['applicant', 'insured']);
  expect(Object.keys(schema.properties.insured!.properties)).toEqual(['name', 'birthDate', 'sex', 'address', 'phone', 'insuredNumber']);
  expect(SHARED_ANSWER_FIELDS.map((f) => f.key)).not.toContain('insured.myNumber');
});

it('the shared part is a form of only the answers the bundle takes, valid with the one validator', () => {
  const schema = sharedAnswersSchema(['applicant.name', 'account.bankAccount']) as JsonSchema & { properties: Record<string, { properties: object }> };
  expect(Object.keys(schema.properties)).toEqual(['applicant', 'account']);
  expect(Object.keys(schema.properties.applicant!.properties)).toEqual(['name']);
  const validator = new FormValidator();
  const outcome = validator.validate('shared-part-test', schema, { applicant: { name }, account: { bankAccount: { useKokinKoza: true } } }, 'ja', true);
  expect(outcome.errors).toEqual([]);
  expect(validator.validate('shared-part-test', schema, { applicant: { name: { familyName: '窓口' } } }, 'ja', true).errors.length).toBeGreaterThan(0);
  expect(SHARED_ANSWER_FIELDS.map((f) => f.key)).not.toContain('applicant.myNumber'); // 個人番号 is asked by each form, never shared
});
