/**
 * `npm run bench` (full, minutes) or `npm run bench -- --quick` (seconds, run in CI so the bench never rots:
 * tests/integration/benchQuick.test.ts). `-- --profile` adds a CPU profile of the 500-row form (where the time goes);
 * `-- --only=page` runs section 4 alone (the resident page); `-- --only=intake` the intake section alone; `-- --only=inbox`
 * section 3 alone.
 * Prints a table and writes bench/results/latest.json (not committed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { ROOT } from './lib';
import { benchIntake } from './intake';
import { benchBurst } from './burst';
import { benchValidation } from './validation';
import { BARE_MODE, benchInbox, LIST_PAGES, STACK_MODE, STORE_QUERIES } from './inbox';
import { benchResidentPage, JS_BUDGET_KB, PHASES, type PhaseMarks } from './clientSize';
import { benchPhone } from './phone';
import type { StageFigure } from './serverProfile';
import { MunicipalityRegistry } from '../server/src/modules/municipalities/registry';

const quick = process.argv.includes('--quick');
const profile = process.argv.includes('--profile');
/**
 * `--only=page`: section 4 alone (the resident page in Chromium), for work on the client; latest.json is not written.
 * `--only=intake`: the intake section alone (its rounds, the burst and the memory reading), for work on intake.
 * `--only=inbox`: section 3 alone (the store's queries and the list endpoint), for work on the inbox.
 */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
if (only !== undefined && only !== 'page' && only !== 'intake' && only !== 'inbox')
  throw new Error(`--only=${only}: only "page" (section 4), "intake" (section 1) or "inbox" (section 3) can run alone`);
const settings = quick
  ? {
      rounds: 1,
      seconds: 1,
      connections: 50,
      validations: 500,
      inboxRows: 10_000,
      inboxHttpSeconds: 1,
      inboxHttpRounds: 1,
      groupRows: 50,
      groupRuns: 1,
      memorySubmissions: 1_000,
      burstResidents: 150,
      burstWindowSeconds: 1,
      phoneRounds: 1,
    }
  : {
      rounds: 5,
      seconds: 10,
      connections: 50,
      validations: 5_000,
      inboxRows: 1_000_000,
      inboxHttpSeconds: 10,
      inboxHttpRounds: 3,
      groupRows: 500,
      groupRuns: 3,
      memorySubmissions: 100_000,
      burstResidents: 1_000,
      burstWindowSeconds: 5,
      phoneRounds: 5,
    };

const began = Date.now();
let lap = began;
/** Wall time of the section just finished (and of the whole run), so a slow section shows. */
const took = () => {
  const now = Date.now();
  const text = `   (${((now - lap) / 1000).toFixed(1)} s)`;
  lap = now;
  return text;
};

type RepeatingGroup = Awaited<ReturnType<typeof benchResidentPage>>['repeatingGroup'];
type Baseline = RepeatingGroup['baseline'];

/** A render's two baselines as table rows. */
const baselineRows = (label: string, b: Baseline) => ({
  [`${label}: plain HTML (baseline)`]: { 'render ms (in DOM)': b.renderMs, 'render ms (painted)': b.renderPaintedMs },
  [`${label}: plain HTML + opener policy`]: { 'render ms (in DOM)': b.withOpenerPolicy.renderMs, 'render ms (painted)': b.withOpenerPolicy.renderPaintedMs },
  [`${label}: React + RJSF alone`]: { 'render ms (in DOM)': b.stackAlone.renderMs, 'render ms (painted)': b.stackAlone.renderPaintedMs },
});

const PHASE_LABELS: Record<(typeof PHASES)[number], string> = {
  html: 'HTML parsed',
  entry: 'scripts run (first render)',
  shell: 'app shell',
  rendered: 'last row in DOM',
};

/** When each phase of the page load was in the DOM (ms from navigation), for the product, its plain HTML and the stack alone. */
function printPhases(g: RepeatingGroup) {
  const row = (phases: PhaseMarks) => Object.fromEntries(PHASES.filter((p) => phases[p] !== undefined).map((p) => [PHASE_LABELS[p], phases[p]]));
  console.log('   Where a page load goes: ms from navigation until each phase was in the DOM (medians; the plain HTML has it all at once)');
  console.table({
    ...(g.twoRows
      ? {
          '2 rows': row(g.twoRows.phases),
          '2 rows: plain HTML + opener policy': row(g.twoRows.baseline.withOpenerPolicy.phases),
          '2 rows: React + RJSF alone': row(g.twoRows.baseline.stackAlone.phases),
        }
      : {}),
    [`${g.rows} rows`]: row(g.phases),
    [`${g.rows} rows: plain HTML + opener policy`]: row(g.baseline.withOpenerPolicy.phases),
    [`${g.rows} rows: React + RJSF alone`]: row(g.baseline.stackAlone.phases),
  });
}

