/**
 * The My Number Card's 基本4情報 in the forms: claims normalised as the card
 * holds them (外字 kept, the address split where the municipality list
 * allows), the marked applicant block filled, locked values guarded; and
 * the canonical bytes a resident signs.
 */
import { applyCardIdentity, changedLockedValues, signatureSummaryJa, signatureView, type CardIdentity } from '@madoguchi/shared';
import { toCardIdentity, splitAddress } from '../../server/src/modules/identity/cardClaims';
import { canonicalBytes, digestInfo, sha256 } from '../../server/src/modules/identity/signing/canonicalApplication';
import { safeReturnPath } from '../../server/src/modules/identity/myNumberCardService';
import { municipalities } from '../helpers/buildApp';

const AT = new Date('2026-12-05T01:00:00Z');

describe('card claims', () => {
  it('keeps 外字 and splits name and address', () => {
    const id = toCardIdentity({ name: '𠮷田　太郎', address: '茨城県水戸市中央一丁目4番1号', birthdate: '19850401', gender: '2' }, municipalities(), AT)!;
    expect(id).toEqual({
      name: '𠮷田　太郎',
      familyName: '𠮷田',
      givenName: '太郎',
      address: '茨城県水戸市中央一丁目4番1号',
      addressParts: { prefecture: '茨城県', city: '水戸市', street: '中央一丁目4番1号' },
      birthdate: '1985-04-01',
      sex: '女',
      verifiedAt: AT.toISOString(),
    });
  });

  it('splits a 郡 town, a designated city ward, and keeps an address it cannot split whole', () => {
    expect(splitAddress('茨城県東茨城郡大洗町磯浜町1-1', municipalities())).toEqual({ prefecture: '茨城県', city: '東茨城郡大洗町', street: '磯浜町1-1' });
    expect(splitAddress('北海道札幌市中央区北1条西2丁目', municipalities())).toEqual({ prefecture: '北海道', city: '札幌市中央区', street: '北1条西2丁目' });
    expect(splitAddress('どこか知らない所1-2', municipalities())).toBeUndefined();
    const whole = toCardIdentity({ name: '単名', address: 'どこか知らない所1-2' }, municipalities(), AT)!;
    expect(whole).toMatchObject({ name: '単名', address: 'どこか知らない所1-2' });
    expect(whole.addressParts).toBeUndefined();
    expect(whole.familyName).toBeUndefined();
    expect(whole.sex).toBeUndefined();
  });

  it('refuses claims without name or address (nothing to fill in)', () => {
    expect(toCardIdentity({ name: '', address: '茨城県水戸市' }, municipalities(), AT)).toBeNull();
  });
});

describe('prefill from the card', () => {
  const ui = { claimant: { 'ui:cardPrefill': { name: 'name', address: 'address', birthdate: 'birthDate', gender: 'sex' }, name: {} } };
  const identity: CardIdentity = { ...toCardIdentity({ name: '𠮷田　太郎', address: '茨城県水戸市中央一丁目4番1号', birthdate: '1985-04-01', gender: 'male' }, municipalities(), AT)! };

  it('fills the marked block, keeping what the resident typed elsewhere, and lists what it filled', () => {
    const { data, prefilled } = applyCardIdentity(ui, { claimant: { phone: '029-224-1111', name: { familyNameKana: 'ヨシダ' } } }, identity);
    expect(data).toEqual({
      claimant: {
        phone: '029-224-1111',
        name: { familyName: '𠮷田', givenName: '太郎', familyNameKana: 'ヨシダ' },
        address: { prefecture: '茨城県', city: '水戸市', street: '中央一丁目4番1号' },
        birthDate: '1985-04-01',
        sex: '男',
      },
    });
    expect(prefilled.map((p) => p.pointer)).toEqual([
      '/claimant/name/familyName',
      '/claimant/name/givenName',
      '/claimant/address/prefecture',
      '/claimant/address/city',
      '/claimant/address/street',
      '/claimant/birthDate',
      '/claimant/sex',
    ]);
    expect(prefilled.every((p) => !p.editable)).toBe(true);
  });

  it('names the locked values a request changed, and none when the procedure lets them be edited', () => {
    const { data } = applyCardIdentity(ui, {}, identity);
    expect(changedLockedValues(ui, data, identity)).toEqual([]);
    const edited = structuredClone(data) as { claimant: { birthDate: string } };
    edited.claimant.birthDate = '1990-01-01';
    expect(changedLockedValues(ui, edited, identity)).toEqual(['/claimant/birthDate']);
    const editable = { claimant: { 'ui:cardPrefill': { ...ui.claimant['ui:cardPrefill'], editable: true } } };
    expect(changedLockedValues(editable, edited, identity)).toEqual([]);
  });
});

describe('what a resident signs', () => {
  const app = { municipalityCode: '082015', procedure: { owner: 'preset', id: 'jidou-teate-nintei', version: 3 }, data: { b: 1, a: { y: '髙', x: [2, 1] } }, attachments: { bankProof: ['ab'] } };

  it('is the same bytes whatever the key order (RFC 8785), and differs when an answer changes', () => {
    const reordered = { ...app, data: { a: { x: [2, 1], y: '髙' }, b: 1 } };
    expect(canonicalBytes(reordered).equals(canonicalBytes(app))).toBe(true);
    expect(canonicalBytes(app).toString('utf8')).toBe(
      '{"attachments":{"bankProof":["ab"]},"data":{"a":{"x":[2,1],"y":"髙"},"b":1},"format":"madoguchi-application/1","municipalityCode":"082015","procedure":{"id":"jidou-teate-nintei","owner":"preset","version":3}}',
    );
    expect(canonicalBytes({ ...app, data: { ...app.data, b: 2 } }).equals(canonicalBytes(app))).toBe(false);
  });

  it('wraps the SHA-256 digest in a DER DigestInfo', () => {
    const info = digestInfo(sha256(Buffer.from('abc')));
    expect(info.toString('hex')).toBe('3031300d060960864801650304020105000420' + 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

it('returns residents only to paths of this site', () => {
  expect(safeReturnPath('/082015/risai-shomeisho/apply?step=2')).toBe('/082015/risai-shomeisho/apply?step=2');
  for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', 42, undefined]) expect(safeReturnPath(bad)).toBe('/');
});

it('says in Japanese what was verified, for the PDF and the CSV column 電子署名', () => {
  const record = {
    status: 'verified_no_revocation' as const,
    signerName: '𠮷田　太郎',
    certificateSerial: '1004',
    certificateIssuer: 'CN=Test',
    certificateValidTo: '2030-01-01T00:00:00.000Z',
    signedAt: '2026-12-05T01:00:00.000Z',
    lastVerifiedAt: '2026-12-05T01:00:00.000Z',
    revocation: 'not_checked' as const,
    contentDigest: 'ab',
    signatureValue: '',
    certificate: '',
  };
  const time = (iso: string) => `JST(${iso.slice(0, 10)})`;
  expect(signatureSummaryJa(undefined, time)).toEqual(['なし']);
  expect(signatureSummaryJa(record, time)).toEqual(['署名検証済（失効確認なし）', '署名者：𠮷田　太郎', '証明書シリアル：1004', '署名日時：JST(2026-12-05)']);
  expect(signatureSummaryJa({ ...record, status: 'invalid', failure: 'untrusted_issuer' }, time)[0]).toBe('署名検証失敗（untrusted_issuer）');
  expect(signatureView('required', record)).toMatchObject({ status: 'verified_no_revocation', signerName: '𠮷田　太郎' });
  expect(signatureView('required', record)).not.toHaveProperty('certificate');
});
