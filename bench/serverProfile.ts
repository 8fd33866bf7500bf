/**
 * Where a server's CPU goes while the bench loads it: a Node CPU profile (`node --cpu-prof`) of one product
 * process, cut to the loaded window and summed by request stage (store query, session, Express, GC, …).
 * The figures in the run's table are what is left to win, stage by stage, in microseconds per request.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface NodeCpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * A stage and the frames that belong to it, matched against "function url". A sample counts for the first stage
 * met walking from the sampled frame towards the root, so name specific stages before the ones that call them.
 */
export type Stage = readonly [name: string, frame: RegExp];

/** What every request passes through, after a route's own stages. */
const HTTP_STAGES: readonly Stage[] = [
  ['JSON response (stringify, write)', /^(json|stringify) .*express\/lib\/response/],
  ['request contract check', /http\/contract\/|node_modules\/ajv\//],
  ['compression', /node_modules\/compression\//],
  ['security headers', /helmet|securityHeaders/],
  ['request log', /http\/logging/],
  ['Express routing', /node_modules\/(router|express)\//],
  ['Node HTTP (parse, socket write)', /node:_http|node:net|node:internal\/streams|^writev /],
];

/** The staff inbox's list endpoint, from the request handler's store calls out to the HTTP server. */
export const INBOX_STAGES: readonly Stage[] = [
  ['store: list page (kept, or queried)', /^list .*storage\/sqlite\/inboxRepository/],
  ['store: counts by status', /^countByStatus .*storage\/sqlite/],
  ['store: read markers', /^readRevisions .*storage\/sqlite/],
  ['store: unread messages', /^unreadByDesk .*storage\/sqlite/],
  ['audit event (group commit)', /auditRepository|auditHash|storage\/sqlite\/groupCommit/],
  ['inbox service (labels, items)', /modules\/inbox\//],
  ['session (cookie, store)', /express-session|auth\/sessionStore|sessionRepository/],
  ['sign-in check (passport, user, policy)', /passport|auth\/|coordinationRepository|http\/staff\//],
  ...HTTP_STAGES,
];

/** A resident's application, from the store's transaction back out through validation and parsing. */
export const INTAKE_STAGES: readonly Stage[] = [
  ['store: submission row (INSERT, indexes)', /storage\/sqlite\/submissionRepository/],
  ['store: outbox and audit rows', /storage\/sqlite\/(changeLog|auditRepository|outboxRepository)|storage\/auditHash/],
  ['store: group commit (transaction, WAL)', /storage\/sqlite\/groupCommit|node_modules\/better-sqlite3\//],
  ['answer validation (ajv)', /shared\/(dist|src)\/validation|node_modules\/ajv\//],
  ['sealing the answers (encryption)', /security\/(dataCipher|dataKeys|keys)/],
  ['admission control', /admission/],
  ['intake service (checks, receipt, events)', /server\/(dist|src)\/modules\//],
  ['JSON body parsing', /node_modules\/(body-parser|raw-body)\//],
  ['rate limits', /rateLimit|express-rate-limit/],
  ...HTTP_STAGES,
];

export interface StageFigure {
  stage: string;
  /** CPU time in the window. */
  ms: number;
  /** Share of the busy (non-idle) time in the window. */
  pct: number;
  /** CPU microseconds per answered request. */
  usPerRequest: number;
}

const frameName = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url}`;

/**
 * Busy time by stage in the loaded window: the `windowMs` before the profile's last `shutdownMs` (the profiled
 * run stops the server right after the load). Garbage collection is a stage of its own; time matching no stage is "other".
 */
export function stagesOf(profile: NodeCpuProfile, stages: readonly Stage[], window: { windowMs: number; shutdownMs: number; requests: number }): StageFigure[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stageOfNode = new Map<number, string>();
  const stageOf = (id: number): string => {
    const known = stageOfNode.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id)!;
    const name = frameName(node);
    const own = node.callFrame.functionName === '(garbage collector)' ? 'garbage collection' : stages.find(([, re]) => re.test(name))?.[0];
    const up = parent.get(id);
    const stage = own ?? (up === undefined ? 'other' : stageOf(up));
    stageOfNode.set(id, stage);
    return stage;
  };

  const toUs = profile.timeDeltas.reduce((a, b) => a + b, 0) - window.shutdownMs * 1000;
  const fromUs = toUs - window.windowMs * 1000;
  const us = new Map<string, number>();
  let at = 0;
  let busyUs = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at <= fromUs || at > toUs) return; // a sample stands for the delta that ends at it
    if (byId.get(id)!.callFrame.functionName === '(idle)') return;
    busyUs += delta;
    const stage = stageOf(id);
    us.set(stage, (us.get(stage) ?? 0) + delta);
  });
  return [...us]
    .sort((a, b) => b[1] - a[1])
    .map(([stage, t]) => ({ stage, ms: Math.round(t / 1000), pct: Number(((100 * t) / Math.max(busyUs, 1)).toFixed(1)), usPerRequest: Math.round(t / Math.max(window.requests, 1)) }));
}

export interface ServerProfile {
  connections: number;
  seconds: number;
  requests: number;
  stages: StageFigure[];
}

/**
 * Starts one more server under `node --cpu-prof` (`start` gets the node arguments), warms it up, waits a quiet
 * second (the window is found from the profile's end, so an early edge falls on idle time, which is not counted),
 * loads it for `seconds` (`load` returns the requests answered), stops it and sums the loaded window by stage.
 */
export async function profileUnderLoad<S extends { stop: () => Promise<void> }>(run: {
  start: (nodeArgs: string[]) => Promise<S>;
  warmUp: (server: S) => Promise<void>;
  load: (server: S) => Promise<number>;
  stages: readonly Stage[];
  connections: number;
  seconds: number;
}): Promise<ServerProfile> {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-cpu-prof-'));
  try {
    const server = await run.start(['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    let requests = 0;
    let shutdownMs = 0;
    try {
      await run.warmUp(server);
      await new Promise((r) => setTimeout(r, 1000));
      requests = await run.load(server);
    } finally {
      const stopping = Date.now();
      await server.stop();
      shutdownMs = Date.now() - stopping;
    }
    const stages = stagesOf(mainThreadProfile(dir), run.stages, { windowMs: run.seconds * 1000, shutdownMs, requests });
    return { connections: run.connections, seconds: run.seconds, requests, stages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The main thread's profile in a `--cpu-prof-dir`: CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile, thread 0. */
function mainThreadProfile(dir: string): NodeCpuProfile {
  const main = readdirSync(dir).find((f) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(f));
  if (!main) throw new Error(`no main-thread CPU profile in ${dir}: ${readdirSync(dir).join(', ')}`);
  return JSON.parse(readFileSync(join(dir, main), 'utf8')) as NodeCpuProfile;
}
