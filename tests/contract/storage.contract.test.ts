/**
 * The storage contract: every adapter must behave exactly like this.
 * No test here knows which adapter it runs on.
 */
import { ConflictError, NotFoundError } from '../../server/src/errors';
import { auditHash, GENESIS_HASH } from '../../server/src/storage/auditHash';
import type { SubmissionBundle } from '../../server/src/storage/types';
import { describeContract } from './adapters';
import { fileMeta, formInput, submission, user } from './fixtures';

const t0 = new Date('2026-11-01T00:00:00Z');

describeContract('storage contract', ({ s }) => {
  describe('procedures and form versions', () => {
    it('numbers drafts 1, 2, … per owner and procedure', async () => {
      const v1 = await s().procedures.createDraft(formInput('alpha'), t0);
      const v2 = await s().procedures.createDraft(formInput('alpha'), t0);
      const other = await s().procedures.createDraft(formInput('alpha', '082015'), t0);
      expect([v1.version, v2.version, other.version]).toEqual([1, 2, 1]);
      expect(v1.status).toBe('draft');
      expect((await s().procedures.getLatest('preset', 'alpha'))!.version).toBe(2);
    });

    it('publishes a draft, retiring the previously published version', async () => {
      await s().procedures.createDraft(formInput('alpha'), t0);
      await s().procedures.publishDraft('preset', 'alpha', 1, t0);
      await s().procedures.createDraft(formInput('alpha', 'preset', 'h2'), t0);
      const published = (await s().procedures.publishDraft('preset', 'alpha', 2, new Date('2026-11-02T00:00:00Z')))!;
      expect(published.status).toBe('published');
      expect(published.publishedAt).toBe('2026-11-02T00:00:00.000Z');
      const v1 = await s().procedures.getVersion('preset', 'alpha', 1);
      expect(v1!.status).toBe('retired');
      expect((await s().procedures.getPublished('preset', 'alpha'))!.version).toBe(2);
      expect((await s().procedures.listVersions('preset', 'alpha')).map((v) => v.status)).toEqual(['retired', 'published']);
    });

    it('compare-and-set: a version that is no longer a draft is neither replaced nor published again', async () => {
      await s().procedures.createDraft(formInput('alpha'), t0);
      await s().procedures.publishDraft('preset', 'alpha', 1, t0);
      expect(await s().procedures.replaceDraft('preset', 'alpha', 1, formInput('alpha', 'preset', 'changed'))).toBeNull();
      expect(await s().procedures.publishDraft('preset', 'alpha', 1, new Date('2026-12-01T00:00:00Z'))).toBeNull();
      const v1 = (await s().procedures.getVersion('preset', 'alpha', 1))!;
      expect([v1.contentHash, v1.status, v1.publishedAt]).toEqual(['h1', 'published', t0.toISOString()]);
    });

    it('compare-and-set: only the published version is retired, once', async () => {
      await s().procedures.createDraft(formInput('alpha'), t0);
      expect(await s().procedures.retirePublished('preset', 'alpha', 1, t0)).toBeNull();
      await s().procedures.publishDraft('preset', 'alpha', 1, t0);
      expect((await s().procedures.retirePublished('preset', 'alpha', 1, t0))!.status).toBe('retired');
      expect(await s().procedures.retirePublished('preset', 'alpha', 1, t0)).toBeNull();
    });

    it('replaces drafts, and answers null for unknown versions', async () => {
      await s().procedures.createDraft(formInput('alpha'), t0);
      const updated = await s().procedures.replaceDraft('preset', 'alpha', 1, formInput('alpha', 'preset', 'h9'));
      expect(updated!.contentHash).toBe('h9');
      expect(await s().procedures.publishDraft('preset', 'alpha', 7, t0)).toBeNull();
      expect(await s().procedures.replaceDraft('preset', 'alpha', 7, formInput('alpha', 'preset', 'h9'))).toBeNull();
      expect(await s().procedures.getVersion('preset', 'nope', 1)).toBeNull();
    });

    it('lists published versions of the given owners only, and retires them', async () => {
      for (const [id, owner] of [
        ['b-proc', 'preset'],
        ['a-proc', 'preset'],
        ['c-proc', '082015'],
        ['d-proc', '011002'],
      ] as const) {
        await s().procedures.createDraft(formInput(id, owner), t0);
        await s().procedures.publishDraft(owner, id, 1, t0);
      }
      await s().procedures.createDraft(formInput('draft-only'), t0);
      const listed = await s().procedures.listPublished(['082015', 'preset']);
      expect(listed.map((v) => `${v.owner}/${v.procedureId}`)).toEqual(['082015/c-proc', 'preset/a-proc', 'preset/b-proc']);
      await s().procedures.retirePublished('preset', 'a-proc', 1, t0);
      expect((await s().procedures.listPublished(['preset'])).map((v) => v.procedureId)).toEqual(['b-proc']);
      expect(await s().procedures.getPublished('preset', 'a-proc')).toBeNull();
    });

    it('keeps the schema and procedure exactly as stored', async () => {
      const input = formInput('alpha');
      input.schema = { type: 'object', properties: { 氏名: { type: 'string', title: '氏名（漢字）', enum: ['①', '髙'] } }, definitions: {} };
      await s().procedures.createDraft(input, t0);
      const stored = await s().procedures.getVersion('preset', 'alpha', 1);
      expect(stored!.schema).toEqual(input.schema);
      expect(stored!.procedure).toEqual(input.procedure);
    });
  });

  describe('submissions', () => {
    it('stores and finds a submission by id, receipt number and idempotency key', async () => {
      const sub = submission({ idempotencyKey: 'key-12345678', requestHash: 'r1', data: { name: '髙橋 﨑子', nested: { list: [1, 2] } } });
      await s().submissions.insert(sub);
      expect(await s().submissions.findById(sub.id)).toEqual(sub);
      expect(await s().submissions.findByReceiptNumber(sub.receiptNumber)).toEqual(sub);
      expect(await s().submissions.findByIdempotencyKey('082015', 'key-12345678')).toEqual(sub);
      expect(await s().submissions.findByIdempotencyKey('011002', 'key-12345678')).toBeNull();
      expect(await s().submissions.findById('missing')).toBeNull();
    });

    it('keeps the card sign-in and signature evidence with the submission, and replaces it after re-verification', async () => {
      const signature = {
        status: 'verified_no_revocation' as const,
        signerName: '𠮷田 太郎',
        certificateSerial: '0A1B',
        certificateIssuer: 'CN=テスト署名用CA',
        certificateValidTo: '2030-01-01T00:00:00.000Z',
        signedAt: '2026-12-05T01:00:00.000Z',
        lastVerifiedAt: '2026-12-05T01:00:00.000Z',
        revocation: 'not_checked' as const,
        contentDigest: 'ab'.repeat(32),
        signatureValue: 'c2ln',
        certificate: 'Y2VydA==',
      };
      const sub = submission({ evidence: { identity: { method: 'myna-card', verifiedAt: '2026-12-05T00:59:00.000Z' }, signature } });
      await s().submissions.insert(sub);
      expect(await s().submissions.findById(sub.id)).toEqual(sub);
      const plain = submission();
      await s().submissions.insert(plain);
      expect((await s().submissions.findById(plain.id))?.evidence).toBeUndefined();
      const again = { ...sub.evidence, signature: { ...signature, status: 'invalid' as const, failure: 'untrusted_issuer' } };
      expect(await s().submissions.setEvidence(sub.id, again)).toBe(true);
      expect((await s().submissions.findById(sub.id))?.evidence).toEqual(again);
      expect(await s().submissions.setEvidence('missing', again)).toBe(false);
    });

    it('keeps how a counter application was made (who served, answer sources, the drawn signature) with it', async () => {
      const counter = {
        sessionId: 's-1',
        ticketNumber: 'A-007',
        desk: '1番窓口',
        servedBy: 'u1',
        sources: { '/applicant/name': 'card' as const, '/child/name': 'staff' as const, '/account': 'prefill' as const },
        identitySource: 'card' as const,
        prefilled: true,
        confirmation: { method: 'tablet' as const, at: '2026-12-05T01:00:00.000Z', signatureImage: 'data:image/png;base64,iVBORw0KGgo=' },
      };
      const sub = submission({ counter });
      await s().submissions.insert(sub);
      expect((await s().submissions.findById(sub.id))?.counter).toEqual(counter);
      const online = submission();
      await s().submissions.insert(online);
      expect((await s().submissions.findById(online.id))?.counter).toBeUndefined();
    });

    it('refuses a duplicate receipt number or idempotency key, naming which', async () => {
      const first = submission({ idempotencyKey: 'key-12345678' });
      await s().submissions.insert(first);
      await expect(s().submissions.insert(submission({ receiptNumber: first.receiptNumber }))).rejects.toMatchObject({ conflictOn: 'receiptNumber' });
      await expect(s().submissions.insert(submission({ idempotencyKey: 'key-12345678' }))).rejects.toMatchObject({ conflictOn: 'idempotencyKey' });
      // The same key in another municipality is a different request.
      await s().submissions.insert(submission({ idempotencyKey: 'key-12345678', municipalityCode: '011002' }));
      // Submissions without a key never collide with each other.
      await s().submissions.insert(submission());
      await s().submissions.insert(submission());
      expect(await s().submissions.count('082015')).toBe(3);
    });

    describe('one-stop bundles', () => {
      const bundleOf = (subs: Array<{ id: string }>, overrides: Partial<SubmissionBundle> = {}): SubmissionBundle => ({
        id: `b-${subs[0]!.id}`,
        receiptNumber: `BNDL-${subs[0]!.id.slice(0, 4).toUpperCase()}-0001`,
        municipalityCode: '082015',
        submissionIds: subs.map((x) => x.id),
        idempotencyKey: `bundle-key-${subs[0]!.id}`,
        requestHash: 'h',
        createdAt: t0.toISOString(),
        ...overrides,
      });

      it('stores every application of a bundle and the bundle, found by receipt number and idempotency key', async () => {
        const subs = [submission({ procedureId: 'a' }), submission({ procedureId: 'b' })];
        const bundle = bundleOf(subs);
        await s().submissions.insertBundle(
          bundle,
          subs.map((submission) => ({ submission })),
        );
        for (const sub of subs) expect(await s().submissions.findById(sub.id)).toEqual(sub);
        expect(await s().submissions.findBundle(bundle.receiptNumber)).toEqual(bundle);
        expect(await s().submissions.findBundleByIdempotencyKey('082015', bundle.idempotencyKey!)).toEqual(bundle);
        expect(await s().submissions.findBundleByIdempotencyKey('011002', bundle.idempotencyKey!)).toBeNull();
        expect(await s().submissions.findBundle('NONE-NONE-NONE')).toBeNull();
      });

      it('stores nothing when one application of the bundle cannot be stored', async () => {
        const taken = submission();
        await s().submissions.insert(taken);
        const subs = [submission({ procedureId: 'a' }), submission({ procedureId: 'b', receiptNumber: taken.receiptNumber })];
        await expect(
          s().submissions.insertBundle(
            bundleOf(subs),
            subs.map((submission) => ({ submission })),
          ),
        ).rejects.toMatchObject({ conflictOn: 'receiptNumber' });
        expect(await s().submissions.findById(subs[0]!.id)).toBeNull();
        expect(await s().submissions.findBundle(bundleOf(subs).receiptNumber)).toBeNull();
        // A file already bound elsewhere refuses the whole bundle too.
        const file = fileMeta({ uploadToken: 'token-b' });
        await s().files.put(file, Buffer.from('x'));
        const again = [submission(), submission()];
        await expect(
          s().submissions.insertBundle(bundleOf(again), [{ submission: again[0]! }, { submission: again[1]!, files: { ids: [file.id, 'missing-file'], uploadToken: 'token-b' } }]),
        ).rejects.toBeInstanceOf(ConflictError);
        expect(await s().submissions.findById(again[0]!.id)).toBeNull();
        expect((await s().files.getMeta(file.id))?.submissionId).toBeUndefined();
        expect(await s().submissions.count('082015')).toBe(1);
      });

      it('refuses a second bundle with the same idempotency key or receipt number, storing none of its applications', async () => {
        const first = [submission(), submission()];
        const bundle = bundleOf(first);
        await s().submissions.insertBundle(
          bundle,
          first.map((submission) => ({ submission })),
        );
        const second = [submission(), submission()];
        await expect(
          s().submissions.insertBundle(
            bundleOf(second, { idempotencyKey: bundle.idempotencyKey }),
            second.map((submission) => ({ submission })),
          ),
        ).rejects.toMatchObject({
          conflictOn: 'bundleIdempotencyKey',
        });
        await expect(
          s().submissions.insertBundle(
            bundleOf(second, { receiptNumber: bundle.receiptNumber }),
            second.map((submission) => ({ submission })),
          ),
        ).rejects.toMatchObject({
          conflictOn: 'bundleReceiptNumber',
        });
        expect(await s().submissions.findById(second[0]!.id)).toBeNull();
        expect(await s().submissions.count('082015')).toBe(2);
      });
    });

    it('moves status only from the expected status', async () => {
      const sub = submission();
      await s().submissions.insert(sub);
      const change = { from: 'received' as const, to: 'in-review' as const, at: t0.toISOString(), by: 'u1' };
      const moved = await s().submissions.changeStatus(sub.id, 'received', change, t0);
      expect(moved.status).toBe('in-review');
      expect(moved.history).toHaveLength(2);
      await expect(s().submissions.changeStatus(sub.id, 'received', change, t0)).rejects.toBeInstanceOf(ConflictError);
      await expect(s().submissions.changeStatus('missing', 'received', change, t0)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('assigns and unassigns', async () => {
      const sub = submission();
      await s().submissions.insert(sub);
      expect((await s().submissions.assign(sub.id, 'u1', t0)).assigneeId).toBe('u1');
      expect((await s().submissions.assign(sub.id, null, t0)).assigneeId).toBeUndefined();
    });

    it('pages newest first with a cursor, and filters', async () => {
      const subs = Array.from({ length: 7 }, (_, i) => submission({ status: i % 2 ? 'in-review' : 'received', procedureId: i < 3 ? 'a' : 'b' }));
      for (const sub of subs) await s().submissions.insert(sub);
      await s().submissions.insert(submission({ municipalityCode: '011002' }));
      const page1 = await s().submissions.list({ municipalityCode: '082015', limit: 3 });
      const page2 = await s().submissions.list({ municipalityCode: '082015', limit: 3, after: page1.next! });
      const page3 = await s().submissions.list({ municipalityCode: '082015', limit: 3, after: page2.next! });
      const ids = [...page1.items, ...page2.items, ...page3.items].map((x) => x.id);
      expect(ids).toEqual([...subs].reverse().map((x) => x.id));
      expect(page3.next).toBeUndefined();
      const reviewing = await s().submissions.list({ municipalityCode: '082015', limit: 10, status: ['in-review'] });
      expect(reviewing.items).toHaveLength(3);
      const procA = await s().submissions.list({ municipalityCode: '082015', limit: 10, procedureId: 'a' });
      expect(procA.items.map((x) => x.id).sort()).toEqual(
        subs
          .slice(0, 3)
          .map((x) => x.id)
          .sort(),
      );
      const window = await s().submissions.list({ municipalityCode: '082015', limit: 10, receivedFrom: subs[2]!.createdAt, receivedTo: subs[4]!.createdAt });
      expect(window.items.map((x) => x.id)).toEqual([subs[3]!.id, subs[2]!.id]);
    });
  });

  describe('files', () => {
    it('stores content and metadata, keeping Japanese file names', async () => {
      const meta = fileMeta();
      await s().files.put(meta, Buffer.from([0xff, 0xd8, 0xff]));
      // A file put without a scan verdict is recorded as never scanned (scanning off).
      expect(await s().files.getMeta(meta.id)).toEqual({ ...meta, scanState: 'not_scanned' });
      expect((await s().files.getContent(meta.id))!.equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
      expect(await s().files.getContent('missing')).toBeNull();
    });

    it('binds files with the submission in one step, or stores neither', async () => {
      const a = fileMeta();
      const b = fileMeta({ uploadToken: 'someone-else' });
      await s().files.put(a, Buffer.from('a'));
      await s().files.put(b, Buffer.from('b'));
      const refused = submission();
      await expect(s().submissions.insert(refused, { ids: [a.id, b.id], uploadToken: 'token-1' })).rejects.toBeInstanceOf(ConflictError);
      expect(await s().submissions.findById(refused.id)).toBeNull();
      expect((await s().files.getMeta(a.id))!.submissionId).toBeUndefined();
      const accepted = submission();
      await s().submissions.insert(accepted, { ids: [a.id], uploadToken: 'token-1' });
      expect((await s().files.getMeta(a.id))!.submissionId).toBe(accepted.id);
      expect(await s().files.bind([a.id], 'token-1', 'another')).toBe(0);
    });

    it('deletes only unbound files older than the cut-off', async () => {
      const old = fileMeta({ createdAt: '2026-01-01T00:00:00.000Z' });
      const bound = fileMeta({ createdAt: '2026-01-01T00:00:00.000Z' });
      const fresh = fileMeta({ createdAt: '2026-11-20T00:00:00.000Z' });
      for (const f of [old, bound, fresh]) await s().files.put(f, Buffer.from('x'));
      expect(await s().files.bind([bound.id], 'token-1', 'sub-1')).toBe(1);
      expect(await s().files.deleteUnboundBefore(new Date('2026-06-01T00:00:00Z'))).toBe(1);
      expect(await s().files.getMeta(old.id)).toBeNull();
      expect(await s().files.getMeta(bound.id)).not.toBeNull();
      expect(await s().files.getMeta(fresh.id)).not.toBeNull();
      expect(await s().files.deleteUnbound(bound.id)).toBe(false);
      expect(await s().files.deleteUnbound(fresh.id)).toBe(true);
      expect(await s().files.getMeta(fresh.id)).toBeNull();
    });

    it('counts the unsubmitted files of one upload token', async () => {
      const mine = [fileMeta({ uploadToken: 'count-me' }), fileMeta({ uploadToken: 'count-me' }), fileMeta({ uploadToken: 'count-me' })];
      for (const f of [...mine, fileMeta({ uploadToken: 'count-other' })]) await s().files.put(f, Buffer.from('x'));
      expect(await s().files.countUnbound('count-me')).toBe(3);
      expect(await s().files.bind([mine[0]!.id], 'count-me', 'sub-count')).toBe(1);
      expect(await s().files.deleteUnbound(mine[1]!.id)).toBe(true);
      expect(await s().files.countUnbound('count-me')).toBe(1);
      expect(await s().files.countUnbound('count-nobody')).toBe(0);
    });
  });

  describe('users', () => {
    it('creates, finds case-insensitively, updates and refuses duplicate emails', async () => {
      const u = user({ email: 'Hanako@City.Mito.example' });
      await s().users.create(u);
      expect(await s().users.findByEmail('hanako@city.mito.example')).toEqual(u);
      await expect(s().users.create(user({ email: 'HANAKO@city.mito.example' }))).rejects.toBeInstanceOf(ConflictError);
      const updated = await s().users.update(u.id, { failedLogins: 3, disabled: true, lockedUntil: '2026-11-30T00:00:00.000Z' }, t0);
      expect(updated).toMatchObject({ failedLogins: 3, disabled: true, lockedUntil: '2026-11-30T00:00:00.000Z', updatedAt: t0.toISOString() });
      await expect(s().users.update('missing', { failedLogins: 1 }, t0)).rejects.toBeInstanceOf(NotFoundError);
      const admin = user({ role: 'platform-admin', municipalityCode: null });
      await s().users.create(admin);
      expect((await s().users.list({ municipalityCode: null })).map((x) => x.id)).toEqual([admin.id]);
      expect((await s().users.list({ municipalityCode: '082015' })).map((x) => x.id)).toEqual([u.id]);
      expect(await s().users.count()).toBe(2);
    });
  });

  describe('sessions', () => {
    it('stores, expires and destroys sessions', async () => {
      const now = new Date('2026-11-23T00:00:00Z');
      await s().sessions.set('sid-1', { userId: 'u1', csrf: 'x' }, new Date('2026-11-23T01:00:00Z'));
      expect(await s().sessions.get('sid-1', now)).toEqual({ userId: 'u1', csrf: 'x' });
      expect(await s().sessions.get('sid-1', new Date('2026-11-23T02:00:00Z'))).toBeNull();
      await s().sessions.touch('sid-1', new Date('2026-11-23T03:00:00Z'));
      expect(await s().sessions.get('sid-1', new Date('2026-11-23T02:00:00Z'))).not.toBeNull();
      await s().sessions.set('sid-2', {}, new Date('2026-11-22T00:00:00Z'));
      expect(await s().sessions.deleteExpired(now)).toBe(1);
      await s().sessions.destroy('sid-1');
      expect(await s().sessions.get('sid-1', now)).toBeNull();
    });

    it('ends every session of one account but the one named', async () => {
      const now = new Date('2026-11-23T00:00:00Z');
      const later = new Date('2026-11-23T01:00:00Z');
      for (const [sid, user] of [
        ['a1', 'alice'],
        ['a2', 'alice'],
        ['a3', 'alice'],
        ['b1', 'bob'],
      ] as const)
        await s().sessions.set(sid, { passport: { user }, csrf: sid }, later);
      await s().sessions.set('anon', { csrf: 'y' }, later);
      expect(await s().sessions.destroyOthersOf('alice', 'a2')).toBe(2);
      const alive = await Promise.all(['a1', 'a2', 'a3', 'b1', 'anon'].map(async (sid) => [sid, (await s().sessions.get(sid, now)) !== null]));
      expect(alive).toEqual([
        ['a1', false],
        ['a2', true],
        ['a3', false],
        ['b1', true],
        ['anon', true],
      ]);
    });
  });

  describe('audit trail', () => {
    it('appends hash-chained events that verify in order', async () => {
      const base = { at: t0.toISOString(), actor: 'u1', action: 'submission.viewed', municipalityCode: '082015', targetType: 'submission', details: { fields: ['data'] } };
      const e1 = await s().audit.append({ ...base, targetId: 's1' });
      const e2 = await s().audit.append({ ...base, targetId: 's2', municipalityCode: '011002' });
      expect(e1.prevHash).toBe(GENESIS_HASH);
      expect(e2.prevHash).toBe(e1.hash);
      const all = [];
      for await (const e of s().audit.all()) all.push(e);
      let prev = GENESIS_HASH;
      for (const e of all) {
        const { seq, prevHash, hash, ...event } = e;
        expect(prevHash).toBe(prev);
        expect(hash).toBe(auditHash(prevHash, seq, event));
        prev = hash;
      }
      expect(all).toHaveLength(2);
      expect((await s().audit.list({ municipalityCode: '082015', limit: 10 })).map((e) => e.targetId)).toEqual(['s1']);
      expect((await s().audit.list({ targetId: 's2', limit: 10 })).map((e) => e.seq)).toEqual([e2.seq]);
    });

    it('names its head (what a signed checkpoint anchors)', async () => {
      expect(await s().audit.head()).toBeNull();
      const base = { at: t0.toISOString(), actor: 'u1', action: 'submission.viewed', municipalityCode: '082015', targetType: 'submission', details: {} };
      await s().audit.append({ ...base, targetId: 's1' });
      const e2 = await s().audit.append({ ...base, targetId: 's2' });
      expect(await s().audit.head()).toEqual(e2);
    });
  });

  it('answers ping', async () => {
    await expect(s().ping()).resolves.toBeUndefined();
  });
});
