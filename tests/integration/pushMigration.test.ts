/**
 * The SQLite migration of push targets (issue #21) rebuilds the deliveries
 * table to admit the `push` channel: a store written before it keeps every
 * webhook and e-mail delivery (status, attempts, log) and takes push ones after.
 */
import { randomBytes } from 'node:crypto';
import { createSqliteStorage } from '../../server/src/storage/sqlite';
import { DataCipher } from '../../server/src/security/dataCipher';
import { sqliteStoreBefore } from '../helpers/sqliteStoreBefore';
import type { Delivery, OutboxEvent } from '../../server/src/storage/types';
import { makeTempDir } from '../helpers/tempDir';

it('keeps the deliveries of a store written before push targets, and admits push ones', async () => {
  const dir = makeTempDir();
  const db = sqliteStoreBefore(dir.path, 'CREATE TABLE push_targets');
  const at = '2026-12-01T00:00:00.000Z';
  const event: OutboxEvent = { id: 'e1', type: 'submission.received', municipalityCode: '082015', procedureId: 'risai', submissionId: 's1', receiptNumber: 'R1', data: {}, createdAt: at };
  db.prepare(
    `INSERT INTO deliveries (id, event_id, event_json, channel, target_id, municipality_code, status, attempts, next_attempt_at, created_at, delivered_at, log_json)
     VALUES ('d1', 'e1', ?, 'webhook', 'w1', '082015', 'delivered', 2, ?, ?, ?, ?)`,
  ).run(
    JSON.stringify(event),
    at,
    at,
    at,
    JSON.stringify([
      { at, ok: false, statusCode: 500, durationMs: 4 },
      { at, ok: true, statusCode: 204, durationMs: 3 },
    ]),
  );
  expect(() =>
    db
      .prepare(
        "INSERT INTO deliveries (id, event_id, event_json, channel, target_id, municipality_code, status, attempts, next_attempt_at, created_at, log_json) VALUES ('x', 'e1', '{}', 'push', 'p1', '082015', 'pending', 0, ?, ?, '[]')",
      )
      .run(at, at),
  ).toThrow(/CHECK/);
  db.close();

  const upgraded = createSqliteStorage(dir.path, new DataCipher([randomBytes(32)]));
  try {
    expect(await upgraded.deliveries.get('d1')).toMatchObject({
      channel: 'webhook',
      targetId: 'w1',
      status: 'delivered',
      attempts: 2,
      deliveredAt: at,
      log: [{ statusCode: 500 }, { statusCode: 204 }],
    });
    await upgraded.outbox.add({ ...event, id: 'e2' });
    const push: Delivery = {
      id: 'd2',
      eventId: 'e2',
      event: { ...event, id: 'e2' },
      channel: 'push',
      targetId: 'p1',
      municipalityCode: '082015',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: at,
      createdAt: at,
      log: [],
    };
    await upgraded.outbox.dispatch('e2', [push], new Date(at));
    expect(await upgraded.deliveries.get('d2')).toMatchObject({ channel: 'push', status: 'pending' });
    expect((await upgraded.deliveries.claimDue(new Date(at), new Date('2026-12-01T00:01:00.000Z'), 10)).map((d) => d.id)).toEqual(['d2']);
  } finally {
    await upgraded.close();
    dir.remove();
  }
});
