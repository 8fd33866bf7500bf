/**
 * 罹災証明書 burst with photos: after a disaster many residents send at once.
 * Each resident uploads 2–3 JPEG photos of the damage (in parallel, as the
 * resident app does), then submits with an Idempotency-Key; a 503 is retried
 * after its Retry-After with the same key, as the app does. Reported: accepted
 * applications per second over the whole burst, p50/p99 of the accepted
 * submissions, the share of requests answered 503, and whether every accepted
 * application is stored exactly once (read from the SQLite file afterwards).
 * The bare Express baseline takes the same burst in the same run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../server/src/storage/sqlite/database';
import { ROOT, percentile, round1, startChild, type Child } from './lib';
import { makeJpeg } from './jpeg';

const MITO = '082015';
const SUBMIT = `/api/v1/municipalities/${MITO}/procedures/risai-shomeisho/submissions`;
const UPLOAD = `/api/v1/municipalities/${MITO}/uploads`;

export interface BurstOptions {
  /** Residents who send within `windowSeconds`, evenly spread: many times what the server can take. */
  residents: number;
  windowSeconds: number;
}

export interface BurstSide {
  acceptedPerSec: number;
  /** Latency of the accepted submission requests (the attempt that got 201). */
  p50: number;
  p99: number;
  /** Share of all requests (uploads and submissions) answered 503. */
  share503: number;
  requests: number;
  /** Failed connections, retried. */
  networkErrors: number;
  /** Wall time until the last resident had a receipt. */
  seconds: number;
}

interface Resident {
  token: string;
  key: string;
  photos: Buffer[];
}

interface Tally {
  requests: number;
  refused: number;
  /** Connections that failed (e.g. a kept-alive one the server closed just then): retried, as the resident app does. */
  networkErrors: number;
}

/**
 * Requests on the wire at once, as a reverse proxy's upstream connections (or the load balancer) hold them:
 * without a bound, thousands of connections opened in the same second overflow the kernel's accept queue and
 * the figures measure SYN retransmits instead of the server.
 */
const CONNECTIONS = 256;
let onWire = 0;
const waitingForWire: Array<() => void> = [];
async function onConnection<T>(send: () => Promise<T>): Promise<T> {
  if (onWire >= CONNECTIONS) await new Promise<void>((r) => waitingForWire.push(r));
  else onWire++;
  try {
    return await send();
  } finally {
    const next = waitingForWire.shift();
    if (next) next();
    else onWire--;
  }
}

/** One request, retried after a 503 (after its Retry-After) or a network failure, as the resident app does; the last attempt's latency. */
async function withRetries(send: () => Promise<Response>, tally: Tally): Promise<{ response: Response; ms: number }> {
  for (;;) {
    let response: Response | undefined;
    let ms = 0;
    try {
      // Latency from the moment the request goes on the wire (as the proxy sees it) to the whole answer.
      response = await onConnection(async () => {
        const started = performance.now();
        const r = await send();
        const body = await r.arrayBuffer();
        ms = performance.now() - started;
        return new Response(body, { status: r.status, headers: r.headers });
      });
    } catch {
      tally.networkErrors++;
    }
    tally.requests++;
    if (response && response.status !== 503) return { response, ms };
    if (response) tally.refused++;
    const wait = Number(response?.headers.get('Retry-After')) || 1;
    await new Promise((r) => setTimeout(r, wait * 1000 * (0.5 + Math.random() / 2)));
  }
}

async function runBurst(base: string, residents: Resident[], body: Record<string, unknown>, windowSeconds: number): Promise<BurstSide & { receipts: string[] }> {
  const tally: Tally = { requests: 0, refused: 0, networkErrors: 0 };
  const accepted: number[] = [];
  const receipts: string[] = [];
  const started = performance.now();
  await Promise.all(
    residents.map(async (resident, n) => {
      await new Promise((r) => setTimeout(r, (n / residents.length) * windowSeconds * 1000));
      const fileIds = await Promise.all(
        resident.photos.map(async (photo, i) => {
          const { response } = await withRetries(() => {
            const form = new FormData();
            form.append('procedureId', 'risai-shomeisho');
            form.append('attachmentId', 'damagePhotos');
            form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), `damage-${i + 1}.jpg`);
            return fetch(`${base}${UPLOAD}`, { method: 'POST', headers: { 'X-Upload-Token': resident.token }, body: form });
          }, tally);
          if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
          return ((await response.json()) as { fileId: string }).fileId;
        }),
      );
      const payload = JSON.stringify({ ...body, attachments: { damagePhotos: fileIds }, uploadToken: resident.token });
      const { response, ms } = await withRetries(
        () => fetch(`${base}${SUBMIT}`, { method: 'POST', headers: { 'content-type': 'application/json', 'Idempotency-Key': resident.key }, body: payload }),
        tally,
      );
      if (response.status !== 201) throw new Error(`submission answered ${response.status}: ${await response.text()}`);
      accepted.push(ms);
      receipts.push(((await response.json()) as { receiptNumber?: string }).receiptNumber ?? '');
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    acceptedPerSec: round1(residents.length / seconds),
    p50: round1(percentile(accepted, 50)),
    p99: round1(percentile(accepted, 99)),
    share503: Number((tally.refused / tally.requests).toFixed(3)),
    requests: tally.requests,
    networkErrors: tally.networkErrors,
    seconds: round1(seconds),
    receipts,
  };
}

