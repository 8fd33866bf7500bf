/**
 * Checks the audit log against its signed checkpoints (modules/auditAnchor):
 * a checkpoint whose signature does not hold is a forgery; a log that ends
 * before a checkpointed event was shortened (newest rows deleted) or replaced by
 * an older copy; a log whose event at a checkpointed sequence has another hash
 * was rolled back and written to since, or rewritten. The chain's own links
 * are checked as before (auditChain.ts).
 */
import type { KeyObject } from 'node:crypto';
import type { AuditRepository } from '../storage/types';
import { checkpointSignatureValid, type AuditCheckpoint, type CheckpointLine } from '../modules/auditAnchor/checkpoints';
import { verifyAuditChain, type ChainReport } from './auditChain';

export type AnchorFinding =
  { kind: 'forged-checkpoint'; line: number } | { kind: 'truncated'; checkpoint: AuditCheckpoint; headSeq: number } | { kind: 'diverged'; checkpoint: AuditCheckpoint; actualHash: string };

export interface AnchorReport {
  chain: ChainReport;
  headSeq: number;
  /** Checkpoints whose signature holds. */
  checkpoints: number;
  latest?: AuditCheckpoint;
  findings: AnchorFinding[];
}

export async function verifyAgainstCheckpoints(audit: Pick<AuditRepository, 'all'>, lines: CheckpointLine[], publicKey: KeyObject | null): Promise<AnchorReport> {
  const findings: AnchorFinding[] = [];
  const valid: AuditCheckpoint[] = [];
  for (const l of lines) {
    if ('checkpoint' in l && publicKey && checkpointSignatureValid(l.checkpoint, publicKey)) valid.push(l.checkpoint);
    else findings.push({ kind: 'forged-checkpoint', line: l.line });
  }
  const wanted = new Set(valid.map((c) => c.seq));
  const seen = new Map<number, string>();
  let headSeq = 0;
  const chain = await verifyAuditChain(audit, (seq, hash) => {
    headSeq = seq;
    if (wanted.has(seq)) seen.set(seq, hash);
  });
  // A broken link stops the walk: only checkpoints before it can be compared.
  const reached = chain.brokenAt ? chain.brokenAt.seq - 1 : headSeq;
  const reported = new Set<string>();
  for (const c of [...valid].sort((a, b) => b.seq - a.seq)) {
    if (c.seq > reached) {
      if (!chain.brokenAt && !reported.has('truncated')) findings.push({ kind: 'truncated', checkpoint: c, headSeq });
      reported.add('truncated');
      continue;
    }
    const actual = seen.get(c.seq);
    if (actual !== undefined && actual !== c.hash) findings.push({ kind: 'diverged', checkpoint: c, actualHash: actual });
  }
  const latest = valid.reduce<AuditCheckpoint | undefined>((a, c) => (!a || c.seq > a.seq ? c : a), undefined);
  return { chain, headSeq, checkpoints: valid.length, ...(latest ? { latest } : {}), findings };
}

/** One line per finding, Japanese then English (operators of a municipality read the first). */
export function describeFinding(f: AnchorFinding, file: string): string {
  switch (f.kind) {
    case 'forged-checkpoint':
      return `チェックポイントの署名が正しくありません（改ざんまたは偽造）: ${file} の ${f.line} 行目\nFORGED CHECKPOINT: line ${f.line} of ${file} does not carry a valid signature.`;
    case 'truncated':
      return (
        `監査ログが短くなっています: ${f.checkpoint.at} の署名付きチェックポイントでは #${f.checkpoint.seq} まで記録されていましたが、現在は #${f.headSeq} で終わっています（#${f.headSeq + 1}〜#${f.checkpoint.seq} が欠落）。最新の行が削除されたか、古いデータベースのコピーが戻されています。\n` +
        `TRUNCATED OR ROLLED BACK: the signed checkpoint of ${f.checkpoint.at} says the log reached event #${f.checkpoint.seq}, but it now ends at #${f.headSeq} (events #${f.headSeq + 1}–#${f.checkpoint.seq} are missing): the newest rows were deleted, or an older copy of the database was restored.`
      );
    case 'diverged':
      return (
        `監査ログが巻き戻されています: イベント #${f.checkpoint.seq} のハッシュが ${f.checkpoint.at} の署名付きチェックポイントと一致しません。古いデータベースのコピーが戻された後に書き込まれたか、ログが書き換えられています。\n` +
        `ROLLED BACK: event #${f.checkpoint.seq} does not match the signed checkpoint of ${f.checkpoint.at} (hash ${f.actualHash.slice(0, 12)}… instead of ${f.checkpoint.hash.slice(0, 12)}…): an older copy of the database was restored and written to, or the log was rewritten.`
      );
  }
}
