/** Resident drafts in SQLite. */
import type { Draft, DraftRepository } from '../types';
import { guarded, type Db } from './database';
import type { DataCipher } from '../../security/dataCipher';

interface Row {
  id: string;
  municipality_code: string;
  procedure_id: string;
  form_version: number;
  secret_hash: string;
  payload: string;
  created_at: string;
  updated_at: string;
  expires_at: string;
}

const toDraft = (r: Row, cipher: DataCipher): Draft => ({
  id: r.id,
  municipalityCode: r.municipality_code,
  procedureId: r.procedure_id,
  formVersion: r.form_version,
  secretHash: r.secret_hash,
  payload: cipher.openText(r.payload),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  expiresAt: r.expires_at,
});

/** Draft answers are sealed with the data cipher at rest. */
export class SqliteDraftRepository implements DraftRepository {
  constructor(
    private readonly db: Db,
    private readonly cipher: DataCipher,
  ) {}

  async save(d: Draft): Promise<void> {
    guarded(() =>
      this.db
        .prepare(
          `INSERT INTO drafts (id, municipality_code, procedure_id, form_version, secret_hash, payload, created_at, updated_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET form_version = excluded.form_version, payload = excluded.payload,
             updated_at = excluded.updated_at, expires_at = excluded.expires_at`,
        )
        .run(d.id, d.municipalityCode, d.procedureId, d.formVersion, d.secretHash, this.cipher.sealText(d.payload), d.createdAt, d.updatedAt, d.expiresAt),
    );
  }

  async get(id: string, now: Date): Promise<Draft | null> {
    const row = this.db.prepare('SELECT * FROM drafts WHERE id = ? AND expires_at > ?').get(id, now.toISOString()) as Row | undefined;
    return row ? toDraft(row, this.cipher) : null;
  }

  async delete(id: string): Promise<void> {
    guarded(() => this.db.prepare('DELETE FROM drafts WHERE id = ?').run(id));
  }

  async deleteExpired(now: Date): Promise<number> {
    return guarded(() => this.db.prepare('DELETE FROM drafts WHERE expires_at <= ?').run(now.toISOString()).changes);
  }
}
