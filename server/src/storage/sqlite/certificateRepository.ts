/** 罹災証明書 in SQLite (issue #20): the serial is taken and the row written in one transaction. */
import type { DamageLevel } from '@madoguchi/shared';
import type { DataCipher } from '../../security/dataCipher';
import type { CertificateDraft, CertificateFacts, CertificateRecord, CertificateRepository } from '../certificateTypes';
import { guarded, type Db } from './database';

interface Row {
  id: string;
  municipality_code: string;
  year: number;
  serial: number;
  number: string;
  submission_id: string;
  disaster_id: string;
  receipt_number: string;
  damage_level: string;
  facts_json: string;
  code_hash: string;
  fingerprint: string;
  issued_at: string;
  issued_by: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawn_reason: string | null;
}

export class SqliteCertificateRepository implements CertificateRepository {
  constructor(
    private readonly db: Db,
    private readonly cipher: DataCipher,
  ) {}

  private from(r: Row): CertificateRecord {
    return {
      id: r.id,
      municipalityCode: r.municipality_code,
      year: r.year,
      serial: r.serial,
      number: r.number,
      submissionId: r.submission_id,
      disasterId: r.disaster_id,
      receiptNumber: r.receipt_number,
      damageLevel: r.damage_level as DamageLevel,
      facts: this.cipher.openJson<CertificateFacts>(r.facts_json),
      codeHash: r.code_hash,
      fingerprint: r.fingerprint,
      issuedAt: r.issued_at,
      issuedBy: r.issued_by,
      withdrawnAt: r.withdrawn_at,
      withdrawnBy: r.withdrawn_by,
      withdrawnReason: r.withdrawn_reason,
    };
  }

  private live(submissionId: string): Row | undefined {
    return this.db.prepare('SELECT * FROM certificates WHERE submission_id = ? AND withdrawn_at IS NULL').get(submissionId) as Row | undefined;
  }

  async issue(draft: CertificateDraft, finish: (serial: number) => { number: string; fingerprint: string }): Promise<{ certificate: CertificateRecord; created: boolean }> {
    const run = this.db.transaction(() => {
      const existing = this.live(draft.submissionId);
      if (existing) return { row: existing, created: false };
      const { last } = this.db.prepare('SELECT MAX(serial) AS last FROM certificates WHERE municipality_code = ? AND year = ?').get(draft.municipalityCode, draft.year) as { last: number | null };
      const serial = (last ?? 0) + 1;
      const { number, fingerprint } = finish(serial);
      this.db
        .prepare(
          `INSERT INTO certificates (id, municipality_code, year, serial, number, submission_id, disaster_id, receipt_number, damage_level, facts_json, code_hash, fingerprint,
             issued_at, issued_by, withdrawn_at, withdrawn_by, withdrawn_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)`,
        )
        .run(
          draft.id,
          draft.municipalityCode,
          draft.year,
          serial,
          number,
          draft.submissionId,
          draft.disasterId,
          draft.receiptNumber,
          draft.damageLevel,
          this.cipher.sealJson(draft.facts),
          draft.codeHash,
          fingerprint,
          draft.issuedAt,
          draft.issuedBy,
        );
      return { row: this.db.prepare('SELECT * FROM certificates WHERE id = ?').get(draft.id) as Row, created: true };
    });
    const { row, created } = guarded(() => run.immediate());
    return { certificate: this.from(row), created };
  }

  async get(id: string): Promise<CertificateRecord | null> {
    const r = this.db.prepare('SELECT * FROM certificates WHERE id = ?').get(id) as Row | undefined;
    return r ? this.from(r) : null;
  }

  async findByNumber(year: number, serial: number): Promise<CertificateRecord[]> {
    const rows = this.db.prepare('SELECT * FROM certificates WHERE year = ? AND serial = ? ORDER BY municipality_code').all(year, serial) as Row[];
    return rows.map((r) => this.from(r));
  }

  async latestFor(submissionId: string): Promise<CertificateRecord | null> {
    const r = this.db.prepare('SELECT * FROM certificates WHERE submission_id = ? ORDER BY issued_at DESC, serial DESC LIMIT 1').get(submissionId) as Row | undefined;
    return r ? this.from(r) : null;
  }

  async withdraw(id: string, at: string, by: string, reason: string): Promise<CertificateRecord | null> {
    const changed = guarded(() =>
      this.db.prepare('UPDATE certificates SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ? WHERE id = ? AND withdrawn_at IS NULL').run(at, by, reason, id),
    ).changes;
    return changed === 1 ? this.get(id) : null;
  }
}
