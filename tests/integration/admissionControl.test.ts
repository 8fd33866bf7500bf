/**
 * Admission control under a surge, through real HTTP on a real SQLite file: the
 * slots are filled by real slow requests (a submission and an upload whose
 * bodies are still arriving), the next request is refused with 503, Retry-After
 * and a message in Japanese or English, nothing of it is stored, reads go on,
 * and once the slots free up the retried request is stored exactly once.
 */
import request from 'supertest';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildTestApp, allPresets } from '../helpers/testApp';
import { makeTempDir } from '../helpers/tempDir';
import type { AdmissionGate } from '../../server/src/modules/admission/admissionGate';

const MITO = '082015';
const RISAI = 'risai-shomeisho';
const submitUrl = `/api/v1/municipalities/${MITO}/procedures/${RISAI}/submissions`;
const uploadUrl = `/api/v1/municipalities/${MITO}/uploads`;
const risaiBody = () => ({ data: structuredClone(allPresets().find((p) => p.procedure.id === RISAI)!.example!) });
const UPLOAD_TOKEN = 'surge-upload-token-0000000001';
/** A small but real JPEG (SOI, APP0, EOI): the upload check goes by magic bytes. */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'binary'), Buffer.alloc(64, 0x20), Buffer.from([0xff, 0xd9])]);

interface Answer {
  status: number;
  body: { receiptNumber?: string; fileId?: string; error?: { code: string; message: string } };
}

/**
 * A request whose body arrives slowly: the headers and half the body are sent
 * now, the rest on `finish`. Meanwhile it holds its admission slot, as a
 * resident's upload over a weak phone connection does.
 */
function slowRequest(port: number, path: string, headers: Record<string, string>, body: Buffer) {
  const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers: { ...headers, 'Content-Length': String(body.length) } });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || '{}') }));
    });
    req.on('error', reject);
  });
  answer.catch(() => undefined); // a test that fails before `finish` must not crash on the closed connection
  req.write(body.subarray(0, Math.floor(body.length / 2)));
  return {
    finish: () => {
      req.end(body.subarray(Math.floor(body.length / 2)));
      return answer;
    },
  };
}

function multipart(fields: Record<string, string>, file: { name: string; type: string; content: Buffer }): { body: Buffer; contentType: string } {
  const boundary = 'surge-boundary-7d93';
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Waits until the gate shows the condition (the slow request reached it); no timing is asserted. */
async function until(gate: AdmissionGate, ok: (s: ReturnType<AdmissionGate['stats']>) => boolean) {
  while (!ok(gate.stats())) await new Promise((r) => setTimeout(r, 10));
}

async function startApp(env: Record<string, string>) {
  const dir = makeTempDir();
  const ctx = await buildTestApp(dir.path, undefined, undefined, undefined, env);
  const server: Server = await new Promise((resolve) => {
    const s = ctx.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    ctx,
    server,
    port: (server.address() as AddressInfo).port,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await ctx.storage.close();
      dir.remove();
    },
  };
}

describe('admission control: every slot taken, no waiting room', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp({ ADMISSION_SUBMISSIONS_IN_FLIGHT: '1', ADMISSION_UPLOADS_IN_FLIGHT: '1', ADMISSION_QUEUE: '0', ADMISSION_RETRY_AFTER_SECONDS: '4' });
  });
  afterAll(() => app.close());

  it('refuses the next submission with 503 + Retry-After (ja/en), stores nothing, keeps reads going, and stores the retry exactly once', async () => {
    const gates = app.ctx.services.admission;
    const held = slowRequest(app.port, submitUrl, { 'Content-Type': 'application/json', 'Idempotency-Key': 'held-submission-0001' }, Buffer.from(JSON.stringify(risaiBody())));
    await until(gates.submissions, (s) => s.inFlight === 1);

    const key = 'surge-retry-key-0001';
    const refused = await request(app.server).post(submitUrl).set('Idempotency-Key', key).send(risaiBody()).expect(503);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 4 && retryAfter <= 6).toBe(true);
    expect(refused.body.error).toMatchObject({ code: 'intake_busy', requestId: expect.any(String) });
    expect(refused.body.error.message).toContain('ただいま申請が集中しているため');
    expect(refused.body.error.message).toContain('入力内容は送信されていません');
    expect(refused.body.error.message).toContain(`${retryAfter}秒ほど`);
    const english = await request(app.server).post(`${submitUrl}?lang=en`).set('Idempotency-Key', key).send(risaiBody()).expect(503);
    expect(english.body.error.message).toMatch(/^Many applications are arriving right now.*Nothing was submitted/);
    // A bundle shares the submissions' slots.
    await request(app.server)
      .post(`/api/v1/municipalities/${MITO}/bundles`)
      .send({ items: [{ procedureId: RISAI, ...risaiBody() }] })
      .expect(503);
    expect(await app.ctx.storage.submissions.findByIdempotencyKey(MITO, key)).toBeNull();
    expect(await app.ctx.storage.submissions.count(MITO)).toBe(0);

    // Reads and drafts are not throttled by it; health counts the refusals.
    await request(app.server).get(`/api/v1/municipalities/${MITO}/procedures/${RISAI}`).expect(200);
    await request(app.server).post('/api/v1/drafts').send({ municipalityCode: MITO, procedureId: RISAI, formVersion: 1, data: {}, uploadToken: UPLOAD_TOKEN }).expect(201);
    const health = await request(app.server).get('/api/v1/health').expect(200);
    expect(health.body.admission.submissions).toEqual({ inFlight: 1, queued: 0, refused: 3 });

    // The slow one finishes (and is stored); the slot is free again.
    expect((await held.finish()).status).toBe(201);
    await until(gates.submissions, (s) => s.inFlight === 0);
    const accepted = await request(app.server).post(submitUrl).set('Idempotency-Key', key).send(risaiBody()).expect(201);
    const again = await request(app.server).post(submitUrl).set('Idempotency-Key', key).send(risaiBody()).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.receiptNumber).toBe(accepted.body.receiptNumber);
    expect(await app.ctx.storage.submissions.count(MITO)).toBe(2); // the slow one and the retried one, once
  });

  it('refuses the next upload while a slow upload is being received, stores nothing of it, and takes the retry', async () => {
    const gates = app.ctx.services.admission;
    const fields = { procedureId: RISAI, attachmentId: 'damagePhotos' };
    const slow = multipart(fields, { name: 'slow.jpg', type: 'image/jpeg', content: JPEG });
    const held = slowRequest(app.port, uploadUrl, { 'Content-Type': slow.contentType, 'X-Upload-Token': UPLOAD_TOKEN }, slow.body);
    await until(gates.uploads, (s) => s.inFlight === 1);

    const refused = await request(app.server).post(uploadUrl).set('X-Upload-Token', UPLOAD_TOKEN).field(fields).attach('file', JPEG, { filename: 'next.jpg', contentType: 'image/jpeg' }).expect(503);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(4);
    expect(refused.body.error).toMatchObject({ code: 'intake_busy' });
    expect(refused.body.error.message).toContain('ファイルを受け付けられませんでした');
    expect(await app.ctx.storage.files.countUnbound(UPLOAD_TOKEN)).toBe(0);
    // The submissions' gate is another one: a resident who already attached files can still send.
    expect(gates.submissions.stats().inFlight).toBe(0);

    expect((await held.finish()).status).toBe(201);
    await until(gates.uploads, (s) => s.inFlight === 0);
    await request(app.server).post(uploadUrl).set('X-Upload-Token', UPLOAD_TOKEN).field(fields).attach('file', JPEG, { filename: 'next.jpg', contentType: 'image/jpeg' }).expect(201);
    expect(await app.ctx.storage.files.countUnbound(UPLOAD_TOKEN)).toBe(2);
    expect(gates.uploads.stats().refused).toBe(1);
  });
});

