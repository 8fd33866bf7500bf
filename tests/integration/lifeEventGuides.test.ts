/**
 * Life-event guides through the API: the national guides for 出生, 介護 and
 * 被災, which of their procedures the municipality takes online, and the
 * evaluation of answers — the same function the resident app runs, so the
 * server's answer equals the browser's for every combination of answers.
 */
import request from 'supertest';
import { evaluateGuide, type LifeEventGuide } from '@madoguchi/shared';
import { buildTestApp } from '../helpers/testApp';
import type { TestApp } from '../helpers/buildApp';
import { makeTempDir } from '../helpers/tempDir';

const MITO = '082015';
let ctx: TestApp;
const dir = makeTempDir();

beforeAll(async () => {
  ctx = await buildTestApp(dir.path);
});
afterAll(async () => {
  await ctx.close();
  dir.remove();
});

const evaluate = (id: string, answers: Record<string, string>) => request(ctx.app).post(`/api/v1/municipalities/${MITO}/guides/${id}/evaluate`).send({ answers });

/** Every combination of answers to a guide's questions (each question answered or not). */
function combinations(guide: LifeEventGuide): Array<Record<string, string>> {
  return guide.questions.reduce<Array<Record<string, string>>>((all, q) => all.flatMap((a) => [a, ...q.options.map((o) => ({ ...a, [q.id]: o }))]), [{}]);
}

describe('life-event guides', () => {
  it('lists the guides for 出生, 介護 and 被災', async () => {
    const res = await request(ctx.app).get(`/api/v1/municipalities/${MITO}/guides`).expect(200);
    expect(res.body.items.map((g: { lifeEvent: string }) => g.lifeEvent)).toEqual(['出生', '介護', '被災']);
    expect(res.body.items[0].procedureIds).toEqual(['jidou-teate-nintei', 'jidou-teate-gaku-kaitei', 'hoiku-shikyu-nintei', 'hoiku-riyo-moshikomi']);
    await request(ctx.app).get('/api/v1/municipalities/999999/guides').expect(404);
  });

  it('a second child while receiving 児童手当: 額の改定, not a new 認定請求; a public servant claims at work', async () => {
    const second = (await evaluate('shussei', { receiving: 'はい', civilServant: 'いいえ', nursery: 'いいえ' }).expect(200)).body.items;
    expect(second.map((i: { procedureId?: string; title?: string }) => i.procedureId ?? i.title)).toEqual(['出生届', '健康保険への加入', 'jidou-teate-gaku-kaitei']);
    expect(second[2]).toMatchObject({ online: true, deadline: expect.stringContaining('15日以内') });
    expect(second[0]).toMatchObject({ online: false, where: '市区町村の戸籍の窓口' });
    const servant = (await evaluate('shussei', { receiving: 'いいえ', civilServant: 'はい', nursery: 'はい' }).expect(200)).body.items;
    expect(servant.map((i: { procedureId?: string; title?: string }) => i.procedureId ?? i.title)).toEqual([
      '出生届',
      '健康保険への加入',
      '勤務先での児童手当の請求',
      'hoiku-shikyu-nintei',
      'hoiku-riyo-moshikomi',
    ]);
  });

  it('adds nothing for a question not answered yet, and refuses an answer that is not an option', async () => {
    const early = (await evaluate('shussei', { receiving: 'いいえ' }).expect(200)).body.items;
    expect(early.map((i: { title?: string }) => i.title)).toEqual(['出生届', '健康保険への加入']);
    const bad = await evaluate('shussei', { receiving: 'たぶん' }).expect(400);
    expect(bad.body.error).toMatchObject({ code: 'bad_answer', message: '質問「receiving」への答えが正しくありません。' });
    await evaluate('nope', {}).expect(404);
  });

  it('gives the same items as the function the browser runs, for every combination of answers to each guide', async () => {
    for (const id of ['shussei', 'hisai']) {
      const { guide, online } = (await request(ctx.app).get(`/api/v1/municipalities/${MITO}/guides/${id}`).expect(200)).body as { guide: LifeEventGuide; online: Record<string, string> };
      for (const answers of combinations(guide)) {
        const server = (await evaluate(id, answers).expect(200)).body.items;
        expect(server).toEqual(evaluateGuide(guide, answers, new Set(Object.keys(online))));
      }
    }
  }, 120_000); // every combination over HTTP: about 17 s on a quiet machine, so the default 30 s failed under load

  it('marks as online only what the municipality takes online', async () => {
    const { online } = (await request(ctx.app).get(`/api/v1/municipalities/${MITO}/guides/kaigo`).expect(200)).body;
    expect(Object.keys(online).sort()).toHaveLength(11);
    expect(online['kaigo-nintei-shinki']).toBe('要介護・要支援認定の申請');
  });
});
