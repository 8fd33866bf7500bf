/** The 罹災証明書 storage contract: every adapter numbers, finds and withdraws certificates exactly like this. */
import { randomUUID } from 'node:crypto';
import type { CertificateDraft } from '../../server/src/storage/certificateTypes';
import { describeContract } from './adapters';
import { submission } from './fixtures';

const draft = (submissionId: string, over: Partial<CertificateDraft> = {}): CertificateDraft => ({
  id: randomUUID(),
  municipalityCode: '082015',
  year: 2026,
  submissionId,
  disasterId: 'd1',
  receiptNumber: 'R-1',
  damageLevel: '半壊',
  facts: {
    householderName: '水戸 太郎',
    householderAddress: '茨城県水戸市笠原町978-6',
    propertyAddress: '茨城県水戸市笠原町978-6',
    disasterName: '令和8年台風第14号による大雨',
    disasterDate: '2026-09-20',
    cause: '暴風・豪雨',
    municipalityName: '水戸市',
    headTitle: '水戸市長',
  },
  codeHash: 'hash',
  issuedAt: '2026-12-05T00:00:00.000Z',
  issuedBy: 'u-staff',
  withdrawnAt: null,
  withdrawnBy: null,
  withdrawnReason: null,
  ...over,
});

const finish = (serial: number) => ({ number: `令和8年 第${String(serial).padStart(6, '0')}号`, fingerprint: `fp${serial}` });

describeContract('certificate storage contract', ({ s }) => {
  it('numbers per municipality and year, returns the standing certificate on a second issue, and finds by number across municipalities', async () => {
    const subs = [submission(), submission(), submission()];
    for (const sub of subs) await s().submissions.insert(sub);
    const a = await s().certificates.issue(draft(subs[0]!.id), finish);
    const again = await s().certificates.issue(draft(subs[0]!.id), finish);
    const b = await s().certificates.issue(draft(subs[1]!.id), finish);
    const otherTown = await s().certificates.issue(draft(subs[2]!.id, { municipalityCode: '011002' }), finish);
    const nextYear = await s().certificates.issue(draft(subs[2]!.id, { year: 2027 }), finish);
    expect([a.created, again.created, b.created, otherTown.created, nextYear.created]).toEqual([true, false, true, true, false]);
    expect(again.certificate).toEqual(a.certificate);
    expect([a.certificate.serial, b.certificate.serial, otherTown.certificate.serial]).toEqual([1, 2, 1]);
    expect(a.certificate).toMatchObject({ number: '令和8年 第000001号', fingerprint: 'fp1', facts: { householderName: '水戸 太郎' }, withdrawnAt: null });
    expect((await s().certificates.findByNumber(2026, 1)).map((c) => c.municipalityCode)).toEqual(['011002', '082015']);
    expect(await s().certificates.findByNumber(2026, 9)).toEqual([]);
    expect(await s().certificates.get(b.certificate.id)).toEqual(b.certificate);
    expect(await s().certificates.get('missing')).toBeNull();
  });

  it('withdraws once; the application can then have a new certificate, which is its latest', async () => {
    const sub = submission();
    await s().submissions.insert(sub);
    const first = (await s().certificates.issue(draft(sub.id), finish)).certificate;
    const withdrawn = await s().certificates.withdraw(first.id, '2026-12-06T00:00:00.000Z', 'u-admin', '調査結果の訂正');
    expect(withdrawn).toMatchObject({ withdrawnAt: '2026-12-06T00:00:00.000Z', withdrawnBy: 'u-admin', withdrawnReason: '調査結果の訂正' });
    expect(await s().certificates.withdraw(first.id, '2026-12-07T00:00:00.000Z', 'u-admin', 'again')).toBeNull();
    expect(await s().certificates.latestFor(sub.id)).toEqual(withdrawn);
    const second = await s().certificates.issue(draft(sub.id, { issuedAt: '2026-12-07T00:00:00.000Z', damageLevel: '全壊' }), finish);
    expect(second.created).toBe(true);
    expect(second.certificate.serial).toBe(first.serial + 1);
    expect((await s().certificates.latestFor(sub.id))?.id).toBe(second.certificate.id);
    expect(await s().certificates.latestFor('none')).toBeNull();
  });
});
