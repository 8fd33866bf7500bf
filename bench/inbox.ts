/**
 * The inbox at scale: N generated submissions over many municipalities,
 * procedures and statuses in a real SQLite file, then
 *  - the queries staff run, timed in the store, and
 *  - the list endpoint over HTTP: the real built server (`node server/dist/main.js`) on that data
 *    directory, a staff account of the first municipality signed in through the session API,
 *    and autocannon GETting "newest 50 for municipality + procedure + status" with the session cookie.
 * Rows are written directly to build the set quickly, but as large as real ones: each carries its procedure's
 * example answers, sealed with the key the server will read from the data directory, and a status history as
 * intake and the desk write it (a row of a few bytes would fit dozens to a page and flatter every query).
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { formatReceiptNumber, SUBMISSION_STATUSES } from '@madoguchi/shared';
import { openDatabase, type Db } from '../server/src/storage/sqlite/database';
import { createSqliteStorage } from '../server/src/storage/sqlite';
import { SqliteInboxRepository } from '../server/src/storage/sqlite/inboxRepository';
import { DataCipher } from '../server/src/security/dataCipher';
import { hashPassword } from '../server/src/auth/passwords';
import { PRESETS_ROOT } from '../presets/src/loadPresets';
import { median, percentile, round1, startChild } from './lib';
import { INBOX_STAGES, profileUnderLoad, type ServerProfile } from './serverProfile';

const PROCEDURES = ['risai-shomeisho', 'jidou-teate-nintei', 'hoiku-riyo-moshikomi', 'kaigo-nintei-shinki', 'ninshin-todoke'];
const STATUSES = SUBMISSION_STATUSES.slice(0, 4);
const FAMILY = ['サトウ', 'スズキ', 'タカハシ', 'タナカ', 'ワタナベ', 'イトウ', 'ヤマモト', 'ナカムラ', 'コバヤシ', 'カトウ'];
const PASSWORD = 'bench horse battery staple';
/** The store's queries are timed this many times each; the list visits every procedure × status page of one municipality in turn. */
export const STORE_QUERIES = 200;
export const LIST_PAGES = PROCEDURES.length * STATUSES.length;
/** Each procedure's example answers (what intake seals into data_json). */
const EXAMPLE_ANSWERS = new Map(PROCEDURES.map((id) => [id, JSON.parse(readFileSync(join(PRESETS_ROOT, id, 'examples', 'valid.json'), 'utf8')) as unknown]));

/** A status history as the store writes it: received from the applicant, then the desk's move to `status` if it moved. */
function historyTo(status: string, at: string): string {
  const received = { from: null, to: STATUSES[0], at, by: 'applicant' };
  return JSON.stringify(status === STATUSES[0] ? [received] : [received, { from: STATUSES[0], to: status, at, by: 'bench-staff' }]);
}

function time<T>(fn: () => T): [T, number] {
  const t = process.hrtime.bigint();
  const value = fn();
  return [value, Number(process.hrtime.bigint() - t) / 1e6];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  const value = await fn();
  return [value, Number(process.hrtime.bigint() - t) / 1e6];
}

/**
 * Row i goes to municipality i mod M; within a municipality the procedure and then the status rotate,
 * so every (municipality, procedure, status) combination holds rows (i mod 5 and i mod 4 alone would
 * tie municipality 0 to one procedure and one status, and most list queries would come back empty).
 */
const spread = (i: number, m: number) => {
  const j = Math.floor(i / m);
  return { municipality: i % m, procedure: j % PROCEDURES.length, status: Math.floor(j / PROCEDURES.length) % STATUSES.length };
};

/** Applicants' messages per thread in the measured municipality, and one thread in this many left unread by the desk. */
const MESSAGES_PER_THREAD = 10;
const UNREAD_ONE_IN = 100;

/**
 * Messages from applicants in every thread of the measured municipality (10 each: 50,000 at 1,000,000 rows), each
 * thread read by the desk after its last message but one in a hundred: a big city's desk gathers tens of thousands
 * over the years, and every inbox page marks the threads still unread. Written as the store writes them, through
 * its triggers.
 */
