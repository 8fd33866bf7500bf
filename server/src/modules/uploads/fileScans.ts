/**
 * Malware scanning of uploaded files (issue #8). With a scanner configured,
 * every upload is scanned before it is accepted: infected → refused, nothing
 * stored; no verdict (clamd down, slow or erroring) → accepted as `pending`
 * so residents are never blocked by our outage, and `rescanPending` (run by
 * main.ts on a timer) settles those later. Without a scanner files are
 * `not_scanned`, which the inbox says plainly.
 */
import type { Logger } from 'pino';
import type { FileScanState, Storage, StoredFileMeta } from '../../storage/types';
import type { MalwareScanner } from './clamdClient';

export type UploadScan = { state: Extract<FileScanState, 'not_scanned' | 'pending'> } | { state: 'clean'; scannedAt: string } | { state: 'infected'; signature: string };

export type ScannerHealth = 'ok' | 'unreachable';

/** Health checks must stay quick even when clamd hangs. */
const HEALTH_TIMEOUT_MS = 2_000;

export class FileScanService {
  constructor(
    private readonly storage: Storage,
    private readonly scanner: MalwareScanner | undefined,
    private readonly now: () => Date = () => new Date(),
    private readonly logger?: Logger,
  ) {}

  get enabled(): boolean {
    return this.scanner !== undefined;
  }

  /** The state a new upload starts in (or `infected`: refuse it). Never throws for scanner trouble. */
  async scanUpload(content: Buffer): Promise<UploadScan> {
    if (!this.scanner) return { state: 'not_scanned' };
    try {
      const verdict = await this.scanner.scan(content);
      if (verdict.infected) return { state: 'infected', signature: verdict.signature };
      return { state: 'clean', scannedAt: this.now().toISOString() };
    } catch (error) {
      this.logger?.warn({ err: error }, 'malware scan unavailable: upload kept as pending');
      return { state: 'pending' };
    }
  }

  /**
   * Scans files left pending, oldest first. Stops at the first file the
   * scanner cannot judge (it is still down: no use hammering it).
   */
  async rescanPending(limit = 100): Promise<{ clean: number; infected: number; pending: number }> {
    const counts = { clean: 0, infected: 0, pending: 0 };
    if (!this.scanner) return counts;
    const files = await this.storage.files.listScanPending(limit);
    for (const [i, meta] of files.entries()) {
      const content = await this.storage.files.getContent(meta.id);
      if (!content) continue; // removed meanwhile
      let verdict;
      try {
        verdict = await this.scanner.scan(content);
      } catch (error) {
        this.logger?.warn({ err: error }, 'malware rescan unavailable: files stay pending');
        counts.pending = files.length - i;
        break;
      }
      const scannedAt = this.now().toISOString();
      if (verdict.infected) {
        if (await this.storage.files.recordScan(meta.id, { state: 'infected', signature: verdict.signature, scannedAt })) {
          counts.infected++;
          await this.auditInfected(meta, verdict.signature, 'file.malware_found_on_rescan');
        }
      } else if (await this.storage.files.recordScan(meta.id, { state: 'clean', scannedAt })) {
        counts.clean++;
      }
    }
    return counts;
  }

  /** For /health: undefined when scanning is off. */
  async health(): Promise<ScannerHealth | undefined> {
    if (!this.scanner) return undefined;
    return (await this.scanner.ping(HEALTH_TIMEOUT_MS)) ? 'ok' : 'unreachable';
  }

  /** Audits a detection: which file (hash, size, type, submission), which signature — never the content or its name. */
  async auditInfected(
    meta: Pick<StoredFileMeta, 'id' | 'municipalityCode' | 'sha256' | 'size' | 'mediaType' | 'submissionId'>,
    signature: string,
    action: string,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await this.storage.audit.append({
      at: this.now().toISOString(),
      actor: 'system',
      action,
      municipalityCode: meta.municipalityCode,
      targetType: 'file',
      targetId: meta.id,
      details: { signature, sha256: meta.sha256, size: meta.size, mediaType: meta.mediaType, ...(meta.submissionId ? { submissionId: meta.submissionId } : {}), ...details },
    });
  }
}
