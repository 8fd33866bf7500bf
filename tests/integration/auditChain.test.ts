/** The audit log is tamper-evident: editing or deleting an event breaks the chain at that event. */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createSqliteStorage } from '../../server/src/storage/sqlite';
import { DataCipher } from '../../server/src/security/dataCipher';
import { verifyAuditChain } from '../../server/src/tools/auditChain';
import { makeTempDir } from '../helpers/tempDir';

async function withEvents(n: number) {
  const dir = makeTempDir();
  const storage = createSqliteStorage(dir.path, new DataCipher([randomBytes(32)]));
  for (let i = 0; i < n; i++) {
    await storage.audit.append({
      at: new Date(Date.UTC(2026, 10, 23, 0, i)).toISOString(),
      actor: 'u1',
      action: 'submission.viewed',
      municipalityCode: '082015',
      targetType: 'submission',
      targetId: `s${i}`,
      details: {},
    });
  }
  return { dir, storage };
}

describe('audit chain verification', () => {
  it('verifies an intact log', async () => {
    const { dir, storage } = await withEvents(5);
    expect(await verifyAuditChain(storage.audit)).toEqual({ checked: 5 });
    await storage.close();
    dir.remove();
  });

  it('reports the first edited event', async () => {
    const { dir, storage } = await withEvents(5);
    await storage.close();
    const db = new Database(join(dir.path, 'madoguchi.sqlite'));
    db.prepare("UPDATE audit_events SET actor = 'someone-else' WHERE seq = 3").run();
    db.close();
    const reopened = createSqliteStorage(dir.path, new DataCipher([randomBytes(32)]));
    expect(await verifyAuditChain(reopened.audit)).toEqual({ checked: 2, brokenAt: { seq: 3, reason: 'hash-mismatch' } });
    await reopened.close();
    dir.remove();
  });

  it('reports a deleted event as a gap', async () => {
    const { dir, storage } = await withEvents(5);
    await storage.close();
    const db = new Database(join(dir.path, 'madoguchi.sqlite'));
    db.prepare('DELETE FROM audit_events WHERE seq = 2').run();
    db.close();
    const reopened = createSqliteStorage(dir.path, new DataCipher([randomBytes(32)]));
    expect((await verifyAuditChain(reopened.audit)).brokenAt).toEqual({ seq: 3, reason: 'sequence-gap' });
    await reopened.close();
    dir.remove();
  });
});
