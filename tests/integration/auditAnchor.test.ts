/**
 * An audit trail that cannot be shortened (issue #21): signed checkpoints of
 * the chain's head, kept in a file outside the database with a key apart from
 * it, let `npm run audit:verify` (the real CLI, built by `npx tsc -b`) see
 * what the chain alone cannot: the newest rows deleted from the SQLite file,
 * an older copy of the database put back, a checkpoint edited or forged.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createSqliteStorage } from '../../server/src/storage/sqlite';
import type { Storage } from '../../server/src/storage/types';
import { DataCipher } from '../../server/src/security/dataCipher';
import { loadAnchorConfig } from '../../server/src/modules/auditAnchor/anchorConfig';
import { createAuditAnchor } from '../../server/src/modules/auditAnchor/createAuditAnchor';
import { loadCheckpointKey } from '../../server/src/modules/auditAnchor/checkpointKey';
import { CheckpointFile, signCheckpoint } from '../../server/src/modules/auditAnchor/checkpoints';
import { WebhookAddressPolicy } from '../../server/src/modules/backoffice/webhookAddresses';
import { WebhookSender } from '../../server/src/modules/backoffice/webhookSender';
import { verifySignature } from '../../server/src/modules/backoffice/webhookSignature';
import { verifyAgainstCheckpoints } from '../../server/src/tools/verifyAnchor';
import { makeTempDir } from '../helpers/tempDir';
import { startServerProcess } from '../helpers/serverProcess';

const ROOT = join(__dirname, '..', '..');
const DB = 'madoguchi.sqlite';
const dataKey = randomBytes(32);

function runVerify(dataDir: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DATA_ENCRYPTION_KEY: dataKey.toString('base64'), SECRET_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'silent' };
    delete env.MONGODB_URI;
    const child = spawn(process.execPath, ['server/dist/tools/verifyAudit.js'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

async function appendEvents(storage: Storage, from: number, n: number, actor = 'u1') {
  for (let i = from; i < from + n; i++) {
    await storage.audit.append({
      at: new Date(Date.UTC(2026, 11, 6, 0, i)).toISOString(),
      actor,
      action: 'submission.viewed',
      municipalityCode: '082015',
      targetType: 'submission',
      targetId: `s${i}`,
      details: {},
    });
  }
}

/** A data directory with a real SQLite store and the anchor as the server configures it by default. */
function setUp() {
  const dir = makeTempDir();
  const open = () => createSqliteStorage(dir.path, new DataCipher([dataKey]));
  const config = { auditAnchor: loadAnchorConfig({}, dir.path) };
  const file = new CheckpointFile(config.auditAnchor.checkpointDir);
  const anchorOf = (storage: Storage) => createAuditAnchor(config, storage, { post: () => Promise.reject(new Error('no push configured')) });
  const verify = async () => {
    const storage = open();
    try {
      return await verifyAgainstCheckpoints(storage.audit, file.read(), loadCheckpointKey(config.auditAnchor.keyFile)?.publicKey ?? null);
    } finally {
      await storage.close();
    }
  };
  return { dir, open, config, file, anchorOf, verify };
}

