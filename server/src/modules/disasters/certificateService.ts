/**
 * 罹災証明書 (issue #20): staff issue the certificate of a 罹災証明書
 * application once its survey result is approved; it states the approved
 * damage level and the facts of the application at that moment. Issuing is
 * idempotent; a result changed after issuing needs the certificate withdrawn
 * first. Anyone holding the paper checks it by number and verification code
 * (verify), and the follow-up procedures take its damage level (reference).
 */
import { randomUUID } from 'node:crypto';
import { formatWareki, japanClock, valueAtPointer, type DamageLevel, type Language, type Submission, type SubmissionStatus } from '@madoguchi/shared';
import { BadRequestError, ConflictError, NotFoundError } from '../../errors';
import type { Storage } from '../../storage/types';
import type { CertificateFacts, CertificateRecord } from '../../storage/certificateTypes';
import type { MunicipalityRegistry } from '../municipalities/registry';
import type { WorkflowService } from '../inbox/workflowService';
import type { StaffActor } from '../inbox/actor';
import { auditSubmission } from '../inbox/actor';
import type { DisasterService } from './disasterService';
import { formatCertificateNumber, parseCertificateNumber, type CertificateCodes } from './certificateNumbers';

export const CERTIFICATE_PROCEDURE = 'risai-shomeisho';
export const MAX_REASON = 500;

/** What staff see of a certificate (with the code, to print it again). */
export interface CertificateView {
  id: string;
  number: string;
  submissionId: string;
  disasterId: string;
  receiptNumber: string;
  damageLevel: DamageLevel;
  facts: CertificateFacts;
  issuedAt: string;
  issuedBy: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawnReason: string | null;
  verificationCode: string;
  /** The resident asked for it by post (「郵送」). */
  byPost: boolean;
}

/** What the verification page answers: only what the paper states, without the householder. */
export type Verification =
  | { result: 'valid'; number: string; municipalityName: string; disasterName: string; disasterDate: string; damageLevel: DamageLevel; issuedOn: string }
  | { result: 'withdrawn'; number: string; withdrawnOn: string }
  | { result: 'mismatch' };

/** What the resident's status page shows. */
export type ResidentCertificate = { state: 'none' } | { state: 'issued'; number: string; issuedOn: string; byPost: boolean } | { state: 'withdrawn'; number: string; withdrawnOn: string };

const say = (language: Language, ja: string, en: string) => (language === 'en' ? en : ja);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const japanDay = (iso: string) => japanClock(iso).date;

function addressText(a: unknown): string {
  if (typeof a !== 'object' || a === null) return '';
  const r = a as Record<string, unknown>;
  const building = str(r.building) || str(r.buildingName);
  return `${str(r.prefecture)}${str(r.city)}${str(r.street)}${building ? ` ${building}` : ''}`;
}

export const deliveredByPost = (data: Record<string, unknown>): boolean => valueAtPointer(data, '/delivery/method') === '郵送';

