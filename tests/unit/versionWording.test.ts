/** Versions said plainly (issue #21): the three kinds of version never read alike. */
import { versionWording } from '@madoguchi/shared';

describe('versionWording', () => {
  it('says a municipal edition of a national preset with both numbers', () => {
    const v = { owner: '082015', version: 2, basedOn: { presetId: 'risai-shomeisho', presetVersion: 3 } };
    expect(versionWording(v, 'ja', '水戸市')).toBe('水戸市版 第2版（国の様式 第3版に基づく）');
    expect(versionWording(v, 'en', '水戸市')).toBe('水戸市 edition 2 (based on the national form, edition 3)');
  });

  it('says a municipality’s own form and the national preset apart', () => {
    expect(versionWording({ owner: '082015', version: 1 }, 'ja', '水戸市')).toBe('水戸市 独自様式 第1版');
    expect(versionWording({ owner: '082015', version: 1 }, 'en', '水戸市')).toBe("水戸市's own form, edition 1");
    expect(versionWording({ owner: 'preset', version: 1 }, 'ja')).toBe('国の様式 第1版');
    expect(versionWording({ owner: 'preset', version: 1 }, 'en')).toBe('National form, edition 1');
  });

  it('never gives two different versions the same words', () => {
    const all = [
      versionWording({ owner: 'preset', version: 1 }, 'ja'),
      versionWording({ owner: '082015', version: 1 }, 'ja', '水戸市'),
      versionWording({ owner: '082015', version: 1, basedOn: { presetId: 'x', presetVersion: 1 } }, 'ja', '水戸市'),
      versionWording({ owner: '011002', version: 1, basedOn: { presetId: 'x', presetVersion: 1 } }, 'ja', '札幌市'),
    ];
    expect(new Set(all).size).toBe(all.length);
  });

  it('writes a ward’s name without the space the registry keeps', () => {
    expect(versionWording({ owner: '011011', version: 1 }, 'ja', '札幌市 中央区')).toBe('札幌市中央区 独自様式 第1版');
  });
});
