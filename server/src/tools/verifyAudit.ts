/**
 * `npm run audit:verify`: checks the audit log of the configured store (same
 * environment as `npm start`): every link of the hash chain, and the chain
 * against the signed checkpoints kept outside the database (a truncation, a
 * rollback to an older copy, a forged checkpoint). Exits 1 on any finding.
 */
import { loadConfig } from '../config';
import { createStorage } from '../storage/createStorage';
import { DataCipher } from '../security/dataCipher';
import { loadOrCreateKey } from '../security/keys';
import { loadCheckpointKey } from '../modules/auditAnchor/checkpointKey';
import { CheckpointFile } from '../modules/auditAnchor/checkpoints';
import { describeFinding, verifyAgainstCheckpoints } from './verifyAnchor';

async function main() {
  const config = loadConfig();
  const cipher = new DataCipher([loadOrCreateKey(config.dataDir, 'data-encryption.key', config.dataEncryptionKey)]);
  const storage = await createStorage({ ...config, cipher });
  try {
    const file = new CheckpointFile(config.auditAnchor.checkpointDir);
    const lines = file.read();
    // Never create a key here: a missing key means the checkpoints cannot be trusted, which is a finding.
    const key = loadCheckpointKey(config.auditAnchor.keyFile, config.auditAnchor.keyFromEnv);
    if (lines.length > 0 && !key) {
      console.error(
        `署名鍵が見つからないため、チェックポイントを検証できません: ${config.auditAnchor.keyFile}\nCannot check the checkpoints: the signing key ${config.auditAnchor.keyFile} is missing.`,
      );
    }
    const report = await verifyAgainstCheckpoints(storage.audit, lines, key?.publicKey ?? null);
    if (report.chain.brokenAt) {
      console.error(`Audit log BROKEN at event #${report.chain.brokenAt.seq} (${report.chain.brokenAt.reason}); ${report.chain.checked} events before it verify.`);
    }
    for (const f of report.findings) console.error(describeFinding(f, file.path));
    if (report.chain.brokenAt || report.findings.length > 0) {
      process.exitCode = 1;
      return;
    }
    console.log(`Audit log intact: ${report.chain.checked} events verify.`);
    if (report.latest) {
      console.log(`Checkpoints: ${report.checkpoints} signed (latest: event #${report.latest.seq} at ${report.latest.at}), all matching.`);
    } else {
      console.log(`No checkpoints yet in ${file.path}: only the chain's links were checked (the server writes one every ${config.auditAnchor.intervalMinutes} minutes and at shutdown).`);
    }
  } finally {
    await storage.close();
  }
}

void main();
