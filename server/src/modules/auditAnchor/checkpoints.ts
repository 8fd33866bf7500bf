/**
 * Signed checkpoints of the audit chain: "on <at>, the chain reached event
 * #<seq> whose hash is <hash>", signed with Ed25519. Kept one JSON object per
 * line in an append-only file outside the database, so a database whose newest
 * audit rows were deleted, or an older copy put back, no longer matches what
 * was signed (tools/verifyAnchor.ts).
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensurePrivateDir } from '../../security/privateFiles';
import type { CheckpointKey } from './checkpointKey';
import { CHECKPOINT_FILE_NAME } from './anchorConfig';

export interface AuditCheckpoint {
  v: 1;
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  /** base64 Ed25519 signature of signedText(). */
  sig: string;
}

/** Exactly what is signed: a fixed label and the three facts, one per line. */
const signedText = (c: Pick<AuditCheckpoint, 'seq' | 'hash' | 'at'>) => Buffer.from(`madoguchi-audit-checkpoint/v1\n${c.seq}\n${c.hash}\n${c.at}`, 'utf8');

export function signCheckpoint(key: CheckpointKey, head: { seq: number; hash: string }, at: Date): AuditCheckpoint {
  const c = { v: 1 as const, seq: head.seq, hash: head.hash, at: at.toISOString(), keyId: key.keyId };
  return { ...c, sig: sign(null, signedText(c), key.privateKey).toString('base64') };
}

export function checkpointSignatureValid(c: AuditCheckpoint, publicKey: KeyObject): boolean {
  try {
    return verify(null, signedText(c), publicKey, Buffer.from(c.sig, 'base64'));
  } catch {
    return false;
  }
}

/** A line of the file: a checkpoint, or a line that is not one (reported as tampering). */
export type CheckpointLine = { line: number; checkpoint: AuditCheckpoint } | { line: number; malformed: true };

const isCheckpoint = (o: unknown): o is AuditCheckpoint => {
  const c = o as AuditCheckpoint;
  return !!c && c.v === 1 && Number.isInteger(c.seq) && c.seq > 0 && typeof c.hash === 'string' && typeof c.at === 'string' && typeof c.keyId === 'string' && typeof c.sig === 'string';
};

export class CheckpointFile {
  readonly path: string;

  constructor(dir: string) {
    this.path = join(dir, CHECKPOINT_FILE_NAME);
  }

  /** Appends one line and fsyncs it: a checkpoint reported written survives a power cut. */
  append(c: AuditCheckpoint): void {
    ensurePrivateDir(dirname(this.path));
    const fd = openSync(this.path, 'a', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(c)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  exists(): boolean {
    return existsSync(this.path);
  }

  read(): CheckpointLine[] {
    if (!this.exists()) return [];
    return readFileSync(this.path, 'utf8')
      .split('\n')
      .map((text, i) => ({ text, line: i + 1 }))
      .filter(({ text }) => text.trim() !== '')
      .map(({ text, line }) => {
        try {
          const parsed: unknown = JSON.parse(text);
          return isCheckpoint(parsed) ? { line, checkpoint: parsed } : { line, malformed: true as const };
        } catch {
          return { line, malformed: true as const };
        }
      });
  }

  /** The newest well-formed checkpoint, if any. */
  last(): AuditCheckpoint | undefined {
    const lines = this.read();
    for (let i = lines.length - 1; i >= 0; i--) {
      const l = lines[i]!;
      if ('checkpoint' in l) return l.checkpoint;
    }
    return undefined;
  }
}
