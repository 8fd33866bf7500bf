/** The draft part of the storage contract (resume links), for every adapter. */
import { describeContract } from './adapters';
import type { Draft } from '../../server/src/storage/types';

const draft = (overrides: Partial<Draft> = {}): Draft => ({
  id: 'draft-1',
  municipalityCode: '082015',
  procedureId: 'risai-shomeisho',
  formVersion: 1,
  secretHash: 'c'.repeat(64),
  payload: JSON.stringify({ data: { householder: { name: { familyName: '水戸' } } } }),
  createdAt: '2026-11-23T00:00:00.000Z',
  updatedAt: '2026-11-23T00:00:00.000Z',
  expiresAt: '2026-12-23T00:00:00.000Z',
  ...overrides,
});

describeContract('draft storage contract', ({ s }) => {
  it('saves, replaces, expires and deletes drafts', async () => {
    const { drafts } = s();
    const now = new Date('2026-11-24T00:00:00Z');
    await drafts.save(draft());
    expect(await drafts.get('draft-1', now)).toEqual(draft());
    await drafts.save(draft({ payload: '{"data":{}}', updatedAt: '2026-11-24T00:00:00.000Z', createdAt: '2030-01-01T00:00:00.000Z' }));
    const replaced = await drafts.get('draft-1', now);
    expect(replaced).toMatchObject({ payload: '{"data":{}}', updatedAt: '2026-11-24T00:00:00.000Z', createdAt: '2026-11-23T00:00:00.000Z' });
    expect(await drafts.get('draft-1', new Date('2026-12-24T00:00:00Z'))).toBeNull();
    await drafts.save(draft({ id: 'old', expiresAt: '2026-11-01T00:00:00.000Z' }));
    expect(await drafts.deleteExpired(now)).toBe(1);
    await drafts.delete('draft-1');
    expect(await drafts.get('draft-1', now)).toBeNull();
  });
});
