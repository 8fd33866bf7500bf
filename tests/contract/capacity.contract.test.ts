/** The capacity (定員) storage contract (issue #22): every adapter behaves exactly like this. */
import type { CapacityTake, StatusChange } from '@madoguchi/shared';
import { CapacityBelowTakenError, CapacityFullError } from '../../server/src/storage/capacityTypes';
import { describeContract } from './adapters';
import { submission } from './fixtures';

const take = (option: string, places = 1, schemaLimit = 2): CapacityTake => ({ fieldPath: 'session', option, places, schemaLimit });
const key = (option: string) => ({ municipalityCode: '082015', procedureId: 'test', fieldPath: 'session', option });
const move = (to: 'withdrawn' | 'rejected' | 'in-review', from = 'received'): StatusChange => ({ from: from as StatusChange['from'], to, at: '2026-11-02T00:00:00.000Z', by: 'u-1' });

describeContract('capacity storage contract', ({ s }) => {
  const slot = async (option: string) => (await s().capacity.list('082015', 'test')).find((x) => x.option === option);

  it('takes places with the insert; a full option refuses the submission and stores nothing', async () => {
    const [a, b, c] = [submission(), submission(), submission()];
    await s().submissions.insert(a, undefined, { capacity: [take('午前')] });
    await s().submissions.insert(b, undefined, { capacity: [take('午前')] });
    expect(await slot('午前')).toMatchObject({ capacity: 2, schemaLimit: 2, taken: 2 });
    await expect(s().submissions.insert(c, undefined, { capacity: [take('午前')] })).rejects.toBeInstanceOf(CapacityFullError);
    await expect(s().submissions.insert(c, undefined, { capacity: [take('午前')] })).rejects.toMatchObject({ code: 'capacity_full', status: 409 });
    expect(await s().submissions.findById(c.id)).toBeNull();
    expect((await slot('午前'))!.taken).toBe(2);
    expect((await s().capacity.holds('082015', 'test')).map((h) => h.submissionId)).toEqual([a.id, b.id]);
  });

  it('takes as many places as asked for (countOf rows), all or none', async () => {
    const a = submission();
    await expect(s().submissions.insert(a, undefined, { capacity: [take('午後', 3)] })).rejects.toBeInstanceOf(CapacityFullError);
    expect(await s().submissions.findById(a.id)).toBeNull();
    await s().submissions.insert(a, undefined, { capacity: [take('午後', 2)] });
    expect(await slot('午後')).toMatchObject({ taken: 2, capacity: 2 });
    expect(await s().capacity.holds('082015', 'test')).toEqual([expect.objectContaining({ submissionId: a.id, option: '午後', places: 2 })]);
  });

  it('does not take a second place for a duplicate insert (an idempotent retry)', async () => {
    const a = submission({ idempotencyKey: 'retry-key-0001', requestHash: 'h' });
    await s().submissions.insert(a, undefined, { capacity: [take('午前')] });
    const again = submission({ idempotencyKey: 'retry-key-0001', requestHash: 'h' });
    await expect(s().submissions.insert(again, undefined, { capacity: [take('午前')] })).rejects.toMatchObject({ conflictOn: 'idempotencyKey' });
    expect((await slot('午前'))!.taken).toBe(1);
  });

  it('frees the places once with a closing status move (withdrawn, rejected); other moves keep them', async () => {
    const [a, b] = [submission(), submission()];
    await s().submissions.insert(a, undefined, { capacity: [take('午前')] });
    await s().submissions.insert(b, undefined, { capacity: [take('午前')] });
    await s().submissions.changeStatus(b.id, 'received', move('in-review'), new Date(), { releaseCapacity: false });
    expect((await slot('午前'))!.taken).toBe(2);
    await s().submissions.changeStatus(a.id, 'received', move('withdrawn'), new Date(), { releaseCapacity: true });
    expect((await slot('午前'))!.taken).toBe(1);
    // A second release of the same submission finds nothing left to free.
    await s().submissions.changeStatus(b.id, 'in-review', move('rejected', 'in-review'), new Date(), { releaseCapacity: true });
    expect((await slot('午前'))!.taken).toBe(0);
    await expect(s().submissions.changeStatus(a.id, 'received', move('withdrawn'), new Date(), { releaseCapacity: true })).rejects.toBeTruthy(); // stale: no second move
    expect((await slot('午前'))!.taken).toBe(0);
    const holds = await s().capacity.holds('082015', 'test');
    expect(holds.every((h) => h.releasedAt)).toBe(true);
  });

  it('raises and lowers a capacity, never below what is taken; a raise lets the next one in', async () => {
    await s().submissions.insert(submission(), undefined, { capacity: [take('午前')] });
    await s().submissions.insert(submission(), undefined, { capacity: [take('午前')] });
    await expect(s().submissions.insert(submission(), undefined, { capacity: [take('午前')] })).rejects.toBeInstanceOf(CapacityFullError);
    await expect(s().capacity.setCapacity(key('午前'), 1, 2, '2026-11-03T00:00:00.000Z')).rejects.toBeInstanceOf(CapacityBelowTakenError);
    expect(await slot('午前')).toMatchObject({ capacity: 2, taken: 2 });
    expect(await s().capacity.setCapacity(key('午前'), 3, 2, '2026-11-03T00:00:00.000Z')).toMatchObject({ capacity: 3, taken: 2, schemaLimit: 2 });
    await s().submissions.insert(submission(), undefined, { capacity: [take('午前')] });
    expect(await slot('午前')).toMatchObject({ capacity: 3, taken: 3 });
    // Setting an option not used yet creates it from the schema's number.
    expect(await s().capacity.setCapacity(key('午後'), 5, 2, '2026-11-03T00:00:00.000Z')).toMatchObject({ capacity: 5, taken: 0 });
  });

  it('keeps a raised capacity while the schema number stays; a new version’s number applies once, never below taken, taken kept', async () => {
    await s().submissions.insert(submission(), undefined, { capacity: [take('午前', 2, 2)] });
    await s().capacity.setCapacity(key('午前'), 4, 2, '2026-11-03T00:00:00.000Z');
    await s().submissions.insert(submission(), undefined, { capacity: [take('午前', 1, 2)] });
    expect(await slot('午前')).toMatchObject({ capacity: 4, taken: 3 });
    // The next version says 10: its number replaces the raised 4, the 3 taken stay taken.
    await s().submissions.insert(submission(), undefined, { capacity: [take('午前', 1, 10)] });
    expect(await slot('午前')).toMatchObject({ capacity: 10, schemaLimit: 10, taken: 4 });
    // A version saying 1 cannot go below the 4 taken: full, and the refused insert changed nothing.
    await expect(s().submissions.insert(submission(), undefined, { capacity: [take('午前', 1, 1)] })).rejects.toBeInstanceOf(CapacityFullError);
    expect(await slot('午前')).toMatchObject({ capacity: 10, schemaLimit: 10, taken: 4 });
  });

  it('moves the places with a corrected application (revise), all or nothing', async () => {
    const a = submission({ status: 'correction-requested' });
    await s().submissions.insert(a, undefined, { capacity: [take('午前')] });
    await s().submissions.insert(submission(), undefined, { capacity: [take('夜', 1, 1)] });
    const revision = (session: string) => ({
      data: { session },
      attachments: {},
      change: { from: 'correction-requested' as const, to: 'resubmitted' as const, at: '2026-11-02T00:00:00.000Z', by: 'applicant' },
    });
    // Into a full option: refused, nothing changed (answers, status, places).
    await expect(s().submissions.revise(a.id, 'correction-requested', revision('夜'), new Date(), { rebookCapacity: [take('夜', 1, 1)] })).rejects.toBeInstanceOf(CapacityFullError);
    expect((await s().submissions.findById(a.id))!.status).toBe('correction-requested');
    expect([(await slot('午前'))!.taken, (await slot('夜'))!.taken]).toEqual([1, 1]);
    await s().submissions.revise(a.id, 'correction-requested', revision('午後'), new Date(), { rebookCapacity: [take('午後')] });
    expect([(await slot('午前'))!.taken, (await slot('午後'))!.taken]).toEqual([0, 1]);
    expect((await s().capacity.holds('082015', 'test')).filter((h) => h.submissionId === a.id)).toEqual([expect.objectContaining({ option: '午後', places: 1 })]);
    // Withdrawn later, it frees the place it holds now.
    await s().submissions.changeStatus(a.id, 'resubmitted', move('withdrawn', 'resubmitted'), new Date(), { releaseCapacity: true });
    expect((await slot('午後'))!.taken).toBe(0);
  });
});
