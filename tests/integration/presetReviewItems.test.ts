/**
 * The items of the 2026-12 legal review, on the real presets: each rule as the
 * resident meets it (valid or refused with a clear Japanese and English message).
 */
import { FormValidator, fiscalYearEndAfterAge, meetsFiscalAge, pregnancyMonthsFromWeeks, todayInJapan, versionKey, withinDays, type Language } from '@madoguchi/shared';
import { loadPresets } from '@madoguchi/presets';
import { freshExample } from '../helpers/presetExamples';
import type { Answers } from '../helpers/answers';

const presets = loadPresets();
const validator = new FormValidator();
const preset = (id: string) => presets.find((p) => p.procedure.id === id)!;
const example = (id: string) => freshExample(structuredClone(preset(id).example)) as Answers;
const validate = (id: string, data: unknown, language: Language = 'ja') => validator.validate(versionKey('preset', id, 0), preset(id).schema, data, language);
const messagesAt = (id: string, data: unknown, pointer: string, language: Language = 'ja') =>
  validate(id, data, language)
    .errors.filter((e) => e.pointer === pointer)
    .map((e) => e.message);

/** A date `days` days before today in Japan. */
const daysAgo = (days: number) => new Date(Date.parse(todayInJapan()) - days * 86_400_000).toISOString().slice(0, 10);
/** A birth date so that the person turns `age` on `turns` (YYYY-MM-DD). */
const bornYearsBefore = (years: number, from = todayInJapan()) => `${Number(from.slice(0, 4)) - years}${from.slice(4)}`;

describe('date rules', () => {
  it('ends 高校生年代 on the 3月31日 after reaching 18 (reached the day before the birthday)', () => {
    expect(fiscalYearEndAfterAge('2008-04-01', 18)).toBe('2026-03-31');
    expect(fiscalYearEndAfterAge('2008-04-02', 18)).toBe('2027-03-31');
    expect(fiscalYearEndAfterAge('2008-02-29', 18)).toBe('2026-03-31');
    expect(meetsFiscalAge({ max: 18 }, '2008-04-02', '2027-03-31')).toBe(true);
    expect(meetsFiscalAge({ max: 18 }, '2008-04-02', '2027-04-01')).toBe(false);
    expect(meetsFiscalAge({ min: 18, max: 22 }, '2008-04-02', '2027-04-01')).toBe(true);
  });
  it('counts days since a date, and months of pregnancy from weeks', () => {
    expect(withinDays(14, '2026-11-20', '2026-12-04')).toBe(true);
    expect(withinDays(14, '2026-11-20', '2026-12-05')).toBe(false);
    expect([3, 4, 7, 8, 35, 36, 41].map(pregnancyMonthsFromWeeks)).toEqual([1, 2, 2, 3, 9, 10, 10]);
  });
});

describe('1. 要介護・要支援認定', () => {
  const NINTEI = ['kaigo-nintei-shinki', 'kaigo-nintei-koshin', 'kaigo-nintei-kubun-henko', 'kaigo-nintei-tennyu'];

  it.each(NINTEI)('%s: asks every insured person for the 医療保険 numbers, with 「わからない」 instead of a refusal', (id) => {
    const data = example(id);
    expect(data.insuredCategory).toBe('65歳以上（第1号被保険者）');
    data.medicalInsurance = { known: 'わかる（入力する）' };
    expect(messagesAt(id, data, '/medicalInsurance/insurerNumber')).toEqual(['「保険者番号」を入力してください。']);
    data.medicalInsurance = {};
    expect(messagesAt(id, data, '/medicalInsurance/known')).toEqual(['「医療保険の保険者番号・被保険者番号など」を選んでください。']);
    data.medicalInsurance = { known: 'わからない（市区町村から確認の連絡を受ける）' };
    expect(validate(id, data).errors).toEqual([]);
  });

  it.each(NINTEI)('%s: the consent to show results to providers is optional', (id) => {
    const data = example(id);
    delete data.consentShareCertificationInfo;
    expect(validate(id, data).errors).toEqual([]);
    expect(validate(id, { ...data, consentShareCertificationInfo: false }).errors).toEqual([]);
  });

  it('the care presets use one label per proxy role', () => {
    const roles = new Set<string>();
    for (const p of presets.filter((x) => x.procedure.id.startsWith('kaigo-'))) {
      for (const r of (p.schema.properties?.applicant?.properties?.applicantType?.enum ?? []) as string[]) roles.add(r);
    }
    expect([...roles].sort()).toEqual(
      [
        'その他（民生委員など）',
        '任意代理人（委任を受けた人）',
        '同じ世帯の家族',
        '家族',
        '提出代行者（事業所・施設）',
        '法定代理人（成年後見人など）',
        '相続人（被保険者が亡くなった場合）',
        '被保険者本人',
      ].sort(),
    );
  });
});

