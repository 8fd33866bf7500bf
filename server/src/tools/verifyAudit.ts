/**
 * `npm run audit:verify`: checks the audit log of the configured store (same
 * environment as `npm start`) and exits 1 at the first broken link.
 */
import { loadConfig } from '../config';
import { createStorage } from '../storage/createStorage';
import { DataCipher } from '../security/dataCipher';
import { loadOrCreateKey } from '../security/keys';
import { verifyAuditChain } from './auditChain';

async function main() {
  const config = loadConfig();
  const cipher = new DataCipher([loadOrCreateKey(config.dataDir, 'data-encryption.key', config.dataEncryptionKey)]);
  const storage = await createStorage({ ...config, cipher });
  try {
    const report = await verifyAuditChain(storage.audit);
    if (report.brokenAt) {
      console.error(`Audit log BROKEN at event #${report.brokenAt.seq} (${report.brokenAt.reason}); ${report.checked} events before it verify.`);
      process.exitCode = 1;
    } else {
      console.log(`Audit log intact: ${report.checked} events verify.`);
    }
  } finally {
    await storage.close();
  }
}

void main();
