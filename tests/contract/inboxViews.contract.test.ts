/** Saved inbox views and page sizes (issue #21): every adapter behaves exactly like this. */
import { randomUUID } from 'node:crypto';
import type { SavedInboxView } from '../../server/src/storage/inboxViewTypes';
import { describeContract } from './adapters';

const view = (over: Partial<SavedInboxView> = {}): SavedInboxView => ({
  id: randomUUID(),
  municipalityCode: '082015',
  ownerId: 'u-1',
  deskId: null,
  name: '自分の未処理',
  filter: { status: 'received,in-review', assignee: 'me' },
  sort: 'received-asc',
  columns: ['receiptNumber', 'applicant', 'status'],
  createdAt: '2026-12-06T00:00:00.000Z',
  updatedAt: '2026-12-06T00:00:00.000Z',
  ...over,
});

describeContract('inbox view storage contract', ({ s }) => {
  it('lists the user’s personal views and the municipality’s shared ones by name; renames and deletes', async () => {
    const mine = view({ name: 'b 自分' });
    const colleagues = view({ ownerId: 'u-2', name: 'a 他人の個人用' });
    const shared = view({ ownerId: 'u-2', deskId: 'desk-1', name: 'a 共有', sort: null, columns: [] });
    const elsewhere = view({ municipalityCode: '011002', deskId: 'desk-1', name: 'a 札幌' });
    for (const v of [mine, colleagues, shared, elsewhere]) await s().inboxViews.create(v);

    expect(await s().inboxViews.listVisible('082015', 'u-1')).toEqual([shared, mine]);
    expect((await s().inboxViews.listVisible('082015', 'u-2')).map((v) => v.id)).toEqual([colleagues.id, shared.id]);
    expect(await s().inboxViews.get(mine.id)).toEqual(mine);
    expect(await s().inboxViews.get('missing')).toBeNull();

    expect(await s().inboxViews.rename(mine.id, '改名', '2026-12-07T00:00:00.000Z')).toBe(true);
    expect(await s().inboxViews.get(mine.id)).toEqual({ ...mine, name: '改名', updatedAt: '2026-12-07T00:00:00.000Z' });
    expect(await s().inboxViews.rename('missing', 'x', '2026-12-07T00:00:00.000Z')).toBe(false);

    expect(await s().inboxViews.delete(shared.id)).toBe(true);
    expect(await s().inboxViews.delete(shared.id)).toBe(false);
    expect((await s().inboxViews.listVisible('082015', 'u-1')).map((v) => v.id)).toEqual([mine.id]);
  });

  it('remembers one page size per staff member', async () => {
    expect(await s().inboxViews.getPageSize('u-1')).toBeNull();
    await s().inboxViews.setPageSize('u-1', 20, '2026-12-06T00:00:00.000Z');
    await s().inboxViews.setPageSize('u-2', 100, '2026-12-06T00:00:00.000Z');
    await s().inboxViews.setPageSize('u-1', 50, '2026-12-06T01:00:00.000Z');
    expect(await s().inboxViews.getPageSize('u-1')).toBe(50);
    expect(await s().inboxViews.getPageSize('u-2')).toBe(100);
  });
});