describe('2. 住所移転後の認定', () => {
  const ID = 'kaigo-nintei-tennyu';
  it('sends an application 20 days after the move to the 新規 application', () => {
    const data = example(ID);
    data.moveIn.moveInDate = daysAgo(20);
    const [ja] = messagesAt(ID, data, '/moveIn/moveInDate');
    expect(ja).toMatch(/14日を過ぎているため.*「要介護・要支援認定の申請（新規）」から申請してください。/);
    expect(messagesAt(ID, data, '/moveIn/moveInDate', 'en')[0]).toMatch(/More than 14 days.*new certification/);
    data.moveIn.moveInDate = daysAgo(14);
    expect(validate(ID, data).errors).toEqual([]);
  });
  it('sends an applicant without a 受給資格証明書 to 新規', () => {
    const data = example(ID);
    data.moveIn.hasEligibilityCertificate = false;
    expect(messagesAt(ID, data, '/moveIn/hasEligibilityCertificate')[0]).toMatch(/^受給資格証明書がない場合は.*（新規）」から申請してください。$/);
  });
});

describe('3. 妊娠の届出', () => {
  const ID = 'ninshin-todoke';
  it('requires the 医師又は助産師の氏名 when a diagnosis was made', () => {
    const data = example(ID);
    delete data.diagnosis.practitionerName;
    expect(messagesAt(ID, data, '/diagnosis/practitionerName')).toEqual(['「医師または助産師の氏名」を入力してください。']);
    expect(validate(ID, { ...example(ID), diagnosed: false, diagnosis: undefined }).errors).toEqual([]);
  });
  it('stores the 妊娠月数 derived from the weeks asked, whatever the browser sent', () => {
    const data = { ...example(ID), gestationWeeks: 11, gestationMonths: 7 };
    const outcome = validate(ID, data);
    expect(outcome.errors).toEqual([]);
    expect(outcome.data).toMatchObject({ gestationWeeks: 11, gestationMonths: 3 });
  });
  it('lets a 代理人 file, with a 委任状', () => {
    const data = { ...example(ID), filer: { filerType: '代理人（家族など）' } };
    expect(validate(ID, data).errors.map((e) => e.pointer)).toEqual(expect.arrayContaining(['/filer/name', '/filer/relationship']));
    expect(preset(ID).procedure.attachments.find((a) => a.id === 'powerOfAttorney')).toMatchObject({ condition: { field: 'filer.filerType', equals: '代理人（家族など）' } });
  });
});

describe('4. 児童手当の認定請求', () => {
  const ID = 'jidou-teate-nintei';
  const child = (birthDate: string) => ({
    name: { familyName: '水戸', givenName: '花', familyNameKana: 'ミト', givenNameKana: 'ハナ' },
    birthDate,
    relationship: '子（養子を含む）',
    livingTogether: '同居',
  });
  const older = (birthDate: string) => ({ ...child(birthDate), status: '大学・短大・専門学校などの学生', schoolName: '茨城大学', providesCare: true, bearsLivingCost: true });

  it('takes a DV claimant who claims where she lives, not where her 住民票 is', () => {
    const data: Answers = { ...example(ID), dvEvacuation: true };
    expect(validate(ID, data).errors.map((e) => e.pointer)).toContain('/dvDetails');
    data.dvDetails = {
      residingAddress: { postalCode: '310-8610', prefecture: '茨城県', city: '水戸市', street: '中央一丁目1番1号' },
      registeredMunicipality: '千葉県船橋市',
      proofType: 'まだない（窓口で相談したい）',
      keepAddressConfidential: true,
    };
    expect(validate(ID, data).errors).toEqual([]);
  });

  it('counts three children with one in 大学生年代 (the 確認書 is asked then)', () => {
    const data = example(ID);
    data.children = [child(bornYearsBefore(10)), child(bornYearsBefore(15))];
    data.hasOlderChildren = true;
    data.olderChildren = [older(bornYearsBefore(20))];
    expect(validate(ID, data).errors).toEqual([]);
  });

  it('refuses the 確認書 section when fewer than three children would be counted', () => {
    const data = example(ID);
    data.children = [child(bornYearsBefore(10))];
    data.hasOlderChildren = true;
    data.olderChildren = [older(bornYearsBefore(20))];
    expect(messagesAt(ID, data, '/olderChildren')[0]).toMatch(/^大学生年代のお子さんは、高校生年代までのお子さんと合わせて3人以上になる場合だけ数えます。/);
  });

  it('refuses a child past the 高校生年代 window with a clear message, in Japanese and English', () => {
    const data = example(ID);
    data.children = [child(bornYearsBefore(19))];
    expect(messagesAt(ID, data, '/children/0/birthDate')).toEqual([expect.stringMatching(/^このお子さんは高校生年代（18歳になった後の最初の3月31日まで）を過ぎているため/)]);
    expect(messagesAt(ID, data, '/children/0/birthDate', 'en')).toEqual([expect.stringMatching(/past the high-school age window/)]);
    data.olderChildren = [older(bornYearsBefore(30))];
    data.hasOlderChildren = true;
    data.children = [child(bornYearsBefore(10)), child(bornYearsBefore(12))];
    expect(messagesAt(ID, data, '/olderChildren/0/birthDate')[0]).toMatch(/^大学生年代は、18歳になった後の最初の3月31日を過ぎてから/);
  });
});

