/**
 * The storage contract of the inbox and back-office API (issue #7): every
 * adapter must behave exactly like this. No test here knows which adapter it runs on.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { StatusChange, Submission } from '@madoguchi/shared';
import { BadRequestError, ConflictError, NotFoundError } from '../../server/src/errors';
import type { Delivery, OutboxEvent, Webhook } from '../../server/src/storage/types';
import { DataCipher } from '../../server/src/security/dataCipher';
import { describeContract } from './adapters';
import { fileMeta, submission } from './fixtures';
import { seededInts } from '../helpers/seededRandom';

const t0 = new Date('2026-11-10T00:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function event(s: Submission, type: OutboxEvent['type'] = 'submission.received'): OutboxEvent {
  return {
    id: randomUUID(),
    type,
    municipalityCode: s.municipalityCode,
    procedureId: s.procedureId,
    submissionId: s.id,
    receiptNumber: s.receiptNumber,
    data: { status: s.status },
    createdAt: s.createdAt,
  };
}

const ids = (items: Array<{ id: string }>) => items.map((x) => x.id);

const move = (from: Submission['status'], to: Submission['status'], minutes: number, by = 'u1'): StatusChange => ({ from, to, at: at(minutes).toISOString(), by });

/** How a counter application was made (書かない窓口, issue #19). */
const counter = (): NonNullable<Submission['counter']> => ({
  sessionId: 's-1',
  ticketNumber: 'A-007',
  desk: '1番窓口',
  servedBy: 'u1',
  sources: { '/name': 'card' },
  identitySource: 'card',
  prefilled: false,
  confirmation: { method: 'tablet', at: t0.toISOString(), signatureImage: 'data:image/png;base64,iVBORw0KGgo=' },
});

