/**
 * HTTP calls of the fault tests (full disk, locked database, shutdown) against a
 * server child process: a 罹災証明書 submission with an Idempotency-Key, and the
 * status look-up a resident makes with receipt number and secret. Every call has
 * a generous time limit, so a hang fails the test instead of stalling it.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshExample } from './presetExamples';

export const INTAKE_PATH = '/api/v1/municipalities/082015/procedures/risai-shomeisho/submissions';
export const EXAMPLE = freshExample(JSON.parse(readFileSync(join(__dirname, '../../presets/procedures/risai-shomeisho/examples/valid.json'), 'utf8')));
const HANG_MS = 60_000;

/** Environment of a server child: temporary data dir, no rate limits, given extras. */
export function serverEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', RATE_LIMIT_INTAKE_PER_MIN: '0', RATE_LIMIT_LOOKUP_PER_MIN: '0', OUTBOX_POLL_MS: '60000', ...extra };
}

export interface Answer {
  status: number;
  retryAfter: string | null;
  /** The Idempotent-Replayed header: the answer is an earlier stored submission's. */
  replayed: boolean;
  body: { receiptNumber?: string; secret?: string; error?: { code: string; message: string } } & Record<string, unknown>;
}

export async function submit(port: number, key: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${port}${INTAKE_PATH}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, ...headers },
    body: JSON.stringify({ data: EXAMPLE }),
    signal: AbortSignal.timeout(HANG_MS),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), replayed: res.headers.get('idempotent-replayed') === 'true', body: (await res.json()) as Answer['body'] };
}

/** Status look-up: 200 when the submission is stored and the secret matches. */
export async function lookup(port: number, receiptNumber: string, secret: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/submissions/${receiptNumber}/status`, { headers: { 'X-Receipt-Secret': secret }, signal: AbortSignal.timeout(HANG_MS) });
  await res.arrayBuffer();
  return res.status;
}

export async function health(port: number): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`, { signal: AbortSignal.timeout(HANG_MS) });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), replayed: false, body: (await res.json()) as Answer['body'] };
}

/** Rows per Idempotency-Key in the SQLite file (opened while no server runs on it). */
export function storedKeys(dataDir: string): Map<string, number> {
  const db = new Database(join(dataDir, 'madoguchi.sqlite'));
  try {
    const rows = db.prepare('SELECT idempotency_key AS key, COUNT(*) AS n FROM submissions WHERE idempotency_key IS NOT NULL GROUP BY idempotency_key').all() as { key: string; n: number }[];
    return new Map(rows.map((r) => [r.key, r.n]));
  } finally {
    db.close();
  }
}

/** Stops a server child with SIGTERM and returns its exit code. */
export async function stop(server: { child: { kill: (signal: NodeJS.Signals) => boolean }; exited: Promise<number | null> }): Promise<number | null> {
  server.child.kill('SIGTERM');
  return server.exited;
}