describe('audit checkpoints', () => {
  it('passes an intact database, and catches the newest rows deleted from the SQLite file (real CLI)', async () => {
    const t = setUp();
    const storage = t.open();
    await appendEvents(storage, 0, 6);
    const c = await t.anchorOf(storage).checkpoint();
    expect(c).toMatchObject({ seq: 6 });
    expect(await t.anchorOf(storage).checkpoint()).toBeNull(); // head unchanged: nothing written twice
    await storage.close();

    const intact = await runVerify(t.dir.path);
    expect(intact.out).toContain('Audit log intact: 6 events verify.');
    expect(intact.out).toContain('Checkpoints: 1 signed (latest: event #6');
    expect(intact.code).toBe(0);

    const db = new Database(join(t.dir.path, DB));
    db.prepare('DELETE FROM audit_events WHERE seq > 4').run();
    db.close();
    // The chain alone still holds (what the tool checked before, and passed): only the checkpoint shows the cut.
    expect((await t.verify()).chain).toEqual({ checked: 4 });
    const cut = await runVerify(t.dir.path);
    expect(cut.code).toBe(1);
    expect(cut.out).toContain('TRUNCATED OR ROLLED BACK');
    expect(cut.out).toContain('events #5–#6 are missing');
    expect(cut.out).toContain('監査ログが短くなっています');
    t.dir.remove();
  });

  it('catches an older copy of the database put back, and one written to since', async () => {
    const t = setUp();
    let storage = t.open();
    await appendEvents(storage, 0, 3);
    await t.anchorOf(storage).checkpoint();
    await storage.close();
    const files = readdirSync(t.dir.path).filter((f) => f.startsWith(DB));
    for (const f of files) copyFileSync(join(t.dir.path, f), join(t.dir.path, `${f}.old`));

    storage = t.open();
    await appendEvents(storage, 3, 4);
    await t.anchorOf(storage).checkpoint();
    await storage.close();
    expect((await t.verify()).findings).toEqual([]);

    // Restore last week's copy.
    for (const f of readdirSync(t.dir.path).filter((n) => n.startsWith(DB) && !n.endsWith('.old'))) rmSync(join(t.dir.path, f));
    for (const f of files) copyFileSync(join(t.dir.path, `${f}.old`), join(t.dir.path, f));
    const restored = await t.verify();
    expect(restored.chain).toEqual({ checked: 3 });
    expect(restored.findings).toEqual([expect.objectContaining({ kind: 'truncated', headSeq: 3, checkpoint: expect.objectContaining({ seq: 7 }) })]);

    // The server ran on from the old copy: events #4–#7 exist again, with other contents.
    storage = t.open();
    await appendEvents(storage, 3, 4, 'someone-else');
    await storage.close();
    const diverged = await t.verify();
    expect(diverged.findings).toEqual([expect.objectContaining({ kind: 'diverged', checkpoint: expect.objectContaining({ seq: 7 }) })]);
    const cli = await runVerify(t.dir.path);
    expect(cli.code).toBe(1);
    expect(cli.out).toContain('ROLLED BACK: event #7 does not match the signed checkpoint');
    t.dir.remove();
  });

  it('catches an edited or forged checkpoint', async () => {
    const t = setUp();
    const storage = t.open();
    await appendEvents(storage, 0, 5);
    await t.anchorOf(storage).checkpoint();
    await storage.close();
    expect((await t.verify()).findings).toEqual([]);
    const original = readFileSync(t.file.path, 'utf8');

    // Someone lowers the checkpoint to hide deleted rows.
    writeFileSync(t.file.path, original.replace('"seq":5', '"seq":3'));
    expect((await t.verify()).findings).toEqual([{ kind: 'forged-checkpoint', line: 1 }]);
    const cli = await runVerify(t.dir.path);
    expect(cli.code).toBe(1);
    expect(cli.out).toContain('FORGED CHECKPOINT: line 1');

    // A checkpoint signed with another key, and a line that is not one.
    const stranger = generateKeyPairSync('ed25519');
    const forged = signCheckpoint({ ...stranger, keyId: 'x' }, { seq: 9, hash: 'f'.repeat(64) }, new Date());
    writeFileSync(t.file.path, `${original}${JSON.stringify(forged)}\nnot json\n`);
    expect((await t.verify()).findings).toEqual([
      { kind: 'forged-checkpoint', line: 2 },
      { kind: 'forged-checkpoint', line: 3 },
    ]);
    t.dir.remove();
  });

  it('keeps the key (0600) and the checkpoints outside the database file, and pushes each checkpoint signed to a loopback endpoint', async () => {
    const t = setUp();
    const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => (received.push({ headers: req.headers, body }), res.writeHead(204).end()));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/anchor`;
    const secret = 'a-push-secret-of-the-operator';
    const config = { auditAnchor: loadAnchorConfig({ AUDIT_CHECKPOINT_PUSH_URL: url, AUDIT_CHECKPOINT_PUSH_SECRET: secret, WEBHOOK_ALLOW_HTTP: 'true' }, t.dir.path) };
    const sender = new WebhookSender(new WebhookAddressPolicy({ allowLoopbackForTests: true }), 5000, () => new Date());
    const storage = t.open();
    await appendEvents(storage, 0, 2);
    const c = await createAuditAnchor(config, storage, sender).checkpoint();
    await storage.close();
    await new Promise((r) => (server.closeAllConnections(), server.close(r)));

    expect(statSync(config.auditAnchor.keyFile).mode & 0o777).toBe(0o600);
    expect(existsSync(join(t.dir.path, 'audit-checkpoints', 'audit-checkpoints.jsonl'))).toBe(true);
    expect(readFileSync(join(t.dir.path, DB)).includes(Buffer.from(c!.sig))).toBe(false);
    expect(received).toHaveLength(1);
    expect(verifySignature(secret, String(received[0]!.headers['madoguchi-signature']), received[0]!.body, Math.floor(Date.now() / 1000))).toBe(true);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ type: 'audit.checkpoint', data: { seq: 2, hash: c!.hash, sig: c!.sig } });
    // Without a key no checkpoint can be trusted: each is reported.
    const reopened = t.open();
    expect((await verifyAgainstCheckpoints(reopened.audit, t.file.read(), null)).findings).toEqual([{ kind: 'forged-checkpoint', line: 1 }]);
    await reopened.close();
    t.dir.remove();
  });

  it('is written by the running server at start and again at shutdown (SIGTERM)', async () => {
    const t = setUp();
    let storage = t.open();
    await appendEvents(storage, 0, 2);
    await storage.close();
    const server = await startServerProcess({ DATA_DIR: t.dir.path, DATA_ENCRYPTION_KEY: dataKey.toString('base64'), SECRET_KEY: randomBytes(32).toString('base64'), PORT: '0', LOG_LEVEL: 'silent' });
    while (!t.file.last()) await new Promise((r) => setTimeout(r, 50)); // the first checkpoint is written at start
    // Events written while it runs (here by a second connection to the same file) are anchored when it stops.
    storage = t.open();
    await appendEvents(storage, 10, 3);
    await storage.close();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    storage = t.open();
    const head = (await storage.audit.head())!;
    await storage.close();
    expect(t.file.last()).toMatchObject({ seq: head.seq, hash: head.hash });
    expect((await t.verify()).findings).toEqual([]);
    t.dir.remove();
  });

  it('refuses a push URL that is not https and a push without a secret', () => {
    expect(() => loadAnchorConfig({ AUDIT_CHECKPOINT_PUSH_URL: 'http://anchor.example.jp/x', AUDIT_CHECKPOINT_PUSH_SECRET: 'x'.repeat(20) }, '/tmp')).toThrow('https://');
    expect(() => loadAnchorConfig({ AUDIT_CHECKPOINT_PUSH_URL: 'https://anchor.example.jp/x' }, '/tmp')).toThrow('AUDIT_CHECKPOINT_PUSH_SECRET');
  });
});
