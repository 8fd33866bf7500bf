/**
 * Rate-limit counters and job leases in MongoDB (issue #23), behaving like the
 * SQLite adapter: each operation is one conditional findOneAndUpdate, atomic on
 * one document, so any number of instances on any hosts agree.
 */
import { Schema, type Connection } from 'mongoose';
import type { AuthVersionRepository, CounterHit, LeaseRepository, RateCounterRepository } from '../coordinationTypes';
import { guardedMongo } from './errors';

const counterSchema = new Schema(
  { _id: { type: String, required: true }, count: { type: Number, required: true }, expiresAt: { type: Date, required: true } },
  { collection: 'rate_counters', versionKey: false },
);
// MongoDB removes ended windows by itself (within a minute); purgeExpired does it at once.
counterSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

const leaseSchema = new Schema(
  { _id: { type: String, required: true }, holder: { type: String, required: true }, expiresAt: { type: Date, required: true } },
  { collection: 'leases', versionKey: false },
);

const authVersionSchema = new Schema({ _id: { type: String, required: true }, value: { type: Number, required: true } }, { collection: 'auth_version', versionKey: false });

export function registerCoordinationModels(connection: Connection) {
  return {
    RateCounter: connection.model('RateCounter', counterSchema),
    Lease: connection.model('Lease', leaseSchema),
    AuthVersion: connection.model('AuthVersion', authVersionSchema),
  };
}
export type CoordinationModels = ReturnType<typeof registerCoordinationModels>;

/** Two first upserts of one _id can race; the loser's insert fails with a duplicate key and is retried as an update. */
function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}

export class MongoRateCounterRepository implements RateCounterRepository {
  constructor(private readonly m: CoordinationModels) {}

  async hit(key: string, windowMs: number, now: Date): Promise<CounterHit> {
    const running = { $gt: ['$expiresAt', now] };
    // A pipeline update: a running window counts on, an ended (or new) one starts again at 1.
    const update = [
      {
        $set: {
          count: { $cond: [running, { $add: ['$count', 1] }, 1] },
          expiresAt: { $cond: [running, '$expiresAt', new Date(now.getTime() + windowMs)] },
        },
      },
    ];
    const run = () => this.m.RateCounter.findOneAndUpdate({ _id: key }, update, { upsert: true, new: true }).lean<{ count: number; expiresAt: Date }>();
    const doc = await guardedMongo(() => run().catch((error: unknown) => (isDuplicateKey(error) ? run() : Promise.reject(error))));
    return { count: doc!.count, resetAt: new Date(doc!.expiresAt) };
  }

  async unhit(key: string, now: Date): Promise<void> {
    await guardedMongo(() => this.m.RateCounter.updateOne({ _id: key, count: { $gt: 0 }, expiresAt: { $gt: now } }, { $inc: { count: -1 } }));
  }

  async reset(key: string): Promise<void> {
    await guardedMongo(() => this.m.RateCounter.deleteOne({ _id: key }));
  }

  async purgeExpired(now: Date): Promise<number> {
    const result = await guardedMongo(() => this.m.RateCounter.deleteMany({ expiresAt: { $lte: now } }));
    return result.deletedCount;
  }
}

export class MongoLeaseRepository implements LeaseRepository {
  constructor(private readonly m: CoordinationModels) {}

  async acquire(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
    try {
      // Matches only a lease that is ours or has expired; a live lease of another holder makes the upsert
      // try to insert a second document with the same _id, which fails: not acquired.
      await this.m.Lease.findOneAndUpdate(
        { _id: name, $or: [{ holder }, { expiresAt: { $lte: now } }] },
        { $set: { holder, expiresAt: new Date(now.getTime() + ttlMs) } },
        { upsert: true, new: true },
      );
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      return guardedMongo(() => Promise.reject(error));
    }
  }

  async renew(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
    const result = await guardedMongo(() => this.m.Lease.updateOne({ _id: name, holder }, { $set: { expiresAt: new Date(now.getTime() + ttlMs) } }));
    return result.matchedCount === 1;
  }

  async release(name: string, holder: string): Promise<void> {
    await guardedMongo(() => this.m.Lease.deleteOne({ _id: name, holder }));
  }

  async holder(name: string, now: Date): Promise<string | null> {
    const doc = await guardedMongo(() => this.m.Lease.findOne({ _id: name, expiresAt: { $gt: now } }).lean<{ holder: string }>());
    return doc?.holder ?? null;
  }
}

const AUTH_VERSION_ID = 'auth';

/**
 * The auth version in one document. MongoDB has no triggers, so the user and
 * sign-in policy repositories call `raise()` after each write: after, not before,
 * so an instance that reads the old number and then the old account caches it
 * under a number that is already gone once the write is acknowledged.
 */
export class MongoAuthVersionRepository implements AuthVersionRepository {
  constructor(private readonly m: CoordinationModels) {}

  async current(): Promise<number> {
    const doc = await this.m.AuthVersion.findById(AUTH_VERSION_ID).lean<{ value: number }>();
    return doc?.value ?? 0;
  }

  async raise(): Promise<void> {
    await guardedMongo(() => this.m.AuthVersion.updateOne({ _id: AUTH_VERSION_ID }, { $inc: { value: 1 } }, { upsert: true }));
  }
}

/** What the account and policy repositories need of it. */
export type AuthVersionRaiser = Pick<MongoAuthVersionRepository, 'raise'>;
