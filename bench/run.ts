/**
 * `npm run bench` (full, minutes) or `npm run bench -- --quick` (seconds, run in CI so the bench never rots).
 * Prints a table and writes bench/results/latest.json (not committed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { ROOT } from './lib';
import { benchIntake } from './intake';
import { benchValidation } from './validation';
import { benchInbox } from './inbox';
import { benchClientSize } from './clientSize';
import { MunicipalityRegistry } from '../server/src/modules/municipalities/registry';

const quick = process.argv.includes('--quick');
const settings = quick
  ? { rounds: 1, seconds: 2, connections: 50, validations: 2_000, inboxRows: 20_000 }
  : { rounds: 5, seconds: 10, connections: 50, validations: 5_000, inboxRows: 1_000_000 };

async function main() {
  console.log(`Madoguchi benchmark (${quick ? 'quick' : 'full'}) on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);

  const intake = await benchIntake(settings);
  console.log('1. Intake (POST a complete application, 50 connections; median of interleaved rounds)');
  console.table(
    intake.figures.map((f) => ({
      preset: f.preset,
      'baseline req/s': Math.round(f.baseline.reqPerSec),
      'product req/s': Math.round(f.product.reqPerSec),
      ratio: f.ratio,
      'product p50 ms': f.product.p50,
      'product p99 ms': f.product.p99,
      'baseline p99 ms': f.baseline.p99,
      non2xx: f.product.non2xx,
    })),
  );

  const validation = benchValidation(settings.validations);
  console.log('2. Validation (compiled once per version; validations of the example per second)');
  console.table(validation);

  const municipalities = MunicipalityRegistry.fromCsv().all.map((m) => m.code).slice(0, 200);
  const inbox = await benchInbox(settings.inboxRows, municipalities);
  console.log(`3. Inbox (${inbox.rows.toLocaleString()} submissions over ${inbox.municipalities} municipalities; database ${inbox.databaseMb} MB; built in ${inbox.buildSeconds} s)`);
  console.table({ 'list newest 50 (municipality+procedure+status)': inbox.listNewest50Ms, 'count by status': inbox.countByStatusMs, 'find by receipt number': inbox.findByReceiptMs, 'reading prefix search': inbox.readingPrefixMs });

  const client = benchClientSize();
  console.log('4. Resident page (gzipped)');
  console.table(client);

  console.log(`5. Memory: server RSS ${intake.memory.rssBeforeMb} MB before, ${intake.memory.rssAfterMb} MB after ${intake.memory.submissions.toLocaleString()} submissions`);

  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), JSON.stringify({ at: new Date().toISOString(), quick, settings, intake, validation, inbox, client }, null, 2));
  console.log(`\nWrote bench/results/latest.json`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