function addApplicantMessages(db: Db, cipher: DataCipher, municipalityCode: string) {
  const threads = (db.prepare('SELECT id FROM submissions WHERE municipality_code = ?').all(municipalityCode) as Array<{ id: string }>).map((r) => r.id);
  const add = db.prepare(
    `INSERT INTO submission_messages (id, submission_id, municipality_code, kind, author, body, fields_json, revision, created_at) VALUES (?, ?, ?, 'message', 'applicant', ?, '[]', 1, ?)`,
  );
  const read = db.prepare(`INSERT INTO submission_message_reads (submission_id, side, read_at) VALUES (?, 'desk', ?)`);
  const body = cipher.sealText('お問い合わせの件、書類を追加しました。');
  const start = Date.UTC(2025, 0, 1);
  db.transaction(() => {
    threads.forEach((id, t) => {
      for (let k = 0; k < MESSAGES_PER_THREAD; k++) add.run(randomUUID(), id, municipalityCode, body, new Date(start + (t * MESSAGES_PER_THREAD + k) * 60_000).toISOString());
      if (t % UNREAD_ONE_IN !== 0) read.run(id, new Date(start + (t + 1) * MESSAGES_PER_THREAD * 60_000).toISOString());
    });
  })();
  return { messages: threads.length * MESSAGES_PER_THREAD, unreadThreads: Math.ceil(threads.length / UNREAD_ONE_IN) };
}

export interface InboxOptions {
  rows: number;
  municipalities: string[];
  /** Staff sessions hitting the list endpoint at once, and for how long (s). */
  httpConnections: number;
  httpSeconds: number;
  /** Interleaved rounds of the list endpoint (one process, two workers, …); each figure is the median. */
  httpRounds: number;
  /** Also compare the list endpoint with an earlier build's server (its main.js), in this many interleaved rounds. */
  /**
   * `schema`: the last migration the earlier build knows. Its copy of the data is marked with it (the
   * tables and triggers of later migrations stay, unused by that build), since a build refuses a newer schema.
   */
  baseline?: { serverEntry: string; rounds: number; schema: number };
}

export interface InboxHttpFigures {
  mode: string;
  path: string;
  connections: number;
  seconds: number;
  rounds: number;
  itemsPerPage: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  targetP99Ms: number;
}

/** Signs in through the session API like the staff console does (CSRF token, then password); returns the cookie header. */
async function signIn(base: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const session = await fetch(`${base}/api/v1/staff/session`);
  keep(session);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const login = await fetch(`${base}/api/v1/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: cookie() },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  keep(login);
  if (login.status !== 200) throw new Error(`bench staff login failed: ${login.status} ${await login.text()}`);
  return cookie();
}

/** A server on the bench's data directory with the bench account signed in, and the inbox page it is asked for. */
interface InboxServer {
  url: string;
  cookie: string;
  itemsPerPage: number;
  stop: () => Promise<void>;
}

/** The product's answer to that request, as the bare-stack baseline serves it back. */
type ProductInboxServer = InboxServer & { path: string; pageJson: string };

/** `entry`: the server's main.js (this build's, or an earlier build's for a before/after comparison). */
async function startInboxServer(entry: string, dir: string, municipalityCode: string, workers = 1, nodeArgs: string[] = []): Promise<ProductInboxServer> {
  const server = await startChild(
    [...nodeArgs, entry],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dir,
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '10000',
      WORKERS: String(workers),
    },
    /serving on http:\/\/localhost:(\d+)/,
  );
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const cookie = await signIn(base, 'bench-staff@example.jp');
    const path = `/api/v1/staff/municipalities/${municipalityCode}/inbox?procedureId=${PROCEDURES[0]}&status=${STATUSES[0]}&limit=50`;
    // The rows must be ones this account sees: check a page comes back full (or holds every matching row).
    const check = await fetch(`${base}${path}`, { headers: { cookie } });
    if (check.status !== 200) throw new Error(`inbox list answered ${check.status}: ${await check.text()}`);
    const pageJson = await check.text();
    const page = JSON.parse(pageJson) as { items: unknown[] };
    if (page.items.length === 0) throw new Error('inbox list is empty: the generated rows are not visible to the bench account');
    return { url: `${base}${path}`, path, cookie, itemsPerPage: page.items.length, pageJson, stop: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

type Run = Awaited<ReturnType<typeof autocannon>>;

const hammer = (server: InboxServer, connections: number, duration: number) =>
  autocannon({ url: server.url, method: 'GET', headers: server.cookie ? { cookie: server.cookie } : {}, connections, duration });

/**
 * The product's own page answered by bench/baseline.ts: by bare Express, or (`stack`) through the stack the product is
 * built on (helmet, compression, express-session, passport) to a signed-in session, with nothing of the product's own
 * behind it. What the list endpoint's figures are set against.
 */
async function startBaseline(page: ProductInboxServer, dir: string, stack: boolean): Promise<InboxServer & { path: string }> {
  const file = join(dir, 'baseline-inbox-page.json');
  writeFileSync(file, page.pageJson);
  const child = await startChild(['-r', 'tsx/cjs', 'bench/baseline.ts'], { BASELINE_PAGE: file, ...(stack ? { BASELINE_STACK: '1' } : {}) }, /baseline listening on (\d+)/);
  try {
    const base = `http://127.0.0.1:${child.port}`;
    let cookie = '';
    if (stack) {
      const login = await fetch(`${base}/login`, { method: 'POST' });
      if (login.status !== 200) throw new Error(`stack baseline sign-in answered ${login.status}`);
      cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
    }
    return { url: `${base}${page.path}`, path: page.path, cookie, itemsPerPage: page.itemsPerPage, stop: child.stop };
  } catch (error) {
    await child.stop();
    throw error;
  }
}

