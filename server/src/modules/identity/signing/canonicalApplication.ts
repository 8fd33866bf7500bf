/**
 * The bytes a resident signs: the application as one JSON value in the JSON
 * Canonicalization Scheme (RFC 8785, the `canonicalize` package), so the same
 * answers always give the same bytes on any machine, now and when the
 * signature is verified again years later. What is signed:
 *
 *   { "format": "madoguchi-application/1", "municipalityCode", "procedure": { owner, id, version },
 *     "data": <the answers>, "attachments": { <spec id>: [<sha256 hex of each file>] } }
 *
 * The digest sent to the デジタル認証アプリ is SHA-256 of these bytes, wrapped
 * in a DER DigestInfo (RFC 8017 §9.2): the card's RSA key signs the
 * DigestInfo with PKCS#1 v1.5 padding, which is what a verifier expects of an
 * RSASSA-PKCS1-v1_5 / SHA-256 signature.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const SIGNED_FORMAT = 'madoguchi-application/1';

export interface SignedApplication {
  municipalityCode: string;
  procedure: { owner: string; id: string; version: number };
  data: Record<string, unknown>;
  /** Attachment spec id → SHA-256 (hex) of each file, in the order the resident attached them. */
  attachments: Record<string, string[]>;
}

export function canonicalBytes(application: SignedApplication): Buffer {
  const text = canonicalize({ format: SIGNED_FORMAT, ...application });
  if (text === undefined) throw new Error('application cannot be canonicalised');
  return Buffer.from(text, 'utf8');
}

export const SIGNED_BUNDLE_FORMAT = 'madoguchi-bundle/1';

/** One application of a bundle as its one signature covers it: which form, and the SHA-256 (hex) of its canonical bytes. */
export interface SignedBundleItem {
  procedureKey: string;
  contentDigest: string;
}

/**
 * The bytes a resident signs for a one-stop bundle: the list of its
 * applications' digests, in order. Signing the digests (not the answers) keeps
 * each application verifiable on its own later: its own bytes, the list, the signature.
 *
 *   { "format": "madoguchi-bundle/1", "municipalityCode", "applications": [{ procedureKey, contentDigest }] }
 */
export function canonicalBundleBytes(municipalityCode: string, applications: SignedBundleItem[]): Buffer {
  const text = canonicalize({ format: SIGNED_BUNDLE_FORMAT, municipalityCode, applications });
  if (text === undefined) throw new Error('bundle cannot be canonicalised');
  return Buffer.from(text, 'utf8');
}

/** DER prefix of DigestInfo { sha256, NULL } followed by the 32-byte digest (RFC 8017 §9.2, note 1). */
const SHA256_DIGEST_INFO_PREFIX = Buffer.from('3031300d060960864801650304020105000420', 'hex');

export function sha256(bytes: Buffer): Buffer {
  return createHash('sha256').update(bytes).digest();
}

export function digestInfo(digest: Buffer): Buffer {
  if (digest.length !== 32) throw new Error('a SHA-256 digest has 32 bytes');
  return Buffer.concat([SHA256_DIGEST_INFO_PREFIX, digest]);
}

/** SHA-256 of the canonical bytes, wrapped in DigestInfo: what the card signs. */
export function signedDigestInfo(application: SignedApplication): Buffer {
  return digestInfo(sha256(canonicalBytes(application)));
}
