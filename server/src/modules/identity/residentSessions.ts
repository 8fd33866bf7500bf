/**
 * A resident's short-lived, server-side session: the card identity after
 * sign-in, the secrets of an authorization round trip in progress, and
 * signatures waiting to be attached to a submission. It holds no more than
 * the application needs, lives in the same store as staff sessions (under a
 * `resident:` key, looked up by the SHA-256 of the cookie value) and is
 * sealed (AES-256-GCM, key derived from SECRET_KEY): the 基本4情報 never
 * rest in clear text.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { CardIdentity, SignatureRecord } from '@madoguchi/shared';
import type { Storage } from '../../storage/types';
import type { SecretDeriver } from '../../security/keys';
import type { PendingAuthorization } from './digitalAuthApp';
import type { SignedBundleItem } from './signing/canonicalApplication';

export const RESIDENT_COOKIE = 'madoguchi_resident';

export interface PendingSign extends PendingAuthorization {
  signTxId: string;
  /** DER DigestInfo sent to the card (base64). */
  digestInfo: string;
  /** SHA-256 (hex) of the canonical application bytes. */
  contentDigest: string;
  procedureKey: string;
  /** A one-stop bundle's signature: the applications it covers, in order. */
  bundle?: SignedBundleItem[];
  returnTo: string;
}

export interface ResidentSession {
  identity?: CardIdentity;
  pendingLogin?: PendingAuthorization & { returnTo: string };
  pendingSign?: PendingSign;
  /** Verified signatures not yet used by a submission, by one-time handle. */
  signatures?: Record<string, { record: SignatureRecord; procedureKey: string; bundle?: SignedBundleItem[] }>;
  /** Sign transactions already finished: a replayed callback is refused. */
  finishedTransactions?: string[];
}

const storeKey = (sid: string) => 'resident:' + createHash('sha256').update(sid).digest('base64url');

export class ResidentSessions {
  private readonly key: Buffer;

  constructor(
    private readonly storage: Storage,
    secrets: SecretDeriver,
    private readonly ttlMinutes: number,
    private readonly now: () => Date,
  ) {
    this.key = Buffer.from(secrets.derive('resident-session-seal', 'v1', 32), 'base64url');
  }

  newId(): string {
    return randomBytes(32).toString('base64url');
  }

  async get(sid: string | undefined): Promise<ResidentSession | null> {
    if (!sid || sid.length > 100) return null;
    const row = await this.storage.sessions.get(storeKey(sid), this.now());
    if (!row || typeof row.sealed !== 'string') return null;
    try {
      return this.open(row.sealed);
    } catch {
      return null; // sealed under an earlier SECRET_KEY: the resident simply signs in again
    }
  }

  async save(sid: string, session: ResidentSession): Promise<void> {
    const expiresAt = new Date(this.now().getTime() + this.ttlMinutes * 60_000);
    await this.storage.sessions.set(storeKey(sid), { kind: 'resident', sealed: this.seal(session) }, expiresAt);
  }

  async destroy(sid: string | undefined): Promise<void> {
    if (sid) await this.storage.sessions.destroy(storeKey(sid));
  }

  private seal(session: ResidentSession): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(session), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  private open(sealed: string): ResidentSession {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as ResidentSession;
  }
}
