/**
 * The key-rotation part of the storage contract (issue #8): data sealed under
 * key A, re-sealed by a store configured [B, A], must be readable by a store
 * that has only B — every sealed table, in batches, and a second run changes nothing.
 */
import { randomBytes } from 'node:crypto';
import type { StatusChange, Submission } from '@madoguchi/shared';
import { DataCipher } from '../../server/src/security/dataCipher';
import type { ResealProgress, SealedCount, Storage, Webhook } from '../../server/src/storage/types';
import { pushTarget } from './pushFixtures';
import { describeContract } from './adapters';
import { newCounterVisit } from '../../server/src/storage/counterTypes';
import { fileMeta, submission } from './fixtures';

const t0 = new Date('2026-11-10T00:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const move = (from: Submission['status'], to: Submission['status'], minutes: number): StatusChange => ({ from, to, at: at(minutes).toISOString(), by: 'u1' });

const [keyA, keyB, keyC] = [randomBytes(32), randomBytes(32), randomBytes(32)];
const [idA, idB] = [DataCipher.keyId(keyA), DataCipher.keyId(keyB)];

const COUNTER: Submission['counter'] = {
  sessionId: 's-1',
  ticketNumber: 'A-001',
  desk: '1番窓口',
  servedBy: 'u1',
  sources: { '/name': 'card' },
  identitySource: 'card',
  prefilled: false,
  confirmation: { method: 'tablet', at: t0.toISOString(), signatureImage: 'data:image/png;base64,iVBORw0KGgo=' },
};

/** One value in every sealed place: 5 submissions (one revised, one signed, one from the counter), a counter visit, a revision, a note, a message, a draft, a webhook, 3 files. */
async function fill(s: Storage) {
  const subs = Array.from({ length: 5 }, (_, i) =>
    submission({
      data: { name: `水戸 ${i}郎` },
      ...(i === 4 ? { evidence: { identity: { method: 'myna-card' as const, verifiedAt: t0.toISOString() } } } : {}),
      ...(i === 3 ? { counter: COUNTER } : {}),
    }),
  );
  for (const sub of subs) await s.submissions.insert(sub);
  await s.certificates.issue(
    {
      id: 'cert1',
      municipalityCode: '082015',
      year: 2026,
      submissionId: subs[0]!.id,
      disasterId: 'd1',
      receiptNumber: subs[0]!.receiptNumber,
      damageLevel: '半壊',
      facts: {
        householderName: '水戸 太郎',
        householderAddress: '水戸市',
        propertyAddress: '水戸市',
        disasterName: '台風',
        disasterDate: '2026-09-20',
        cause: '',
        municipalityName: '水戸市',
        headTitle: '水戸市長',
      },
      codeHash: 'h',
      issuedAt: t0.toISOString(),
      issuedBy: 'u1',
      withdrawnAt: null,
      withdrawnBy: null,
      withdrawnReason: null,
    },
    () => ({ number: '令和8年 第000001号', fingerprint: 'f' }),
  );
  // A 却下通知書 (issue #21), written with its status move.
  await s.submissions.changeStatus(subs[1]!.id, 'received', move('received', 'rejected', 1), t0, {
    decisionNotice: {
      draft: {
        id: 'notice1',
        municipalityCode: '082015',
        year: 2026,
        submissionId: subs[1]!.id,
        receiptNumber: subs[1]!.receiptNumber,
        procedureId: 'test',
        kind: 'rejected',
        texts: { title: '却下通知書', body: '却下', appeal: '教示', head: '水戸市長', section: '', procedureTitle: '手続', applicantName: '水戸 一郎', reason: '理由' },
        decidedOn: '2026-11-10',
        issuedAt: t0.toISOString(),
        issuedBy: 'u1',
      },
      numberFor: () => '水戸市指令 第000001号',
    },
  });
  await s.counterSessions.create({ ...newCounterVisit('c1', '082015', t0), steps: [], work: { shared: {}, answers: { p: { name: '水戸 花子' } }, sources: {} } });
  const revised = subs[0]!;
  await s.submissions.changeStatus(revised.id, 'received', move('received', 'in-review', 1), at(1));
  await s.submissions.changeStatus(revised.id, 'in-review', move('in-review', 'correction-requested', 2), at(2));
  await s.submissions.revise(revised.id, 'correction-requested', { data: { name: '水戸 次郎' }, attachments: {}, change: move('correction-requested', 'resubmitted', 3) }, at(3));
  await s.inbox.addNote({ id: 'n1', submissionId: revised.id, municipalityCode: '082015', authorId: 'u1', body: '電話で確認済み', createdAt: at(4).toISOString() });
  await s.inbox.addMessage({
    id: 'm1',
    submissionId: revised.id,
    municipalityCode: '082015',
    kind: 'correction-request',
    author: 'u1',
    body: '住所を確認してください',
    fields: ['/address'],
    revision: 1,
    createdAt: at(4).toISOString(),
  });
  await s.drafts.save({
    id: 'd1',
    municipalityCode: '082015',
    procedureId: 'risai',
    formVersion: 1,
    secretHash: 'c'.repeat(64),
    payload: '{"data":{"name":"下書"}}',
    createdAt: t0.toISOString(),
    updatedAt: t0.toISOString(),
    expiresAt: '2099-01-01T00:00:00.000Z',
  });
  const hook: Webhook = {
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
  await s.webhooks.create(hook);
  await s.pushTargets.create(pushTarget({ id: 'p1', secret: 'push-s3cret', createdAt: t0.toISOString(), updatedAt: t0.toISOString() }));
  const files = [fileMeta(), fileMeta(), fileMeta()];
  const contents = [Buffer.from('small'), randomBytes(300_000), Buffer.from('写真')];
  for (const [i, meta] of files.entries()) await s.files.put(meta, contents[i]!);
  return { subs, revised, files, contents };
}

/** Submissions hold three sealed columns: the answers, the card sign-in and signature evidence, and how a counter application was made. */
const where = (c: { table: string; column: string }) =>
  c.column.startsWith('evidence') ? 'submission_evidence' : c.table === 'submissions' && c.column.startsWith('counter') ? 'submission_counter' : c.table;
const byTable = (counts: SealedCount[]) => Object.fromEntries(counts.map((c) => [where(c), c.byKey]));
const EXPECTED = {
  submissions: 5,
  submission_evidence: 1,
  submission_counter: 1,
  counter_sessions: 1,
  certificates: 1,
  decision_notices: 1,
  submission_revisions: 1,
  submission_notes: 1,
  submission_messages: 1,
  drafts: 1,
  webhooks: 1,
  push_targets: 1,
  files: 3,
};
const total = Object.values(EXPECTED).reduce((a, b) => a + b, 0);

describeContract(
  'sealed data (key rotation) contract',
  ({ adapter }) => {
    it('counts values per table and key id without changing anything', async () => {
      await fill(adapter().storage);
      const counts = await adapter().storage.sealed.countByKey();
      expect(byTable(counts)).toEqual(Object.fromEntries(Object.entries(EXPECTED).map(([table, n]) => [table, { [idA]: n }])));
      expect(counts.every((c) => c.total === EXPECTED[where(c) as keyof typeof EXPECTED])).toBe(true);
      expect(await adapter().storage.sealed.countByKey()).toEqual(counts);
    });

    it('re-seals everything under the new key in batches; a store with only the new key reads it all; a second run changes nothing', async () => {
      const { subs, revised, files, contents } = await fill(adapter().storage);
      const rotated = await adapter().reopen(new DataCipher([keyB, keyA]));
      // Written after the rotation: already under B, so it must be left alone.
      await rotated.drafts.save({
        id: 'd2',
        municipalityCode: '082015',
        procedureId: 'risai',
        formVersion: 1,
        secretHash: 'd'.repeat(64),
        payload: '{}',
        createdAt: t0.toISOString(),
        updatedAt: t0.toISOString(),
        expiresAt: '2099-01-01T00:00:00.000Z',
      });
      const progress: ResealProgress[] = [];
      const report = await rotated.sealed.resealAll({ batchSize: 2, onProgress: (p) => progress.push(p) });

      expect(report.currentKeyId).toBe(idB);
      expect(report.failures).toEqual([]);
      expect(Object.fromEntries(report.tables.map((t) => [where(t), t.resealed]))).toEqual(EXPECTED);
      expect(report.tables.find((t) => t.table === 'drafts')).toMatchObject({ scanned: 2, resealed: 1, fromKeys: { [idA]: 1 } });
      expect(report.tables.every((t) => Object.keys(t.fromKeys).every((k) => k === idA))).toBe(true);
      expect(progress.filter((p) => where(p) === 'submissions').map((p) => p.scanned)).toEqual([2, 4, 5]); // one commit per batch
      expect(byTable(await rotated.sealed.countByKey())).toEqual(Object.fromEntries(Object.entries(EXPECTED).map(([table, n]) => [table, { [idB]: table === 'drafts' ? n + 1 : n }])));

      const onlyB = await adapter().reopen(new DataCipher([keyB]));
      for (const sub of subs.slice(1)) expect((await onlyB.submissions.findById(sub.id))!.data).toEqual(sub.data);
      expect((await onlyB.submissions.findById(revised.id))!.data).toEqual({ name: '水戸 次郎' });
      expect((await onlyB.inbox.listRevisions(revised.id)).map((r) => r.data)).toEqual([{ name: '水戸 0郎' }]);
      expect((await onlyB.inbox.listNotes(revised.id)).map((n) => n.body)).toEqual(['電話で確認済み']);
      expect((await onlyB.inbox.listMessages(revised.id)).map((m) => m.body)).toEqual(['住所を確認してください']);
      expect((await onlyB.drafts.get('d1', t0))!.payload).toBe('{"data":{"name":"下書"}}');
      expect((await onlyB.webhooks.get('w1'))!.secret).toBe('s3cret');
      expect((await onlyB.pushTargets.get('p1'))!.secret).toBe('push-s3cret');
      for (const [i, meta] of files.entries()) expect((await onlyB.files.getContent(meta.id))!.equals(contents[i]!)).toBe(true);

      const again = await onlyB.sealed.resealAll();
      expect(again.failures).toEqual([]);
      expect(again.tables.map((t) => [where(t), t.scanned, t.resealed])).toEqual(Object.entries(EXPECTED).map(([table, n]) => [table, table === 'drafts' ? n + 1 : n, 0]));
      expect(typeof (await onlyB.sealed.compact())).toBe('boolean');
      expect((await onlyB.files.getContent(files[1]!.id))!.equals(contents[1]!)).toBe(true);
    });

    it('reports each value whose key is missing by table and row id, and re-seals the rest', async () => {
      const { subs, files } = await fill(adapter().storage);
      // Under B: one more submission. Then a store that knows B and C but lost A.
      const withB = await adapter().reopen(new DataCipher([keyB, keyA]));
      const later = submission({ data: { name: '後日' } });
      await withB.submissions.insert(later);
      const lostA = await adapter().reopen(new DataCipher([keyC, keyB]));
      const report = await lostA.sealed.resealAll();

      const failed = Object.fromEntries(report.tables.map((t) => [where(t), t.failed]));
      expect(failed).toEqual(EXPECTED);
      expect(report.tables.find((t) => t.table === 'submissions')!.resealed).toBe(1);
      expect(report.failures).toHaveLength(total);
      expect(report.failures).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ table: 'submissions', id: subs[1]!.id, keyId: idA, reason: expect.stringContaining(idA) }),
          expect.objectContaining({ table: 'files', id: files[0]!.id, keyId: idA }),
          expect.objectContaining({ table: 'submission_revisions', id: `${subs[0]!.id}#1`, keyId: idA }),
        ]),
      );
      expect((await lostA.submissions.findById(later.id))!.data).toEqual({ name: '後日' });
      // Nothing it could not open was touched: the store that still has A reads it.
      expect((await withB.submissions.findById(subs[1]!.id))!.data).toEqual(subs[1]!.data);
    });
  },
  { cipher: new DataCipher([keyA]) },
);