/** The figures' names for the baselines (bench/run.ts and the quick bench's test find them by these). */
export const BARE_MODE = 'bare Express, the same page';
export const STACK_MODE = 'the chosen stack (helmet, compression, session, passport), the same page';

/**
 * The list endpoint as one process and as two workers (WORKERS=2, how a server with two CPUs is run), both on the
 * same data file, bare Express serving the same page, and the chosen stack serving it to a signed-in session,
 * measured in rotating rounds so the machine's noise falls on all four; medians of the rounds.
 */
async function benchListEndpoint(dir: string, municipalityCode: string, options: InboxOptions): Promise<InboxHttpFigures[]> {
  const one = await startInboxServer('server/dist/main.js', dir, municipalityCode, 1);
  const servers: Array<{ mode: string; server: InboxServer & { path: string } }> = [{ mode: 'one process', server: one }];
  try {
    servers.push({ mode: 'two workers', server: await startInboxServer('server/dist/main.js', dir, municipalityCode, 2) });
    servers.push({ mode: BARE_MODE, server: await startBaseline(one, dir, false) });
    servers.push({ mode: STACK_MODE, server: await startBaseline(one, dir, true) });
    for (const { server } of servers) await hammer(server, 4, 1); // warm-up: statement cache, version lookups, both workers
    const runs = servers.map(() => [] as Run[]);
    for (let round = 0; round < options.httpRounds; round++) {
      // Each round starts one further along (0 1 2 3, 1 2 3 0, …): each server takes its turn at running first.
      for (let k = 0; k < servers.length; k++) {
        const i = (round + k) % servers.length;
        runs[i]!.push(await hammer(servers[i]!.server, options.httpConnections, options.httpSeconds));
      }
    }
    return servers.map(({ mode, server }, i) => {
      const rs = runs[i]!;
      return {
        mode,
        path: server.path.replace(municipalityCode, ':code'),
        connections: options.httpConnections,
        seconds: options.httpSeconds,
        rounds: rs.length,
        itemsPerPage: server.itemsPerPage,
        reqPerSec: Math.round(median(rs.map((r) => r.requests.average))),
        p50: median(rs.map((r) => r.latency.p50)),
        p99: median(rs.map((r) => r.latency.p99)),
        non2xx: rs.reduce((n, r) => n + r.non2xx, 0),
        errors: rs.reduce((n, r) => n + r.errors, 0),
        targetP99Ms: 15,
      };
    });
  } finally {
    await Promise.all(servers.map(({ server }) => server.stop()));
  }
}

/**
 * One more one-process server, under `node --cpu-prof`, loaded like the measured ones; where its CPU went in the
 * loaded window, by stage. Not among the timed figures: the profiler slows the process it watches.
 */
function profileListEndpoint(dir: string, municipalityCode: string, options: InboxOptions): Promise<ServerProfile> {
  return profileUnderLoad({
    start: (nodeArgs) => startInboxServer('server/dist/main.js', dir, municipalityCode, 1, nodeArgs),
    warmUp: async (server) => void (await hammer(server, 4, 1)),
    load: async (server) => (await hammer(server, options.httpConnections, options.httpSeconds)).requests.total,
    stages: INBOX_STAGES,
    connections: options.httpConnections,
    seconds: options.httpSeconds,
  });
}

export interface InboxComparison {
  rounds: number;
  secondsPerRound: number;
  connections: number;
  /** Medians over the rounds; before = the baseline build, after = this build. */
  before: { reqPerSec: number; p50: number; p99: number; non2xx: number };
  after: { reqPerSec: number; p50: number; p99: number; non2xx: number };
  /** after / before, per round, then the median (the machine is shared: ratios hold better than absolute figures). */
  p99Ratio: number;
  reqPerSecRatio: number;
}