describeContract('inbox storage contract', ({ s }) => {
  describe('submission writes', () => {
    it('stores the search index and the outbox event with the submission, and keeps the Submission itself unchanged', async () => {
      const sub = submission();
      const e = event(sub);
      await s().submissions.insert(sub, undefined, { index: { name: '水戸太郎', kana: 'ミトタロウ' }, outbox: [e] });
      expect(await s().submissions.findById(sub.id)).toEqual(sub);
      const meta = await s().inbox.getMeta(sub.id);
      expect(meta).toMatchObject({ id: sub.id, receiptNumber: sub.receiptNumber, applicantName: '水戸太郎', applicantKana: 'ミトタロウ', revision: 1, status: 'received' });
      expect(meta!.changeSeq).toBeGreaterThan(0);
      expect((await s().inbox.getMetaByReceipt(sub.receiptNumber))!.id).toBe(sub.id);
      expect((await s().outbox.pending(10)).map((x) => x.id)).toEqual([e.id]);
    });

    it('writes nothing to the outbox when the insert fails', async () => {
      const first = submission();
      await s().submissions.insert(first);
      await expect(s().submissions.insert(submission({ receiptNumber: first.receiptNumber }), undefined, { outbox: [event(first)] })).rejects.toBeInstanceOf(ConflictError);
      expect(await s().outbox.pending(10)).toEqual([]);
    });

    it('raises the change sequence on every status move, commits its event, and records when it closed', async () => {
      const sub = submission();
      await s().submissions.insert(sub);
      const seq0 = (await s().inbox.getMeta(sub.id))!.changeSeq;
      await s().submissions.changeStatus(sub.id, 'received', move('received', 'in-review', 1), at(1), { outbox: [event(sub, 'submission.status-changed')] });
      const seq1 = (await s().inbox.getMeta(sub.id))!.changeSeq;
      expect(seq1).toBeGreaterThan(seq0);
      expect((await s().inbox.getMeta(sub.id))!.closedAt).toBeUndefined();
      await s().submissions.changeStatus(sub.id, 'in-review', move('in-review', 'rejected', 2), at(2));
      expect((await s().inbox.getMeta(sub.id))!.closedAt).toBe(at(2).toISOString());
      expect((await s().outbox.pending(10)).map((x) => x.type)).toEqual(['submission.status-changed']);
    });

    it('a lost compare-and-set changes nothing: no event, no sequence', async () => {
      const sub = submission();
      await s().submissions.insert(sub);
      const seq = (await s().inbox.getMeta(sub.id))!.changeSeq;
      await expect(s().submissions.changeStatus(sub.id, 'in-review', move('in-review', 'accepted', 1), at(1), { outbox: [event(sub)] })).rejects.toBeInstanceOf(ConflictError);
      expect((await s().inbox.getMeta(sub.id))!.changeSeq).toBe(seq);
      expect(await s().outbox.pending(10)).toEqual([]);
    });

    it('revises the answers: the earlier revision stays readable, new files are bound, status and index move', async () => {
      const sub = submission({ data: { name: '水戸 太郎' }, attachments: { photo: ['f-old'] } });
      await s().submissions.insert(sub, undefined, { index: { name: '水戸太郎', kana: 'ミトタロウ' } });
      await s().submissions.changeStatus(sub.id, 'received', move('received', 'in-review', 1), at(1));
      await s().submissions.changeStatus(sub.id, 'in-review', move('in-review', 'correction-requested', 2), at(2));
      const file = fileMeta({ uploadToken: 'token-9' });
      await s().files.put(file, Buffer.from('new'));
      const revised = await s().submissions.revise(
        sub.id,
        'correction-requested',
        {
          data: { name: '水戸 次郎' },
          attachments: { photo: ['f-old', file.id] },
          files: { ids: [file.id], uploadToken: 'token-9' },
          change: move('correction-requested', 'resubmitted', 3, 'applicant'),
        },
        at(3),
        { index: { name: '水戸次郎', kana: 'ミトジロウ' }, outbox: [event(sub, 'submission.resubmitted')] },
      );
      expect(revised).toMatchObject({ data: { name: '水戸 次郎' }, status: 'resubmitted', attachments: { photo: ['f-old', file.id] } });
      expect(revised.history.at(-1)).toMatchObject({ to: 'resubmitted', by: 'applicant' });
      expect(await s().inbox.getMeta(sub.id)).toMatchObject({ revision: 2, applicantName: '水戸次郎', applicantKana: 'ミトジロウ' });
      expect(await s().inbox.listRevisions(sub.id)).toEqual([
        { submissionId: sub.id, revision: 1, formVersion: 1, data: { name: '水戸 太郎' }, attachments: { photo: ['f-old'] }, createdAt: sub.createdAt },
      ]);
      expect((await s().files.getMeta(file.id))!.submissionId).toBe(sub.id);
      expect((await s().outbox.pending(10)).map((x) => x.type)).toEqual(['submission.resubmitted']);
    });

    it('refuses a revision when the status moved meanwhile, and keeps everything as it was', async () => {
      const sub = submission();
      await s().submissions.insert(sub);
      await expect(
        s().submissions.revise(sub.id, 'correction-requested', { data: {}, attachments: {}, change: move('correction-requested', 'resubmitted', 1, 'applicant') }, at(1)),
      ).rejects.toBeInstanceOf(ConflictError);
      await expect(s().submissions.revise('missing', 'received', { data: {}, attachments: {}, change: move('received', 'in-review', 1) }, at(1))).rejects.toBeInstanceOf(NotFoundError);
      expect(await s().inbox.listRevisions(sub.id)).toEqual([]);
      expect(await s().submissions.findById(sub.id)).toEqual(sub);
    });
  });

  describe('inbox list', () => {
    async function seed() {
      const subs: Submission[] = [];
      const names = [
        ['水戸太郎', 'ミトタロウ'],
        ['水戸花子', 'ミトハナコ'],
        ['日立一郎', 'ヒタチイチロウ'],
        ['𠮷田花', 'ヨシダハナ'],
        ['水戸次郎', 'ミトジロウ'],
        ['笠間和子', 'カサマカズコ'],
      ];
      for (const [i, [name, kana]] of names.entries()) {
        const sub = submission({ procedureId: i < 3 ? 'a' : 'b', ...(i % 2 === 0 ? { assigneeId: 'u1' } : {}) });
        await s().submissions.insert(sub, undefined, { index: { name: name!, kana: kana! } });
        subs.push(sub);
      }
      await s().submissions.insert(submission({ municipalityCode: '011002' }), undefined, { index: { name: '水戸外', kana: 'ミトソト' } });
      await s().submissions.changeStatus(subs[1]!.id, 'received', move('received', 'in-review', 100), at(100));
      return subs;
    }
    it('pages newest first with a keyset cursor, oldest first, and by last update', async () => {
      const subs = await seed();
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await s().inbox.list({ municipalityCode: '082015', limit: 4, ...(after ? { after } : {}) });
        seen.push(...ids(page.items));
        after = page.next;
      } while (after);
      expect(seen).toEqual(ids([...subs].reverse()));
      const asc = await s().inbox.list({ municipalityCode: '082015', limit: 4, sort: 'received-asc' });
      const asc2 = await s().inbox.list({ municipalityCode: '082015', limit: 4, sort: 'received-asc', after: asc.next! });
      expect([...ids(asc.items), ...ids(asc2.items)]).toEqual(ids(subs));
      const updated = await s().inbox.list({ municipalityCode: '082015', limit: 1, sort: 'updated-desc' });
      expect(ids(updated.items)).toEqual([subs[1]!.id]);
      await expect(s().inbox.list({ municipalityCode: '082015', limit: 4, sort: 'received-desc', after: asc.next! })).rejects.toBeInstanceOf(BadRequestError);
    });

    it('filters by status, procedure, assignee, dates, receipt number and name or reading prefix', async () => {
      const subs = await seed();
      const q = { municipalityCode: '082015', limit: 50 };
      expect(ids((await s().inbox.list({ ...q, status: ['in-review'] })).items)).toEqual([subs[1]!.id]);
      expect(ids((await s().inbox.list({ ...q, procedureId: 'a' })).items)).toEqual(ids(subs.slice(0, 3).reverse()));
      expect(ids((await s().inbox.list({ ...q, procedureIds: ['b'] })).items)).toEqual(ids(subs.slice(3).reverse()));
      expect(ids((await s().inbox.list({ ...q, procedureIds: [] })).items)).toEqual([]);
      expect(ids((await s().inbox.list({ ...q, assigneeId: 'u1' })).items)).toEqual(ids([subs[4]!, subs[2]!, subs[0]!]));
      expect(ids((await s().inbox.list({ ...q, assigneeId: null })).items)).toEqual(ids([subs[5]!, subs[3]!, subs[1]!]));
      expect(ids((await s().inbox.list({ ...q, receivedFrom: subs[1]!.createdAt, receivedTo: subs[3]!.createdAt })).items)).toEqual(ids([subs[2]!, subs[1]!]));
      expect(ids((await s().inbox.list({ ...q, receiptNumber: subs[3]!.receiptNumber })).items)).toEqual([subs[3]!.id]);
      expect(ids((await s().inbox.list({ ...q, kanaPrefix: 'ミト' })).items)).toEqual(ids([subs[4]!, subs[1]!, subs[0]!]));
      expect(ids((await s().inbox.list({ ...q, namePrefix: '水戸花' })).items)).toEqual([subs[1]!.id]);
      expect(ids((await s().inbox.list({ ...q, namePrefix: '𠮷' })).items)).toEqual([subs[3]!.id]);
      expect(ids((await s().inbox.list({ ...q, namePrefix: '水戸.' })).items)).toEqual([]);
      const page = await s().inbox.list({ ...q, kanaPrefix: 'ミト', limit: 2 });
      expect(ids((await s().inbox.list({ ...q, kanaPrefix: 'ミト', limit: 2, after: page.next! })).items)).toEqual([subs[0]!.id]);
    });

    it('keeps the channel an application came by, and filters on it (counter applications and online ones)', async () => {
      const subs = await seed();
      const atCounter = submission({ procedureId: 'a', counter: counter() });
      await s().submissions.insert(atCounter, undefined, { index: { name: '窓口一郎', kana: 'マドグチイチロウ' } });
      expect((await s().inbox.getMeta(atCounter.id))!.channel).toBe('counter');
      expect((await s().inbox.getMeta(subs[0]!.id))!.channel).toBe('online');
      const q = { municipalityCode: '082015', limit: 50 };
      const counterPage = await s().inbox.list({ ...q, channel: 'counter' });
      expect(ids(counterPage.items)).toEqual([atCounter.id]);
      expect(counterPage.items[0]!.channel).toBe('counter');
      expect(ids((await s().inbox.list({ ...q, channel: 'online' })).items)).toEqual(ids([...subs].reverse()));
      expect(ids((await s().inbox.list({ ...q, channel: 'counter', procedureId: 'b' })).items)).toEqual([]);
      expect((await s().inbox.changes({ municipalityCode: '082015', afterSeq: 0, limit: 50 })).find((m) => m.id === atCounter.id)!.channel).toBe('counter');
    });

    it('rewrites stored names with a folding rule, only where it changes them, without touching anything else', async () => {
      const subs = await seed();
      const old = submission({ procedureId: 'a' });
      await s().submissions.insert(old, undefined, { index: { name: '髙橋一郎', kana: 'タカハシイチロウ' } });
      const before = await s().inbox.getMeta(old.id);
      const fold = (name: string) => name.replace(/髙/gu, '高').replace(/𠮷/gu, '吉');
      expect(await s().inbox.refoldApplicantNames(fold)).toBe(2);
      expect(await s().inbox.refoldApplicantNames(fold)).toBe(0);
      const q = { municipalityCode: '082015', limit: 50 };
      expect(ids((await s().inbox.list({ ...q, namePrefix: '高橋' })).items)).toEqual([old.id]);
      expect(ids((await s().inbox.list({ ...q, namePrefix: '吉田' })).items)).toEqual([subs[3]!.id]);
      expect(await s().inbox.getMeta(old.id)).toEqual({ ...before, applicantName: '高橋一郎' });
      expect(await s().submissions.findById(old.id)).toEqual(old);
    });

    it('counts per status within the municipality (and procedure scope)', async () => {
      await seed();
      expect(await s().inbox.countByStatus('082015')).toEqual({ received: 5, 'in-review': 1 });
      expect(await s().inbox.countByStatus('082015', ['b'])).toEqual({ received: 3 });
      // Asked again after every kind of write: insert, status change, purge (adapters may cache counts).
      const extra = submission({ procedureId: 'b' });
      await s().submissions.insert(extra, undefined, {});
      expect(await s().inbox.countByStatus('082015')).toEqual({ received: 6, 'in-review': 1 });
      await s().submissions.changeStatus(extra.id, 'received', move('received', 'in-review', 200), at(200));
      expect(await s().inbox.countByStatus('082015', ['b'])).toEqual({ received: 3, 'in-review': 1 });
      await s().inbox.purge(extra.id);
      expect(await s().inbox.countByStatus('082015')).toEqual({ received: 5, 'in-review': 1 });
      expect(await s().inbox.countByStatus('082015', ['b'])).toEqual({ received: 3 });
    });
    it('keeps the counts right through any order of applications, status changes and purges', async () => {
      // A fixed pseudo-random sequence (the same on every run and adapter), checked after each step against what the
      // steps did; the other municipality's applications must never show.
      const next = seededInts(1207);
      const statuses: Submission['status'][] = ['received', 'in-review', 'correction-requested', 'resubmitted', 'accepted', 'completed', 'rejected'];
      const live = new Map<string, { procedureId: string; status: Submission['status'] }>();
      const expected = (procedures?: string[]) => {
        const counts: Partial<Record<Submission['status'], number>> = {};
        for (const x of live.values()) if (!procedures || procedures.includes(x.procedureId)) counts[x.status] = (counts[x.status] ?? 0) + 1;
        return counts;
      };
      for (let step = 0; step < 80; step++) {
        const action = next(10);
        const ids = [...live.keys()];
        if (action < 4 || ids.length === 0) {
          const x = submission({ procedureId: ['a', 'b', 'c'][next(3)]! });
          await s().submissions.insert(x, undefined, {});
          live.set(x.id, { procedureId: x.procedureId, status: x.status });
          await s().submissions.insert(submission({ municipalityCode: '011002', procedureId: 'a' }), undefined, {});
        } else if (action < 8) {
          const id = ids[next(ids.length)]!;
          const from = live.get(id)!.status;
          const to = statuses[next(statuses.length)]!;
          await s().submissions.changeStatus(id, from, move(from, to, step), at(step));
          live.get(id)!.status = to;
        } else {
          const id = ids[next(ids.length)]!;
          await s().inbox.purge(id);
          live.delete(id);
        }
        expect([step, await s().inbox.countByStatus('082015')]).toEqual([step, expected()]);
        expect([step, await s().inbox.countByStatus('082015', ['a', 'c'])]).toEqual([step, expected(['a', 'c'])]);
      }
      expect(await s().inbox.countByStatus('082015', [])).toEqual({});
    });
  });

  describe('pull feed, acknowledgement, reads, notes, messages', () => {
    it('lists changes in sequence order per municipality, from a cursor', async () => {
      const a = submission();
      const b = submission();
      await s().submissions.insert(a);
      await s().submissions.insert(b);
      await s().submissions.insert(submission({ municipalityCode: '011002' }));
      await s().submissions.changeStatus(a.id, 'received', move('received', 'in-review', 1), at(1));
      const all = await s().inbox.changes({ municipalityCode: '082015', afterSeq: 0, limit: 10 });
      expect(ids(all)).toEqual([b.id, a.id]);
      expect(ids(await s().inbox.changes({ municipalityCode: '082015', afterSeq: all[0]!.changeSeq, limit: 10 }))).toEqual([a.id]);
      expect(ids(await s().inbox.changes({ municipalityCode: '082015', afterSeq: all[1]!.changeSeq, limit: 10 }))).toEqual([]);
      expect(ids(await s().inbox.changes({ municipalityCode: '082015', afterSeq: 0, limit: 10, procedureId: 'other' }))).toEqual([]);
    });
    it('acknowledges without raising the sequence', async () => {
      const a = submission();
      await s().submissions.insert(a);
      const before = (await s().inbox.getMeta(a.id))!.changeSeq;
      const acked = await s().inbox.acknowledge(a.id, 'api-key:k1', 1, at(5));
      expect(acked).toMatchObject({ acknowledgedAt: at(5).toISOString(), acknowledgedBy: 'api-key:k1', acknowledgedRevision: 1, changeSeq: before });
      await expect(s().inbox.acknowledge('missing', 'x', 1, at(5))).rejects.toBeInstanceOf(NotFoundError);
    });

    it('keeps the highest revision read per user', async () => {
      await s().inbox.markRead('u1', 's1', 2, at(1));
      await s().inbox.markRead('u1', 's1', 1, at(2));
      await s().inbox.markRead('u2', 's2', 1, at(2));
      expect(await s().inbox.readRevisions('u1', ['s1', 's2'])).toEqual({ s1: 2 });
      expect(await s().inbox.readRevisions('u1', [])).toEqual({});
    });

    it('stores notes and messages in order', async () => {
      const base = { submissionId: 's1', municipalityCode: '082015' };
      await s().inbox.addNote({ ...base, id: 'n2', authorId: 'u1', body: '電話で確認済み（髙橋）', createdAt: at(2).toISOString() });
      await s().inbox.addNote({ ...base, id: 'n1', authorId: 'u2', body: '原本待ち', createdAt: at(1).toISOString() });
      expect((await s().inbox.listNotes('s1')).map((n) => n.body)).toEqual(['原本待ち', '電話で確認済み（髙橋）']);
      const m = { ...base, id: 'm1', kind: 'correction-request' as const, author: 'u1', body: '住所を確認してください', fields: ['/householder/address'], revision: 1, createdAt: at(1).toISOString() };
      await s().inbox.addMessage(m);
      expect(await s().inbox.listMessages('s1')).toEqual([m]);
      expect(await s().inbox.listMessages('s2')).toEqual([]);
    });

    it('iterates histories of a received window', async () => {
      const a = submission();
      await s().submissions.insert(a);
      await s().submissions.changeStatus(a.id, 'received', move('received', 'in-review', 1), at(1));
      const rows = [];
      for await (const r of s().inbox.histories({ municipalityCode: '082015', receivedFrom: '2000-01-01T00:00:00Z', receivedTo: '2100-01-01T00:00:00Z' })) rows.push(r);
      expect(rows).toEqual([{ procedureId: 'test', status: 'in-review', history: [...a.history, move('received', 'in-review', 1)] }]);
    });
  });

  describe('retention', () => {
    async function closed() {
      const sub = submission({ data: { name: '水戸 太郎' }, attachments: { photo: [] } });
      const file = fileMeta();
      await s().files.put(file, Buffer.from('x'));
      await s().submissions.insert({ ...sub, attachments: { photo: [file.id] } }, { ids: [file.id], uploadToken: 'token-1' }, { index: { name: '水戸太郎', kana: 'ミトタロウ' } });
      await s().submissions.changeStatus(sub.id, 'received', { ...move('received', 'rejected', 1), publicNote: '水戸太郎様、書類不備のため' }, at(1));
      await s().inbox.addNote({ id: randomUUID(), submissionId: sub.id, municipalityCode: '082015', authorId: 'u1', body: 'メモ', createdAt: at(1).toISOString() });
      return { sub, file };
    }

    it('finds closed submissions past a date, per procedure', async () => {
      const { sub } = await closed();
      expect((await s().inbox.closedBefore({ municipalityCode: '082015', procedureId: 'test', before: at(2).toISOString(), limit: 10 })).map((m) => m.id)).toEqual([sub.id]);
      expect(await s().inbox.closedBefore({ municipalityCode: '082015', procedureId: 'test', before: at(0).toISOString(), limit: 10 })).toEqual([]);
      expect(await s().inbox.closedBefore({ municipalityCode: '082015', procedureId: 'other', before: at(2).toISOString(), limit: 10 })).toEqual([]);
    });

    it('purges a submission with its files and notes', async () => {
      const { sub, file } = await closed();
      await s().inbox.purge(sub.id);
      expect(await s().submissions.findById(sub.id)).toBeNull();
      expect(await s().files.getMeta(file.id)).toBeNull();
      expect(await s().inbox.listNotes(sub.id)).toEqual([]);
    });

    it('leaves a tombstone at the next change sequence when purging, committed with its outbox event and audit row', async () => {
      const { sub } = await closed();
      const before = (await s().inbox.getMeta(sub.id))!.changeSeq;
      const removed = { ...event(sub, 'submission.deleted'), data: { kind: 'deleted', receiptNumber: sub.receiptNumber } };
      const audit = { at: at(10).toISOString(), actor: 'system', action: 'submission.retention.deleted', municipalityCode: '082015', targetType: 'submission', targetId: sub.id, details: {} };
      await s().inbox.purge(sub.id, { at: at(10).toISOString(), outbox: [removed], audit });
      const tombstones = await s().inbox.tombstones({ municipalityCode: '082015', afterSeq: before, limit: 10 });
      expect(tombstones).toEqual([
        { kind: 'deleted', changeSeq: expect.any(Number), submissionId: sub.id, receiptNumber: sub.receiptNumber, municipalityCode: '082015', procedureId: 'test', at: at(10).toISOString() },
      ]);
      expect(tombstones[0]!.changeSeq).toBeGreaterThan(before);
      expect(await s().inbox.tombstones({ municipalityCode: '082015', afterSeq: tombstones[0]!.changeSeq, limit: 10 })).toEqual([]);
      expect(await s().inbox.tombstones({ municipalityCode: '011002', afterSeq: 0, limit: 10 })).toEqual([]);
      expect(await s().inbox.tombstones({ municipalityCode: '082015', afterSeq: 0, limit: 10, procedureId: 'other' })).toEqual([]);
      expect((await s().outbox.pending(10)).map((e) => e.id)).toContain(removed.id);
      expect((await s().audit.list({ targetId: sub.id, limit: 5 })).map((e) => e.action)).toContain('submission.retention.deleted');
      // A later change takes a later sequence: the tombstone keeps its place in the feed.
      const next = submission();
      await s().submissions.insert(next);
      expect((await s().inbox.getMeta(next.id))!.changeSeq).toBeGreaterThan(tombstones[0]!.changeSeq);
    });

    it('commits a strip with its outbox event', async () => {
      const { sub } = await closed();
      const removed = event(sub, 'submission.stripped');
      await s().inbox.strip(sub.id, at(10), { outbox: [removed] });
      expect((await s().outbox.pending(10)).map((e) => e.id)).toContain(removed.id);
    });

    it('strips a submission to its record', async () => {
      const { sub, file } = await closed();
      const seq = (await s().inbox.getMeta(sub.id))!.changeSeq;
      await s().inbox.strip(sub.id, at(10));
      const stripped = await s().submissions.findById(sub.id);
      expect(stripped).toMatchObject({ data: {}, attachments: {}, status: 'rejected', receiptNumber: sub.receiptNumber });
      expect(stripped!.history.map((h) => h.publicNote)).toEqual([undefined, undefined]);
      const meta = (await s().inbox.getMeta(sub.id))!;
      expect(meta).toMatchObject({ strippedAt: at(10).toISOString() });
      expect(meta.applicantName).toBeUndefined();
      expect(meta.changeSeq).toBeGreaterThan(seq);
      expect(await s().files.getMeta(file.id)).toBeNull();
      expect(await s().inbox.listNotes(sub.id)).toEqual([]);
      expect(await s().inbox.closedBefore({ municipalityCode: '082015', procedureId: 'test', before: at(20).toISOString(), limit: 10 })).toEqual([]);
    });

    it('strips the signature a visitor drew at the counter, keeping who served and how it was confirmed', async () => {
      const sub = submission({ counter: counter() });
      await s().submissions.insert(sub);
      await s().submissions.changeStatus(sub.id, 'received', move('received', 'rejected', 1), at(1));
      await s().inbox.strip(sub.id, at(10));
      const { signatureImage: _drawn, ...confirmation } = counter().confirmation;
      expect((await s().submissions.findById(sub.id))!.counter).toEqual({ ...counter(), confirmation });
      expect((await s().inbox.getMeta(sub.id))!.channel).toBe('counter');
    });

    it('keeps one policy per municipality and procedure', async () => {
      const p = { municipalityCode: '082015', procedureId: 'test', days: 365, mode: 'strip' as const, updatedAt: t0.toISOString(), updatedBy: 'u1' };
      await s().retention.set(p);
      await s().retention.set({ ...p, days: 30, mode: 'delete' });
      await s().retention.set({ ...p, municipalityCode: '011002' });
      expect(await s().retention.list('082015')).toEqual([{ ...p, days: 30, mode: 'delete' }]);
      expect((await s().retention.list()).length).toBe(2);
      await s().retention.remove('082015', 'test');
      expect(await s().retention.list('082015')).toEqual([]);
    });
  });

  describe('outbox and deliveries', () => {
    const delivery = (e: OutboxEvent, targetId: string): Delivery => ({
      id: randomUUID(),
      eventId: e.id,
      event: e,
      channel: 'webhook',
      targetId,
      municipalityCode: e.municipalityCode,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: t0.toISOString(),
      createdAt: t0.toISOString(),
      log: [],
    });

    it('fans an event out once, however often dispatch runs', async () => {
      const sub = submission();
      const e = event(sub);
      await s().submissions.insert(sub, undefined, { outbox: [e] });
      await s().outbox.dispatch(e.id, [delivery(e, 'w1'), delivery(e, 'w2')], t0);
      await s().outbox.dispatch(e.id, [delivery(e, 'w1')], t0);
      expect(await s().outbox.pending(10)).toEqual([]);
      const listed = await s().deliveries.list({ municipalityCode: '082015', limit: 10 });
      expect(listed.map((d) => d.targetId).sort()).toEqual(['w1', 'w2']);
      expect(listed[0]!.event).toEqual(e);
    });

    it('leases due deliveries to one worker, records attempts, gives up and retries', async () => {
      const sub = submission();
      const e = event(sub);
      await s().outbox.add(e);
      expect((await s().outbox.pending(10)).map((x) => x.id)).toEqual([e.id]);
      await s().outbox.dispatch(e.id, [delivery(e, 'w1')], t0);
      const claimed = await s().deliveries.claimDue(at(1), at(2), 10);
      expect(claimed).toHaveLength(1);
      expect(await s().deliveries.claimDue(at(1), at(2), 10)).toEqual([]);
      const id = claimed[0]!.id;
      const failed = await s().deliveries.record(
        id,
        { at: at(1).toISOString(), ok: false, statusCode: 500, error: 'HTTP 500', durationMs: 3 },
        { status: 'pending', nextAttemptAt: at(5).toISOString() },
      );
      expect(failed).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: at(5).toISOString(), log: [{ ok: false, statusCode: 500 }] });
      expect(await s().deliveries.claimDue(at(4), at(6), 10)).toEqual([]);
      expect(await s().deliveries.claimDue(at(5), at(6), 10)).toHaveLength(1);
      const given = await s().deliveries.record(id, { at: at(5).toISOString(), ok: false, error: 'ECONNREFUSED', durationMs: 1 }, { status: 'failed' });
      expect(given).toMatchObject({ status: 'failed', attempts: 2 });
      expect((await s().deliveries.list({ municipalityCode: '082015', status: 'failed', limit: 10 })).map((d) => d.id)).toEqual([id]);
      expect(await s().deliveries.retry(id, at(7))).toMatchObject({ status: 'pending', nextAttemptAt: at(7).toISOString() });
      const ok = await s().deliveries.record(id, { at: at(7).toISOString(), ok: true, statusCode: 204, durationMs: 2 }, { status: 'delivered' });
      expect(ok).toMatchObject({ status: 'delivered', attempts: 3, deliveredAt: at(7).toISOString() });
      expect(ok.log).toHaveLength(3);
      expect(await s().deliveries.get('missing')).toBeNull();
      await expect(s().deliveries.retry('missing', t0)).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('API keys and webhooks', () => {
    it('creates, lists, touches and revokes keys', async () => {
      const key = { id: 'k1', municipalityCode: '082015', name: '基幹系', scope: 'read' as const, secretHash: 'c'.repeat(64), createdAt: t0.toISOString(), createdBy: 'u1' };
      await s().apiKeys.create(key);
      await s().apiKeys.create({ ...key, id: 'k2', municipalityCode: '011002' });
      expect(await s().apiKeys.findById('k1')).toEqual(key);
      await s().apiKeys.touch('k1', at(1));
      expect((await s().apiKeys.list('082015')).map((k) => [k.id, k.lastUsedAt])).toEqual([['k1', at(1).toISOString()]]);
      expect(await s().apiKeys.revoke('k1', 'u2', at(2))).toMatchObject({ revokedAt: at(2).toISOString(), revokedBy: 'u2' });
      expect((await s().apiKeys.revoke('k1', 'u3', at(3))).revokedBy).toBe('u2');
      await expect(s().apiKeys.revoke('missing', 'u1', t0)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('stores webhooks (secret readable for signing) and finds those matching an event', async () => {
      const w: Webhook = {
        id: 'w1',
        municipalityCode: '082015',
        procedureId: null,
        url: 'https://kikan.example.jp/hook',
        secret: 's3cret',
        events: ['submission.received'],
        active: true,
        createdAt: t0.toISOString(),
        createdBy: 'u1',
        updatedAt: t0.toISOString(),
      };
      await s().webhooks.create(w);
      await s().webhooks.create({ ...w, id: 'w2', procedureId: 'risai', events: ['submission.received', 'submission.status-changed'] });
      await s().webhooks.create({ ...w, id: 'w3', active: false });
      expect(await s().webhooks.get('w1')).toEqual(w);
      expect((await s().webhooks.matching('082015', 'risai', 'submission.received')).map((x) => x.id)).toEqual(['w1', 'w2']);
      expect((await s().webhooks.matching('082015', 'other', 'submission.status-changed')).map((x) => x.id)).toEqual([]);
      const updated = await s().webhooks.update('w1', { events: ['submission.status-changed'], secret: 'rotated' }, at(1));
      expect(updated).toMatchObject({ events: ['submission.status-changed'], secret: 'rotated', updatedAt: at(1).toISOString() });
      await s().webhooks.delete('w2');
      expect((await s().webhooks.list('082015')).map((x) => x.id)).toEqual(['w1', 'w3']);
      await expect(s().webhooks.update('w2', { active: false }, t0)).rejects.toBeInstanceOf(NotFoundError);
    });
  });
});

/** One key for both instances of the store, as every process of a deployment shares the data key. */
const sameKey = new DataCipher([randomBytes(32)]);

describeContract(
  'inbox storage contract, kept pages',
  ({ s, adapter }) => {
    describe('a page asked again', () => {
      it("shows every kind of write at once, its own and another instance's (adapters may keep pages)", async () => {
        const first = submission({ procedureId: 'a' });
        await s().submissions.insert(first, undefined, { index: { name: '水戸太郎', kana: 'ミトタロウ' } });
        const q = { municipalityCode: '082015', limit: 50 };
        const page = async () => (await s().inbox.list(q)).items;
        expect(ids(await page())).toEqual([first.id]);
        // Another municipality's write leaves this page as it was.
        await s().submissions.insert(submission({ municipalityCode: '011002' }));
        expect(ids(await page())).toEqual([first.id]);

        const second = submission({ procedureId: 'a' });
        await s().submissions.insert(second);
        expect(ids(await page())).toEqual([second.id, first.id]);
        await s().submissions.changeStatus(first.id, 'received', move('received', 'in-review', 10), at(10));
        expect((await page()).find((m) => m.id === first.id)!.status).toBe('in-review');
        await s().submissions.assign(first.id, 'u2', at(11));
        expect((await page()).find((m) => m.id === first.id)!.assigneeId).toBe('u2');
        await s().inbox.acknowledge(first.id, 'api-key:k1', 1, at(12));
        expect((await page()).find((m) => m.id === first.id)!.acknowledgedBy).toBe('api-key:k1');
        await s().inbox.refoldApplicantNames((name) => name.replace('水戸', '水户'));
        expect((await page()).find((m) => m.id === first.id)!.applicantName).toBe('水户太郎');

        // A write through another instance on the same store (another process, another host).
        const other = await adapter().reopen(sameKey);
        await other.submissions.changeStatus(second.id, 'received', move('received', 'in-review', 20), at(20));
        expect((await page()).find((m) => m.id === second.id)!.status).toBe('in-review');
        expect(await s().inbox.countByStatus('082015')).toEqual({ 'in-review': 2 });
        await other.inbox.purge(second.id);
        expect(ids(await page())).toEqual([first.id]);
        expect(await s().inbox.countByStatus('082015')).toEqual({ 'in-review': 1 });

        // What a caller does with the items it got does not change the next page.
        (await page())[0]!.status = 'rejected';
        expect((await page())[0]!.status).toBe('in-review');
      });
    });
  },
  { cipher: sameKey },
);
