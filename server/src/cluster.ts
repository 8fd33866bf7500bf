/**
 * Several server processes on one machine (WORKERS > 1). Node serves one
 * request at a time per process; a surge (罹災証明書 after a disaster) needs
 * every core. The primary prepares the store once (migrations, presets, the
 * first-admin link), then forks the workers, which share the listening port.
 * Background jobs (cleanup, outbox delivery, retention, rescans) run in the
 * first worker only, so e-mails and webhooks are not sent twice.
 *
 * What stays per process: rate-limit counters (a limit of N per minute becomes
 * N per worker). Everything else (sessions, published versions, counts) is
 * read from the shared store.
 */
import cluster, { type Worker } from 'node:cluster';

/** Set in the environment of the worker that runs the background jobs. */
const JOBS_ENV = 'MADOGUCHI_RUN_JOBS';

export type ProcessRole = 'single' | 'primary' | 'worker';

export function processRole(workers: number): ProcessRole {
  if (workers <= 1) return 'single';
  return cluster.isPrimary ? 'primary' : 'worker';
}

/** Whether this process runs the background jobs (always, unless it is a worker other than the first). */
export function runsBackgroundJobs(role: ProcessRole): boolean {
  return role !== 'worker' || process.env[JOBS_ENV] === '1';
}

interface PrimaryOptions {
  workers: number;
  log: (message: string) => void;
  /** Called once, when the first worker listens: the port it got. */
  onListening: (port: number) => void;
}

/**
 * Forks the workers and keeps them running: a worker that dies unexpectedly is
 * replaced (with the jobs role if it had it). SIGTERM/SIGINT are passed on and
 * the primary exits once every worker has finished its requests and closed the store.
 */
export function superviseWorkers(options: PrimaryOptions): void {
  let stopping = false;
  let announced = false;
  let jobsWorker: Worker | undefined;
  const fork = (runJobs: boolean): Worker => {
    const worker = cluster.fork(runJobs ? { [JOBS_ENV]: '1' } : {});
    if (runJobs) jobsWorker = worker;
    worker.on('listening', (address) => {
      if (!announced) {
        announced = true;
        options.onListening(address.port);
      }
    });
    return worker;
  };
  for (let i = 0; i < options.workers; i++) fork(i === 0);

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    options.log(`worker ${worker.process.pid} exited (${signal ?? code}); starting a new one`);
    fork(worker === jobsWorker);
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    if (alive.length === 0) process.exit(0);
    for (const worker of alive) worker.process.kill(signal);
    setTimeout(() => process.exit(1), 15_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
