/** Helpers for the benchmark: child processes, autocannon rounds, statistics, RSS. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';

export const ROOT = join(__dirname, '..');

export interface Child {
  child: ChildProcess;
  port: number;
  stop: () => Promise<void>;
}

/** Starts a process and waits for the line that names its port. */
export function startChild(args: string[], env: Record<string, string>, portPattern: RegExp): Promise<Child> {
  return new Promise((resolve, reject) => {
    // BENCH_CHILD_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p" profiles the servers under the bench's own load (node refuses --cpu-prof in NODE_OPTIONS).
    const nodeArgs = process.env.BENCH_CHILD_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(process.execPath, [...nodeArgs, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = portPattern.exec(output);
      if (match) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve({
          child,
          port: Number(match[1]),
          stop: () =>
            new Promise((r) => {
              if (child.exitCode !== null || child.signalCode !== null) return r(); // already stopped
              child.once('exit', () => r());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}:\n${output}`)));
  });
}

export interface LoadResult {
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Requests answered in the run. */
  total: number;
}

export async function load(url: string, body: string, connections: number, seconds: number): Promise<LoadResult> {
  const result = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration: seconds });
  return { reqPerSec: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, total: result.requests.total };
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** Resident set size of a process in MB (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

export const round1 = (n: number) => Math.round(n * 10) / 10;

/** Linux's USER_HZ: /proc reports CPU time in these ticks (100 on every architecture Node runs on). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) used so far by a process and its direct children (a cluster's workers), from /proc. */
function treeCpuSeconds(pid: number): number {
  const own = (p: number) => {
    const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' '); // after "pid (command name)", which may hold ") "
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime, stime (fields 14 and 15 of stat)
  };
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return own(pid) + children.reduce((sum, child) => sum + own(child), 0);
}

/** The machine's CPU ticks since boot, all and idle (idle + iowait), from the first line of /proc/stat. */
function machineTicks(): { all: number; idle: number } {
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return { all: ticks.reduce((a, b) => a + b, 0), idle: ticks[3]! + ticks[4]! };
}

/** Where the CPU went while a server was loaded: is it the server, the load generator, or is the machine idle? */
export interface CpuUse {
  /** Cores the server (its process and workers) kept busy on average. */
  serverCores: number;
  /** The server's CPU time per answered request, in µs. */
  serverUsPerRequest: number;
  /** Cores the bench's own process (autocannon, the load generator) kept busy. */
  loadGeneratorCores: number;
  /** Share of the machine's CPU time left idle, in %. */
  machineIdlePct: number;
}

/** `load`, with the CPU the server `pid` and this process used meanwhile, and what the machine left idle. */
export async function loadWithCpu(pid: number, url: string, body: string, connections: number, seconds: number): Promise<LoadResult & { cpu: CpuUse }> {
  const server0 = treeCpuSeconds(pid);
  const self0 = process.cpuUsage();
  const machine0 = machineTicks();
  const started = process.hrtime.bigint();
  const result = await load(url, body, connections, seconds);
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const serverSeconds = treeCpuSeconds(pid) - server0;
  const self = process.cpuUsage(self0);
  const machine1 = machineTicks();
  return {
    ...result,
    cpu: {
      serverCores: Number((serverSeconds / wallSeconds).toFixed(2)),
      serverUsPerRequest: Math.round((serverSeconds * 1e6) / Math.max(result.total, 1)),
      loadGeneratorCores: Number(((self.user + self.system) / 1e6 / wallSeconds).toFixed(2)),
      machineIdlePct: Math.round((100 * (machine1.idle - machine0.idle)) / Math.max(machine1.all - machine0.all, 1)),
    },
  };
}
