/** The life-event guide storage contract (a municipality's guide versions): every adapter behaves exactly like this. */
import type { LifeEventGuide } from '@madoguchi/shared';
import { ConflictError } from '../../server/src/errors';
import type { NewGuideVersion } from '../../server/src/storage/guideTypes';
import { describeContract } from './adapters';

const guide = (title = '子どもが生まれたとき'): LifeEventGuide => ({
  id: 'shussei',
  lifeEvent: '出生',
  title,
  lead: '質問に答えてください。',
  questions: [],
  items: [{ title: '出生届', reason: '必ず届け出ます。' }],
});
const draft = (over: Partial<NewGuideVersion> = {}): NewGuideVersion => ({
  municipalityCode: '082015',
  guideId: 'shussei',
  version: 1,
  basedOn: 'shussei',
  hidden: false,
  guide: guide(),
  createdAt: '2026-12-01T00:00:00.000Z',
  createdBy: 'u1',
  updatedAt: '2026-12-01T00:00:00.000Z',
  updatedBy: 'u1',
  ...over,
});

describeContract('guide storage contract', ({ s }) => {
  it('inserts a draft and reads it back as saved; a taken version number is refused as stale', async () => {
    const saved = await s().guides.insertDraft(draft());
    expect(saved).toEqual({ ...draft(), status: 'draft', publishedAt: null });
    expect(await s().guides.listVersions('082015', 'shussei')).toEqual([saved]);
    const again = s().guides.insertDraft(draft({ guide: guide('別の題') }));
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    await expect(again).rejects.toMatchObject({ code: 'stale_guide' });
    expect((await s().guides.listVersions('082015', 'shussei'))[0]!.guide.title).toBe('子どもが生まれたとき');
  });

  it('replaces a draft only while it is a draft', async () => {
    await s().guides.insertDraft(draft());
    const changed = await s().guides.replaceDraft('082015', 'shussei', 1, { guide: guide('変更後'), hidden: true, updatedAt: '2026-12-02T00:00:00.000Z', updatedBy: 'u2' });
    expect(changed).toMatchObject({ status: 'draft', hidden: true, updatedBy: 'u2', createdBy: 'u1', guide: { title: '変更後' } });
    await s().guides.publish('082015', 'shussei', 1, '2026-12-03T00:00:00.000Z', 'u3');
    expect(await s().guides.replaceDraft('082015', 'shussei', 1, { guide: guide('公開後'), hidden: false, updatedAt: 'x', updatedBy: 'u2' })).toBeNull();
    expect((await s().guides.listPublished('082015'))[0]!.guide.title).toBe('変更後');
  });

  it('publishes a draft and retires the version published before it, keeping every version', async () => {
    await s().guides.insertDraft(draft());
    const first = await s().guides.publish('082015', 'shussei', 1, '2026-12-02T00:00:00.000Z', 'u2');
    expect(first).toMatchObject({ status: 'published', publishedAt: '2026-12-02T00:00:00.000Z', updatedBy: 'u2' });
    expect(await s().guides.publish('082015', 'shussei', 1, '2026-12-02T00:00:00.000Z', 'u2')).toBeNull();
    await s().guides.insertDraft(draft({ version: 2, guide: guide('第2版') }));
    expect((await s().guides.listLatest('082015')).map((v) => [v.version, v.status])).toEqual([[2, 'draft']]);
    expect((await s().guides.listPublished('082015')).map((v) => v.version)).toEqual([1]);
    await s().guides.publish('082015', 'shussei', 2, '2026-12-03T00:00:00.000Z', 'u2');
    expect((await s().guides.listVersions('082015', 'shussei')).map((v) => [v.version, v.status])).toEqual([
      [1, 'retired'],
      [2, 'published'],
    ]);
    expect((await s().guides.listPublished('082015')).map((v) => v.guide.title)).toEqual(['第2版']);
  });

  it('keeps each municipality and each guide apart', async () => {
    await s().guides.insertDraft(draft());
    await s().guides.insertDraft(draft({ municipalityCode: '131016' }));
    await s().guides.insertDraft(draft({ guideId: 'hikkoshi', basedOn: null }));
    await s().guides.publish('131016', 'shussei', 1, '2026-12-02T00:00:00.000Z', 'u9');
    expect((await s().guides.listLatest('082015')).map((v) => v.guideId)).toEqual(['hikkoshi', 'shussei']);
    expect(await s().guides.listPublished('082015')).toEqual([]);
    expect((await s().guides.listPublished('131016')).map((v) => v.municipalityCode)).toEqual(['131016']);
    expect(await s().guides.listVersions('999999', 'shussei')).toEqual([]);
  });
});
