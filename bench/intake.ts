/**
 * Intake throughput: the real server against the bare Express baseline, in
 * interleaved rounds (baseline, product, baseline, product …), medians reported.
 * The product runs once as one process and once with WORKERS=2; both are
 * compared with the one-process baseline.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, load, loadWithCpu, median, rssMb, startChild, type Child, type CpuUse, type LoadResult, round1 } from './lib';
import { INTAKE_STAGES, profileUnderLoad, type ServerProfile } from './serverProfile';

const example = (id: string) => JSON.stringify({ data: JSON.parse(readFileSync(join(ROOT, 'presets/procedures', id, 'examples/valid.json'), 'utf8')) });
const intakePath = (preset: string) => `/api/v1/municipalities/082015/procedures/${preset}/submissions`;

export interface IntakeFigures {
  preset: string;
  /** 'one process' or 'two workers'. */
  mode: string;
  baseline: { reqPerSec: number; p50: number; p99: number };
  /**
   * The floor before the store (bench/baseline.ts, BASELINE_INTAKE_FLOOR): the same body validated by the product's
   * validator and sealed by its cipher, then 201 with nothing stored. Its ratio is what the target could reach at best
   * if storing cost nothing; non2xx counts answers other than 201 (a body the floor refused would void the figure).
   */
  floor: { reqPerSec: number; p50: number; p99: number; non2xx: number; ratio: number };
  product: { reqPerSec: number; p50: number; p99: number; non2xx: number };
  ratio: number;
  /**
   * Where the machine's CPU went in each side's rounds (medians): whether a side is bound by its own CPU, by the
   * load generator, or leaves cores idle (which a move such as a writer thread could use, and more processes could not
   * use if they were already busy).
   */
  cpu: { baseline: CpuUse; floor: CpuUse; product: CpuUse };
}

export interface IntakeOptions {
  rounds: number;
  seconds: number;
  connections: number;
  /** Submissions the one-process server must have taken before RSS is read again. */
  memorySubmissions: number;
}

const PRODUCT_ENV = {
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  RATE_LIMIT_INTAKE_PER_MIN: '0',
  RATE_LIMIT_LOOKUP_PER_MIN: '0',
  RATE_LIMIT_UPLOAD_PER_MIN: '0',
};

function startProduct(dataDir: string, workers: number, nodeArgs: string[] = []): Promise<Child> {
  return startChild([...nodeArgs, 'server/dist/main.js'], { ...PRODUCT_ENV, DATA_DIR: dataDir, WORKERS: String(workers) }, /serving on http:\/\/localhost:(\d+)/);
}

/**
 * 罹災証明書, then the first long childcare form whose example the server takes
 * as it is (a body refused with 422 would measure rejections, not intake).
 */
async function acceptedPresets(port: number): Promise<string[]> {
  const longForms = ['hoiku-riyo-moshikomi', 'ninshin-todoke', 'jidou-teate-genkyo', 'hoiku-shikyu-nintei', 'jidou-teate-nintei'];
  const chosen: string[] = [];
  for (const preset of ['risai-shomeisho', ...longForms]) {
    if (chosen.length === 2) break;
    const res = await fetch(`http://127.0.0.1:${port}${intakePath(preset)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: example(preset) });
    if (res.status === 201) chosen.push(preset);
  }
  return chosen;
}

/**
 * Waits until the server has finished what the last round left in flight or waiting (autocannon stops sending at
 * the end of a round, but the requests it sent are still served, first come first served by admission control):
 * a short round must measure its own requests, not the end of the previous one.
 */
async function drained(port: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const health = (await (await fetch(`http://127.0.0.1:${port}/api/v1/health`)).json()) as { admission?: { submissions: { inFlight: number; queued: number } } };
    const a = health.admission?.submissions;
    if (!a || a.inFlight + a.queued === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * RSS of an idle server: the median of 5 readings 200 ms apart. One reading lands anywhere on the garbage
 * collector's sawtooth (under load RSS swings by 100 MB around a flat line).
 */
async function settledRssMb(pid: number): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < 5; i++) {
    if (i) await new Promise((r) => setTimeout(r, 200));
    readings.push(rssMb(pid));
  }
  return median(readings);
}

/** What a server keeps: its memory right after a full garbage collection (bench/gcProbe.cjs, preloaded into it). */
export interface KeptMemory {
  rssMb: number;
  heapUsedMb: number;
}

/** Asks the server started with bench/gcProbe.cjs to collect its garbage and waits for the memory it prints. */
function keptMemory(server: Child): Promise<KeptMemory> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => done(new Error('the server did not answer the memory probe (SIGUSR2) within 10 s')), 10_000);
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const line = /gc-probe (\{.*\})\n/.exec(text);
      if (line) {
        const usage = JSON.parse(line[1]!) as NodeJS.MemoryUsage;
        done(undefined, { rssMb: round1(usage.rss / 2 ** 20), heapUsedMb: round1(usage.heapUsed / 2 ** 20) });
      }
    };
    const done = (error?: Error, memory?: KeptMemory) => {
      clearTimeout(timer);
      server.child.stdout!.off('data', onData);
      if (error) reject(error);
      else resolve(memory!);
    };
    server.child.stdout!.on('data', onData);
    server.child.kill('SIGUSR2');
  });
}

const summarise = (results: LoadResult[]) => ({
  reqPerSec: median(results.map((x) => x.reqPerSec)),
  p50: median(results.map((x) => x.p50)),
  p99: median(results.map((x) => x.p99)),
});

