/**
 * The My Number Card's 基本4情報 (氏名・住所・生年月日・性別) as a resident's
 * sign-in through the デジタル認証アプリ hands them over, and how they fill
 * an applicant block. A procedure says which block takes them with a marker
 * in its uiSchema:
 *
 *   "claimant": { "ui:cardPrefill": { "name": "name", "address": "address",
 *                 "birthdate": "birthDate", "gender": "sex", "editable": false } }
 *
 * Each entry names the block's own property that receives the claim. Values
 * from the card are kept as the card holds them (外字 included): the
 * application is never refused because of a character the card carries.
 */

/** The four claims, normalised by the server from the provider's answer. */
export interface CardIdentity {
  /** 氏名 as the card holds it, e.g. 「水戸　太郎」. */
  name: string;
  /** The name split at the first space, when there is one. */
  familyName?: string;
  givenName?: string;
  /** 住所 as one string, as the card holds it. */
  address: string;
  /** The address split where the municipality list allows: the rest stays in `street`. */
  addressParts?: { prefecture: string; city: string; street: string };
  /** YYYY-MM-DD. */
  birthdate?: string;
  /** 男 / 女 (the forms' vocabulary); absent when the card's value is neither. */
  sex?: '男' | '女';
  /** When the provider confirmed the card (ISO time). */
  verifiedAt: string;
}

export type CardClaim = 'name' | 'address' | 'birthdate' | 'gender';
export const CARD_PREFILL_KEY = 'ui:cardPrefill';

export interface CardPrefillMarker {
  name?: string;
  address?: string;
  birthdate?: string;
  gender?: string;
  /** Prefilled values stay editable only when the procedure says so (default: locked). */
  editable?: boolean;
}

/** One value the card filled: where (a JSON pointer into the answers) and whether the resident may change it. */
export interface CardPrefilled {
  pointer: string;
  editable: boolean;
}

type UiNode = Record<string, unknown>;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every block of the uiSchema that carries a marker, with its path in the answers. */
export function cardPrefillBlocks(uiSchema: unknown, path: string[] = []): { path: string[]; marker: CardPrefillMarker }[] {
  if (!isObject(uiSchema)) return [];
  const found: { path: string[]; marker: CardPrefillMarker }[] = [];
  const marker = uiSchema[CARD_PREFILL_KEY];
  if (isObject(marker)) found.push({ path, marker: marker as CardPrefillMarker });
  for (const [key, child] of Object.entries(uiSchema as UiNode)) {
    if (!key.startsWith('ui:') && isObject(child)) found.push(...cardPrefillBlocks(child, [...path, key]));
  }
  return found;
}

const pointerOf = (path: string[]) => '/' + path.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** The values the card gives for one block, as answers of that block (only what the card has). */
function blockValues(marker: CardPrefillMarker, identity: CardIdentity): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (marker.name) {
    values[marker.name] = identity.familyName !== undefined ? { familyName: identity.familyName, givenName: identity.givenName ?? '' } : { familyName: identity.name };
  }
  if (marker.address) {
    const parts = identity.addressParts;
    values[marker.address] = parts ? { prefecture: parts.prefecture, city: parts.city, street: parts.street } : { street: identity.address };
  }
  if (marker.birthdate && identity.birthdate) values[marker.birthdate] = identity.birthdate;
  if (marker.gender && identity.sex) values[marker.gender] = identity.sex;
  return values;
}

function leafPointers(value: unknown, path: string[]): string[] {
  if (isObject(value)) return Object.entries(value).flatMap(([k, v]) => leafPointers(v, [...path, k]));
  return [pointerOf(path)];
}

function mergeInto(target: Record<string, unknown>, values: Record<string, unknown>): Record<string, unknown> {
  const out = { ...target };
  for (const [key, value] of Object.entries(values)) {
    out[key] = isObject(value) ? mergeInto(isObject(out[key]) ? (out[key] as Record<string, unknown>) : {}, value) : value;
  }
  return out;
}

function setAt(data: Record<string, unknown>, path: string[], values: Record<string, unknown>): Record<string, unknown> {
  if (path.length === 0) return mergeInto(data, values);
  const [head, ...rest] = path as [string, ...string[]];
  const child = isObject(data[head]) ? (data[head] as Record<string, unknown>) : {};
  return { ...data, [head]: setAt(child, rest, values) };
}

/**
 * Fills the marked blocks of `data` from the card. Answers the resident typed
 * elsewhere stay; the card's values replace what the marked fields held.
 */
