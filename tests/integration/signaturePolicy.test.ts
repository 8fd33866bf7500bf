/**
 * The signature policy belongs to the municipality: it is chosen on the
 * adoption (stored with its edit layer), published with the procedure, and
 * when nobody signs the 罹災証明書 asks for an identity document (an
 * attachment the preset requires under that policy, checked by intake).
 */
import request from 'supertest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { EditOp } from '@madoguchi/shared';
import { syncPresets } from '../../server/src/modules/procedures/presetSync';
import { allPresets } from '../helpers/testApp';
import { buildAuthApp, makeUser, MITO, StaffClient, type AuthApp } from '../helpers/staffAuth';
import type { Answers } from '../helpers/answers';

const RISAI = 'risai-shomeisho';
const GAKU = 'jidou-teate-gaku-kaitei';
const cat = `/municipalities/${MITO}/catalog`;
const example = (id: string) => structuredClone(allPresets().find((p) => p.procedure.id === id)!.example!) as Answers;
const photo = readFileSync(join(__dirname, '..', 'fixtures', 'photo.png'));
let n = 0;
const op = <T extends Omit<EditOp, 'id'>>(o: T) => ({ id: `s${++n}`, ...o }) as unknown as EditOp;

describe('signature policy chosen per municipality', () => {
  let ctx: AuthApp;
  let clerk: StaffClient;

  beforeAll(async () => {
    ctx = await buildAuthApp({ LOGIN_RATE_LIMIT: '1000' });
    await syncPresets(ctx.storage, allPresets());
    clerk = new StaffClient(ctx.app);
    expect((await clerk.login((await makeUser(ctx.storage, 'municipal-admin', MITO)).email)).status).toBe(200);
  });
  afterAll(() => ctx.close());

  const choose = async (presetId: string, policy: 'required' | 'optional' | 'none') => {
    const view = (await clerk.post(`${cat}/adoptions`, { presetId })).body;
    const current = (await clerk.get(`${cat}/adoptions/${presetId}`).expect(200)).body.layer;
    const ops = [...current.ops.filter((o: EditOp) => o.type !== 'setSignaturePolicy'), op({ type: 'setSignaturePolicy', policy })];
    const saved = await clerk.send('put', `${cat}/adoptions/${presetId}/edits`, { ops, revision: current.revision ?? view.layer.revision }).expect(200);
    await clerk.post(`${cat}/adoptions/${presetId}/publish`).expect(201);
    return saved.body;
  };
  const submitRisai = (body: Record<string, unknown>, language?: string) => {
    const req = request(ctx.app).post(`/api/v1/municipalities/${MITO}/procedures/${RISAI}/submissions`);
    return (language ? req.set('Accept-Language', language) : req).send(body);
  };

  it('lets a municipality turn off the signature a preset only recommends (額改定: recommended required)', async () => {
    expect(allPresets().find((p) => p.procedure.id === GAKU)!.procedure.signaturePolicy).toBe('required');
    const saved = await choose(GAKU, 'none');
    expect(saved.document.procedure.signaturePolicy).toBe('none');
    const detail = await request(ctx.app).get(`/api/v1/municipalities/${MITO}/procedures/${GAKU}`).expect(200);
    expect(detail.body.procedure.signaturePolicy).toBe('none');
  });

  it('with no signature, refuses a 罹災証明書 without an identity document, in Japanese and English', async () => {
    await choose(RISAI, 'none');
    const ja = await submitRisai({ data: example(RISAI) }).expect(422);
    expect(ja.body.error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/attachments/identityDocument', message: '「本人確認書類」を添付してください。' })]));
    const en = await submitRisai({ data: example(RISAI), language: 'en' }, 'en').expect(422);
    expect(en.body.error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/attachments/identityDocument', message: 'Attach "Proof of identity".' })]));
  });

  it('with no signature, accepts it with the identity document', async () => {
    const uploadToken = randomBytes(18).toString('base64url');
    const up = await request(ctx.app)
      .post(`/api/v1/municipalities/${MITO}/uploads`)
      .set('X-Upload-Token', uploadToken)
      .field('procedureId', RISAI)
      .field('attachmentId', 'identityDocument')
      .attach('file', photo, '運転免許証.png')
      .expect(201);
    await submitRisai({ data: example(RISAI), attachments: { identityDocument: [up.body.fileId] }, uploadToken }).expect(201);
  });

  it('with a required signature, does not ask for the identity document', async () => {
    await choose(RISAI, 'required');
    await submitRisai({ data: example(RISAI) }).expect(201);
  });
});
