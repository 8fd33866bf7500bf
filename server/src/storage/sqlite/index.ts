/** The embedded storage adapter: one SQLite file in DATA_DIR. */
import type { Storage } from '../types';
import { openDatabase } from './database';
import { SqliteEditLayerRepository, SqlitePresetReleaseRepository } from './catalogRepository';
import type { DataCipher } from '../../security/dataCipher';
import { SqliteProcedureRepository } from './procedureRepository';
import { SqliteSubmissionRepository } from './submissionRepository';
import { SqliteFileRepository } from './fileRepository';
import { SqliteUserRepository } from './userRepository';
import { SqliteSessionRepository } from './sessionRepository';
import { SqliteAuditRepository } from './auditRepository';
import { SqliteAuthTokenRepository } from './authTokenRepository';
import { SqliteAuthPolicyRepository } from './authPolicyRepository';
import { SqliteDraftRepository } from './draftRepository';
import { SqliteInboxRepository } from './inboxRepository';
import { SqliteDeliveryRepository, SqliteOutboxRepository } from './outboxRepository';
import { SqliteApiKeyRepository, SqliteRetentionRepository, SqliteWebhookRepository } from './backofficeRepository';

export function createSqliteStorage(dataDir: string, cipher: DataCipher): Storage {
  const db = openDatabase(dataDir);
  return {
    kind: 'sqlite',
    procedures: new SqliteProcedureRepository(db),
    submissions: new SqliteSubmissionRepository(db, cipher),
    files: new SqliteFileRepository(db, cipher),
    users: new SqliteUserRepository(db),
    sessions: new SqliteSessionRepository(db),
    audit: new SqliteAuditRepository(db),
    authTokens: new SqliteAuthTokenRepository(db),
    authPolicies: new SqliteAuthPolicyRepository(db),
    drafts: new SqliteDraftRepository(db, cipher),
    inbox: new SqliteInboxRepository(db, cipher),
    outbox: new SqliteOutboxRepository(db),
    deliveries: new SqliteDeliveryRepository(db),
    apiKeys: new SqliteApiKeyRepository(db),
    webhooks: new SqliteWebhookRepository(db, cipher),
    retention: new SqliteRetentionRepository(db),
    editLayers: new SqliteEditLayerRepository(db),
    presetReleases: new SqlitePresetReleaseRepository(db),
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