describe('5. 児童手当の現況届', () => {
  it('offers 私学共済 like the other 児童手当 presets, asking for the insurance proof as for 厚生年金', () => {
    const genkyo = preset('jidou-teate-genkyo');
    expect(genkyo.schema.properties!.pensionType.enum).toContain('私学共済（私立学校にお勤め）');
    expect(preset('jidou-teate-nintei').schema.properties!.pensionType.enum).toContain('私学共済（私立学校にお勤め）');
    expect(validate('jidou-teate-genkyo', { ...example('jidou-teate-genkyo'), pensionType: '私学共済（私立学校にお勤め）' }).errors).toEqual([]);
    expect(genkyo.procedure.attachments.find((a) => a.id === 'insuranceProof')!.condition).toEqual({ field: 'pensionType', in: ['厚生年金（会社員など）', '私学共済（私立学校にお勤め）'] });
  });
});

describe('6. 保育の支給認定・利用申込', () => {
  it.each(['hoiku-shikyu-nintei', 'hoiku-riyo-moshikomi'])("%s: 世帯員 性別 and 課税の有無 optional; the co-resident other parent's 個人番号 required", (id) => {
    const data = example(id);
    expect(data.otherGuardian.status).toBe('同居している');
    const member = { name: { familyName: '水戸', givenName: '一郎', familyNameKana: 'ミト', givenNameKana: 'イチロウ' }, relationship: '兄', birthDate: '2019-05-05' };
    data.hasOtherMembers = true;
    data.household = [member];
    expect(validate(id, data).errors).toEqual([]);
    data.household = [{ ...member, sex: '男', taxStatus: '非課税' }];
    expect(validate(id, data).errors).toEqual([]);
    data.household = [{ ...member, taxStatus: '少し' }];
    expect(messagesAt(id, data, '/household/0/taxStatus')).toEqual(['選択肢の中から選んでください。']);
    delete data.household;
    data.hasOtherMembers = false;
    delete data.otherGuardian.myNumber;
    expect(messagesAt(id, data, '/otherGuardian/myNumber')).toEqual(['「個人番号（マイナンバー）」を入力してください。']);
    expect(validate(id, { ...data, otherGuardian: { ...data.otherGuardian, status: '別居している' } }).errors).toEqual([]);
  });
});

describe('7. 罹災証明書', () => {
  const ID = 'risai-shomeisho';
  const QUAKE = '地震による全壊（倒壊・大きな傾きなどが外観の写真で分かる）';
  const FLOOD = '浸水の深さ（浸水した高さが写真で分かる）';

  it('drops 「住家以外」 (that is the 被災（届出）証明書)', () => {
    expect(preset(ID).schema.properties!.damagedProperty.properties.propertyType.enum).toEqual(['住家（持ち家）', '住家（借家・賃貸住宅）', 'その他']);
    const data = example(ID);
    data.damagedProperty.propertyType = '住家以外（店舗・倉庫・車庫など）';
    expect(messagesAt(ID, data, '/damagedProperty/propertyType')).toEqual(['選択肢の中から選んでください。']);
  });

  it('offers photo judgement for 地震による全壊 and 浸水深, not only through 自己判定, with photos required', () => {
    const quake = example(ID);
    quake.damage = { ...quake.damage, causes: ['地震'], photoJudgement: QUAKE };
    delete quake.damage.flooding;
    expect(validate(ID, quake).errors).toEqual([]);
    quake.damage.causes = ['暴風'];
    expect(messagesAt(ID, quake, '/damage/causes')).toEqual(['地震による全壊の写真判定は、罹災原因に「地震」を選んだ場合に希望できます。']);
    const flood = example(ID);
    flood.damage.photoJudgement = FLOOD;
    expect(validate(ID, flood).errors).toEqual([]);
    flood.damage.flooding = { level: '床下浸水', depthCm: 20 };
    expect(messagesAt(ID, flood, '/damage/flooding/level')).toEqual(['浸水の深さによる写真判定は、床上浸水の場合に希望できます。']);
    expect(preset(ID).procedure.attachments.find((a) => a.id === 'judgementPhotos')).toMatchObject({ required: 'conditional', condition: { field: 'damage.photoJudgement', in: [QUAKE, FLOOD] } });
  });

  it('requires an identity document when the municipality sets no signature', () => {
    expect(preset(ID).procedure.attachments.find((a) => a.id === 'identityDocument')).toMatchObject({ required: 'optional', requiredWhenSignature: ['none', 'optional'] });
  });
});

describe('8. 負担割合証の再交付', () => {
  const ID = 'kaigo-futan-wariai-saikofu';
  it('asks for the damaged card to be returned on paper instead of as an attachment', () => {
    expect(preset(ID).procedure.attachments.map((a) => a.id)).not.toContain('damagedCertificate');
    const data = example(ID);
    data.reissue = { reason: '破れた・汚れた（破損・汚損）' };
    expect(messagesAt(ID, data, '/reissue/returnDamaged')).toEqual(['「破れた・汚れた負担割合証は、郵送又は窓口で市区町村に返却します」に同意（チェック）してください。']);
    data.reissue.returnDamaged = true;
    expect(validate(ID, data).errors).toEqual([]);
  });
});