/** The bare stack's answers to the same requests: it reads every body (uploads too) and answers 201. */
function startBaseline(): Promise<Child> {
  return startChild(['-r', 'tsx/cjs', 'bench/baseline.ts'], {}, /baseline listening on (\d+)/);
}

export async function benchBurst(options: BurstOptions) {
  const example = JSON.parse(readFileSync(join(ROOT, 'presets/procedures/risai-shomeisho/examples/valid.json'), 'utf8')) as { damage: Record<string, unknown> };
  // Photo judgement by the resident's own photos (自己判定方式): the photos are what the application is about.
  const body = { data: { ...example, damage: { ...example.damage, selfAssessment: true, selfAssessmentAgreement: true } } };
  const photos = [0, 1, 2].map((seed) => makeJpeg(640, 480, 60_000 + seed * 20_000, seed));
  const residentsFor = (side: string) =>
    Array.from({ length: options.residents }, (_, i) => ({
      token: `burst-${side}-token-${String(i).padStart(8, '0')}`,
      key: `burst-${side}-${String(i).padStart(8, '0')}`,
      photos: photos.slice(0, 2 + (i % 2)),
    }));
  const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-burst-'));
  const baseline = await startBaseline();
  // The default admission limits of the 2-vCPU deployment; a short Retry-After keeps the bench short.
  let product: Child | undefined = await startChild(
    ['server/dist/main.js'],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      RATE_LIMIT_INTAKE_PER_MIN: '0',
      RATE_LIMIT_LOOKUP_PER_MIN: '0',
      RATE_LIMIT_UPLOAD_PER_MIN: '0',
      ADMISSION_RETRY_AFTER_SECONDS: '1',
    },
    /serving on http:\/\/localhost:(\d+)/,
  );
  try {
    const residents = residentsFor('product');
    const b = await runBurst(`http://127.0.0.1:${baseline.port}`, residentsFor('baseline'), body, options.windowSeconds);
    const p = await runBurst(`http://127.0.0.1:${product.port}`, residents, body, options.windowSeconds);
    const health = (await (await fetch(`http://127.0.0.1:${product.port}/api/v1/health`)).json()) as { admission?: { submissions: { refused: number }; uploads: { refused: number } } };
    await product.stop();
    product = undefined;
    // Exactly once: one row per resident's key, its receipt the one the resident got, all its photos bound to it.
    const db = openDatabase(dataDir);
    const rows = db.prepare("SELECT idempotency_key AS key, receipt_number AS receipt, id FROM submissions WHERE idempotency_key LIKE 'burst-product-%'").all() as Array<{
      key: string;
      receipt: string;
      id: string;
    }>;
    const boundFiles = (db.prepare('SELECT count(*) AS n FROM files WHERE submission_id IS NOT NULL').get() as { n: number }).n;
    db.close();
    const keys = new Set(rows.map((r) => r.key));
    const storedReceipts = new Set(rows.map((r) => r.receipt));
    const photosSent = residents.reduce((n, r) => n + r.photos.length, 0);
    const storedOnce = rows.length === residents.length && keys.size === residents.length && p.receipts.every((r) => storedReceipts.has(r)) && boundFiles === photosSent;
    const { receipts: _p, ...product503 } = p;
    const { receipts: _b, ...base } = b;
    return {
      residents: options.residents,
      windowSeconds: options.windowSeconds,
      photos: photosSent,
      photoKb: Math.round(photos.slice(0, 3).reduce((n, x) => n + x.length, 0) / 3 / 1024),
      baseline: base,
      product: { ...product503, refusedByGate: (health.admission?.submissions.refused ?? 0) + (health.admission?.uploads.refused ?? 0) },
      ratio: Number((p.acceptedPerSec / b.acceptedPerSec).toFixed(2)),
      storedOnce,
      stored: rows.length,
    };
  } finally {
    await baseline.stop();
    await product?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