/**
 * The list endpoint of two builds side by side: each on its own copy of the same data
 * (an older build refuses a schema it does not know), both running, measured in
 * alternate rounds (before, after, before, after …) so the machine's noise falls on both.
 */
async function compareListEndpoint(dir: string, baselineDir: string, baselineEntry: string, municipalityCode: string, options: InboxOptions, rounds: number): Promise<InboxComparison> {
  const before = await startInboxServer(baselineEntry, baselineDir, municipalityCode);
  const after = await startInboxServer('server/dist/main.js', dir, municipalityCode);
  try {
    for (const server of [before, after]) await hammer(server, 2, 1);
    const runs = { before: [] as Run[], after: [] as Run[] };
    for (let i = 0; i < rounds; i++) {
      const order = i % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
      for (const which of order) runs[which].push(await hammer(which === 'before' ? before : after, options.httpConnections, options.httpSeconds));
    }
    const figures = (rs: Run[]) => ({
      reqPerSec: Math.round(median(rs.map((r) => r.requests.average))),
      p50: median(rs.map((r) => r.latency.p50)),
      p99: median(rs.map((r) => r.latency.p99)),
      non2xx: rs.reduce((n, r) => n + r.non2xx, 0),
    });
    const ratio = (f: (r: Run) => number) => Number(median(runs.after.map((r, i) => f(r) / f(runs.before[i]!))).toFixed(2));
    return {
      rounds,
      secondsPerRound: options.httpSeconds,
      connections: options.httpConnections,
      before: figures(runs.before),
      after: figures(runs.after),
      p99Ratio: ratio((r) => r.latency.p99),
      reqPerSecRatio: ratio((r) => r.requests.average),
    };
  } finally {
    await Promise.all([before.stop(), after.stop()]);
  }
}

