/**
 * How a 罹災証明書 is named and checked on paper: its number
 * (「令和8年 第000123号」: per municipality and calendar year of issue, Japan
 * time) and its verification code (12 characters in groups of four, from an
 * alphabet without look-alikes). The code is derived from the certificate id
 * with the server key, so the PDF can be printed again while only a keyed
 * hash of the code is stored.
 */
import { timingSafeEqual } from 'node:crypto';
import type { SecretDeriver } from '../../security/keys';

const REIWA_START = 2018; // 令和1年 = 2019
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // 32 symbols: no 0/O, 1/I
const CODE_LENGTH = 12;

export function formatCertificateNumber(year: number, serial: number): string {
  const era = year - REIWA_START;
  return `令和${era === 1 ? '元' : era}年 第${String(serial).padStart(6, '0')}号`;
}

/** 「令和8年 第000123号」, 「令和８年第123号」 … → {2026, 123}; null for anything else. */
export function parseCertificateNumber(input: string): { year: number; serial: number } | null {
  const plain = input.normalize('NFKC').replace(/\s+/gu, '');
  const m = /^令和(元|\d{1,2})年第?(\d{1,6})号?$/u.exec(plain);
  if (!m) return null;
  const era = m[1] === '元' ? 1 : Number(m[1]);
  const serial = Number(m[2]);
  return era >= 1 && serial >= 1 ? { year: REIWA_START + era, serial } : null;
}

/** Upper case, no spaces or hyphens (what people type from paper). */
export const normalizeCode = (input: string): string =>
  input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^0-9A-Z]/gu, '');

export class CertificateCodes {
  constructor(private readonly secrets: SecretDeriver) {}

  /** The verification code printed on certificate `id`, e.g. 「7KQM-2XHP-9RTA」. */
  codeFor(id: string): string {
    const bytes = Buffer.from(this.secrets.derive('certificate-code', id, CODE_LENGTH), 'base64url');
    const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  }

  /** What is stored of a code: a keyed hash. */
  hash(code: string): string {
    return this.secrets.derive('certificate-code-hash', normalizeCode(code), 32);
  }

  matches(code: string, storedHash: string): boolean {
    const a = Buffer.from(this.hash(code));
    const b = Buffer.from(storedHash);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** Keyed fingerprint of everything a certificate states, in a fixed order. */
  fingerprint(printed: Record<string, unknown>): string {
    const canonical = JSON.stringify(
      Object.keys(printed)
        .sort()
        .map((k) => [k, printed[k]]),
    );
    return this.secrets.derive('certificate-fingerprint', canonical, 32);
  }
}
