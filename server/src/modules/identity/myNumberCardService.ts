/**
 * Resident sign-in with the My Number Card and electronic signatures on
 * applications, through the デジタル認証アプリ. The resident's browser only
 * ever holds an opaque session cookie; state, nonce, PKCE verifier, the
 * claims and verified signatures stay in the (sealed) server-side session.
 *
 * A signature is made over the application's canonical bytes (see
 * signing/canonicalApplication.ts) before it is submitted, verified here,
 * and kept in the session under a one-time handle; intake accepts the
 * handle only for exactly the answers and files that were signed.
 */
import type { X509Certificate } from 'node:crypto';
import {
  changedLockedValues,
  signatureView,
  versionKey,
  type CardIdentity,
  type FormValidator,
  type FormVersion,
  type Language,
  type SignatureRecord,
  type Submission,
  type SubmissionEvidence,
} from '@madoguchi/shared';
import { randomBytes } from 'node:crypto';
import { AppError, BadRequestError, ConflictError, NotFoundError, ValidationError } from '../../errors';
import { msg } from '../../i18n/messages';
import type { BundleEvidenceCheck, EvidenceCheck } from '../intake/intakeCommand';
import { auditSubmission, type StaffActor } from '../inbox/actor';
import type { SubmissionMeta } from '../../storage/types';
import type { Storage } from '../../storage/types';
import type { CatalogService } from '../procedures/catalogService';
import type { MunicipalityRegistry } from '../municipalities/registry';
import { ProviderError, SIGN_IN_SCOPE, SIGN_SCOPE, type DigitalAuthApp, type PendingAuthorization } from './digitalAuthApp';
import { toCardIdentity } from './cardClaims';
import type { ResidentSession, ResidentSessions } from './residentSessions';
import { canonicalBundleBytes, canonicalBytes, digestInfo, sha256, type SignedApplication, type SignedBundleItem } from './signing/canonicalApplication';
import { subjectName, type SignatureVerifier, type VerificationFailure } from './signing/signatureVerifier';

const REASONS: Record<VerificationFailure, { ja: string; en: string }> = {
  signature_mismatch: { ja: '署名値が申請内容と一致しません', en: 'the signature does not match the application' },
  certificate_unreadable: { ja: '署名用電子証明書を読み取れません', en: 'the signing certificate is unreadable' },
  untrusted_issuer: { ja: '信頼できない認証局の証明書です', en: 'the certificate is from an untrusted authority' },
  certificate_expired: { ja: '署名用電子証明書の有効期限が切れています', en: 'the signing certificate has expired' },
  certificate_not_yet_valid: { ja: '署名用電子証明書がまだ有効ではありません', en: 'the signing certificate is not yet valid' },
  certificate_revoked: { ja: '署名用電子証明書は失効しています', en: 'the signing certificate has been revoked' },
  no_trust_anchors: { ja: '信頼する認証局が設定されていません', en: 'no trusted authority is configured' },
};

/** An error whose text follows the caller's language, with the refusal code clients branch on. */
class CardRefusal extends AppError {
  constructor(code: string, status: number, message: ReturnType<typeof msg>) {
    super(code, message, status, true);
  }
}

/** Adds `name=value` to a path's query, before any fragment (the status page keeps its secret in the fragment). */
export function withQuery(path: string, name: string, value: string): string {
  const [beforeHash, hash] = path.split(/#(.*)/s, 2) as [string, string | undefined];
  return `${beforeHash}${beforeHash.includes('?') ? '&' : '?'}${name}=${encodeURIComponent(value)}${hash !== undefined ? `#${hash}` : ''}`;
}

/** Only paths of this site: never an open redirect. */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[\x21-\x7e]{0,500}$/.test(value) ? value : '/';
}

export interface ApplicationToSign {
  municipalityCode: string;
  procedureId: string;
  data: Record<string, unknown>;
  attachments?: Record<string, string[]>;
  returnTo: string;
}