export async function benchInbox(options: InboxOptions) {
  const { rows, municipalities } = options;
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-inbox-bench-'));
  const key = randomBytes(32);
  const cipher = new DataCipher([key]);
  try {
    // The server reads its data key from the data directory: the same key opens the generated rows.
    writeFileSync(join(dir, 'data-encryption.key'), key.toString('base64') + '\n', { mode: 0o600 });
    const db = openDatabase(dir);
    const insert = db.prepare(
      `INSERT INTO submissions (id, receipt_number, secret_hash, municipality_code, procedure_owner, procedure_id, form_version, data_json, attachments_json,
         status, history_json, language, created_at, updated_at, applicant_kana)
       VALUES (?, ?, ?, ?, 'preset', ?, 1, ?, '{}', ?, ?, 'ja', ?, ?, ?)`,
    );
    const start = Date.UTC(2025, 0, 1);
    const [, buildMs] = time(() => {
      const chunk = 10_000;
      for (let done = 0; done < rows; done += chunk) {
        db.transaction(() => {
          for (let i = done; i < Math.min(rows, done + chunk); i++) {
            const at = new Date(start + i * 30_000).toISOString();
            const kana = `${FAMILY[i % FAMILY.length]} ${i}`;
            const s = spread(i, municipalities.length);
            insert.run(
              randomUUID(),
              formatReceiptNumber((n) => randomInt(n)),
              'x'.repeat(64),
              municipalities[s.municipality],
              PROCEDURES[s.procedure],
              cipher.sealJson(EXAMPLE_ANSWERS.get(PROCEDURES[s.procedure]!)),
              STATUSES[s.status],
              historyTo(STATUSES[s.status]!, at),
              at,
              at,
              kana,
            );
          }
        })();
      }
    });
    const messages = addApplicantMessages(db, cipher, municipalities[0]!);
    db.pragma('optimize');
    db.close();
    const dbBytes = readdirSync(dir)
      .filter((f) => f.startsWith('madoguchi.sqlite'))
      .reduce((n, f) => n + statSync(join(dir, f)).size, 0);

    const storage = createSqliteStorage(dir, cipher);
    const raw = openDatabase(dir);
    const target = municipalities[0]!;
    const listTimes: number[] = [];
    const listSizes: number[] = [];
    const countTimes: number[] = [];
    const receiptTimes: number[] = [];
    const kanaTimes: number[] = [];
    const unreadTimes: number[] = [];
    const receipts = (raw.prepare('SELECT receipt_number FROM submissions WHERE municipality_code = ? LIMIT 200').all(target) as Array<{ receipt_number: string }>).map((r) => r.receipt_number);
    // The store keeps a page while the municipality's inbox version stands still; here every query must run, as it
    // does after an application arrived, so the version moves before each (as the trigger of a write moves it). Both
    // on one connection: a write through another would also empty this connection's page cache before each query.
    const inbox = new SqliteInboxRepository(raw, cipher);
    const moveVersion = raw.prepare('INSERT INTO inbox_versions (municipality_code, value) VALUES (?, 1) ON CONFLICT (municipality_code) DO UPDATE SET value = value + 1');
    for (let i = 0; i < STORE_QUERIES; i++) {
      moveVersion.run(target);
      // The staff inbox's own query (index columns only, nothing unsealed), as GET …/inbox runs it.
      const [page, t1] = await timeAsync(() => inbox.list({ municipalityCode: target, procedureId: PROCEDURES[i % PROCEDURES.length], status: [STATUSES[i % STATUSES.length]!], limit: 50 }));
      listTimes.push(t1);
      listSizes.push(page.items.length);
      // The counts per status every inbox page shows, as the store keeps them (migration 30).
      const [, t2] = await timeAsync(() => inbox.countByStatus(target));
      countTimes.push(t2);
      const [, t3] = await timeAsync(() => storage.submissions.findByReceiptNumber(receipts[i % receipts.length]!));
      receiptTimes.push(t3);
      const [, t4] = time(() =>
        raw
          .prepare('SELECT id FROM inbox_rows WHERE municipality_code = ? AND applicant_kana >= ? AND applicant_kana < ? ORDER BY applicant_kana LIMIT 50')
          .all(target, FAMILY[i % 10], `${FAMILY[i % 10]}\uffff`),
      );
      kanaTimes.push(t4);
      // The threads with an applicant's message the desk has not read, which every inbox page marks.
      const [, t5] = await timeAsync(() => storage.messageReads.unreadByDesk(target));
      unreadTimes.push(t5);
    }
    // The staff account the HTTP part signs in with, of the municipality the queries target.
    const at = new Date().toISOString();
    await storage.users.create({
      id: randomUUID(),
      email: 'bench-staff@example.jp',
      displayName: 'ベンチ 職員',
      role: 'staff',
      municipalityCode: target,
      passwordHash: await hashPassword(PASSWORD),
      totpSecret: null,
      failedLogins: 0,
      lockedUntil: null,
      disabled: false,
      createdAt: at,
      updatedAt: at,
    });
    raw.close();
    await storage.close();

    const baselineDir = `${dir}-baseline`;
    if (options.baseline) {
      cpSync(dir, baselineDir, { recursive: true });
      const copy = new Database(join(baselineDir, 'madoguchi.sqlite'));
      copy.pragma(`user_version = ${options.baseline.schema}`);
      copy.close();
    }
    const http = await benchListEndpoint(dir, target, options);
    const profile = await profileListEndpoint(dir, target, options);
    const comparison = options.baseline ? await compareListEndpoint(dir, baselineDir, options.baseline.serverEntry, target, options, options.baseline.rounds) : undefined;
    const stats = (xs: number[]) => ({ p50: Number(percentile(xs, 50).toFixed(2)), p99: Number(percentile(xs, 99).toFixed(2)) });
    return {
      rows,
      municipalities: municipalities.length,
      buildSeconds: round1(buildMs / 1000),
      databaseMb: round1(dbBytes / 1024 / 1024),
      listNewest50Ms: {
        ...stats(listTimes),
        minRowsReturned: Math.min(...listSizes),
        targetP99Ms: 2,
        // The first query of each of the LIST_PAGES pages reads its rows' table pages from the file, later ones find
        // them in memory: the two apart show what the p99 above is made of.
        firstVisit: stats(listTimes.slice(0, LIST_PAGES)),
        repeatVisits: stats(listTimes.slice(LIST_PAGES)),
      },
      countByStatusMs: stats(countTimes),
      findByReceiptMs: stats(receiptTimes),
      readingPrefixMs: stats(kanaTimes),
      unreadThreadsMs: { ...stats(unreadTimes), ...messages },
      http,
      profile,
      ...(comparison ? { comparison } : {}),
    };
  } finally {
    // BENCH_KEEP_DIR=1 keeps the generated data (and the baseline's copy) for profiling a server on it by hand.
    if (process.env.BENCH_KEEP_DIR) console.log(`kept ${dir}`);
    else {
      rmSync(dir, { recursive: true, force: true });
      rmSync(`${dir}-baseline`, { recursive: true, force: true });
    }
  }
}
