/**
 * Encryption of personal data at rest (AES-256-GCM). Every sealed value names
 * the key it was sealed with, so keys can be rotated: new data uses the
 * current key, old data stays readable while its key is listed.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const MAGIC = Buffer.from('MDG1');
const TEXT_PREFIX = 'enc1.';
/** How much of a sealed value `keyIdOf` needs: 8 bytes (binary) or 'enc1.' + 12 base64 characters (text). */
export const SEALED_HEAD_LENGTH = 20;

export class DataCipher {
  private readonly keys = new Map<string, Buffer>();
  readonly currentKeyId: string;

  /** `keys[0]` seals new data; the others only open old data. */
  constructor(keys: Buffer[]) {
    if (keys.length === 0) throw new Error('DataCipher needs at least one key');
    for (const key of keys) {
      if (key.length !== 32) throw new Error('data encryption keys must be 32 bytes');
      this.keys.set(DataCipher.keyId(key), key);
    }
    this.currentKeyId = DataCipher.keyId(keys[0]!);
  }

  /** A short public fingerprint of a key (never the key itself). */
  static keyId(key: Buffer): string {
    return createHash('sha256').update(key).digest('hex').slice(0, 8);
  }

  /**
   * The key id a value was sealed with, read from its head (the whole value or
   * its first SEALED_HEAD_LENGTH bytes/characters): null when it is not a
   * DataCipher value. Needs no key, so stores can be surveyed cheaply.
   */
  static keyIdOf(sealed: Buffer | string): string | null {
    const head = typeof sealed === 'string' ? (sealed.startsWith(TEXT_PREFIX) ? Buffer.from(sealed.slice(TEXT_PREFIX.length, TEXT_PREFIX.length + 12), 'base64') : null) : sealed;
    if (!head || head.length < 8 || !head.subarray(0, 4).equals(MAGIC)) return null;
    return head.subarray(4, 8).toString('hex');
  }

  /** Whether values sealed with this key id can be opened. */
  hasKey(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  /** Opens a value and seals it again under the current key (key rotation). Throws when its key is not configured. */
  reseal(sealed: Buffer): Buffer {
    return this.seal(this.open(sealed));
  }

  /** `reseal` for the text form. */
  resealText(sealed: string): string {
    return this.sealText(this.openText(sealed));
  }

  seal(plain: Buffer): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([MAGIC, Buffer.from(this.currentKeyId, 'hex'), iv, cipher.getAuthTag(), body]);
  }

  open(sealed: Buffer): Buffer {
    if (!sealed.subarray(0, 4).equals(MAGIC)) throw new Error('not sealed by DataCipher');
    const keyId = sealed.subarray(4, 8).toString('hex');
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`data was sealed with key ${keyId}, which is not configured`);
    const iv = sealed.subarray(8, 20);
    const tag = sealed.subarray(20, 36);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(36)), decipher.final()]);
  }

  sealText(plain: string): string {
    return TEXT_PREFIX + this.seal(Buffer.from(plain, 'utf8')).toString('base64');
  }

  openText(sealed: string): string {
    if (!sealed.startsWith(TEXT_PREFIX)) throw new Error('not sealed text');
    return this.open(Buffer.from(sealed.slice(TEXT_PREFIX.length), 'base64')).toString('utf8');
  }

  sealJson(value: unknown): string {
    return this.sealText(JSON.stringify(value));
  }

  openJson<T>(sealed: string): T {
    return JSON.parse(this.openText(sealed)) as T;
  }
}
