/**
 * Rotating the data key with the real tool (`node server/dist/tools/reencrypt.js`,
 * built by `npx tsc -b`) on a data directory filled through the real app:
 * afterwards the server started with only the new key reads the submission,
 * its file and the draft, and the database file holds nothing sealed under the old key.
 */
import request from 'supertest';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildTestApp, allPresets } from '../helpers/testApp';
import { makeTempDir } from '../helpers/tempDir';
import { startServerProcess } from '../helpers/serverProcess';
import { DataCipher } from '../../server/src/security/dataCipher';
import { createSqliteStorage } from '../../server/src/storage/sqlite';
import type { Answers } from '../helpers/answers';

const ROOT = join(__dirname, '..', '..');
const MITO = '082015';
const RISAI = 'risai-shomeisho';
const [keyA, keyB, secretKey] = [randomBytes(32), randomBytes(32), randomBytes(32)];
const [idA, idB] = [DataCipher.keyId(keyA), DataCipher.keyId(keyB)];

function runTool(env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['server/dist/tools/reencrypt.js', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

/** The forms a value sealed under `keyId` takes in the file: binary header, and the first 10 base64 characters of the text form (60 bits fixed by the header). */
function sealedMarks(keyId: string): Buffer[] {
  const header = Buffer.concat([Buffer.from('MDG1'), Buffer.from(keyId, 'hex')]);
  return [header, Buffer.from('enc1.' + header.toString('base64').slice(0, 10))];
}

const databaseBytes = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.startsWith('madoguchi.sqlite'))
    .map((f) => readFileSync(join(dir, f)));

describe('data key rotation (npm run keys:reencrypt)', () => {
  const dir = makeTempDir();
  const env = { DATA_DIR: dir.path, SECRET_KEY: secretKey.toString('base64'), LOG_LEVEL: 'silent' };
  const rotated = { ...env, DATA_ENCRYPTION_KEY: keyB.toString('base64'), DATA_ENCRYPTION_OLD_KEYS: keyA.toString('base64') };
  const onlyNew = { ...env, DATA_ENCRYPTION_KEY: keyB.toString('base64') };
  let receipt: { receiptNumber: string; secret: string };
  let submissionId: string;
  let fileId: string;
  let draft: { draftId: string; secret: string };
  const photo = readFileSync(join(__dirname, '..', 'fixtures', 'photo.png'));

  beforeAll(async () => {
    const ctx = await buildTestApp(dir.path, secretKey, '/nonexistent', keyA);
    const uploadToken = randomBytes(18).toString('base64url');
    const up = await request(ctx.app)
      .post(`/api/v1/municipalities/${MITO}/uploads`)
      .set('X-Upload-Token', uploadToken)
      .field('procedureId', RISAI)
      .field('attachmentId', 'damagePhotos')
      .attach('file', photo, '被害写真.png')
      .expect(201);
    fileId = up.body.fileId;
    const data = structuredClone(allPresets().find((p) => p.procedure.id === RISAI)!.example!) as Answers;
    data.damage = { ...data.damage, selfAssessment: true, selfAssessmentAgreement: true };
    const sub = await request(ctx.app)
      .post(`/api/v1/municipalities/${MITO}/procedures/${RISAI}/submissions`)
      .send({ data, attachments: { damagePhotos: [fileId] }, uploadToken });
    if (sub.status !== 201) throw new Error(JSON.stringify(sub.body));
    receipt = sub.body;
    submissionId = (await ctx.storage.submissions.findByReceiptNumber(receipt.receiptNumber))!.id;
    const saved = await request(ctx.app)
      .post('/api/v1/drafts')
      .send({
        municipalityCode: MITO,
        procedureId: RISAI,
        formVersion: 1,
        data: { householder: { name: { familyName: '下書' } } },
        attachments: {},
        uploadToken: randomBytes(18).toString('base64url'),
      })
      .expect(201);
    draft = saved.body;
    // Ordinary use leaves earlier copies in free space: a resident removes an upload and saves the draft again.
    const removed = await request(ctx.app)
      .post(`/api/v1/municipalities/${MITO}/uploads`)
      .set('X-Upload-Token', uploadToken)
      .field('procedureId', RISAI)
      .field('attachmentId', 'damagePhotos')
      .attach('file', photo, '撮り直し.png')
      .expect(201);
    await request(ctx.app).delete(`/api/v1/uploads/${removed.body.fileId}`).set('X-Upload-Token', uploadToken).expect(204);
    await request(ctx.app)
      .put(`/api/v1/drafts/${draft.draftId}`)
      .set('X-Resume-Secret', draft.secret)
      .send({
        municipalityCode: MITO,
        procedureId: RISAI,
        formVersion: 1,
        data: { householder: { name: { familyName: '下書' } } },
        attachments: {},
        uploadToken: randomBytes(18).toString('base64url'),
      })
      .expect(200);
    await ctx.storage.close();
  });
  afterAll(() => dir.remove());

  it('without the old key, changes nothing and names the rows it cannot open (exit 1)', async () => {
    const { code, out } = await runTool(onlyNew, ['--no-compact']);
    expect(code).toBe(1);
    expect(out).toContain(`CANNOT OPEN submissions.data_json row ${submissionId} (key ${idA})`);
    expect(out).toContain(`CANNOT OPEN files.content row ${fileId} (key ${idA})`);
    expect(out).toContain(`CANNOT OPEN drafts.payload row ${draft.draftId} (key ${idA})`);
  });

  it('shows with --dry-run what is sealed under which key', async () => {
    const { code, out } = await runTool(rotated, ['--dry-run']);
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`submissions\\.data_json +1  ${idA}: 1 \\(old key\\)`));
    expect(out).toMatch(new RegExp(`files\\.content +1  ${idA}: 1 \\(old key\\)`));
    expect(out).toContain(`Sealed under the current key ${idB}: 0 of 3.`);
  });

  it('re-seals everything under the new key, audits itself, and leaves no trace of the old key in the file', async () => {
    const run = await runTool(rotated, ['--batch-size', '1']);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`Re-sealed 3 value(s) under key ${idB}; 0 could not be opened.`);
    expect(run.out).toContain('Compacted.');

    const check = await runTool(rotated, ['--dry-run']);
    expect(check.code).toBe(0);
    expect(check.out).toContain(`Sealed under the current key ${idB}: 3 of 3.`);
    expect(check.out).toContain('Nothing is sealed under an old key');
    expect((await runTool(rotated, ['--no-compact'])).out).toContain(`Re-sealed 0 value(s) under key ${idB}`);

    const files = databaseBytes(dir.path);
    expect(files.some((bytes) => bytes.includes(sealedMarks(idB)[0]!))).toBe(true); // the search does find sealed values
    expect(files.some((bytes) => bytes.includes(sealedMarks(idB)[1]!))).toBe(true);
    for (const bytes of files) for (const mark of sealedMarks(idA)) expect(bytes.includes(mark)).toBe(false);

    const storage = createSqliteStorage(dir.path, new DataCipher([keyB]));
    try {
      // Every real run is audited with counts only: the refused one, the rotation, the run that found nothing left.
      const events = (await storage.audit.list({ targetId: idB, limit: 10 })).filter((e) => e.action === 'keys.reencrypted').sort((a, b) => a.seq - b.seq);
      expect(events.map((e) => [e.actor, e.targetType, e.details.resealed, e.details.failed])).toEqual([
        ['system', 'data-key', 0, 3],
        ['system', 'data-key', 3, 0],
        ['system', 'data-key', 0, 0],
      ]);
    } finally {
      await storage.close();
    }
  });

  it('lets the server started with only the new key read the submission, the file and the draft', async () => {
    const server = await startServerProcess({ ...onlyNew, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
    try {
      const base = `http://127.0.0.1:${server.port}/api/v1`;
      const pdf = await fetch(`${base}/submissions/${receipt.receiptNumber}/pdf`, { headers: { 'X-Receipt-Secret': receipt.secret } });
      expect(pdf.status).toBe(200); // the PDF copy is rendered from the opened answers
      const got = await fetch(`${base}/drafts/${draft.draftId}`, { headers: { 'X-Resume-Secret': draft.secret } });
      expect(got.status).toBe(200);
      expect(((await got.json()) as { data: unknown }).data).toEqual({ householder: { name: { familyName: '下書' } } });
      // Files are served to staff only: read it through the store beside the running server, with only the new key.
      const storage = createSqliteStorage(dir.path, new DataCipher([keyB]));
      try {
        expect((await storage.files.getContent(fileId))!.equals(photo)).toBe(true);
        expect((await storage.submissions.findById(submissionId))!.attachments).toEqual({ damagePhotos: [fileId] });
      } finally {
        await storage.close();
      }
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