/** The applications of a one-stop bundle, to be signed once. */
export interface BundleToSign {
  municipalityCode: string;
  items: Array<{ procedureId: string; data: Record<string, unknown>; attachments?: Record<string, string[]> }>;
  returnTo: string;
}

export class MyNumberCardService {
  constructor(
    private readonly provider: DigitalAuthApp,
    private readonly sessions: ResidentSessions,
    private readonly verifier: SignatureVerifier,
    private readonly hasTrustAnchors: boolean,
    private readonly storage: Storage,
    private readonly catalog: CatalogService,
    private readonly validator: FormValidator,
    private readonly municipalities: MunicipalityRegistry,
    private readonly now: () => Date,
    private readonly coverage?: string[],
  ) {}

  /** Whether the card is offered to residents of this municipality (the registration's coverage, MYNA_MUNICIPALITIES). */
  offeredIn(municipalityCode: string): boolean {
    return !this.coverage || this.coverage.includes(municipalityCode);
  }

  /** The signed-in identity (null when none). */
  async identity(sid: string | undefined): Promise<CardIdentity | null> {
    return (await this.sessions.get(sid))?.identity ?? null;
  }

  async startSignIn(sid: string | undefined, returnTo: string): Promise<{ sid: string; url: string }> {
    const { url, pending } = await this.authorize(SIGN_IN_SCOPE);
    return this.remember(sid, (s) => ({ ...s, pendingLogin: { ...pending, returnTo: safeReturnPath(returnTo) } }), url);
  }

  async signOut(sid: string | undefined): Promise<void> {
    await this.sessions.destroy(sid);
  }

  /** The provider's redirect back: finishes whichever round trip (sign-in or signing) the state belongs to. */
  async finish(sid: string | undefined, callbackUrl: URL): Promise<{ location: string; sid?: string }> {
    const session = await this.sessions.get(sid);
    const state = callbackUrl.searchParams.get('state');
    if (!session || !sid || !state) throw new CardRefusal('card_state_mismatch', 400, msg('cardStateMismatch'));
    if (session.pendingLogin?.state === state) return this.finishSignIn(sid, session, callbackUrl);
    if (session.pendingSign?.state === state) return { location: await this.finishSigning(sid, session, callbackUrl) };
    if (session.finishedTransactions?.includes(state)) throw new CardRefusal('signature_replayed', 409, msg('signatureReplayed'));
    throw new CardRefusal('card_state_mismatch', 400, msg('cardStateMismatch'));
  }

  /** Where the round trip with `state` was to return to (to explain a refusal there). */
  async pendingReturn(sid: string | undefined, state: string | null): Promise<string | null> {
    const session = await this.sessions.get(sid);
    if (!session || !state) return null;
    if (session.pendingLogin?.state === state) return session.pendingLogin.returnTo;
    if (session.pendingSign?.state === state) return session.pendingSign.returnTo;
    return null;
  }

  /** Signing in starts a new session id (the old one ends), so an id known before sign-in is worth nothing after it. */
  private async finishSignIn(sid: string, session: ResidentSession, callbackUrl: URL): Promise<{ location: string; sid: string }> {
    const pending = session.pendingLogin!;
    const { accessToken, claims } = await this.exchange(callbackUrl, pending);
    const info = await this.provider.userInfo(accessToken, String(claims.sub ?? '')).catch(providerDown);
    const identity = toCardIdentity({ ...claims, ...info }, this.municipalities, this.now());
    if (!identity) throw new CardRefusal('card_claims_missing', 502, msg('cardClaimsMissing'));
    const { pendingLogin: _done, ...rest } = session;
    const fresh = this.sessions.newId();
    await this.sessions.save(fresh, { ...rest, identity });
    await this.sessions.destroy(sid);
    return { location: pending.returnTo, sid: fresh };
  }