/** The rounds' medians, with every answer that was not a 2xx counted over all of them (a side that refused requests voids its figures). */
const summariseServed = (results: LoadResult[]) => ({ ...summarise(results), non2xx: results.reduce((n, x) => n + x.non2xx, 0) });

/** Each CPU figure's median over the rounds. */
const cpuOf = (results: Array<{ cpu: CpuUse }>): CpuUse => {
  const of = (key: keyof CpuUse) => median(results.map((x) => x.cpu[key]));
  return { serverCores: of('serverCores'), serverUsPerRequest: of('serverUsPerRequest'), loadGeneratorCores: of('loadGeneratorCores'), machineIdlePct: of('machineIdlePct') };
};

export async function benchIntake(options: IntakeOptions) {
  const baseline = await startChild(['-r', 'tsx/cjs', 'bench/baseline.ts'], {}, /baseline listening on (\d+)/);
  const singleDir = mkdtempSync(join(tmpdir(), 'madoguchi-bench-'));
  const clusterDir = mkdtempSync(join(tmpdir(), 'madoguchi-bench-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'madoguchi-bench-'));
  // The memory probe's preload only adds a signal handler; `--expose-gc` only makes gc() callable. The timed rounds are unchanged.
  const single = await startProduct(singleDir, 1, ['--expose-gc', '-r', './bench/gcProbe.cjs']);
  let rssWarm = 0;
  const figures: IntakeFigures[] = [];
  let submissions = 0;
  let cluster: Child | undefined;
  let floor: Child | undefined;
  try {
    const floorServer = await startChild(['-r', 'tsx/cjs', 'bench/baseline.ts'], { BASELINE_INTAKE_FLOOR: '1' }, /baseline listening on (\d+)/);
    floor = floorServer;
    const presets = await acceptedPresets(single.port);
    // Memory is compared with the server after warm-up (every accepted preset's validator compiled, caches filled),
    // not with one that has served nothing.
    for (const preset of presets) await load(`http://127.0.0.1:${single.port}${intakePath(preset)}`, example(preset), options.connections, 2);
    await drained(single.port);
    rssWarm = await settledRssMb(single.child.pid!);
    const keptWarm = await keptMemory(single);
    const measure = async (product: Child, mode: string, preset: string) => {
      const body = example(preset);
      type Round = LoadResult & { cpu: CpuUse };
      const base: Round[] = [];
      const floored: Round[] = [];
      const prod: Round[] = [];
      const round = (server: Child) => loadWithCpu(server.child.pid!, `http://127.0.0.1:${server.port}${intakePath(preset)}`, body, options.connections, options.seconds);
      // Warm-up: the validators compile on first use.
      for (const port of [product.port, floorServer.port]) await load(`http://127.0.0.1:${port}${intakePath(preset)}`, body, 4, 1);
      for (let r = 0; r < options.rounds; r++) {
        base.push(await round(baseline));
        floored.push(await round(floorServer));
        const p = await round(product);
        prod.push(p);
        if (product === single) submissions += p.total;
      }
      const b = summarise(base);
      const f = summariseServed(floored);
      const p = summariseServed(prod);
      const ratio = (x: { reqPerSec: number }) => Number((x.reqPerSec / b.reqPerSec).toFixed(2));
      figures.push({
        preset,
        mode,
        baseline: b,
        floor: { ...f, ratio: ratio(f) },
        product: p,
        ratio: ratio(p),
        cpu: { baseline: cpuOf(base), floor: cpuOf(floored), product: cpuOf(prod) },
      });
    };
    for (const preset of presets) await measure(single, 'one process', preset);

    // Memory: keep submitting until the one-process server has taken the target, then read RSS.
    const body = example('risai-shomeisho');
    while (submissions < options.memorySubmissions) {
      await drained(single.port);
      const r = await load(`http://127.0.0.1:${single.port}${intakePath('risai-shomeisho')}`, body, options.connections, Math.max(1, options.seconds));
      if (r.total === 0) throw new Error('the server stopped taking submissions during the memory run');
      submissions += r.total;
    }
    await drained(single.port);
    const rssAfter = await settledRssMb(single.child.pid!);
    const keptAfter = await keptMemory(single);
    await single.stop();

    cluster = await startProduct(clusterDir, 2);
    await acceptedPresets(cluster.port);
    await measure(cluster, 'two workers', presets[0]!);
    await cluster.stop();
    const profile = await profileIntake(profileDir, presets[0]!, options);
    return { figures, memory: { rssBeforeMb: round1(rssWarm), rssAfterMb: round1(rssAfter), submissions, kept: { before: keptWarm, after: keptAfter } }, profile };
  } finally {
    await baseline.stop();
    await floor?.stop();
    await single.stop();
    await cluster?.stop();
    rmSync(singleDir, { recursive: true, force: true });
    rmSync(clusterDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  }
}

/**
 * One more one-process server, under `node --cpu-prof`, loaded like the measured one with the first preset; where
 * its CPU went in the loaded window, by stage. Not among the timed figures: the profiler slows the process it watches.
 */
async function profileIntake(dataDir: string, preset: string, options: IntakeOptions): Promise<ServerProfile & { preset: string }> {
  const url = (product: Child) => `http://127.0.0.1:${product.port}${intakePath(preset)}`;
  const profile = await profileUnderLoad({
    start: (nodeArgs) => startProduct(dataDir, 1, nodeArgs),
    warmUp: async (product) => {
      await load(url(product), example(preset), 4, 1); // the validator compiles on first use
      await drained(product.port);
    },
    load: async (product) => (await load(url(product), example(preset), options.connections, options.seconds)).total,
    stages: INTAKE_STAGES,
    connections: options.connections,
    seconds: options.seconds,
  });
  return { preset, ...profile };
}
