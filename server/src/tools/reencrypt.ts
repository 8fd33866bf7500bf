/**
 * `npm run keys:reencrypt`: re-seals every value sealed under an old data key
 * with the current DATA_ENCRYPTION_KEY, reading the same environment as
 * `npm start`. Safe while the server runs (batches, one commit each) and safe
 * to interrupt: run it again and it continues with what is left.
 *
 *   --dry-run         only show how many values are sealed under which key id
 *   --batch-size N    rows per commit (default 200; files use at most 16)
 *   --actor NAME      who to record in the audit log (default `system`)
 *   --no-compact      skip rewriting the SQLite file afterwards (see README)
 *
 * Exit code 1 when a value cannot be opened (its key is not configured), 2 on
 * a usage or configuration error.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { createStorage } from '../storage/createStorage';
import { dataCipherFromConfig } from '../security/dataKeys';
import type { Storage } from '../storage/types';
import type { DataCipher } from '../security/dataCipher';
import { auditDetails, formatCounts, formatReport, unreadableIn } from './reencryptReport';

interface Options {
  dryRun: boolean;
  batchSize: number;
  actor: string;
  compact: boolean;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: { 'dry-run': { type: 'boolean' }, 'batch-size': { type: 'string' }, actor: { type: 'string' }, 'no-compact': { type: 'boolean' } },
  });
  const batchSize = Number(values['batch-size'] ?? 200);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new Error('--batch-size must be an integer between 1 and 10000');
  return { dryRun: values['dry-run'] ?? false, batchSize, actor: values.actor ?? 'system', compact: !values['no-compact'] };
}

async function dryRun(storage: Storage, cipher: DataCipher): Promise<number> {
  const counts = await storage.sealed.countByKey();
  for (const line of formatCounts(cipher, counts)) console.log(line);
  return unreadableIn(cipher, counts).length > 0 ? 1 : 0;
}

async function reencrypt(storage: Storage, options: Options): Promise<number> {
  const report = await storage.sealed.resealAll({
    batchSize: options.batchSize,
    onProgress: (p) => console.log(`  ${p.table}.${p.column}: ${p.scanned} scanned, ${p.resealed} re-sealed${p.failed ? `, ${p.failed} failed` : ''}`),
  });
  for (const line of formatReport(report)) console.log(line);
  // Counts only: the audit log says that a rotation happened, by whom, and how far it got.
  await storage.audit.append({
    at: new Date().toISOString(),
    actor: options.actor,
    action: 'keys.reencrypted',
    municipalityCode: null,
    targetType: 'data-key',
    targetId: report.currentKeyId,
    details: auditDetails(report),
  });
  if (options.compact) {
    console.log('Compacting the store so no copy under an old key stays in free space …');
    const done = await storage.sealed.compact();
    console.log(done ? 'Compacted.' : 'This store cannot be compacted from here (MongoDB: see README, "Rotating the data key").');
  }
  return report.tables.some((t) => t.failed > 0) ? 1 : 0;
}

async function main(): Promise<void> {
  let options: Options;
  let storage: Storage;
  let cipher: DataCipher;
  try {
    options = parseOptions(process.argv.slice(2));
    const config = loadConfig();
    if (config.mongodbUri && !config.dataEncryptionKey) throw new Error('DATA_ENCRYPTION_KEY must be set when MONGODB_URI is set');
    // Never create an empty store (or a fresh key) because DATA_DIR points at the wrong place.
    if (!config.mongodbUri && !existsSync(join(config.dataDir, 'madoguchi.sqlite'))) throw new Error(`no database at ${join(config.dataDir, 'madoguchi.sqlite')} (check DATA_DIR)`);
    cipher = dataCipherFromConfig(config, { create: false });
    storage = await createStorage({ ...config, cipher });
  } catch (error) {
    console.error(`keys:reencrypt: ${(error as Error).message}`);
    process.exitCode = 2;
    return;
  }
  try {
    console.log(`Current data key: ${cipher.currentKeyId} (${storage.kind})`);
    process.exitCode = options.dryRun ? await dryRun(storage, cipher) : await reencrypt(storage, options);
  } catch (error) {
    console.error(`keys:reencrypt failed: ${(error as Error).message} — nothing after the last committed batch changed; run it again`);
    process.exitCode = 1;
  } finally {
    await storage.close();
  }
}

void main();