  /** Starts signing an application: checks it as intake would, then asks the provider for a sign transaction over its digest. */
  async startSigning(sid: string | undefined, app: ApplicationToSign, language: Language): Promise<{ sid: string; url: string }> {
    if (!this.offeredIn(app.municipalityCode)) throw new NotFoundError(msg('cardNotConfigured'), 'card_not_configured');
    const version = await this.catalog.current(app.municipalityCode, app.procedureId);
    if (version.procedure.signaturePolicy === 'none') throw new BadRequestError(msg('signatureNotNeeded'), 'signature_not_needed');
    const signed = await this.signedApplication(version, app.municipalityCode, app.data, app.attachments ?? {}, language);
    return this.startTransaction(sid, version, signed, app.returnTo);
  }

  /** Starts signing an application already checked by its caller (a correction's answers, as `CorrectionService.prepare` made them). */
  async startSigningChecked(
    sid: string | undefined,
    checked: { version: FormVersion; municipalityCode: string; data: Record<string, unknown>; attachments: Record<string, string[]>; returnTo: string },
  ): Promise<{ sid: string; url: string }> {
    const signed = await this.signedApplication(checked.version, checked.municipalityCode, checked.data, checked.attachments, 'ja', false);
    return this.startTransaction(sid, checked.version, signed, checked.returnTo);
  }

  /**
   * Starts signing a one-stop bundle once: each application is checked as intake would, and the card signs
   * the list of their digests (see canonicalBundleBytes), so each stays verifiable on its own.
   */
  async startBundleSigning(sid: string | undefined, bundle: BundleToSign, language: Language): Promise<{ sid: string; url: string }> {
    if (!this.offeredIn(bundle.municipalityCode)) throw new NotFoundError(msg('cardNotConfigured'), 'card_not_configured');
    const items: SignedBundleItem[] = [];
    let needsSignature = false;
    for (const item of bundle.items) {
      const version = await this.catalog.current(bundle.municipalityCode, item.procedureId);
      needsSignature ||= version.procedure.signaturePolicy !== 'none';
      const signed = await this.signedApplication(version, bundle.municipalityCode, item.data, item.attachments ?? {}, language);
      items.push({ procedureKey: procedureKey(version, bundle.municipalityCode), contentDigest: sha256(canonicalBytes(signed)).toString('hex') });
    }
    if (!needsSignature) throw new BadRequestError(msg('signatureNotNeeded'), 'signature_not_needed');
    return this.startTransactionOver(sid, sha256(canonicalBundleBytes(bundle.municipalityCode, items)), BUNDLE_KEY, bundle.returnTo, items);
  }

  private async startTransaction(sid: string | undefined, version: FormVersion, signed: SignedApplication, returnTo: string): Promise<{ sid: string; url: string }> {
    return this.startTransactionOver(sid, sha256(canonicalBytes(signed)), procedureKey(version, signed.municipalityCode), returnTo);
  }

  /** A sign transaction over `digest` (of an application's or a bundle's canonical bytes), remembered in the resident's session. */
  private async startTransactionOver(sid: string | undefined, digest: Buffer, key: string, returnTo: string, bundle?: SignedBundleItem[]): Promise<{ sid: string; url: string }> {
    if (!this.hasTrustAnchors) throw new CardRefusal('signature_unverifiable', 503, msg('signatureNoAnchors'));
    const info = digestInfo(digest);
    const signTxId = await this.provider.startSignTransaction(info).catch(providerDown);
    const { url, pending } = await this.authorize(SIGN_SCOPE, { sign_tx_id: signTxId });
    return this.remember(
      sid,
      (s) => ({
        ...s,
        pendingSign: {
          ...pending,
          signTxId,
          digestInfo: info.toString('base64'),
          contentDigest: digest.toString('hex'),
          procedureKey: key,
          ...(bundle ? { bundle } : {}),
          returnTo: safeReturnPath(returnTo),
        },
      }),
      url,
    );
  }

