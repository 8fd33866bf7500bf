/**
 * The inbox endpoint of this build against an earlier one, on the same generated data
 * (issue #23): `npm run build`, build the earlier commit elsewhere, then
 *   npx tsx --conditions=madoguchi-source bench/inboxCompare.ts <earlier>/server/dist/main.js <its last migration> [rows] [rounds] [seconds]
 * Rounds alternate between the builds; medians and per-round ratios are printed.
 */
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { benchInbox } from './inbox';
import { MunicipalityRegistry } from '../server/src/modules/municipalities/registry';

async function main() {
  const [entry, schema, rows = '1000000', rounds = '6', seconds = '5'] = process.argv.slice(2);
  if (!entry || !schema) throw new Error('usage: bench/inboxCompare.ts <baseline server/dist/main.js> <its last migration> [rows] [rounds] [seconds]');
  const municipalities = MunicipalityRegistry.fromCsv()
    .all.map((m) => m.code)
    .slice(0, 200);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
  const inbox = await benchInbox({
    rows: Number(rows),
    municipalities,
    httpConnections: 10,
    httpSeconds: Number(seconds),
    httpRounds: 1,
    baseline: { serverEntry: resolve(entry), rounds: Number(rounds), schema: Number(schema) },
  });
  const c = inbox.comparison!;
  console.log(`inbox: ${inbox.rows.toLocaleString()} rows, ${c.connections} connections, ${c.rounds} rounds of ${c.secondsPerRound} s each, alternating`);
  console.table({ before: c.before, after: c.after });
  console.log(`after/before (median of per-round ratios): p99 ${c.p99Ratio}, req/s ${c.reqPerSecRatio}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
