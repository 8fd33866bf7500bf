/**
 * My Number Card sign-in and electronic signatures end to end, through real
 * HTTP against the デジタル認証アプリ stand-in started in this process
 * (oidc-provider speaking the documented endpoints; a test PKI made here: a
 * root, a 署名用 intermediate, residents' certificates with 外字 in name and
 * address). The real service was not reachable from here.
 */
import { makeUser, StaffClient } from '../helpers/staffAuth';
import { pdfText } from '../helpers/pdfText';
import { throughProvider as throughProviderTo } from '../helpers/providerBrowser';
import request from 'supertest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { applyCardIdentity, type CardIdentity } from '@madoguchi/shared';
import type { KeyObject } from 'node:crypto';
import { buildTestApp } from '../helpers/testApp';
import type { TestApp } from '../helpers/buildApp';
import { makeTempDir } from '../helpers/tempDir';
import { freshExample } from '../helpers/presetExamples';
import { allPresets } from '../helpers/testApp';
import { makeCa, makeSigningCertificate, makeTestPki } from '../../server/src/tools/mynaStandIn/testCertificates';
import { startStandIn, type StandIn, type TestPerson } from '../../server/src/tools/mynaStandIn/standInProvider';

const PUBLIC_URL = 'http://madoguchi.test';
const CLIENT = { clientId: 'madoguchi-rp', clientSecret: 'a-long-client-secret-for-the-stand-in' };
const MITO = '082015';
const NAME = '𠮷田　太郎'; // 𠮷 (U+20BB7) is outside JIS X 0208
const ADDRESS = '茨城県水戸市中央一丁目4番1号　髙島ハイツ101';