type GroupProfile = NonNullable<RepeatingGroup['profile']>;

function printProfile(label: string, profile: GroupProfile) {
  for (const phase of ['render', 'validate'] as const) {
    const b = profile[phase].browserMs;
    console.log(
      `   CPU profile of the ${label} ${phase}: renderer busy ${b.task} ms = script ${b.script} + style recalc ${b.recalcStyle} + layout ${b.layout} + other; ${profile[phase].sampledMs} ms sampled, self time:`,
    );
    console.table(profile[phase].byPackage);
    console.table(profile[phase].byFunction);
  }
}

/** Section 4: page weights and the repeating group's render and validation (with `--profile`, where the time goes). */
async function residentPage() {
  const client = await benchResidentPage({ rows: settings.groupRows, runs: settings.groupRuns, quick, profile });
  console.log(
    `4. Resident page in headless Chromium (cold cache; ${client.weights[0]?.gzipBy === 'server' ? 'on the wire as the server compressed it' : 'gzipped by the bench: the server sends them uncompressed'}; target < ${JS_BUDGET_KB} KB JS gzipped for a form page)`,
  );
  console.table(
    Object.fromEntries(client.weights.map((w) => [w.page, { 'JS KB (wire)': w.jsKb, 'JS KB gzip -9': w.jsGzipKb, 'CSS KB (wire)': w.cssKb, 'JS files': w.jsFiles, 'JS KB uncompressed': w.jsRawKb }])),
  );
  const g = client.repeatingGroup;
  console.log(
    `   ${g.preset} with ${g.rows} rows in「${g.field}」(${g.fieldsInDom.toLocaleString()} inputs; median of ${g.runs}; targets: render ≤ ${g.targetMs} ms, validate ≤ 500 ms; the 2-row example renders ≤ 300 ms)`,
  );
  console.table({
    [`${g.rows} rows`]: {
      'render ms (in DOM)': g.renderMs,
      'render ms (painted)': g.renderPaintedMs,
      'validate ms (in DOM)': g.validateMs,
      'validate ms (painted)': g.validatePaintedMs,
      'validate shows': g.validateOutcome,
    },
    ...baselineRows(`${g.rows} rows`, g.baseline),
    ...(g.twoRows
      ? {
          '2 rows (example)': { 'render ms (in DOM)': g.twoRows.renderMs, 'validate ms (in DOM)': g.twoRows.validateMs, 'validate shows': g.twoRows.validateOutcome },
          ...baselineRows('2 rows', g.twoRows.baseline),
        }
      : {}),
  });
  console.log(
    `   Baselines: the page the app rendered, saved as plain HTML (its DOM, style sheets inlined, no script) and served by bare Express, without and with the product's Cross-Origin-Opener-Policy header (with it, Chromium moves the page to a new renderer process); and the chosen stack alone: React rendering @rjsf/core's Form (its own theme and ajv validator, as the packages ship, built by Vite) for the same step's fields and answers, with the opener policy.`,
  );
  printPhases(g);
  if (g.profile) printProfile(`${g.rows}-row`, g.profile);
  if (g.twoRows?.profile) printProfile('2-row', g.twoRows.profile);

  return client;
}

