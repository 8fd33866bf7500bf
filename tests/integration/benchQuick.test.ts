/**
 * The benchmark never rots: `bench/run.ts --quick` (what `npm run bench -- --quick` runs after building;
 * `npm test` has built already) runs end to end — real server, autocannon, generated inbox, headless
 * Chromium — exits 0, prints every section and writes bench/results/latest.json with sane figures.
 * Figures are not judged against targets here (the CI machine is not a benchmark machine).
 */
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const RESULTS = join(ROOT, 'bench', 'results', 'latest.json');

function runQuickBench(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), '--conditions=madoguchi-source', 'bench/run.ts', '--quick'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every number in the results, with its path (JSON turns NaN and Infinity into null: those show up as null). */
function leaves(value: unknown, path = ''): Array<[string, unknown]> {
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
  return [[path, value]];
}

test('npm run bench -- --quick runs end to end and writes sane figures', async () => {
  const started = Date.now();
  const { code, stdout, stderr } = await runQuickBench();
  if (code !== 0) throw new Error(`bench exited ${code}\n${stdout}\n${stderr}`);

  for (const heading of [
    '1. Intake',
    '2. Validation',
    '3. Inbox',
    'list endpoint over HTTP',
    "where one process's CPU goes",
    '4. Resident page',
    'rows in',
    '4b. The phone',
    'Slow 4G',
    '5. Memory',
    'Wrote bench/results/latest.json',
  ]) {
    expect(stdout).toContain(heading);
  }
  expect(statSync(RESULTS).mtimeMs).toBeGreaterThanOrEqual(started - 1000);
  const r = JSON.parse(readFileSync(RESULTS, 'utf8'));
  expect(r.quick).toBe(true);
  expect(leaves(r).filter(([, v]) => v === null || (typeof v === 'number' && !Number.isFinite(v)))).toEqual([]);

  // 1. Intake: all three sides served; the product and the floor (validated and sealed, not stored) accepted every request.
  expect(r.intake.figures.length).toBeGreaterThanOrEqual(1);
  for (const f of r.intake.figures) {
    expect(f.baseline.reqPerSec).toBeGreaterThan(0);
    expect(f.product.reqPerSec).toBeGreaterThan(0);
    expect(f.product.non2xx).toBe(0);
    expect(f.ratio).toBeGreaterThan(0);
    expect(f.floor.reqPerSec).toBeGreaterThan(0);
    expect(f.floor.non2xx).toBe(0);
    expect(f.floor.ratio).toBeGreaterThan(0);
    // Each side's CPU was read while it was loaded: a server that served requests used CPU for them.
    for (const side of [f.cpu.baseline, f.cpu.floor, f.cpu.product]) {
      expect(side.serverCores).toBeGreaterThan(0);
      expect(side.serverUsPerRequest).toBeGreaterThan(0);
      expect(side.machineIdlePct).toBeGreaterThanOrEqual(0);
      expect(side.machineIdlePct).toBeLessThanOrEqual(100);
    }
  }
  expect(stdout).toContain('server µs CPU / request');
  expect(r.intake.memory.rssAfterMb).toBeGreaterThan(0);
  // The memory probe answered both times: the server collected its garbage and printed what it keeps.
  for (const kept of [r.intake.memory.kept.before, r.intake.memory.kept.after]) {
    expect(kept.rssMb).toBeGreaterThan(0);
    expect(kept.heapUsedMb).toBeGreaterThan(0);
    expect(kept.heapUsedMb).toBeLessThan(kept.rssMb);
  }
  expect(stdout).toContain('after a full garbage collection');
  // 罹災証明書 burst with photos: both sides took every resident; the product stored each application exactly once.
  expect(stdout).toContain('罹災証明書 burst with photos');
  for (const side of [r.burst.baseline, r.burst.product]) {
    expect(side.acceptedPerSec).toBeGreaterThan(0);
    expect(side.p99).toBeGreaterThanOrEqual(side.p50);
    expect(side.share503).toBeGreaterThanOrEqual(0);
    expect(side.share503).toBeLessThan(1);
  }
  expect(r.burst.baseline.share503).toBe(0);
  expect(r.burst.storedOnce).toBe(true);
  expect(r.burst.stored).toBe(r.burst.residents);
  // 2. Validation: every preset compiled and validated.
  expect(r.validation.length).toBeGreaterThan(0);
  for (const v of r.validation) expect(v.validationsPerSec).toBeGreaterThan(0);
  // 3. Inbox: the store queries found rows; the endpoint answered the signed-in staff with pages of them.
  expect(r.inbox.rows).toBeGreaterThan(0);
  expect(r.inbox.databaseMb).toBeGreaterThan(0);
  expect(r.inbox.listNewest50Ms.minRowsReturned).toBeGreaterThan(0);
  for (const q of [
    r.inbox.listNewest50Ms,
    r.inbox.listNewest50Ms.firstVisit,
    r.inbox.listNewest50Ms.repeatVisits,
    r.inbox.countByStatusMs,
    r.inbox.findByReceiptMs,
    r.inbox.readingPrefixMs,
    r.inbox.unreadThreadsMs,
  ])
    expect(q.p99).toBeGreaterThanOrEqual(q.p50);
  // The measured municipality's threads carry applicants' messages, some still unread by the desk.
  expect(r.inbox.unreadThreadsMs.messages).toBeGreaterThan(0);
  expect(r.inbox.unreadThreadsMs.unreadThreads).toBeGreaterThan(0);
  // Both baselines answered every request, the chosen stack's to a signed-in session (non2xx 0 below).
  expect(r.inbox.http.map((f: { mode: string }) => f.mode)).toEqual([
    'one process',
    'two workers',
    'bare Express, the same page',
    'the chosen stack (helmet, compression, session, passport), the same page',
  ]);
  for (const f of r.inbox.http) {
    expect(f.itemsPerPage).toBeGreaterThan(0);
    expect(f.reqPerSec).toBeGreaterThan(0);
    expect(f.non2xx).toBe(0);
    expect(f.errors).toBe(0);
    expect(f.p99).toBeGreaterThan(0);
  }
  // 1b. The profiled intake process: the store's insert and the validator are among its stages.
  const intakeProfile = r.intake.profile as { requests: number; stages: Array<{ stage: string; ms: number }> };
  expect(intakeProfile.requests).toBeGreaterThan(0);
  for (const stage of ['store: submission row (INSERT, indexes)', 'answer validation (ajv)']) expect(intakeProfile.stages.find((s) => s.stage === stage)?.ms).toBeGreaterThan(0);
  // 3c. The profiled process: its loaded window holds the staff session's work (the list page itself is mostly a kept
  // one here, too short to be sure of a sample) and the stages share out the busy time.
  const profile = r.inbox.profile as { requests: number; stages: Array<{ stage: string; ms: number; pct: number; usPerRequest: number }> };
  expect(profile.requests).toBeGreaterThan(0);
  expect(profile.stages.find((s) => s.stage === 'session (cookie, store)')?.ms).toBeGreaterThan(0);
  const shares = profile.stages.reduce((sum, s) => sum + s.pct, 0); // each share rounded to 0.1
  expect(shares).toBeGreaterThan(98);
  expect(shares).toBeLessThan(102);
  // 4. Resident page: each page loaded JS and CSS; the long form rendered and validated.
  expect(r.client.weights.map((w: { page: string }) => w.page)).toEqual(expect.arrayContaining([expect.stringMatching(/^search/), expect.stringMatching(/^form /)]));
  for (const w of r.client.weights) {
    expect(w.jsKb).toBeGreaterThan(0);
    expect(w.cssKb).toBeGreaterThan(0);
  }
  // The size ceiling (a size, not a time: the same on any machine): the target is 170 KB, the ceiling the
  // measured size plus a small margin (bench/clientSize.ts).
  const forms = r.client.weights.filter((w: { page: string }) => w.page.startsWith('form '));
  expect(forms.length).toBeGreaterThan(0);
  for (const w of forms) expect({ page: w.page, jsGzipKb: w.jsGzipKb, under: w.jsGzipKb < w.ceilingJsKb }).toEqual({ page: w.page, jsGzipKb: w.jsGzipKb, under: true });
  expect(forms[0]).toMatchObject({ targetJsKb: 170, ceilingJsKb: 169 });
  const g = r.client.repeatingGroup;
  expect(g.fieldsInDom).toBeGreaterThan(g.rows);
  expect(g.renderMs).toBeGreaterThan(0);
  expect(g.validateMs).toBeGreaterThan(0);
  expect(['error summary', 'next step']).toContain(g.validateOutcome);
  // Its baselines: the very DOM the app rendered, as plain HTML from bare Express, with and without the opener policy.
  expect(g.baseline.fieldsInDom).toBe(g.fieldsInDom);
  expect(g.baseline.withOpenerPolicy.fieldsInDom).toBe(g.fieldsInDom);
  expect(g.baseline.renderMs).toBeGreaterThan(0);
  expect(g.baseline.withOpenerPolicy.renderMs).toBeGreaterThan(0);
  // And the chosen stack alone (React + RJSF as they ship) rendering the same step: every row in its DOM.
  expect(g.baseline.stackAlone.renderMs).toBeGreaterThan(0);
  expect(g.baseline.stackAlone.fieldsInDom).toBeGreaterThan(g.rows);
  // The page load's phases, each seen in the DOM, in order: HTML, the entry's first render, the app's shell, the rows.
  expect(Object.keys(g.phases)).toEqual(['html', 'entry', 'shell', 'rendered']);
  expect(g.phases.html).toBeLessThan(g.phases.entry);
  expect(g.phases.entry).toBeLessThanOrEqual(g.phases.shell);
  expect(g.phases.shell).toBeLessThanOrEqual(g.phases.rendered);
  expect(g.phases.rendered).toBe(g.renderMs);
  // 4b. The phone: 罹災証明書 and the longest preset became usable on the first and the repeat visit, and the
  // repeat visit took the hashed scripts from the browser's cache without asking the server.
  expect(r.machine).toMatch(/ × /);
  expect(r.phone.cpuSlowdown).toBe(4);
  expect(r.phone.network).toEqual({ offline: false, latency: 562.5, downloadThroughput: 180000, uploadThroughput: 84375 });
  expect(r.phone.figures.map((f: { preset: string }) => f.preset)).toEqual(['risai-shomeisho', 'hoiku-riyo-moshikomi']);
  for (const f of r.phone.figures) {
    expect(f.firstVisitMs).toBeGreaterThan(0);
    expect(f.repeatVisitMs).toBeGreaterThan(0);
    expect(f.requestsFromCache).toBeGreaterThan(0);
  }
}, 300_000);
