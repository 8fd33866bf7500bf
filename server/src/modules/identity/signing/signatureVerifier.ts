/**
 * Verifies a signature the デジタル認証アプリ returned, on our own: the RSA
 * PKCS#1 v1.5 signature over the DigestInfo we asked the card to sign, the
 * certificate chain up to the trust anchors the operator configured, the
 * validity period at the time of signing, and revocation through a port
 * (a 署名検証者 connection or a verification service the operator plugs in).
 */
import { constants, publicDecrypt, X509Certificate } from 'node:crypto';

/** Revocation status of a 署名用電子証明書 (an adapter the operator configures). */
export interface RevocationChecker {
  check(certificate: X509Certificate, chain: X509Certificate[], at: Date): Promise<'good' | 'revoked' | 'unknown'>;
}

export type VerificationFailure =
  'signature_mismatch' | 'certificate_unreadable' | 'untrusted_issuer' | 'certificate_expired' | 'certificate_not_yet_valid' | 'certificate_revoked' | 'no_trust_anchors';

export type Verification = { ok: true; certificate: X509Certificate; chain: X509Certificate[]; revocation: 'good' | 'not_checked' } | { ok: false; failure: VerificationFailure };

/** The chain from `leaf` to a self-signed anchor, each link checked by signature; null when it does not reach one. */
function chainTo(leaf: X509Certificate, anchors: X509Certificate[], at: Date): X509Certificate[] | 'expired' | null {
  const chain: X509Certificate[] = [];
  let current = leaf;
  for (let depth = 0; depth < 6; depth++) {
    const issuer = anchors.find((a) => a.ca && current.checkIssued(a) && current.verify(a.publicKey));
    if (!issuer) return null;
    if (!within(issuer, at)) return 'expired';
    chain.push(issuer);
    if (issuer.checkIssued(issuer)) return chain;
    current = issuer;
  }
  return null;
}

const within = (c: X509Certificate, at: Date) => new Date(c.validFrom) <= at && at <= new Date(c.validTo);

export class SignatureVerifier {
  constructor(
    private readonly anchors: X509Certificate[],
    private readonly revocation?: RevocationChecker,
  ) {}

  /** `expected`: the DER DigestInfo the card was asked to sign; `at`: the signing time. */
  async verify(signature: Buffer, certificateDer: Buffer, expected: Buffer, at: Date): Promise<Verification> {
    if (this.anchors.length === 0) return { ok: false, failure: 'no_trust_anchors' };
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(certificateDer);
    } catch {
      return { ok: false, failure: 'certificate_unreadable' };
    }
    if (!this.signatureCovers(signature, certificate, expected)) return { ok: false, failure: 'signature_mismatch' };
    const chain = chainTo(certificate, this.anchors, at);
    if (chain === null) return { ok: false, failure: 'untrusted_issuer' };
    if (chain === 'expired') return { ok: false, failure: 'certificate_expired' };
    if (at < new Date(certificate.validFrom)) return { ok: false, failure: 'certificate_not_yet_valid' };
    if (at > new Date(certificate.validTo)) return { ok: false, failure: 'certificate_expired' };
    if (!this.revocation) return { ok: true, certificate, chain, revocation: 'not_checked' };
    const state = await this.revocation.check(certificate, chain, at);
    if (state === 'revoked') return { ok: false, failure: 'certificate_revoked' };
    return { ok: true, certificate, chain, revocation: state === 'good' ? 'good' : 'not_checked' };
  }

  /** Opens the PKCS#1 v1.5 block with the certificate's key and compares it with the DigestInfo, byte for byte. */
  private signatureCovers(signature: Buffer, certificate: X509Certificate, expected: Buffer): boolean {
    if (certificate.publicKey.asymmetricKeyType !== 'rsa') return false;
    try {
      return publicDecrypt({ key: certificate.publicKey, padding: constants.RSA_PKCS1_PADDING }, signature).equals(expected);
    } catch {
      return false;
    }
  }
}

/** The subject's common name (the signer's name as the certificate states it). */
export function subjectName(certificate: X509Certificate): string {
  return /(?:^|\n)CN=([^\n]+)/.exec(certificate.subject)?.[1] ?? certificate.subject;
}