/** Section 3: the inbox, its queries in the store and its list endpoint over HTTP beside bare Express serving the same page. */
async function inboxSection() {
  const municipalities = MunicipalityRegistry.fromCsv()
    .all.map((m) => m.code)
    .slice(0, 200);
  const inbox = await benchInbox({ rows: settings.inboxRows, municipalities, httpConnections: 10, httpSeconds: settings.inboxHttpSeconds, httpRounds: settings.inboxHttpRounds });
  console.log(`3. Inbox (${inbox.rows.toLocaleString()} submissions over ${inbox.municipalities} municipalities; database ${inbox.databaseMb} MB; built in ${inbox.buildSeconds} s)`);
  console.log(`   a. in the store (${STORE_QUERIES} queries each; target: list p99 ≤ 2 ms)`);
  const { minRowsReturned: _rows, targetP99Ms: _target, firstVisit, repeatVisits, ...list } = inbox.listNewest50Ms;
  console.table({
    'list newest 50 (municipality+procedure+status)': list,
    [`  of which the first query of each of the ${LIST_PAGES} pages (rows read from the file)`]: firstVisit,
    [`  of which the ${STORE_QUERIES - LIST_PAGES} repeats (rows in memory)`]: repeatVisits,
    'counts per status (as each page shows them)': inbox.countByStatusMs,
    'find by receipt number': inbox.findByReceiptMs,
    'reading prefix search': inbox.readingPrefixMs,
    [`the desk's unread threads (threads unread: ${inbox.unreadThreadsMs.unreadThreads}; applicant messages: ${inbox.unreadThreadsMs.messages.toLocaleString()})`]: {
      p50: inbox.unreadThreadsMs.p50,
      p99: inbox.unreadThreadsMs.p99,
    },
  });
  const h = inbox.http[0]!;
  console.log(
    `   b. list endpoint over HTTP (GET newest ${h.itemsPerPage} for municipality+procedure+status, ${h.connections} signed-in staff connections; median of ${h.rounds} interleaved rounds of ${h.seconds} s; target p99 ≤ ${h.targetP99Ms} ms)`,
  );
  console.table(Object.fromEntries(inbox.http.map((f) => [`GET …/inbox, ${f.mode}`, { 'req/s': f.reqPerSec, 'p50 ms': f.p50, 'p99 ms': f.p99, non2xx: f.non2xx, errors: f.errors }])));
  const bare = inbox.http.find((f) => f.mode === BARE_MODE);
  const stack = inbox.http.find((f) => f.mode === STACK_MODE);
  type Served = { reqPerSec: number; p99: number };
  const against = (what: string, a: Served, b: Served | undefined) => {
    if (b) console.log(`   ${what}: ${(a.reqPerSec / b.reqPerSec).toFixed(2)} × its req/s, ${(a.p99 / b.p99).toFixed(1)} × its p99`);
  };
  against('one process against bare Express serving the same page', h, bare);
  against('one process against the chosen stack serving the same page to a signed-in session', h, stack);
  if (stack) against('the chosen stack alone against bare Express', stack, bare);
  const p = inbox.profile;
  console.log(
    `   c. where one process's CPU goes (node --cpu-prof, one more process loaded like the ones above, ${p.connections} connections for ${p.seconds} s, ${p.requests.toLocaleString()} requests; busy time by stage, not timed figures: the profiler slows the process)`,
  );
  printStages(p.stages);

  console.log(took());
  return inbox;
}

