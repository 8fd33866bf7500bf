/**
 * The storage contract of what several instances share (issue #23): rate-limit
 * counters (fixed windows that expire) and job leases (one holder at a time,
 * taken over once expired). Concurrency is tested across two connections to
 * the same store, as two server processes would hold them.
 */
import { randomBytes } from 'node:crypto';
import { DataCipher } from '../../server/src/security/dataCipher';
import { describeContract } from './adapters';
import { user } from './fixtures';

const t0 = new Date('2026-12-06T09:00:00Z');
const after = (ms: number) => new Date(t0.getTime() + ms);

describeContract('coordination storage contract', ({ s, adapter }) => {
  const second = () => adapter().reopen(new DataCipher([randomBytes(32)]));

  describe('rate counters', () => {
    it('counts hits in a window that ends windowMs after the first hit, then starts again', async () => {
      expect(await s().rateCounters.hit('intake:1.2.3.4', 60_000, t0)).toEqual({ count: 1, resetAt: after(60_000) });
      expect(await s().rateCounters.hit('intake:1.2.3.4', 60_000, after(30_000))).toEqual({ count: 2, resetAt: after(60_000) });
      expect((await s().rateCounters.hit('intake:5.6.7.8', 60_000, after(30_000))).count).toBe(1);
      expect(await s().rateCounters.hit('intake:1.2.3.4', 60_000, after(60_000))).toEqual({ count: 1, resetAt: after(120_000) });
    });

    it('counts every hit of concurrent callers on two connections exactly once', async () => {
      const other = await second();
      const hits = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? other : s()).rateCounters.hit('login:10.0.0.1', 900_000, after(i))));
      expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    });

    it('takes a hit back, never below zero and not in a window that ended', async () => {
      await s().rateCounters.hit('k', 60_000, t0);
      await s().rateCounters.hit('k', 60_000, t0);
      await s().rateCounters.unhit('k', after(1));
      await s().rateCounters.unhit('k', after(2));
      await s().rateCounters.unhit('k', after(3));
      expect((await s().rateCounters.hit('k', 60_000, after(4))).count).toBe(1);
      await s().rateCounters.unhit('k', after(60_000)); // the window has ended: nothing to take back
      expect((await s().rateCounters.hit('k', 60_000, after(60_001))).count).toBe(1);
    });

    it('forgets a key on reset and purges ended windows only', async () => {
      await s().rateCounters.hit('a', 60_000, t0);
      await s().rateCounters.hit('a', 60_000, t0);
      await s().rateCounters.reset('a');
      expect((await s().rateCounters.hit('a', 60_000, t0)).count).toBe(1);
      await s().rateCounters.hit('b', 10_000, t0);
      expect(await s().rateCounters.purgeExpired(after(10_000))).toBe(1);
      expect((await s().rateCounters.hit('a', 60_000, after(10_000))).count).toBe(2);
      expect((await s().rateCounters.hit('b', 60_000, after(10_000))).count).toBe(1);
    });
  });

  describe('leases', () => {
    it('has one holder at a time; the holder renews it; it is taken over only once expired', async () => {
      expect(await s().leases.acquire('job:cleanup', 'A', 30_000, t0)).toBe(true);
      expect(await s().leases.acquire('job:cleanup', 'B', 30_000, after(1_000))).toBe(false);
      expect(await s().leases.holder('job:cleanup', after(1_000))).toBe('A');
      expect(await s().leases.acquire('job:cleanup', 'A', 30_000, after(20_000))).toBe(true); // acquire by the holder renews
      expect(await s().leases.renew('job:cleanup', 'A', 30_000, after(40_000))).toBe(true);
      expect(await s().leases.acquire('job:cleanup', 'B', 30_000, after(69_999))).toBe(false);
      expect(await s().leases.holder('job:cleanup', after(70_000))).toBeNull();
      expect(await s().leases.acquire('job:cleanup', 'B', 30_000, after(70_000))).toBe(true);
      expect(await s().leases.renew('job:cleanup', 'A', 30_000, after(70_001))).toBe(false); // A lost it
      expect(await s().leases.holder('job:cleanup', after(70_001))).toBe('B');
    });

    it('keeps leases of different names apart', async () => {
      expect(await s().leases.acquire('job:a', 'A', 30_000, t0)).toBe(true);
      expect(await s().leases.acquire('job:b', 'B', 30_000, t0)).toBe(true);
      expect(await s().leases.holder('job:a', t0)).toBe('A');
      expect(await s().leases.holder('job:b', t0)).toBe('B');
    });

    it('is free at once after release, and only its holder can release it', async () => {
      await s().leases.acquire('job:outbox', 'A', 30_000, t0);
      await s().leases.release('job:outbox', 'B');
      expect(await s().leases.holder('job:outbox', t0)).toBe('A');
      await s().leases.release('job:outbox', 'A');
      expect(await s().leases.holder('job:outbox', t0)).toBeNull();
      expect(await s().leases.acquire('job:outbox', 'B', 30_000, after(1))).toBe(true);
    });

    it('gives a contested expired lease to exactly one of many callers on two connections', async () => {
      const other = await second();
      await s().leases.acquire('job:digest', 'old', 1_000, t0);
      const won = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? other : s()).leases.acquire('job:digest', `holder-${i}`, 30_000, after(5_000))));
      expect(won.filter(Boolean)).toHaveLength(1);
      expect(await s().leases.holder('job:digest', after(5_000))).toBe(`holder-${won.indexOf(true)}`);
    });
  });

  describe('auth version (what cached accounts and policies are checked against)', () => {
    it('changes with every write of an account or a sign-in policy, seen on another connection', async () => {
      const other = await second();
      const seen = [await other.authVersion.current()];
      const changed = async () => {
        const now = await other.authVersion.current();
        expect(seen).not.toContain(now);
        seen.push(now);
      };
      const account = user({ municipalityCode: '082015' });
      await s().users.create(account);
      await changed();
      await s().users.update(account.id, { role: 'municipal-admin' }, t0);
      await changed();
      await s().users.update(account.id, { disabled: true }, after(1));
      await changed();
      await s().users.update(account.id, { passwordHash: 'scrypt$other' }, after(2));
      await changed();
      await s().authPolicies.set({ municipalityCode: '082015', requireTotp: true, updatedAt: t0.toISOString(), updatedBy: account.id });
      await changed();
      await s().authPolicies.set({ municipalityCode: '082015', requireTotp: false, updatedAt: after(1).toISOString(), updatedBy: account.id });
      await changed();
    });

    it('stays put while accounts and policies are only read', async () => {
      const account = user();
      await s().users.create(account);
      const before = await s().authVersion.current();
      await s().users.findById(account.id);
      await s().users.findByEmail(account.email);
      await s().users.list({});
      await s().authPolicies.get('082015');
      expect(await s().authVersion.current()).toBe(before);
    });
  });
});
