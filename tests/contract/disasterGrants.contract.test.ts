/** The 応援職員 grant storage contract (issue #20): every adapter behaves exactly like this. */
import { randomUUID } from 'node:crypto';
import type { Disaster } from '@madoguchi/shared';
import { grantIsLive, type DisasterGrant } from '../../server/src/storage/disasterGrantTypes';
import { describeContract } from './adapters';
import { disaster } from './fixtures';

const grant = (d: Disaster, over: Partial<DisasterGrant> = {}): DisasterGrant => ({
  id: randomUUID(),
  municipalityCode: d.municipalityCode,
  disasterId: d.id,
  userId: 'u-sapporo',
  homeMunicipalityCode: '011002',
  fromDate: '2026-12-02',
  untilDate: '2026-12-31',
  grantedBy: 'u-mito-admin',
  grantedAt: '2026-12-02T00:00:00.000Z',
  revokedBy: null,
  revokedAt: null,
  ...over,
});

describeContract('disaster grant storage contract', ({ s }) => {
  it('stores grants and lists them by disaster and by account, the latest granted first', async () => {
    const d = disaster();
    const other = disaster();
    await s().disasters.create(d);
    await s().disasters.create(other);
    const first = grant(d);
    const second = grant(d, { userId: 'u-other', grantedAt: '2026-12-03T00:00:00.000Z' });
    const elsewhere = grant(other, { grantedAt: '2026-12-04T00:00:00.000Z' });
    for (const g of [first, second, elsewhere]) await s().disasterGrants.create(g);

    expect(await s().disasterGrants.get(first.id)).toEqual(first);
    expect(await s().disasterGrants.get(randomUUID())).toBeNull();
    expect((await s().disasterGrants.listByDisaster(d.id)).map((g) => g.id)).toEqual([second.id, first.id]);
    expect((await s().disasterGrants.listByUser('u-sapporo')).map((g) => g.id)).toEqual([elsewhere.id, first.id]);
    expect(await s().disasterGrants.listByUser('u-nobody')).toEqual([]);
  });

  it('revokes a grant exactly once and keeps it listed', async () => {
    const d = disaster();
    await s().disasters.create(d);
    const g = grant(d);
    await s().disasterGrants.create(g);
    expect(await s().disasterGrants.revoke(g.id, 'u-mito-admin', '2026-12-05T00:00:00.000Z')).toBe(true);
    expect(await s().disasterGrants.revoke(g.id, 'u-someone', '2026-12-06T00:00:00.000Z')).toBe(false);
    expect(await s().disasterGrants.revoke(randomUUID(), 'u-someone', '2026-12-06T00:00:00.000Z')).toBe(false);
    expect(await s().disasterGrants.get(g.id)).toEqual({ ...g, revokedBy: 'u-mito-admin', revokedAt: '2026-12-05T00:00:00.000Z' });
    expect((await s().disasterGrants.listByDisaster(d.id)).map((x) => x.revokedAt)).toEqual(['2026-12-05T00:00:00.000Z']);
  });
});

describe('grantIsLive', () => {
  const g = grant(disaster());
  it('is live from the first to the last day of its period, both included, until revoked', () => {
    expect(grantIsLive(g, '2026-12-01')).toBe(false);
    expect(grantIsLive(g, '2026-12-02')).toBe(true);
    expect(grantIsLive(g, '2026-12-31')).toBe(true);
    expect(grantIsLive(g, '2027-01-01')).toBe(false);
    expect(grantIsLive({ ...g, revokedAt: '2026-12-05T00:00:00.000Z' }, '2026-12-10')).toBe(false);
  });
});