export function applyCardIdentity(uiSchema: unknown, data: Record<string, unknown>, identity: CardIdentity): { data: Record<string, unknown>; prefilled: CardPrefilled[] } {
  let next = data;
  const prefilled: CardPrefilled[] = [];
  for (const { path, marker } of cardPrefillBlocks(uiSchema)) {
    const values = blockValues(marker, identity);
    next = setAt(next, path, values);
    prefilled.push(...leafPointers(values, path).map((pointer) => ({ pointer, editable: marker.editable === true })));
  }
  return { data: next, prefilled };
}

/** The value at a JSON pointer, or undefined. */
export function valueAtPointer(data: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined), data);
}

/**
 * Locked card values the answers no longer hold: the server refuses such an
 * application, so a value the procedure keeps as the card states cannot be
 * changed by editing the request.
 */
export function changedLockedValues(uiSchema: unknown, data: Record<string, unknown>, identity: CardIdentity): string[] {
  const expected = applyCardIdentity(uiSchema, {}, identity);
  return expected.prefilled.filter((p) => !p.editable && valueAtPointer(data, p.pointer) !== valueAtPointer(expected.data, p.pointer)).map((p) => p.pointer);
}

/** What was checked of an electronic signature, and the outcome. */
export type SignatureStatus =
  /** Signature, chain and validity verified, and the revocation adapter said the certificate was good. */
  | 'verified'
  /** Signature, chain and validity verified; no revocation adapter is configured (「署名検証済（失効確認なし）」). */
  | 'verified_no_revocation'
  /** A later re-verification failed (e.g. a trust anchor was removed, or the certificate was revoked). */
  | 'invalid';

/** An electronic signature kept (sealed) with a submission so it can be verified again later. */
export interface SignatureRecord {
  status: SignatureStatus;
  /** Why the status is `invalid` (a refusal code, see modules/identity/signing/signatureVerifier.ts). */
  failure?: string;
  /** The signer as the 署名用電子証明書 states it (subject CN). */
  signerName: string;
  /** Certificate serial number (hex, upper case) and issuer, as stated. */
  certificateSerial: string;
  certificateIssuer: string;
  certificateValidTo: string;
  /** When the signature result was received and verified. */
  signedAt: string;
  lastVerifiedAt: string;
  /** Whether revocation was checked: good, revoked, or not checked (no adapter configured). */
  revocation: 'good' | 'revoked' | 'not_checked';
  /** SHA-256 (hex) of the canonical bytes that were signed. */
  contentDigest: string;
  /** The signature value and the certificate (DER), base64. */
  signatureValue: string;
  certificate: string;
  /**
   * Signed together with the other applications of a one-stop bundle: the signed content is the list of
   * their digests (`contentDigest` is that list's), this application at `position`.
   */
  bundle?: { position: number; items: Array<{ procedureKey: string; contentDigest: string }> };
}

/** How the resident proved who they are, and their signature: kept with the submission. */
export interface SubmissionEvidence {
  identity?: { method: 'myna-card'; verifiedAt: string };
  signature?: SignatureRecord;
}

/** A signature as staff, the PDF, the CSV and back-office systems see it: the certificate's own words, never the raw values. */
export function signatureView<P extends string>(policy: P, record: SignatureRecord | undefined) {
  if (!record) return { policy, status: 'none' as const };
  return {
    policy,
    status: record.status,
    signerName: record.signerName,
    certificateSerial: record.certificateSerial,
    certificateIssuer: record.certificateIssuer,
    signedAt: record.signedAt,
    lastVerifiedAt: record.lastVerifiedAt,
    revocation: record.revocation,
    ...(record.failure ? { failure: record.failure } : {}),
  };
}

const SIGNATURE_STATUS_JA: Record<SignatureStatus | 'none', string> = {
  none: 'なし',
  verified: '署名検証済',
  verified_no_revocation: '署名検証済（失効確認なし）',
  invalid: '署名検証失敗',
};

/** The signature in Japanese for the PDF (one part a line) and the CSV column 「電子署名」 (joined). `time` formats an ISO instant in Japan time. */
export function signatureSummaryJa(record: SignatureRecord | undefined, time: (iso: string) => string): string[] {
  if (!record) return [SIGNATURE_STATUS_JA.none];
  const parts = [
    SIGNATURE_STATUS_JA[record.status] + (record.failure ? `（${record.failure}）` : ''),
    `署名者：${record.signerName}`,
    `証明書シリアル：${record.certificateSerial}`,
    `署名日時：${time(record.signedAt)}`,
  ];
  return parts;
}
