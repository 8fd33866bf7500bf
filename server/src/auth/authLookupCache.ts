/**
 * The signed-in account and its municipality's sign-in policy, cached in this
 * process so a staff request (the inbox above all) does not read them from the
 * store every time (issue #23).
 *
 * Every entry carries the store's auth version (storage/coordinationTypes.ts)
 * it was read under, and is used only while the store still holds that version.
 * Each request reads the version once, in one statement on one row. Any change
 * to any account or policy (role, procedures, disabling, password, second
 * factor, mandatory TOTP), made through any instance, raises the version, so
 * the next request on every instance reads afresh: no delay, no TTL.
 *
 * Sessions are not cached: the session row is read on every request as before,
 * so logout and revocation (a deleted row) need no invalidation at all.
 */
import type { Request } from 'express';
import type { AuthPolicy, Storage, User } from '../storage/types';

/** Enough for every account of a large deployment; the oldest entry goes first. */
const MAX_ENTRIES = 5_000;

class VersionedEntries<V> {
  private readonly entries = new Map<string, { version: number; value: V }>();

  /** The value read under `version`, or undefined when there is none (or it was read under another version). */
  get(key: string, version: number): V | undefined {
    const entry = this.entries.get(key);
    return entry?.version === version ? entry.value : undefined;
  }

  set(key: string, version: number, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }
}

const REQUEST_VERSION = Symbol('authVersion');
type WithVersion = Request & { [REQUEST_VERSION]?: Promise<number> };

export class AuthLookupCache {
  private readonly users = new VersionedEntries<User | null>();
  private readonly policies = new VersionedEntries<AuthPolicy | null>();

  constructor(private readonly storage: Pick<Storage, 'users' | 'authPolicies' | 'authVersion'>) {}

  /** The account with this id as the store holds it now (a copy: handlers may change what they are given). */
  async user(req: Request, id: string): Promise<User | null> {
    const version = await this.version(req);
    let user = this.users.get(id, version);
    if (user === undefined) {
      user = await this.storage.users.findById(id);
      this.users.set(id, version, user);
    }
    return user && structuredClone(user);
  }

  /** The municipality's sign-in policy as the store holds it now. */
  async policy(req: Request, municipalityCode: string): Promise<AuthPolicy | null> {
    const version = await this.version(req);
    let policy = this.policies.get(municipalityCode, version);
    if (policy === undefined) {
      policy = await this.storage.authPolicies.get(municipalityCode);
      this.policies.set(municipalityCode, version, policy);
    }
    return policy && { ...policy };
  }

  /**
   * The store's auth version, read once per request. It is read before the
   * entry it checks: an account changed in between is cached under the old
   * number, which the change has already replaced.
   */
  private version(req: Request): Promise<number> {
    const r = req as WithVersion;
    return (r[REQUEST_VERSION] ??= this.storage.authVersion.current());
  }
}
