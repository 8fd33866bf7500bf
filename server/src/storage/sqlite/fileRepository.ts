/** Uploaded files in SQLite (content as BLOB next to its metadata, so a backup of one file holds everything). */
import type { FileRepository, FileScanState, FileScanVerdict, StoredFileMeta } from '../types';
import { guarded, type Db } from './database';
import type { DataCipher } from '../../security/dataCipher';

interface Row {
  id: string;
  municipality_code: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  submission_id: string | null;
  upload_token: string;
  created_at: string;
  scan_state: FileScanState;
  scan_signature: string | null;
  scanned_at: string | null;
}

const toMeta = (r: Row): StoredFileMeta => ({
  id: r.id,
  municipalityCode: r.municipality_code,
  fileName: r.file_name,
  mediaType: r.media_type,
  size: r.size,
  sha256: r.sha256,
  ...(r.submission_id ? { submissionId: r.submission_id } : {}),
  uploadToken: r.upload_token,
  createdAt: r.created_at,
  scanState: r.scan_state,
  ...(r.scan_signature ? { scanSignature: r.scan_signature } : {}),
  ...(r.scanned_at ? { scannedAt: r.scanned_at } : {}),
});

const META_COLUMNS = 'id, municipality_code, file_name, media_type, size, sha256, submission_id, upload_token, created_at, scan_state, scan_signature, scanned_at';

/** File contents are sealed with the data cipher at rest. */
export class SqliteFileRepository implements FileRepository {
  constructor(
    private readonly db: Db,
    private readonly cipher: DataCipher,
  ) {}

  async put(meta: StoredFileMeta, content: Buffer): Promise<void> {
    guarded(() =>
      this.db
        .prepare(`INSERT INTO files (${META_COLUMNS}, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(
          meta.id,
          meta.municipalityCode,
          meta.fileName,
          meta.mediaType,
          meta.size,
          meta.sha256,
          meta.submissionId ?? null,
          meta.uploadToken,
          meta.createdAt,
          meta.scanState ?? 'not_scanned',
          meta.scanSignature ?? null,
          meta.scannedAt ?? null,
          this.cipher.seal(content),
        ),
    );
  }

  async getMeta(id: string): Promise<StoredFileMeta | null> {
    const row = this.db.prepare(`SELECT ${META_COLUMNS} FROM files WHERE id = ?`).get(id) as Row | undefined;
    return row ? toMeta(row) : null;
  }

  async getContent(id: string): Promise<Buffer | null> {
    const row = this.db.prepare('SELECT content FROM files WHERE id = ?').get(id) as { content: Buffer } | undefined;
    return row ? this.cipher.open(row.content) : null;
  }

  async bind(ids: string[], uploadToken: string, submissionId: string): Promise<number> {
    return guarded(() =>
      this.db.transaction(() => {
        const stmt = this.db.prepare('UPDATE files SET submission_id = ? WHERE id = ? AND upload_token = ? AND submission_id IS NULL');
        return ids.reduce((n, id) => n + stmt.run(submissionId, id, uploadToken).changes, 0);
      })(),
    );
  }

  async countUnbound(uploadToken: string): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM files WHERE upload_token = ? AND submission_id IS NULL').get(uploadToken) as { n: number }).n;
  }

  async deleteUnbound(id: string): Promise<boolean> {
    return guarded(() => this.db.prepare('DELETE FROM files WHERE id = ? AND submission_id IS NULL').run(id).changes === 1);
  }

  async deleteUnboundBefore(before: Date): Promise<number> {
    return guarded(() => this.db.prepare('DELETE FROM files WHERE submission_id IS NULL AND created_at < ?').run(before.toISOString()).changes);
  }

  async listScanPending(limit: number): Promise<StoredFileMeta[]> {
    const rows = this.db.prepare(`SELECT ${META_COLUMNS} FROM files WHERE scan_state = 'pending' ORDER BY created_at, id LIMIT ?`).all(limit) as Row[];
    return rows.map(toMeta);
  }

  async recordScan(id: string, verdict: FileScanVerdict): Promise<boolean> {
    return guarded(
      () =>
        this.db
          .prepare("UPDATE files SET scan_state = ?, scan_signature = ?, scanned_at = ? WHERE id = ? AND scan_state = 'pending'")
          .run(verdict.state, verdict.state === 'infected' ? (verdict.signature ?? null) : null, verdict.scannedAt, id).changes === 1,
    );
  }
}
