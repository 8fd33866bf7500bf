/**
 * 応援職員 (issue #20): the inbox's audit path (auditSubmission) names a lent
 * account's home municipality and grant, so disaster routes that reuse the
 * inbox's services leave complete events; own staff's events are unchanged.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createSqliteStorage } from '../../server/src/storage/sqlite';
import { DataCipher } from '../../server/src/security/dataCipher';
import { auditSubmission } from '../../server/src/modules/inbox/actor';
import { makeTempDir } from '../helpers/tempDir';
import { MITO, SAPPORO } from '../helpers/staffAuth';

it('submission audit events of a lent account carry its home municipality and grant', async () => {
  const dir = makeTempDir();
  const storage = createSqliteStorage(dir.path, new DataCipher([randomBytes(32)]));
  try {
    const meta = { id: randomUUID(), municipalityCode: MITO, receiptNumber: 'R-0001' };
    const at = new Date('2026-12-10T03:00:00.000Z');
    await auditSubmission(storage, { kind: 'staff', userId: 'u-sapporo', municipalityCode: MITO, lentFrom: { grantId: 'g-1', homeMunicipalityCode: SAPPORO } }, 'submission.status', meta, at, {
      to: 'in_review',
    });
    await auditSubmission(storage, { kind: 'staff', userId: 'u-mito', municipalityCode: MITO }, 'submission.status', meta, at, { to: 'done' });
    const events = await storage.audit.list({ targetId: meta.id, limit: 10 });
    const byActor = Object.fromEntries(events.map((e) => [e.actor, e.details]));
    expect(byActor['u-sapporo']).toEqual({ receiptNumber: 'R-0001', to: 'in_review', homeMunicipality: SAPPORO, viaGrant: 'g-1' });
    expect(byActor['u-mito']).toEqual({ receiptNumber: 'R-0001', to: 'done' });
  } finally {
    await storage.close();
    dir.remove();
  }
});