async function main() {
  console.log(`Madoguchi benchmark (${quick ? 'quick' : 'full'}) on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);

  if (only === 'page') {
    await residentPage();
    console.log(took());
    return;
  }
  if (only === 'inbox') {
    const inbox = await inboxSection();
    writeResults({ quick, only, settings, inbox });
    return;
  }

  const intake = await benchIntake(settings);
  console.log(
    '1. Intake (POST a complete application, 50 connections; median of interleaved rounds; ratio = product / one-process baseline; floor = the same body validated and sealed, nothing stored)',
  );
  console.table(
    intake.figures.map((f) => ({
      preset: f.preset,
      server: f.mode,
      'baseline req/s': Math.round(f.baseline.reqPerSec),
      'product req/s': Math.round(f.product.reqPerSec),
      ratio: f.ratio,
      'floor req/s': Math.round(f.floor.reqPerSec),
      'floor ratio': f.floor.ratio,
      'product p50 ms': f.product.p50,
      'product p99 ms': f.product.p99,
      'floor p99 ms': f.floor.p99,
      'baseline p99 ms': f.baseline.p99,
      non2xx: f.product.non2xx,
    })),
  );

  console.log(
    `   CPU while loaded (medians of the same rounds): cores the server kept busy (its process and workers), its CPU per answered request, cores the load generator took (autocannon, in the bench's process), and the share of the machine's ${cpus().length} cores left idle`,
  );
  console.table(
    intake.figures.flatMap((f) =>
      (['baseline', 'floor', 'product'] as const).map((side) => ({
        preset: f.preset,
        server: side === 'product' ? `product, ${f.mode}` : side === 'floor' ? 'floor (one process)' : 'bare Express (one process)',
        'server cores': f.cpu[side].serverCores,
        'server µs CPU / request': f.cpu[side].serverUsPerRequest,
        'load generator cores': f.cpu[side].loadGeneratorCores,
        'machine idle %': f.cpu[side].machineIdlePct,
      })),
    ),
  );

  const ip = intake.profile;
  console.log(
    `   where one process's CPU goes (node --cpu-prof, one more process loaded like the one above with ${ip.preset}, ${ip.connections} connections for ${ip.seconds} s, ${ip.requests.toLocaleString()} requests; busy time by stage, not timed figures: the profiler slows the process)`,
  );
  printStages(ip.stages);

  const burst = await benchBurst({ residents: settings.burstResidents, windowSeconds: settings.burstWindowSeconds });
  console.log(
    `   罹災証明書 burst with photos: ${burst.residents.toLocaleString()} residents at once, each 2–3 JPEG photos (${burst.photos.toLocaleString()}, about ${burst.photoKb} KB each) then the application; 503 retried after Retry-After with the same key (default admission limits, Retry-After 1 s)`,
  );
  console.table(
    Object.fromEntries(
      (['baseline', 'product'] as const).map((side) => [
        side,
        {
          'accepted/s': burst[side].acceptedPerSec,
          'p50 ms (accepted)': burst[side].p50,
          'p99 ms (accepted)': burst[side].p99,
          '503 share': burst[side].share503,
          requests: burst[side].requests,
          'network errors (retried)': burst[side].networkErrors,
          'burst s': burst[side].seconds,
          ...(side === 'product' ? { ratio: burst.ratio, 'stored exactly once': burst.storedOnce } : {}),
        },
      ]),
    ),
  );

  console.log(took());
  if (only === 'intake') {
    printMemory(intake.memory);
    writeResults({ quick, only, settings, intake, burst });
    return;
  }

  const validation = benchValidation(settings.validations);
  console.log('2. Validation (compiled once per version; validations of the example per second)');
  console.table(validation);
  console.log(took());

  const inbox = await inboxSection();

  const client = await residentPage();
  console.log(took());

  const phone = await benchPhone({ rounds: settings.phoneRounds });
  console.log(
    `4b. The phone: headless Chromium, CPU ${phone.cpuSlowdown}× slower and Chrome DevTools' Slow 4G (${Math.round((phone.network.downloadThroughput * 8) / 1000)} kbit/s down, ${phone.network.latency} ms latency), 360 px; navigation until the first field is usable (in the DOM, painted, focusable); median of ${settings.phoneRounds} interleaved rounds on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; targets: first visit ≤ ${phone.targets.firstVisitMs} ms, repeat ≤ ${phone.targets.repeatVisitMs} ms`,
  );
  console.table(
    Object.fromEntries(
      phone.figures.map((f) => [f.preset, { 'first visit ms (empty cache)': f.firstVisitMs, 'repeat visit ms (cache warm)': f.repeatVisitMs, 'repeat: requests from cache': f.requestsFromCache }]),
    ),
  );
  console.log(took());

  printMemory(intake.memory);
  writeResults({ quick, settings, intake, burst, validation, inbox, client, phone });
}

/** A server profile's stages, largest first. */
function printStages(stages: StageFigure[]) {
  console.table(Object.fromEntries(stages.map((s) => [s.stage, { 'CPU ms': s.ms, '% of busy': s.pct, 'µs per request': s.usPerRequest }])));
}

/**
 * Section 5: the one-process server's memory after warm-up and after the submissions (target ≤ 1.3 ×), judged on what
 * it keeps: RSS and heap right after a full garbage collection (bench/gcProbe.cjs). Idle RSS without collecting is
 * printed beside it; it depends on where the last load left the collector and swings by 100 MB and more.
 */
function printMemory(m: Awaited<ReturnType<typeof benchIntake>>['memory']) {
  const times = (after: number, before: number) => `${(after / before).toFixed(2)} ×`;
  const { before, after } = m.kept;
  console.log(
    `5. Memory after ${m.submissions.toLocaleString()} submissions (one process; target ≤ 1.3 ×), after a full garbage collection: RSS ${before.rssMb} → ${after.rssMb} MB (${times(after.rssMb, before.rssMb)}), heap used ${before.heapUsedMb} → ${after.heapUsedMb} MB (${times(after.heapUsedMb, before.heapUsedMb)}); idle RSS without collecting (median of 5 readings) ${m.rssBeforeMb} → ${m.rssAfterMb} MB (${times(m.rssAfterMb, m.rssBeforeMb)})`,
  );
}

function writeResults(results: Record<string, unknown>) {
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), JSON.stringify({ at: new Date().toISOString(), machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`, ...results }, null, 2));
  console.log(`\nWrote bench/results/latest.json (whole run ${((Date.now() - began) / 1000).toFixed(0)} s)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
