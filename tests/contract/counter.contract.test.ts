/** The counter visit storage contract (書かない窓口): every adapter behaves exactly like this. */
import { randomUUID } from 'node:crypto';
import { newCounterVisit, type CounterSessionRecord } from '../../server/src/storage/counterTypes';
import { describeContract } from './adapters';

/** A fresh visit opened at 09:00 in Japan on 2026-12-05, with `over` on top. */
const visit = (over: Partial<CounterSessionRecord> = {}): CounterSessionRecord => ({
  ...newCounterVisit(randomUUID(), '082015', new Date('2026-12-05T00:00:00.000Z')),
  ...over,
});

describeContract('counter visit storage contract', ({ s }) => {
  it('numbers the visits of a municipality per day from 001, and reads a visit back as stored', async () => {
    const first = await s().counterSessions.create(visit());
    const second = await s().counterSessions.create(visit({ createdAt: '2026-12-05T00:01:00.000Z' }));
    const elsewhere = await s().counterSessions.create(visit({ municipalityCode: '011002' }));
    const nextDay = await s().counterSessions.create(visit({ day: '2026-12-06', createdAt: '2026-12-05T15:00:00.000Z' }));
    expect([first.ticketNumber, second.ticketNumber, elsewhere.ticketNumber, nextDay.ticketNumber]).toEqual(['001', '002', '001', '001']);
    expect(first.revision).toBe(1);
    expect(await s().counterSessions.get(first.sessionId)).toEqual(first);
    expect(await s().counterSessions.get('missing')).toBeNull();
  });

  it('updates only from the revision it read; the work (answers, card data, signature) round-trips', async () => {
    const v = await s().counterSessions.create(visit());
    const work = {
      shared: { applicant: { name: { familyName: '水戸', givenName: '花子' } } },
      answers: { 'shussei-todoke': { child: { name: '太郎' } } },
      sources: { 'shussei-todoke': { '/child/name': 'staff' as const }, shared: { '/applicant/name': 'card' as const } },
      identity: { name: '水戸　花子', address: '茨城県水戸市中央1-1', verifiedAt: '2026-12-05T00:02:00.000Z' },
      confirmation: { method: 'tablet' as const, at: '2026-12-05T00:10:00.000Z', signatureImage: 'data:image/png;base64,iVBORw0KGgo=' },
    };
    const changed = { ...v, status: 'serving' as const, desk: '1番窓口', servedBy: 'u1', procedureIds: ['shussei-todoke'], work, updatedAt: '2026-12-05T00:03:00.000Z' };
    const saved = await s().counterSessions.update(changed, 1);
    expect(saved).toEqual({ ...changed, revision: 2 });
    expect(await s().counterSessions.update({ ...changed, desk: '2番窓口' }, 1)).toBeNull();
    expect((await s().counterSessions.get(v.sessionId))?.desk).toBe('1番窓口');
  });

  it('finds a visit by its live pairing code (own municipality only) and by its tablet token', async () => {
    const v = await s().counterSessions.create(visit({ pairingCodeHash: 'h1', pairingExpiresAt: '2026-12-05T00:10:00.000Z', tabletTokenHash: 't1' }));
    const now = new Date('2026-12-05T00:05:00.000Z');
    expect((await s().counterSessions.findByPairingCode('082015', 'h1', now))?.sessionId).toBe(v.sessionId);
    expect(await s().counterSessions.findByPairingCode('011002', 'h1', now)).toBeNull();
    expect(await s().counterSessions.findByPairingCode('082015', 'h1', new Date('2026-12-05T00:10:00.000Z'))).toBeNull();
    expect((await s().counterSessions.findByTabletToken('t1'))?.sessionId).toBe(v.sessionId);
    expect(await s().counterSessions.findByTabletToken('t2')).toBeNull();
  });

  it('lists the visits never ended that were opened before a time, across municipalities, oldest first', async () => {
    const old = await s().counterSessions.create(visit({ createdAt: '2026-12-04T01:00:00.000Z', day: '2026-12-04' }));
    const elsewhere = await s().counterSessions.create(visit({ municipalityCode: '011002', createdAt: '2026-12-04T02:00:00.000Z', day: '2026-12-04' }));
    const ended = await s().counterSessions.create(visit({ createdAt: '2026-12-04T00:30:00.000Z', day: '2026-12-04' }));
    await s().counterSessions.update({ ...ended, status: 'ended' }, ended.revision);
    await s().counterSessions.create(visit({ createdAt: '2026-12-05T00:30:00.000Z' }));
    const found = await s().counterSessions.unendedBefore(new Date('2026-12-04T15:00:00.000Z'), 10);
    expect(found.map((v) => v.sessionId)).toEqual([old.sessionId, elsewhere.sessionId]);
    expect(await s().counterSessions.unendedBefore(new Date('2026-12-04T15:00:00.000Z'), 1)).toHaveLength(1);
  });

  it('lists the timelines of a municipality opened in a period, oldest first, without the work', async () => {
    const a = await s().counterSessions.create(visit({ createdAt: '2026-12-05T01:00:00.000Z', work: { shared: {}, answers: { x: { secret: 'no' } }, sources: {} } }));
    const b = await s().counterSessions.create(visit({ createdAt: '2026-12-05T00:30:00.000Z', procedureIds: ['p1'], prefilled: true }));
    await s().counterSessions.create(visit({ createdAt: '2026-12-05T03:00:00.000Z' }));
    await s().counterSessions.create(visit({ municipalityCode: '011002', createdAt: '2026-12-05T01:00:00.000Z' }));
    const list = await s().counterSessions.timelines('082015', new Date('2026-12-05T00:00:00.000Z'), new Date('2026-12-05T02:00:00.000Z'));
    expect(list.map((t) => t.sessionId)).toEqual([b.sessionId, a.sessionId]);
    expect(list[0]).toEqual({
      sessionId: b.sessionId,
      municipalityCode: '082015',
      ticketNumber: b.ticketNumber,
      desk: '',
      servedBy: '',
      status: 'waiting',
      procedureIds: ['p1'],
      prefilled: true,
      identitySource: null,
      steps: [{ kind: 'opened', at: '2026-12-05T00:00:00.000Z' }],
      submissionIds: [],
    });
    expect(JSON.stringify(list)).not.toContain('secret');
  });
});