describe('admission control: a bounded waiting room', () => {
  it('lets a waiting submission in when the slot frees up, and refuses one that would wait longer than the bound', async () => {
    const app = await startApp({ ADMISSION_SUBMISSIONS_IN_FLIGHT: '1', ADMISSION_QUEUE: '1', ADMISSION_MAX_WAIT_MS: '60000' });
    try {
      const gate = app.ctx.services.admission.submissions;
      const held = slowRequest(app.port, submitUrl, { 'Content-Type': 'application/json' }, Buffer.from(JSON.stringify(risaiBody())));
      await until(gate, (s) => s.inFlight === 1);
      const waiting = request(app.server)
        .post(submitUrl)
        .set('Idempotency-Key', 'waiting-key-0001')
        .send(risaiBody())
        .then((r) => r);
      await until(gate, (s) => s.queued === 1);
      // The waiting room is full: the third is refused at once.
      await request(app.server).post(submitUrl).send(risaiBody()).expect(503);
      expect((await held.finish()).status).toBe(201);
      expect((await waiting).status).toBe(201);
      expect(gate.stats()).toMatchObject({ inFlight: 0, queued: 0, refused: 1 });
    } finally {
      await app.close();
    }

    const strict = await startApp({ ADMISSION_SUBMISSIONS_IN_FLIGHT: '1', ADMISSION_QUEUE: '10', ADMISSION_MAX_WAIT_MS: '200' });
    try {
      const gate = strict.ctx.services.admission.submissions;
      const held = slowRequest(strict.port, submitUrl, { 'Content-Type': 'application/json' }, Buffer.from(JSON.stringify(risaiBody())));
      await until(gate, (s) => s.inFlight === 1);
      const late = await request(strict.server).post(submitUrl).set('Idempotency-Key', 'late-key-00001').send(risaiBody()).expect(503);
      expect(late.headers['retry-after']).toMatch(/^\d+$/);
      expect(await strict.ctx.storage.submissions.findByIdempotencyKey(MITO, 'late-key-00001')).toBeNull();
      expect((await held.finish()).status).toBe(201);
    } finally {
      await strict.close();
    }
  });

  it('lets a resident who gives up while waiting (the connection closes) leave the waiting room at once', async () => {
    const app = await startApp({ ADMISSION_SUBMISSIONS_IN_FLIGHT: '1', ADMISSION_QUEUE: '5', ADMISSION_MAX_WAIT_MS: '600000' });
    try {
      const gate = app.ctx.services.admission.submissions;
      const held = slowRequest(app.port, submitUrl, { 'Content-Type': 'application/json' }, Buffer.from(JSON.stringify(risaiBody())));
      await until(gate, (s) => s.inFlight === 1);
      const leaving = httpRequest({ host: '127.0.0.1', port: app.port, path: submitUrl, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': '100' } });
      leaving.on('error', () => undefined);
      leaving.write('{');
      await until(gate, (s) => s.queued === 1);
      leaving.destroy();
      await until(gate, (s) => s.queued === 0);
      expect((await held.finish()).status).toBe(201);
      await until(gate, (s) => s.inFlight === 0);
      expect(gate.stats().refused).toBe(0);
    } finally {
      await app.close();
    }
  });
});