  private async finishSigning(sid: string, session: ResidentSession, callbackUrl: URL): Promise<string> {
    const pending = session.pendingSign!;
    if (session.finishedTransactions?.includes(pending.signTxId)) throw new CardRefusal('signature_replayed', 409, msg('signatureReplayed'));
    const { accessToken } = await this.exchange(callbackUrl, pending);
    const result = await this.provider.signResult(pending.signTxId, accessToken).catch(providerDown);
    const at = this.now();
    const outcome = await this.verifier.verify(result.signature, result.certificate, Buffer.from(pending.digestInfo, 'base64'), at);
    const { pendingSign: _done, ...rest } = session;
    const finished = [...(session.finishedTransactions ?? []), pending.signTxId, pending.state].slice(-20);
    if (!outcome.ok) {
      await this.sessions.save(sid, { ...rest, finishedTransactions: finished });
      throw new CardRefusal('signature_invalid', 422, msg('signatureInvalid', { reason: REASONS[outcome.failure].ja }));
    }
    const record = signatureRecord(outcome.certificate, result, pending.contentDigest, at, outcome.revocation);
    const handle = randomBytes(18).toString('base64url');
    const entry = { record, procedureKey: pending.procedureKey, ...(pending.bundle ? { bundle: pending.bundle } : {}) };
    await this.sessions.save(sid, { ...rest, finishedTransactions: finished, signatures: { ...(rest.signatures ?? {}), [handle]: entry } });
    return withQuery(pending.returnTo, 'signature', handle);
  }

  /**
   * What intake stores about identity and signature, after checking them:
   * a locked card value that was changed, a required signature that is
   * missing, or a signature over other content refuses the submission.
   * `consume` ends the one-time handle once the submission is stored.
   */
  async evidenceFor(input: EvidenceCheck): Promise<{ evidence?: SubmissionEvidence; consume: () => Promise<void> }> {
    // Where the card is not offered nothing can be signed: taken as without a provider (unsigned, as the inbox says).
    if (!this.offeredIn(input.municipalityCode)) return { consume: async () => undefined };
    const session = input.sid ? await this.sessions.get(input.sid) : null;
    const evidence = this.identityEvidence(session, input);
    const policy = input.version.procedure.signaturePolicy;
    const entry = input.handle ? session?.signatures?.[input.handle] : undefined;
    if (input.handle && (!entry || entry.bundle)) throw new CardRefusal('signature_unknown', 422, msg('signatureUnknown'));
    if (entry) {
      const digest = await this.applicationDigest(input);
      if (entry.procedureKey !== procedureKey(input.version, input.municipalityCode) || entry.record.contentDigest !== digest) {
        throw new CardRefusal('signature_other_content', 422, msg('signatureOtherContent'));
      }
      evidence.signature = entry.record;
    } else if (policy === 'required') {
      throw new CardRefusal('signature_required', 422, msg('signatureRequired'));
    }
    return { ...(evidence.identity || evidence.signature ? { evidence } : {}), consume: () => this.useUp(input.sid, entry ? input.handle : undefined) };
  }

  /**
   * The evidence of each application of a bundle signed once (`handle` from a bundle signing): every
   * application must be exactly one the signature covers, in the same order, or nothing is taken.
   */
  async bundleEvidenceFor(input: BundleEvidenceCheck): Promise<{ evidence: Array<SubmissionEvidence | undefined>; consume: () => Promise<void> }> {
    if (!this.offeredIn(input.municipalityCode)) return { evidence: input.items.map(() => undefined), consume: async () => undefined };
    const session = input.sid ? await this.sessions.get(input.sid) : null;
    const entry = session?.signatures?.[input.handle];
    if (!entry?.bundle) throw new CardRefusal('signature_unknown', 422, msg('signatureUnknown'));
    const signedItems = entry.bundle;
    const evidence: SubmissionEvidence[] = [];
    for (const [position, item] of input.items.entries()) {
      const own = this.identityEvidence(session, item);
      const covered = signedItems[position];
      const digest = await this.applicationDigest(item);
      if (signedItems.length !== input.items.length || covered?.procedureKey !== procedureKey(item.version, item.municipalityCode) || covered.contentDigest !== digest) {
        throw new CardRefusal('signature_other_content', 422, msg('signatureOtherContent'));
      }
      evidence.push({ ...own, signature: { ...entry.record, bundle: { position, items: signedItems } } });
    }
    return { evidence, consume: () => this.useUp(input.sid, input.handle) };
  }

