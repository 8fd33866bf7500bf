/** What a resident's POST asks the intake service to do (read by the service and its attachment rules). */
import type { CounterOrigin, FormVersion, IntakeRequest, Language, SubmissionEvidence } from '@madoguchi/shared';

export interface IntakeCommand {
  municipalityCode: string;
  procedureId: string;
  body: IntakeRequest;
  idempotencyKey?: string;
  language: Language;
  /** The resident's card session cookie, when there is one (sign-in and signatures, issue #17). */
  residentSession?: string;
  /** Part of a bundle signed once: the bundle checks the card evidence of all its applications together. */
  signedWithBundle?: boolean;
  /**
   * Filled in at the counter (issue #19), never from a resident's request: the
   * visitor confirmed in person (tablet or paper) instead of signing with the
   * card, and showed the documents at the desk instead of uploading them.
   * Set only by the server's counter module, never taken from a request body.
   */
  counter?: CounterOrigin;
}

/**
 * Checks a submission's card sign-in and signature before it is stored
 * (modules/identity); absent when the card is not configured, so policy
 * `required` then cannot be met online.
 */
export interface EvidenceGate {
  evidenceFor(input: EvidenceCheck): Promise<{ evidence?: SubmissionEvidence; consume: () => Promise<void> }>;
  /** The evidence of each application of a bundle the resident signed once (the handle of that signature). */
  bundleEvidenceFor(input: BundleEvidenceCheck): Promise<{ evidence: Array<SubmissionEvidence | undefined>; consume: () => Promise<void> }>;
}

/** The applications of a bundle as its one signature must cover them, in order. */
export interface BundleEvidenceCheck {
  sid: string | undefined;
  handle: string;
  municipalityCode: string;
  items: EvidenceCheck[];
}

/** One submission as the evidence gate checks it: the resident session, the signature handle, the validated answers. */
export interface EvidenceCheck {
  sid: string | undefined;
  handle: string | undefined;
  version: FormVersion;
  municipalityCode: string;
  data: Record<string, unknown>;
  attachments: Record<string, string[]>;
  language: Language;
}
