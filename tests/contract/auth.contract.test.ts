/**
 * The storage contract for sign-in data (one-time links, policies, user
 * fields added for sign-in): every adapter must behave exactly like this.
 */
import { randomUUID } from 'node:crypto';
import type { AuthToken } from '../../server/src/storage/types';
import { describeContract } from './adapters';
import { user } from './fixtures';

const t0 = new Date('2026-11-01T00:00:00Z');
const later = new Date('2026-11-05T00:00:00Z');

function token(overrides: Partial<AuthToken> = {}): AuthToken {
  return {
    id: randomUUID(),
    kind: 'invite',
    tokenHash: randomUUID().replace(/-/g, ''),
    email: 'Clerk@City.Mito.example',
    role: 'staff',
    municipalityCode: '082015',
    procedureIds: null,
    createdBy: 'admin-1',
    createdAt: t0.toISOString(),
    expiresAt: '2026-11-04T00:00:00.000Z',
    usedAt: null,
    ...overrides,
  };
}

describeContract('auth storage contract', ({ s }) => {
  describe('one-time tokens', () => {
    it('finds an active token by hash and kind only', async () => {
      const t = token();
      await s().authTokens.create(t);
      expect(await s().authTokens.findActive('invite', t.tokenHash, t0)).toEqual(t);
      expect(await s().authTokens.findActive('setup', t.tokenHash, t0)).toBeNull();
      expect(await s().authTokens.findActive('invite', 'other', t0)).toBeNull();
      expect(await s().authTokens.findById(t.id)).toEqual(t);
    });

    it('consumes a token exactly once, and never after it expired', async () => {
      const t = token({ procedureIds: ['risai-shomeisho'] });
      await s().authTokens.create(t);
      const results = await Promise.all([s().authTokens.consume('invite', t.tokenHash, t0), s().authTokens.consume('invite', t.tokenHash, t0)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(results.find(Boolean)).toMatchObject({ id: t.id, usedAt: t0.toISOString(), procedureIds: ['risai-shomeisho'] });
      expect(await s().authTokens.findActive('invite', t.tokenHash, t0)).toBeNull();
      const expired = token();
      await s().authTokens.create(expired);
      expect(await s().authTokens.consume('invite', expired.tokenHash, later)).toBeNull();
    });

    it('lists active tokens by municipality and email, newest first', async () => {
      const a = token({ createdAt: '2026-11-01T00:00:01.000Z' });
      const b = token({ createdAt: '2026-11-01T00:00:02.000Z', email: 'other@city.mito.example' });
      const elsewhere = token({ municipalityCode: '011002' });
      const platform = token({ municipalityCode: null, role: 'platform-admin' });
      const used = token();
      for (const t of [a, b, elsewhere, platform, used]) await s().authTokens.create(t);
      await s().authTokens.consume('invite', used.tokenHash, t0);
      expect((await s().authTokens.listActive({ kind: 'invite', municipalityCode: '082015' }, t0)).map((t) => t.id)).toEqual([b.id, a.id]);
      expect((await s().authTokens.listActive({ kind: 'invite', municipalityCode: null }, t0)).map((t) => t.id)).toEqual([platform.id]);
      expect((await s().authTokens.listActive({ kind: 'invite', email: 'CLERK@city.mito.example', municipalityCode: '082015' }, t0)).map((t) => t.id)).toEqual([a.id]);
      expect(await s().authTokens.listActive({ kind: 'invite' }, later)).toEqual([]);
    });

    it('deletes a token, and every unused token of a kind', async () => {
      const setup1 = token({ kind: 'setup', email: null, role: 'platform-admin', municipalityCode: null });
      const setup2 = token({ kind: 'setup', email: null, role: 'platform-admin', municipalityCode: null });
      const invite = token();
      for (const t of [setup1, setup2, invite]) await s().authTokens.create(t);
      await s().authTokens.consume('setup', setup1.tokenHash, t0);
      expect(await s().authTokens.deleteUnused('setup')).toBe(1);
      expect(await s().authTokens.findById(setup2.id)).toBeNull();
      expect(await s().authTokens.findById(setup1.id)).not.toBeNull();
      await s().authTokens.delete(invite.id);
      expect(await s().authTokens.findById(invite.id)).toBeNull();
    });
  });

  describe('sign-in policies', () => {
    it('stores and replaces a municipality policy', async () => {
      expect(await s().authPolicies.get('082015')).toBeNull();
      await s().authPolicies.set({ municipalityCode: '082015', requireTotp: true, updatedAt: t0.toISOString(), updatedBy: 'admin-1' });
      await s().authPolicies.set({ municipalityCode: '082015', requireTotp: false, updatedAt: later.toISOString(), updatedBy: 'admin-2' });
      expect(await s().authPolicies.get('082015')).toEqual({ municipalityCode: '082015', requireTotp: false, updatedAt: later.toISOString(), updatedBy: 'admin-2' });
    });
  });

  describe('user sign-in fields', () => {
    it('keeps the procedure scope and the last TOTP step, and clears them', async () => {
      const u = user({ procedureIds: ['risai-shomeisho'] });
      await s().users.create(u);
      expect(await s().users.findById(u.id)).toEqual(u);
      const updated = await s().users.update(u.id, { totpLastStep: 59_848_432, procedureIds: ['a', 'b'] }, t0);
      expect(updated).toMatchObject({ totpLastStep: 59_848_432, procedureIds: ['a', 'b'] });
      const cleared = await s().users.update(u.id, { procedureIds: null, totpLastStep: null }, t0);
      expect(cleared.procedureIds).toBeUndefined();
      expect(cleared.totpLastStep).toBeUndefined();
    });
  });

  describe('contact desks', () => {
    it('keeps a municipality’s desks as given, replaces them whole, and keeps municipalities apart', async () => {
      expect(await s().desks.get('082015')).toBeNull();
      const desks = [
        { id: 'd1', name: '税務課 資産税係', phone: '029-232-9146', address: '水戸市中央1丁目4番1号 本庁舎2階', hours: '平日 8:30〜17:15' },
        { id: 'd2', name: '防災・危機管理課' },
      ];
      await s().desks.set({ municipalityCode: '082015', desks, updatedAt: t0.toISOString(), updatedBy: 'admin-1' });
      expect(await s().desks.get('082015')).toEqual({ municipalityCode: '082015', desks, updatedAt: t0.toISOString(), updatedBy: 'admin-1' });
      await s().desks.set({ municipalityCode: '082015', desks: [desks[1]!], updatedAt: t0.toISOString(), updatedBy: 'admin-2' });
      expect((await s().desks.get('082015'))!.desks).toEqual([desks[1]]);
      expect(await s().desks.get('011002')).toBeNull();
    });
  });
});
