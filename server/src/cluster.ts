/**
 * Several server processes on one machine (WORKERS > 1). Node serves one
 * request at a time per process; a surge (罹災証明書 after a disaster) needs
 * every core. The primary prepares the store once (migrations, presets, the
 * first-admin link), then forks the workers, which share the listening port.
 * Jobs and limits are not per worker: background jobs (cleanup, outbox delivery, retention,
 * rescans) run in whichever worker holds their lease in the store, rate-limit
 * counters are kept in the store too (issue #23), and sessions, published
 * versions and counts are read from it. Only the admission gates (ADMISSION_*) count per process.
 */
import cluster, { type Worker } from 'node:cluster';

export type ProcessRole = 'single' | 'primary' | 'worker';

export function processRole(workers: number): ProcessRole {
  if (workers <= 1) return 'single';
  return cluster.isPrimary ? 'primary' : 'worker';
}

interface PrimaryOptions {
  workers: number;
  log: (message: string) => void;
  /** Called once, when the first worker listens: the port it got. */
  onListening: (port: number) => void;
}

/**
 * Forks the workers and keeps them running: a worker that dies unexpectedly is
 * replaced (its jobs move to another worker when their leases run out). SIGTERM/SIGINT are passed on and
 * the primary exits once every worker has finished its requests and closed the store.
 */
export function superviseWorkers(options: PrimaryOptions): void {
  let stopping = false;
  let announced = false;
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('listening', (address) => {
      if (!announced) {
        announced = true;
        options.onListening(address.port);
      }
    });
    return worker;
  };
  for (let i = 0; i < options.workers; i++) fork();

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    options.log(`worker ${worker.process.pid} exited (${signal ?? code}); starting a new one`);
    fork();
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