export class CertificateService {
  constructor(
    private readonly storage: Storage,
    private readonly disasters: DisasterService,
    private readonly workflow: WorkflowService,
    private readonly municipalities: MunicipalityRegistry,
    /** Verification codes and fingerprints (the PDF route prints the code). */
    readonly codes: CertificateCodes,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Issues (or returns the standing) certificate of an application whose survey result is approved. */
  async issue(actor: StaffActor, disasterId: string, submissionId: string, language: Language): Promise<{ certificate: CertificateView; created: boolean }> {
    const { submission, survey } = await this.caseOf(actor.municipalityCode, disasterId, submissionId, language);
    if (!survey?.approvedAt) throw new ConflictError(say(language, '被害認定調査の結果が承認されていません。', 'The damage survey result has not been approved.'), 'survey_not_approved');
    if (['rejected', 'withdrawn'].includes(submission.status))
      throw new ConflictError(say(language, 'この申請は却下または取下げられています。', 'This application was rejected or withdrawn.'), 'application_closed');
    const standing = await this.storage.certificates.latestFor(submissionId);
    if (standing && !standing.withdrawnAt) {
      if (standing.damageLevel !== survey.level) {
        throw new ConflictError(
          say(language, '発行済みの証明書と調査結果が異なります。先に証明書を取り消してください。', 'The survey result differs from the issued certificate. Withdraw the certificate first.'),
          'certificate_outdated',
        );
      }
      return { certificate: this.view(standing, submission), created: false };
    }
    const disaster = await this.disasters.get(actor.municipalityCode, disasterId, language);
    const at = this.now();
    const id = randomUUID();
    const facts = this.factsOf(submission, disaster.name, disaster.occurredOn);
    const draft = {
      id,
      municipalityCode: actor.municipalityCode,
      year: Number(japanDay(at.toISOString()).slice(0, 4)),
      submissionId,
      disasterId,
      receiptNumber: submission.receiptNumber,
      damageLevel: survey.level,
      facts,
      codeHash: this.codes.hash(this.codes.codeFor(id)),
      issuedAt: at.toISOString(),
      issuedBy: actor.userId,
      withdrawnAt: null,
      withdrawnBy: null,
      withdrawnReason: null,
    };
    const { certificate, created } = await this.storage.certificates.issue(draft, (serial) => {
      const number = formatCertificateNumber(draft.year, serial);
      return { number, fingerprint: this.codes.fingerprint(printed({ ...draft, number })) };
    });
    if (created) {
      await auditSubmission(this.storage, actor, 'certificate.issued', submission, at, { number: certificate.number, damageLevel: certificate.damageLevel });
      await this.complete(actor, submission, certificate, language);
    }
    return { certificate: this.view(certificate, submission), created };
  }

  /** Withdraws the standing certificate (a reason is required; audited). */
  async withdraw(actor: StaffActor, disasterId: string, submissionId: string, reason: unknown, language: Language): Promise<CertificateView> {
    const text = typeof reason === 'string' ? reason.trim() : '';
    if (!text || text.length > MAX_REASON)
      throw new BadRequestError(say(language, `取り消す理由を${MAX_REASON}文字以内で入力してください。`, `Enter the reason for withdrawing (up to ${MAX_REASON} characters).`), 'reason_required');
    const { submission } = await this.caseOf(actor.municipalityCode, disasterId, submissionId, language);
    const standing = await this.storage.certificates.latestFor(submissionId);
    if (!standing || standing.withdrawnAt) throw new NotFoundError(say(language, '取り消せる証明書がありません。', 'There is no certificate to withdraw.'), 'certificate_not_found');
    const at = this.now();
    const withdrawn = await this.storage.certificates.withdraw(standing.id, at.toISOString(), actor.userId, text);
    if (!withdrawn) throw new NotFoundError(say(language, '取り消せる証明書がありません。', 'There is no certificate to withdraw.'), 'certificate_not_found');
    await auditSubmission(this.storage, actor, 'certificate.withdrawn', submission, at, { number: withdrawn.number, reason: text });
    return this.view(withdrawn, submission);
  }

  /** The application's latest certificate for staff; null when none was issued. */
  async current(municipalityCode: string, disasterId: string, submissionId: string, language: Language): Promise<CertificateView | null> {
    const { submission } = await this.caseOf(municipalityCode, disasterId, submissionId, language);
    const latest = await this.storage.certificates.latestFor(submissionId);
    return latest ? this.view(latest, submission) : null;
  }

  /** The standing certificate of a submission (for the PDF); null when none stands. */
  async standingFor(submissionId: string): Promise<CertificateRecord | null> {
    const latest = await this.storage.certificates.latestFor(submissionId);
    return latest && !latest.withdrawnAt && this.intact(latest) ? latest : null;
  }

  /** What the resident's status page shows of the certificate. */
  async forResident(submission: Submission): Promise<ResidentCertificate> {
    const latest = await this.storage.certificates.latestFor(submission.id);
    if (!latest) return { state: 'none' };
    if (latest.withdrawnAt) return { state: 'withdrawn', number: latest.number, withdrawnOn: japanDay(latest.withdrawnAt) };
    return { state: 'issued', number: latest.number, issuedOn: japanDay(latest.issuedAt), byPost: deliveredByPost(submission.data) };
  }

  /** The verification page: the same answer for an unknown number and a wrong code. */
  async verify(number: string, code: string): Promise<Verification> {
    const found = await this.find(number, code);
    if (!found) return { result: 'mismatch' };
    if (found.withdrawnAt) return { result: 'withdrawn', number: found.number, withdrawnOn: japanDay(found.withdrawnAt) };
    return {
      result: 'valid',
      number: found.number,
      municipalityName: found.facts.municipalityName,
      disasterName: found.facts.disasterName,
      disasterDate: found.facts.disasterDate,
      damageLevel: found.damageLevel,
      issuedOn: japanDay(found.issuedAt),
    };
  }

  /** The certificate a number and code name, when its record is intact. */
  async find(number: string, code: string): Promise<CertificateRecord | null> {
    const parsed = parseCertificateNumber(number);
    if (!parsed || !code) return null;
    const candidates = await this.storage.certificates.findByNumber(parsed.year, parsed.serial);
    return candidates.find((c) => this.codes.matches(code, c.codeHash) && this.intact(c)) ?? null;
  }

  /**
   * Intake of a follow-up procedure: a certificate number of this
   * municipality must come with the damage level it states. Numbers of other
   * issuers are taken as typed. Returns the problem, or null.
   */
  async checkReference(municipalityCode: string, reference: { number?: unknown; damageLevel?: unknown }, language: Language): Promise<string | null> {
    const parsed = typeof reference.number === 'string' ? parseCertificateNumber(reference.number) : null;
    if (!parsed) return null;
    const ours = (await this.storage.certificates.findByNumber(parsed.year, parsed.serial)).find((c) => c.municipalityCode === municipalityCode);
    if (!ours) return null;
    if (ours.withdrawnAt) return say(language, 'この罹災証明書は取り消されています。', 'This certificate has been withdrawn.');
    if (reference.damageLevel !== ours.damageLevel) {
      return say(language, `罹災証明書の被害の程度と一致しません（証明書：${ours.damageLevel}）。`, `This does not match the damage level on the certificate (${ours.damageLevel}).`);
    }
    return null;
  }

  municipalityTexts(code: string): Pick<CertificateFacts, 'municipalityName' | 'headTitle'> {
    const full = this.municipalities.get(code)?.name ?? code;
    const own = full.split(' ').pop() ?? full;
    // 「北海道 札幌市 中央区」 is a ward of a city: its head is the 区長, printed with the city's name.
    return { municipalityName: full.replace(/ /gu, ''), headTitle: `${own}長` };
  }

  private intact(c: CertificateRecord): boolean {
    return this.codes.fingerprint(printed(c)) === c.fingerprint;
  }

  private factsOf(submission: Submission, disasterName: string, disasterDate: string): CertificateFacts {
    const d = submission.data;
    const name = valueAtPointer(d, '/householder/name') as Record<string, unknown> | undefined;
    const householderAddress = addressText(valueAtPointer(d, '/householder/address'));
    const same = valueAtPointer(d, '/damagedProperty/sameAsHouseholderAddress') !== false;
    const causes = valueAtPointer(d, '/damage/causes');
    return {
      householderName: name ? [str(name.familyName), str(name.givenName)].filter(Boolean).join(' ') : '',
      householderAddress,
      propertyAddress: same ? householderAddress : addressText(valueAtPointer(d, '/damagedProperty/address')) || householderAddress,
      disasterName,
      disasterDate,
      cause: Array.isArray(causes) ? causes.filter((c) => typeof c === 'string').join('・') : '',
      ...this.municipalityTexts(submission.municipalityCode),
    };
  }

  private async caseOf(municipalityCode: string, disasterId: string, submissionId: string, language: Language) {
    await this.disasters.get(municipalityCode, disasterId, language);
    const row = await this.storage.disasters.getCase(submissionId);
    const submission = row && row.disasterId === disasterId && row.procedureId === CERTIFICATE_PROCEDURE ? await this.storage.submissions.findById(submissionId) : null;
    if (!row || !submission || submission.municipalityCode !== municipalityCode) {
      throw new NotFoundError(say(language, '罹災証明書の申請が見つかりません。', 'No 罹災証明書 application found.'), 'case_not_found');
    }
    return { submission, survey: row.survey };
  }

  /** Issuing ends the application: it moves on to 処理完了 through the usual steps (audited each), where the table allows. */
  private async complete(actor: StaffActor, submission: Submission, c: CertificateRecord, language: Language): Promise<void> {
    const nextStep: Partial<Record<SubmissionStatus, SubmissionStatus>> = { received: 'in-review', 'in-review': 'accepted', resubmitted: 'accepted', accepted: 'completed' };
    let status = submission.status;
    for (let to = nextStep[status]; to; to = nextStep[status]) {
      const publicNote = to === 'completed' ? `罹災証明書（${c.number}）を発行しました。` : undefined;
      status = (await this.workflow.changeStatus(actor, submission.id, { to, expected: status, ...(publicNote ? { publicNote } : {}) }, language)).status;
    }
  }

  private view(c: CertificateRecord, submission: Submission): CertificateView {
    return {
      id: c.id,
      number: c.number,
      submissionId: c.submissionId,
      disasterId: c.disasterId,
      receiptNumber: c.receiptNumber,
      damageLevel: c.damageLevel,
      facts: c.facts,
      issuedAt: c.issuedAt,
      issuedBy: c.issuedBy,
      withdrawnAt: c.withdrawnAt,
      withdrawnBy: c.withdrawnBy,
      withdrawnReason: c.withdrawnReason,
      verificationCode: this.codes.codeFor(c.id),
      byPost: deliveredByPost(submission.data),
    };
  }
}

/** Everything the fingerprint covers: what is printed, and whose it is. */
function printed(c: Pick<CertificateRecord, 'municipalityCode' | 'number' | 'submissionId' | 'damageLevel' | 'facts' | 'issuedAt' | 'codeHash'>): Record<string, unknown> {
  return { municipalityCode: c.municipalityCode, number: c.number, submissionId: c.submissionId, damageLevel: c.damageLevel, facts: c.facts, issuedAt: c.issuedAt, codeHash: c.codeHash };
}

export const certificateDate = (iso: string) => formatWareki(japanDay(iso));