  /** The card sign-in behind an application: its locked values must still be the card's. */
  private identityEvidence(session: ResidentSession | null, input: EvidenceCheck): SubmissionEvidence {
    if (!session?.identity) return {};
    const changed = changedLockedValues(input.version.uiSchema, input.data, session.identity);
    if (changed.length > 0) throw new ValidationError(msg('cardLockedChanged', { fields: changed.join(', ') }));
    return { identity: { method: 'myna-card', verifiedAt: session.identity.verifiedAt } };
  }

  private async applicationDigest(input: Pick<EvidenceCheck, 'version' | 'municipalityCode' | 'data' | 'attachments' | 'language'>): Promise<string> {
    const signed = await this.signedApplication(input.version, input.municipalityCode, input.data, input.attachments, input.language, false);
    return sha256(canonicalBytes(signed)).toString('hex');
  }

  /** Ends a one-time signature handle once what it signed is stored. */
  private async useUp(sid: string | undefined, handle: string | undefined): Promise<void> {
    if (!handle || !sid) return;
    const latest = await this.sessions.get(sid);
    if (!latest?.signatures) return;
    const { [handle]: _used, ...others } = latest.signatures;
    await this.sessions.save(sid, { ...latest, signatures: others });
  }

  /** Verifies a stored signature again against today's trust anchors and revocation; the submission's copy is updated by the caller. */
  async reverify(submission: Submission): Promise<SignatureRecord> {
    return this.verifyStored(submission, await this.versionOf(submission));
  }

  /** 「署名を再検証」: verifies a stored signature again, keeps the outcome with the submission and audits who asked. */
  async reverifyStored(actor: StaffActor, meta: SubmissionMeta) {
    const submission = await this.storage.submissions.findById(meta.id);
    if (!submission?.evidence?.signature) throw new NotFoundError(msg('signatureUnknown'), 'no_signature');
    const version = await this.versionOf(submission);
    const record = await this.verifyStored(submission, version);
    await this.storage.submissions.setEvidence(submission.id, { ...submission.evidence, signature: record });
    await auditSubmission(this.storage, actor, 'submission.signature.reverified', meta, this.now(), { status: record.status, ...(record.failure ? { failure: record.failure } : {}) });
    return signatureView(version.procedure.signaturePolicy, record);
  }

  private async versionOf(submission: Submission): Promise<FormVersion> {
    const version = await this.storage.procedures.getVersion(submission.procedureOwner, submission.procedureId, submission.formVersion);
    if (!version) throw new NotFoundError(msg('versionNotFound'), 'version_not_found');
    return version;
  }

  /** The stored signature checked again over the submission's answers and files as they are now. */
  private async verifyStored(submission: Submission, version: FormVersion): Promise<SignatureRecord> {
    const record = submission.evidence?.signature;
    if (!record) throw new NotFoundError(msg('signatureUnknown'), 'no_signature');
    const signed = await this.signedApplication(version, submission.municipalityCode, submission.data, submission.attachments, 'ja', false);
    const own = sha256(canonicalBytes(signed));
    const lastVerified = this.now().toISOString();
    // Signed with a bundle: this application must still be the one the list names; the card signed the list.
    const listed = record.bundle?.items[record.bundle.position];
    if (record.bundle && listed?.contentDigest !== own.toString('hex')) return { ...record, status: 'invalid', failure: 'signature_mismatch', lastVerifiedAt: lastVerified };
    const digest = record.bundle ? sha256(canonicalBundleBytes(submission.municipalityCode, record.bundle.items)) : own;
    const outcome = await this.verifier.verify(Buffer.from(record.signatureValue, 'base64'), Buffer.from(record.certificate, 'base64'), digestInfo(digest), new Date(record.signedAt));
    const lastVerifiedAt = lastVerified;
    if (!outcome.ok) return { ...record, status: 'invalid', failure: outcome.failure, lastVerifiedAt };
    const { failure: _old, ...rest } = record;
    return { ...rest, status: outcome.revocation === 'good' ? 'verified' : 'verified_no_revocation', revocation: outcome.revocation, lastVerifiedAt };
  }

