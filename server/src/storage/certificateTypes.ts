/**
 * 罹災証明書 as stored (issue #20): what one issued certificate states, the
 * keyed hash of its verification code (never the code) and a keyed
 * fingerprint of what it states, so a changed row is noticed on verification.
 * Numbers run per municipality and calendar year of issue (Japan time):
 * 「令和8年 第000123号」 is (year 2026, serial 123).
 */
import type { DamageLevel } from '@madoguchi/shared';

/** What the certificate prints about the household, the home and the disaster. */
export interface CertificateFacts {
  householderName: string;
  householderAddress: string;
  /** 被災住家の所在地. */
  propertyAddress: string;
  disasterName: string;
  /** 発生日 (YYYY-MM-DD). */
  disasterDate: string;
  /** 罹災原因 as the resident gave it (e.g. 「暴風・豪雨」); '' when none. */
  cause: string;
  /** 市区町村名 and the title of its head (e.g. 「水戸市長」). */
  municipalityName: string;
  headTitle: string;
}

export interface CertificateRecord {
  id: string;
  municipalityCode: string;
  /** Calendar year of issue (Japan time) and the serial within it; together unique per municipality. */
  year: number;
  serial: number;
  /** The number as printed, e.g. 「令和8年 第000123号」. */
  number: string;
  submissionId: string;
  disasterId: string;
  receiptNumber: string;
  damageLevel: DamageLevel;
  facts: CertificateFacts;
  /** Keyed hash of the verification code. */
  codeHash: string;
  /** Keyed hash (HMAC) of everything printed. */
  fingerprint: string;
  issuedAt: string;
  issuedBy: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawnReason: string | null;
}

/** A certificate before its number is given (the store allocates the serial). */
export type CertificateDraft = Omit<CertificateRecord, 'serial' | 'number' | 'fingerprint'>;

export interface CertificateRepository {
  /**
   * Gives `draft` the next serial of its municipality and year and stores it,
   * unless the submission already has a certificate that is not withdrawn:
   * then that one is returned (created: false). `finish` turns the serial into
   * the printed number and fingerprint.
   */
  issue(draft: CertificateDraft, finish: (serial: number) => { number: string; fingerprint: string }): Promise<{ certificate: CertificateRecord; created: boolean }>;
  get(id: string): Promise<CertificateRecord | null>;
  /** Every municipality's certificate of that year and serial (numbers repeat across municipalities). */
  findByNumber(year: number, serial: number): Promise<CertificateRecord[]>;
  /** The submission's latest certificate, withdrawn or not. */
  latestFor(submissionId: string): Promise<CertificateRecord | null>;
  /** Marks a certificate withdrawn; null when it does not exist or already was. */
  withdraw(id: string, at: string, by: string, reason: string): Promise<CertificateRecord | null>;
}
