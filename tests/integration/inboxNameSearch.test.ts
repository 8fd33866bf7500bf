/**
 * Names as Japanese offices need them (issue #21), through real HTTP: the
 * inbox search finds 髙橋 from 高橋 and 𠮷田 from 吉田 (and the other way round),
 * in either width; names indexed before the folding existed are folded at start-up.
 */
import { refoldStoredNames } from '../../server/src/modules/inbox/applicantIndex';
import { buildInboxApp, MITO, risaiData, setHouseholder, signIn, submit, type InboxApp } from '../helpers/inboxApp';

describe('inbox name search folds variant kanji and width', () => {
  let ctx: InboxApp;
  let clerk: Awaited<ReturnType<typeof signIn>>;
  let takahashi: string;
  let yoshida: string;
  let watanabe: string;
  const search = async (q: string) => (await clerk.client.get(`/municipalities/${MITO}/inbox?q=${encodeURIComponent(q)}`).expect(200)).body.items.map((i: { id: string }) => i.id).sort();

  beforeAll(async () => {
    ctx = await buildInboxApp();
    clerk = await signIn(ctx, 'staff', MITO);
    takahashi = (
      await submit(
        ctx,
        risaiData((d) => setHouseholder(d, '髙橋', '一郎', 'タカハシ', 'イチロウ')),
      )
    ).id;
    yoshida = (
      await submit(
        ctx,
        risaiData((d) => setHouseholder(d, '𠮷田', '花子', 'ヨシダ', 'ハナコ')),
      )
    ).id;
    watanabe = (
      await submit(
        ctx,
        risaiData((d) => setHouseholder(d, '渡辺', '次郎', 'ワタナベ', 'ジロウ')),
      )
    ).id;
  });
  afterAll(() => ctx.close());

  it('finds 髙橋 from 高橋 and 𠮷田 from 吉田', async () => {
    expect(await search('高橋')).toEqual([takahashi]);
    expect(await search('吉田')).toEqual([yoshida]);
    expect(await search('高橋 一郎')).toEqual([takahashi]);
  });

  it('finds 渡辺 from 渡邊 and 渡邉, and the variants from themselves', async () => {
    expect(await search('渡邊')).toEqual([watanabe]);
    expect(await search('渡邉')).toEqual([watanabe]);
    expect(await search('髙橋')).toEqual([takahashi]);
    expect(await search('𠮷田花子')).toEqual([yoshida]);
  });

  it('folds width: full-width spaces and half-width kana readings', async () => {
    expect(await search('高橋　一郎')).toEqual([takahashi]);
    expect(await search('ﾀｶﾊｼ')).toEqual([takahashi]);
    expect(await search('ﾖｼﾀﾞ ﾊﾅｺ')).toEqual([yoshida]);
  });

  it('keeps only the folded name in clear: the list shows it, the answers keep what was typed', async () => {
    const list = (await clerk.client.get(`/municipalities/${MITO}/inbox?q=${encodeURIComponent('高橋')}`).expect(200)).body.items;
    expect(list[0].applicantName).toBe('高橋一郎');
    const view = (await clerk.client.get(`/municipalities/${MITO}/submissions/${takahashi}`).expect(200)).body;
    expect(view.answers.find((a: { pointer: string }) => a.pointer === '/householder/name/familyName').value).toBe('髙橋');
  });

  it('folds, at start-up, names stored before the folding existed', async () => {
    const old = await submit(
      ctx,
      risaiData((d) => setHouseholder(d, '齋藤', '三郎', 'サイトウ', 'サブロウ')),
    );
    // Put the row back as an earlier release stored it (NFKC only), through the same port.
    await ctx.storage.inbox.refoldApplicantNames((name) => (name === '斎藤三郎' ? '齋藤三郎' : name));
    expect((await ctx.storage.inbox.getMeta(old.id))!.applicantName).toBe('齋藤三郎');
    expect(await search('斎藤')).toEqual([]);
    expect(await refoldStoredNames(ctx.storage)).toBe(1);
    expect(await search('斎藤')).toEqual([old.id]);
    expect(await search('齊藤')).toEqual([old.id]);
    // Once per table: the next start does not read every stored name again.
    await ctx.storage.inbox.refoldApplicantNames((name) => (name === '斎藤三郎' ? '齋藤三郎' : name));
    expect(await refoldStoredNames(ctx.storage)).toBe(0);
    expect((await ctx.storage.inbox.getMeta(old.id))!.applicantName).toBe('齋藤三郎');
  });
});