  /** The application as it is signed: validated answers (as intake stores them) and the SHA-256 of each attached file. */
  private async signedApplication(
    version: FormVersion,
    municipalityCode: string,
    data: Record<string, unknown>,
    attachments: Record<string, string[]>,
    language: Language,
    validate = true,
  ): Promise<SignedApplication> {
    let answers = data;
    if (validate) {
      const outcome = this.validator.validate(versionKey(version.owner, version.procedureId, version.version), version.schema, data, language, true);
      if (!outcome.valid) throw new ValidationError(language === 'en' ? 'Please correct your answers before signing.' : '署名の前に、入力内容の誤りを直してください。', outcome.errors);
      answers = outcome.data as Record<string, unknown>;
    }
    const hashes: Record<string, string[]> = {};
    for (const [spec, ids] of Object.entries(attachments)) {
      hashes[spec] = await Promise.all(
        ids.map(async (id) => {
          const meta = await this.storage.files.getMeta(id);
          if (!meta) throw new ConflictError(msg('attachmentUnavailable'), 'attachment_unavailable', 'attachments');
          return meta.sha256;
        }),
      );
    }
    return { municipalityCode, procedure: { owner: version.owner, id: version.procedureId, version: version.version }, data: answers, attachments: hashes };
  }

  private async authorize(scope: string, extra?: Record<string, string>) {
    return this.provider.authorizationUrl(scope, extra).catch(providerDown);
  }

  private async exchange(callbackUrl: URL, pending: PendingAuthorization) {
    return this.provider.finish(callbackUrl, pending).catch((error: unknown) => {
      if (error instanceof ProviderError && error.code === 'provider_refused') throw new CardRefusal('card_state_mismatch', 400, msg('cardStateMismatch'));
      throw providerDown(error);
    });
  }

  /** Keeps what a round trip needs in the resident's session (a new one when the cookie names none that is alive). */
  private async remember(sid: string | undefined, change: (s: ResidentSession) => ResidentSession, url: string): Promise<{ sid: string; url: string }> {
    const existing = await this.sessions.get(sid);
    const id = existing && sid ? sid : this.sessions.newId();
    await this.sessions.save(id, change(existing ?? {}));
    return { sid: id, url };
  }
}

/** The session key of a bundle's signature (its applications are named in the entry's `bundle`). */
const BUNDLE_KEY = 'bundle';

const procedureKey = (version: FormVersion, municipalityCode: string) => `${municipalityCode}/${version.owner}/${version.procedureId}@${version.version}`;

function providerDown(error: unknown): never {
  if (error instanceof AppError) throw error;
  throw new CardRefusal('card_provider_unreachable', 502, msg('cardProviderDown'));
}

function signatureRecord(certificate: X509Certificate, result: { signature: Buffer; certificate: Buffer }, contentDigest: string, at: Date, revocation: 'good' | 'not_checked'): SignatureRecord {
  return {
    status: revocation === 'good' ? 'verified' : 'verified_no_revocation',
    signerName: subjectName(certificate),
    certificateSerial: certificate.serialNumber.toUpperCase(),
    certificateIssuer: certificate.issuer.replace(/\n/g, ', '),
    certificateValidTo: new Date(certificate.validTo).toISOString(),
    signedAt: at.toISOString(),
    lastVerifiedAt: at.toISOString(),
    revocation,
    contentDigest,
    signatureValue: result.signature.toString('base64'),
    certificate: result.certificate.toString('base64'),
  };
}
