/** Crash tests: the built server is killed with SIGKILL while workers keep sending keyed writes to it. */
import { randomBytes } from 'node:crypto';
import { startServerProcess } from './serverProcess';

export interface Acknowledged {
  key: string;
  receiptNumber: string;
  secret: string;
}

/**
 * Runs `rounds` server lives; in each, `workers` loops send `send(port, key)`
 * with fresh Idempotency-Keys until the process is killed (after 400 ms, then
 * 300 ms longer each round). Returns every key tried and every write the
 * server acknowledged before it died.
 */
export async function killDuringWrites(
  env: Record<string, string>,
  send: (port: number, key: string) => Promise<Acknowledged | undefined>,
  { rounds, workers, keyPrefix }: { rounds: number; workers: number; keyPrefix: string },
): Promise<{ keys: string[]; acked: Acknowledged[] }> {
  const keys: string[] = [];
  const acked: Acknowledged[] = [];
  for (let round = 0; round < rounds; round++) {
    const server = await startServerProcess(env);
    let stop = false;
    const loops = Array.from({ length: workers }, async () => {
      while (!stop) {
        const key = `${keyPrefix}-${randomBytes(8).toString('hex')}`;
        keys.push(key);
        const ack = await send(server.port, key);
        if (ack) acked.push(ack);
      }
    });
    await new Promise((r) => setTimeout(r, 400 + round * 300));
    server.child.kill('SIGKILL');
    await server.exited;
    stop = true;
    await Promise.all(loops);
  }
  return { keys, acked };
}
