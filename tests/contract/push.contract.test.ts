/** The push target storage contract (issue #21): every adapter behaves exactly like this. */
import { describeContract } from './adapters';
import { pushTarget } from './pushFixtures';
import type { Delivery, OutboxEvent } from '../../server/src/storage/types';

describeContract('push target storage contract', ({ s }) => {
  it('stores targets (secret readable for signing), lists a municipality’s in order, updates and deletes them', async () => {
    const a = pushTarget({ createdAt: '2026-12-01T00:00:00.000Z' });
    const b = pushTarget({ createdAt: '2026-12-02T00:00:00.000Z', statuses: ['completed', 'rejected'], sensitiveConfirmed: true, includePdf: false });
    const elsewhere = pushTarget({ municipalityCode: '011002' });
    for (const t of [b, a, elsewhere]) await s().pushTargets.create(t);
    expect(await s().pushTargets.get(a.id)).toEqual(a);
    expect(await s().pushTargets.get('missing')).toBeNull();
    expect((await s().pushTargets.list('082015')).map((t) => t.id)).toEqual([a.id, b.id]);

    const mapping = [{ field: 'mei', source: 'answer' as const, pointer: '/householder/name/givenName' }];
    const updated = await s().pushTargets.update(a.id, { mapping, secret: 'rotated', active: false, events: ['submission.status-changed'] }, new Date('2026-12-03T00:00:00.000Z'));
    expect(updated).toEqual({ ...a, mapping, secret: 'rotated', active: false, events: ['submission.status-changed'], updatedAt: '2026-12-03T00:00:00.000Z' });
    expect(await s().pushTargets.get(a.id)).toEqual(updated);
    await expect(s().pushTargets.update('missing', { active: true }, new Date())).rejects.toThrow();

    await s().pushTargets.delete(a.id);
    expect(await s().pushTargets.get(a.id)).toBeNull();
    expect((await s().pushTargets.list('082015')).map((t) => t.id)).toEqual([b.id]);
  });

  it('finds the active targets of a procedure that want an event type', async () => {
    const wants = pushTarget({ events: ['submission.received', 'submission.status-changed'] });
    const otherEvent = pushTarget({ events: ['submission.resubmitted'] });
    const paused = pushTarget({ active: false });
    const otherProcedure = pushTarget({ procedureId: 'other' });
    const otherTown = pushTarget({ municipalityCode: '011002' });
    for (const t of [wants, otherEvent, paused, otherProcedure, otherTown]) await s().pushTargets.create(t);
    expect((await s().pushTargets.matching('082015', 'risai', 'submission.received')).map((t) => t.id)).toEqual([wants.id]);
    expect((await s().pushTargets.matching('082015', 'risai', 'submission.resubmitted')).map((t) => t.id)).toEqual([otherEvent.id]);
  });

  it('keeps push deliveries next to webhook ones (the `push` channel), listed and retried the same way', async () => {
    const at = '2026-12-01T00:00:00.000Z';
    const event: OutboxEvent = { id: 'e-push', type: 'submission.received', municipalityCode: '082015', procedureId: 'risai', submissionId: 'sub-1', receiptNumber: 'R1', data: {}, createdAt: at };
    await s().outbox.add(event);
    const d = (channel: Delivery['channel'], targetId: string): Delivery => ({
      id: `${channel}-1`,
      eventId: event.id,
      event,
      channel,
      targetId,
      municipalityCode: '082015',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: at,
      createdAt: at,
      log: [],
    });
    await s().outbox.dispatch(event.id, [d('webhook', 'w1'), d('push', 'p1')], new Date(at));
    expect((await s().deliveries.list({ municipalityCode: '082015', targetId: 'p1', limit: 5 })).map((x) => [x.channel, x.targetId])).toEqual([['push', 'p1']]);
    await s().deliveries.record('push-1', { at, ok: false, statusCode: 500, durationMs: 3 }, { status: 'failed' });
    expect((await s().deliveries.retry('push-1', new Date(at))).status).toBe('pending');
  });
});