describe('My Number Card: sign-in with 基本4情報 and signatures (デジタル認証アプリ stand-in)', () => {
  let idp: StandIn;
  let ctx: TestApp;
  let holder = 'resident';
  let signTarget: ((d: Buffer) => Buffer) | undefined;
  const dir = makeTempDir();

  beforeAll(async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'info').mockImplementation(() => undefined);
    const pki = await makeTestPki();
    const person = async (sub: string, cert: Promise<{ certificate: Buffer; privateKey: KeyObject }>, name = NAME): Promise<TestPerson> => {
      const c = await cert;
      return { sub, claims: { name, address: ADDRESS, birthdate: '1985-04-01', gender: 'male' }, certificate: c.certificate, privateKey: c.privateKey };
    };
    const strangerCa = await makeCa('CN=Unknown CA');
    const long = { from: new Date(Date.now() - 3 * 365 * 86_400_000), to: new Date(Date.now() - 86_400_000) };
    const people = [
      await person('resident', makeSigningCertificate(NAME, pki.signingCa)),
      await person('stranger', makeSigningCertificate('知らない 人', strangerCa), '知らない 人'),
      await person('expired', makeSigningCertificate('期限 切れ', pki.signingCa, long), '期限 切れ'),
    ];
    const anchors = join(dir.path, 'anchors.pem');
    writeFileSync(anchors, pki.anchorsPem);
    idp = await startStandIn({
      client: { ...CLIENT, redirectUris: [`${PUBLIC_URL}/api/v1/resident/card/callback`] },
      people,
      autoApprove: true,
      choosePerson: () => holder,
      signTarget: (d) => (signTarget ? signTarget(d) : d),
      resultKey: async () => (await request(ctx.app).get('/api/v1/resident/card/jwks').expect(200)).body.keys[0] as JWK,
    });
    ctx = await buildTestApp(join(dir.path, 'data'), undefined, undefined, undefined, {
      PUBLIC_URL,
      MYNA_ISSUER: idp.issuer,
      MYNA_CLIENT_ID: CLIENT.clientId,
      MYNA_CLIENT_SECRET: CLIENT.clientSecret,
      MYNA_TRUST_ANCHORS: anchors,
    });
  });
  afterAll(async () => {
    await ctx.close();
    await idp.close();
    dir.remove();
  });
  beforeEach(() => {
    holder = 'resident';
    signTarget = undefined;
  });

  const throughProvider = (url: string) => throughProviderTo(url, PUBLIC_URL);

  const example = (id: string) => freshExample(structuredClone(allPresets().find((p) => p.procedure.id === id)!.example)) as Record<string, unknown>;
  const submit = (agent: ReturnType<typeof request.agent>, id: string, body: object) => agent.post(`/api/v1/municipalities/${MITO}/procedures/${id}/submissions`).send(body);

  const UPLOAD_TOKEN = 'card-test-upload-token-0123456789';
  /** 児童手当の認定請求 needs two attachments: uploaded under one token, their hashes are part of what is signed. */
  async function attachments(app = ctx.app): Promise<Record<string, string[]>> {
    const ids: Record<string, string[]> = {};
    for (const attachmentId of ['bankProof', 'healthInsurance']) {
      const res = await request(app)
        .post(`/api/v1/municipalities/${MITO}/uploads`)
        .set('X-Upload-Token', UPLOAD_TOKEN)
        .field('procedureId', 'jidou-teate-nintei')
        .field('attachmentId', attachmentId)
        .attach('file', Buffer.from(`%PDF-1.4\n% ${attachmentId} ${Math.random()}\n%%EOF\n`), `${attachmentId}.pdf`)
        .expect(201);
      ids[attachmentId] = [res.body.fileId as string];
    }
    return ids;
  }

  /** The example answers as the form fills them after sign-in: the card's 基本4情報 in the marked block. */
  async function prefilled(agent: ReturnType<typeof request.agent>, id: string) {
    const { identity } = (await agent.get('/api/v1/resident/card').expect(200)).body as { identity: CardIdentity };
    const version = allPresets().find((p) => p.procedure.id === id)!;
    return applyCardIdentity(version.uiSchema, example(id), identity).data;
  }

  async function signIn() {
    const agent = request.agent(ctx.app);
    const start = await agent
      .get('/api/v1/resident/card/login')
      .query({ returnTo: `/${MITO}/jidou-teate-nintei/apply` })
      .expect(302);
    const authorize = new URL(start.headers.location!);
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('scope')).toBe('openid name address birthdate gender');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    const back = await throughProvider(authorize.href);
    const landed = await agent.get(back).expect(303);
    return { agent, location: landed.headers.location as string };
  }

  async function sign(agent: ReturnType<typeof request.agent>, id: string, data: Record<string, unknown>, files: Record<string, string[]> = {}) {
    const started = await agent
      .post('/api/v1/resident/card/sign')
      .send({ municipalityCode: MITO, procedureId: id, data, attachments: files, returnTo: `/${MITO}/${id}/apply` })
      .expect(200);
    const authorize = new URL(started.body.url);
    expect(authorize.searchParams.get('scope')).toBe('openid sign');
    const back = await throughProvider(authorize.href);
    const landed = await agent.get(back);
    expect(landed.status).toBe(303);
    return { location: landed.headers.location as string, callback: back };
  }

  it('signs in with the card: the 基本4情報 come back as the card holds them, 外字 included, the address split where it can', async () => {
    const agent = request.agent(ctx.app);
    expect((await agent.get('/api/v1/resident/card').expect(200)).body).toEqual({ available: true, identity: null });
    const before = request.agent(ctx.app);
    const start = await before.get('/api/v1/resident/card/login').expect(302);
    const cookieBefore = String(start.headers['set-cookie']).split(';')[0];
    const back = await before.get(await throughProvider(start.headers.location!)).expect(303);
    // Signing in starts a new session id: the one handed out before sign-in no longer holds anything.
    expect(String(back.headers['set-cookie']).split(';')[0]).not.toBe(cookieBefore);
    expect((await request(ctx.app).get('/api/v1/resident/card').set('Cookie', cookieBefore!).expect(200)).body.identity).toBeNull();
    const { agent: signedIn, location } = await signIn();
    expect(location).toBe(`/${MITO}/jidou-teate-nintei/apply`);
    const { identity } = (await signedIn.get('/api/v1/resident/card').expect(200)).body;
    expect(identity).toMatchObject({
      name: NAME,
      familyName: '𠮷田',
      givenName: '太郎',
      address: ADDRESS,
      addressParts: { prefecture: '茨城県', city: '水戸市', street: '中央一丁目4番1号　髙島ハイツ101' },
      birthdate: '1985-04-01',
      sex: '男',
    });
    // The claims rest sealed: neither the database nor its write-ahead log holds the name or address in clear text.
    const onDisk = ['madoguchi.sqlite', 'madoguchi.sqlite-wal']
      .map((f) => join(ctx.dataDir, f))
      .filter(existsSync)
      .map((f) => readFileSync(f));
    expect(onDisk.length).toBeGreaterThan(0);
    for (const bytes of onDisk) {
      expect(bytes.includes(Buffer.from('𠮷田'))).toBe(false);
      expect(bytes.includes(Buffer.from('髙島ハイツ'))).toBe(false);
    }
    await signedIn.post('/api/v1/resident/card/logout').expect(204);
    expect((await signedIn.get('/api/v1/resident/card').expect(200)).body.identity).toBeNull();
  });

  it('signs 児童手当の認定請求 and stores the verified signature with the submission; re-verification agrees', async () => {
    const { agent } = await signIn();
    const data = await prefilled(agent, 'jidou-teate-nintei');
    expect(data.claimant).toMatchObject({ name: { familyName: '𠮷田', givenName: '太郎' }, birthDate: '1985-04-01', sex: '男' });
    // A locked card value changed in the request is refused, whatever the signature.
    const edited = structuredClone(data) as { claimant: { birthDate: string } };
    edited.claimant.birthDate = '1990-01-01';
    const files = await attachments();
    const locked = await submit(agent, 'jidou-teate-nintei', { data: edited, attachments: files, uploadToken: UPLOAD_TOKEN }).expect(422);
    expect(locked.body.error.message).toContain('マイナンバーカードから入力した項目は変更できません');
    const { location } = await sign(agent, 'jidou-teate-nintei', data, files);
    const handle = new URL(location, PUBLIC_URL).searchParams.get('signature');
    expect(handle).toBeTruthy();
    const res = await submit(agent, 'jidou-teate-nintei', { data, attachments: files, uploadToken: UPLOAD_TOKEN, signature: handle });
    expect(res.body).toMatchObject({ receiptNumber: expect.any(String) });
    const stored = (await ctx.storage.submissions.findByReceiptNumber(res.body.receiptNumber))!;
    expect(stored.evidence?.identity).toMatchObject({ method: 'myna-card' });
    expect(stored.evidence?.signature).toMatchObject({ status: 'verified_no_revocation', signerName: NAME, revocation: 'not_checked' });
    expect(stored.evidence?.signature?.certificateSerial).toMatch(/^[0-9A-F]+$/);
    // The clerk's inbox view and the PDF copy say who signed, as the certificate states it, and what was verified.
    const view = await ctx.services.desk.inbox.view({ kind: 'staff', userId: 'clerk', municipalityCode: MITO }, stored.id, 'ja');
    expect(view.signature).toMatchObject({ policy: 'required', status: 'verified_no_revocation', signerName: NAME, revocation: 'not_checked' });
    expect(view.identity).toMatchObject({ method: 'myna-card' });
    const pdf = await request(ctx.app)
      .get(`/api/v1/submissions/${res.body.receiptNumber}/pdf`)
      .set('X-Receipt-Secret', res.body.secret)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    const lines = pdfText(pdf.body as Buffer).join('\n');
    expect(lines).toContain('本人確認：マイナンバーカード（利用者証明用電子証明書）');
    expect(lines).toContain('電子署名：署名検証済（失効確認なし）');
    expect(lines).toContain(`署名者：${NAME}`);
    expect(lines).toContain(`証明書シリアル：${stored.evidence!.signature!.certificateSerial}`);
    // 「署名を再検証」 by a clerk: verified again, kept, and audited.
    const clerk = await makeUser(ctx.storage, 'staff', MITO);
    const staff = new StaffClient(ctx.app);
    await staff.login(clerk.email);
    const again = await staff.post(`/municipalities/${MITO}/submissions/${stored.id}/signature/verify`).expect(200);
    expect(again.body).toMatchObject({ policy: 'required', status: 'verified_no_revocation', signerName: NAME });
    expect((await ctx.storage.audit.list({ targetId: stored.id, limit: 5 })).map((e) => e.action)).toContain('submission.signature.reverified');
    // A correction that changes the answers of a procedure that requires a signature is signed again.
    const on = `/municipalities/${MITO}/submissions/${stored.id}`;
    await staff.post(`${on}/status`, { to: 'in-review' }).expect(200);
    await staff.post(`${on}/correction-request`, { message: '電話番号をご確認ください。', fields: ['/claimant/phone'], expected: 'in-review' }).expect(200);
    const correction = { changes: { '/claimant/phone': '029-000-1111' } };
    const answer = (body: object) => agent.post(`/api/v1/submissions/${res.body.receiptNumber}/correction`).set('X-Receipt-Secret', res.body.secret).send(body);
    expect((await answer(correction).expect(422)).body.error.code).toBe('signature_required');
    const statusPage = `/status/${res.body.receiptNumber}#${res.body.secret}`;
    const started = await agent
      .post(`/api/v1/submissions/${res.body.receiptNumber}/correction/sign`)
      .set('X-Receipt-Secret', res.body.secret)
      .send({ ...correction, returnTo: statusPage })
      .expect(200);
    const landed = await agent.get(await throughProvider(started.body.url)).expect(303);
    // The handle goes into the query, before the fragment that holds the status secret.
    expect(landed.headers.location).toMatch(new RegExp(`^/status/${res.body.receiptNumber}\\?signature=[\\w-]+#${res.body.secret}$`));
    const again2 = new URL(landed.headers.location!, PUBLIC_URL).searchParams.get('signature');
    // Signed over the corrected answers: other answers are refused, these are taken and the new signature stands.
    expect((await answer({ changes: { '/claimant/phone': '029-999-9999' }, signature: again2 }).expect(422)).body.error.code).toBe('signature_other_content');
    await answer({ ...correction, signature: again2 }).expect(200);
    const corrected = await ctx.services.desk.inbox.view({ kind: 'staff', userId: 'clerk', municipalityCode: MITO }, stored.id, 'ja');
    expect(corrected.signature).toMatchObject({ status: 'verified_no_revocation', signerName: NAME });
    expect((await ctx.storage.submissions.findById(stored.id))!.evidence!.signature!.contentDigest).not.toBe(stored.evidence!.signature!.contentDigest);
    // The handle is one-time: a second submission with it is refused.
    const reuse = await submit(agent, 'jidou-teate-nintei', { data, attachments: await attachments(), uploadToken: UPLOAD_TOKEN, signature: handle }).expect(422);
    expect(reuse.body.error.code).toBe('signature_unknown');
    // Answers changed after storing: re-verification says invalid.
    const tampered = await ctx.services.card!.service.reverify({ ...stored, data: { ...stored.data, claimReason: 'x' } });
    expect(tampered).toMatchObject({ status: 'invalid', failure: 'signature_mismatch' });
  });

  it('refuses answers changed after signing, and a required signature that is missing, storing nothing', async () => {
    const { agent } = await signIn();
    const data = await prefilled(agent, 'jidou-teate-nintei');
    const files = await attachments();
    const { location } = await sign(agent, 'jidou-teate-nintei', data, files);
    const handle = new URL(location, PUBLIC_URL).searchParams.get('signature');
    const before = await ctx.storage.submissions.count(MITO);
    const changed = structuredClone(data) as { claimant: { phone: string } };
    changed.claimant.phone = '029-000-0000';
    const other = await submit(agent, 'jidou-teate-nintei', { data: changed, attachments: files, uploadToken: UPLOAD_TOKEN, signature: handle }).expect(422);
    expect(other.body.error.code).toBe('signature_other_content');
    expect(other.body.error.message).toContain('署名した後に申請内容が変わりました');
    const swapped = { ...files, bankProof: (await attachments()).bankProof! };
    const otherFile = await submit(agent, 'jidou-teate-nintei', { data, attachments: swapped, uploadToken: UPLOAD_TOKEN, signature: handle }).expect(422);
    expect(otherFile.body.error.code).toBe('signature_other_content');
    const missing = await submit(agent, 'jidou-teate-nintei', { data, attachments: files, uploadToken: UPLOAD_TOKEN }).expect(422);
    expect(missing.body.error.code).toBe('signature_required');
    expect(await ctx.storage.submissions.count(MITO)).toBe(before);
  });

  it.each([
    ['a certificate from an unknown CA', () => (holder = 'stranger')],
    ['an expired certificate', () => (holder = 'expired')],
    ['a signature over another digest', () => (signTarget = (d: Buffer) => Buffer.concat([d.subarray(0, -1), Buffer.from([d.at(-1)! ^ 1])]))],
  ])('refuses %s: back on the form with cardError=signature_invalid, no signature to use', async (_what, arrange) => {
    const agent = request.agent(ctx.app);
    arrange();
    const { location } = await sign(agent, 'jidou-teate-nintei', example('jidou-teate-nintei'));
    expect(location).toBe(`/${MITO}/jidou-teate-nintei/apply?cardError=signature_invalid`);
  });

  it('refuses a replayed sign callback and a state that was never issued', async () => {
    const agent = request.agent(ctx.app);
    const { callback } = await sign(agent, 'jidou-teate-nintei', example('jidou-teate-nintei'));
    const replay = await agent.get(callback).expect(303);
    expect(replay.headers.location).toMatch(/cardError=(signature_replayed|card_state_mismatch)/);
    const forged = await agent.get('/api/v1/resident/card/callback?code=abc&state=never-issued').expect(303);
    expect(forged.headers.location).toBe('/?cardError=card_state_mismatch');
  });

  it('a one-stop bundle carries each form’s own signature; a required one missing refuses the whole bundle, storing nothing', async () => {
    const { agent } = await signIn();
    const data = await prefilled(agent, 'jidou-teate-nintei');
    const files = await attachments();
    const risai = { procedureId: 'risai-shomeisho', data: example('risai-shomeisho') };
    const before = await ctx.storage.submissions.count(MITO);
    const unsigned = await agent
      .post(`/api/v1/municipalities/${MITO}/bundles`)
      .send({ items: [risai, { procedureId: 'jidou-teate-nintei', data, attachments: files, uploadToken: UPLOAD_TOKEN }] })
      .expect(422);
    expect(unsigned.body.error.code).toBe('signature_required');
    expect(await ctx.storage.submissions.count(MITO)).toBe(before);
    const { location } = await sign(agent, 'jidou-teate-nintei', data, files);
    const handle = new URL(location, PUBLIC_URL).searchParams.get('signature');
    const sent = await agent
      .post(`/api/v1/municipalities/${MITO}/bundles`)
      .send({ items: [risai, { procedureId: 'jidou-teate-nintei', data, attachments: files, uploadToken: UPLOAD_TOKEN, signature: handle }] })
      .expect(201);
    const [plain, signed] = await Promise.all(sent.body.items.map((i: { receiptNumber: string }) => ctx.storage.submissions.findByReceiptNumber(i.receiptNumber)));
    expect(signed?.evidence?.signature).toMatchObject({ status: 'verified_no_revocation', signerName: NAME });
    expect(plain?.evidence?.signature).toBeUndefined();
    expect(plain?.evidence?.identity).toMatchObject({ method: 'myna-card' }); // signed in with the card for the whole bundle
    // The handle was used up with the bundle: it cannot sign another application.
    const reuse = await submit(agent, 'jidou-teate-nintei', { data, attachments: await attachments(), uploadToken: UPLOAD_TOKEN, signature: handle }).expect(422);
    expect(reuse.body.error.code).toBe('signature_unknown');
  });

  it('signs a one-stop bundle once: each application keeps the signature over the list, verifiable on its own; other content or order is refused', async () => {
    const { agent } = await signIn();
    const data = await prefilled(agent, 'jidou-teate-nintei');
    const files = await attachments();
    const nintei = { procedureId: 'jidou-teate-nintei', data, attachments: files };
    const risai = { procedureId: 'risai-shomeisho', data: example('risai-shomeisho') };
    const started = await agent
      .post('/api/v1/resident/card/sign-bundle')
      .send({ municipalityCode: MITO, items: [nintei, risai], returnTo: `/m/${MITO}/bundle` })
      .expect(200);
    const back = await throughProvider(new URL(started.body.url).href);
    const landed = await agent.get(back).expect(303);
    const handle = new URL(landed.headers.location as string, PUBLIC_URL).searchParams.get('signature')!;
    expect(landed.headers.location).toMatch(new RegExp(`^/m/${MITO}/bundle\\?signature=`));
    const send = (items: object[], extra: object = {}) => agent.post(`/api/v1/municipalities/${MITO}/bundles`).send({ items, signature: handle, ...extra });
    const before = await ctx.storage.submissions.count(MITO);
    // Not the content signed, not in the order signed, or signed twice over: refused, nothing stored.
    const changed = structuredClone(risai);
    (changed.data as { currentContact: { phone: string } }).currentContact.phone = '029-000-0000';
    expect((await send([{ ...nintei, uploadToken: UPLOAD_TOKEN }, changed]).expect(422)).body.error.code).toBe('signature_other_content');
    expect((await send([risai, { ...nintei, uploadToken: UPLOAD_TOKEN }]).expect(422)).body.error.code).toBe('signature_other_content');
    expect((await send([{ ...nintei, uploadToken: UPLOAD_TOKEN, signature: handle }, risai]).expect(400)).body.error.code).toBe('bad_signature');
    expect(await ctx.storage.submissions.count(MITO)).toBe(before);
    // A single form's signature step cannot use the bundle's handle either.
    expect((await submit(agent, 'jidou-teate-nintei', { data, attachments: files, uploadToken: UPLOAD_TOKEN, signature: handle }).expect(422)).body.error.code).toBe('signature_unknown');

    const sent = await send([{ ...nintei, uploadToken: UPLOAD_TOKEN }, risai]).expect(201);
    const stored = await Promise.all(sent.body.items.map((i: { receiptNumber: string }) => ctx.storage.submissions.findByReceiptNumber(i.receiptNumber)));
    for (const [position, s] of stored.entries()) {
      expect(s?.evidence?.signature).toMatchObject({ status: 'verified_no_revocation', signerName: NAME, bundle: { position, items: expect.any(Array) } });
      expect(s?.evidence?.signature?.bundle?.items).toHaveLength(2);
      // Each application is verified again on its own: its bytes, the signed list, the signature.
      expect((await ctx.services.card!.service.reverify(s!)).status).toBe('verified_no_revocation');
    }
    const tampered = await ctx.services.card!.service.reverify({ ...stored[1]!, data: { ...stored[1]!.data, damageSituation: 'x' } });
    expect(tampered).toMatchObject({ status: 'invalid', failure: 'signature_mismatch' });
    // The handle was used up with the bundle.
    expect((await send([{ ...nintei, attachments: await attachments(), uploadToken: UPLOAD_TOKEN }, risai], { signature: handle }).expect(422)).body.error.code).toBe('signature_unknown');
  });

  it('takes an unsigned application where the policy does not require a signature', async () => {
    const agent = request.agent(ctx.app);
    const res = await submit(agent, 'risai-shomeisho', { data: example('risai-shomeisho') }).expect(201);
    expect((await ctx.storage.submissions.findByReceiptNumber(res.body.receiptNumber))?.evidence).toBeUndefined();
  });

  it('limits sign-in and signing starts per address, so the provider cannot be flooded through us', async () => {
    const limited = await buildTestApp(join(dir.path, 'limited'), undefined, undefined, undefined, {
      PUBLIC_URL,
      MYNA_ISSUER: idp.issuer,
      MYNA_CLIENT_ID: CLIENT.clientId,
      MYNA_CLIENT_SECRET: CLIENT.clientSecret,
      MYNA_TRUST_ANCHORS: join(dir.path, 'anchors.pem'),
      RATE_LIMIT_LOOKUP_PER_MIN: '2',
    });
    try {
      await request(limited.app).get('/api/v1/resident/card/login').expect(302);
      await request(limited.app).get('/api/v1/resident/card/login').expect(302);
      await request(limited.app).get('/api/v1/resident/card/login').expect(429);
      await request(limited.app).post('/api/v1/resident/card/sign').send({ municipalityCode: MITO, procedureId: 'jidou-teate-nintei', data: {} }).expect(429);
    } finally {
      await limited.close();
    }
  });

  it('offers the card only in the municipalities the registration covers (MYNA_MUNICIPALITIES); elsewhere applications are taken as before', async () => {
    const env = { PUBLIC_URL, MYNA_ISSUER: idp.issuer, MYNA_CLIENT_ID: CLIENT.clientId, MYNA_CLIENT_SECRET: CLIENT.clientSecret, MYNA_TRUST_ANCHORS: join(dir.path, 'anchors.pem') };
    await expect(buildTestApp(join(dir.path, 'bad'), undefined, undefined, undefined, { ...env, MYNA_MUNICIPALITIES: '082015,mito' })).rejects.toThrow(/MYNA_MUNICIPALITIES must list 6-digit/);
    const sapporoOnly = await buildTestApp(join(dir.path, 'sapporo'), undefined, undefined, undefined, { ...env, MYNA_MUNICIPALITIES: '011002' });
    try {
      expect((await request(sapporoOnly.app).get('/api/v1/resident/card?municipality=082015').expect(200)).body).toEqual({ available: false, identity: null });
      expect((await request(sapporoOnly.app).get('/api/v1/resident/card?municipality=011002').expect(200)).body.available).toBe(true);
      await request(sapporoOnly.app).post('/api/v1/resident/card/sign').send({ municipalityCode: MITO, procedureId: 'jidou-teate-nintei', data: {} }).expect(404);
      // 水戸市 is not covered: a procedure that requires a signature is taken unsigned, as without a provider.
      const files = await attachments(sapporoOnly.app);
      const taken = await request(sapporoOnly.app)
        .post(`/api/v1/municipalities/${MITO}/procedures/jidou-teate-nintei/submissions`)
        .send({ data: example('jidou-teate-nintei'), attachments: files, uploadToken: UPLOAD_TOKEN })
        .expect(201);
      expect((await sapporoOnly.storage.submissions.findByReceiptNumber(taken.body.receiptNumber))?.evidence).toBeUndefined();
    } finally {
      await sapporoOnly.close();
    }
  });

  it('sends returnTo only to paths of this site', async () => {
    const start = await request(ctx.app).get('/api/v1/resident/card/login').query({ returnTo: '//evil.example/x' }).expect(302);
    const back = await throughProvider(start.headers.location!);
    expect(back).toMatch(/^\/api\/v1\/resident\/card\/callback\?/);
  });
});
