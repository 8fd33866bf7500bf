/**
 * TOTP second factor (RFC 6238, 6 digits, 30 s, as authenticator apps expect).
 * Secrets are sealed at rest with a key derived from the server key, are shown
 * once at enrolment and never again, and a code is accepted only once.
 */
import { generateSecret, generateURI, verify } from 'otplib';
import { DataCipher } from '../security/dataCipher';
import type { SecretDeriver } from '../security/keys';

const ISSUER = '窓口 Madoguchi';

export class TotpService {
  private readonly cipher: DataCipher;

  constructor(secrets: SecretDeriver) {
    this.cipher = new DataCipher([Buffer.from(secrets.derive('totp-secret-key', 'v1', 32), 'base64url')]);
  }

  newSecret(): string {
    return generateSecret();
  }

  /** The otpauth:// link an authenticator app imports (as a QR code or by hand). */
  uri(secret: string, accountEmail: string): string {
    return generateURI({ issuer: ISSUER, label: accountEmail, secret });
  }

  seal(secret: string): string {
    return this.cipher.sealText(secret);
  }

  open(sealed: string): string {
    return this.cipher.openText(sealed);
  }

  /**
   * Checks a code, allowing one step of clock drift either way; codes from
   * `afterStep` or earlier are refused (replay). Returns the matched step, or null.
   */
  async check(secret: string, code: unknown, now: Date, afterStep?: number | null): Promise<number | null> {
    if (typeof code !== 'string' || !/^\d{6}$/.test(code.trim())) return null;
    try {
      const result = await verify({
        secret,
        token: code.trim(),
        epoch: Math.floor(now.getTime() / 1000),
        epochTolerance: 30,
        ...(afterStep != null ? { afterTimeStep: afterStep } : {}),
      });
      return result.valid && 'timeStep' in result ? result.timeStep : null;
    } catch {
      return null; // malformed secret or step out of range: not a valid code
    }
  }
}
