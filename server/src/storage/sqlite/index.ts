/** The embedded storage adapter: one SQLite file in DATA_DIR. */
import type { Storage } from '../types';
import { openDatabase } from './database';
import { probeWrite } from './writeProbe';
import { groupCommitter } from './groupCommit';
import { WalCheckpointer } from './walCheckpointer';
import { SqliteEditLayerRepository, SqlitePresetReleaseRepository } from './catalogRepository';
import type { DataCipher } from '../../security/dataCipher';
import { SqliteProcedureRepository } from './procedureRepository';
import { SqliteSubmissionRepository } from './submissionRepository';
import { SqliteFileRepository } from './fileRepository';
import { SqliteUserRepository } from './userRepository';
import { SqliteSessionRepository } from './sessionRepository';
import { SqliteAuditRepository } from './auditRepository';
import { SqliteAuthTokenRepository } from './authTokenRepository';
import { SqliteDeskRepository } from './deskRepository';
import { SqliteAuthPolicyRepository } from './authPolicyRepository';
import { SqliteDraftRepository } from './draftRepository';
import { SqliteInboxRepository } from './inboxRepository';
import { SqliteDeliveryRepository, SqliteOutboxRepository } from './outboxRepository';
import { SqliteApiKeyRepository, SqliteRetentionRepository, SqliteWebhookRepository } from './backofficeRepository';
import { SqliteSealedDataRepository } from './sealedDataRepository';
import { SqliteGuideRepository } from './guideRepository';
import { SqliteCounterSessionRepository } from './counterSessionRepository';
import { SqliteDisasterRepository } from './disasterRepository';
import { SqliteDisasterGrantRepository } from './disasterGrantRepository';
import { SqliteSurveyTeamRepository } from './surveyTeamRepository';
import { SqliteCertificateRepository } from './certificateRepository';
import { SqliteDecisionNoticeRepository } from './decisionNoticeRepository';
import { SqliteDeadlineRepository } from './deadlineRepository';
import { SqliteInboxViewRepository } from './inboxViewRepository';
import { SqlitePushTargetRepository } from './pushTargetRepository';
import { SqliteMessageReadRepository } from './messageReadRepository';
import { SqliteAuthVersionRepository, SqliteLeaseRepository, SqliteRateCounterRepository } from './coordinationRepository';
import { SqliteCapacityRepository } from './capacityRepository';

export interface SqliteOptions {
  busyTimeoutMs?: number;
  /** Checkpoint the WAL on a worker thread, off the event loop (walCheckpointer.ts): the server does, tests need not. */
  walCheckpointThread?: boolean;
  warn?: (message: string) => void;
}

export function createSqliteStorage(dataDir: string, cipher: DataCipher, options: SqliteOptions = {}): Storage {
  const db = openDatabase(dataDir, undefined, options.busyTimeoutMs);
  const checkpointer = options.walCheckpointThread ? new WalCheckpointer(db, groupCommitter(db), options.warn) : undefined;
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
    desks: new SqliteDeskRepository(db),
    drafts: new SqliteDraftRepository(db, cipher),
    inbox: new SqliteInboxRepository(db, cipher),
    outbox: new SqliteOutboxRepository(db),
    deliveries: new SqliteDeliveryRepository(db),
    apiKeys: new SqliteApiKeyRepository(db),
    webhooks: new SqliteWebhookRepository(db, cipher),
    pushTargets: new SqlitePushTargetRepository(db, cipher),
    retention: new SqliteRetentionRepository(db),
    editLayers: new SqliteEditLayerRepository(db),
    presetReleases: new SqlitePresetReleaseRepository(db),
    guides: new SqliteGuideRepository(db),
    counterSessions: new SqliteCounterSessionRepository(db, cipher),
    disasters: new SqliteDisasterRepository(db),
    disasterGrants: new SqliteDisasterGrantRepository(db),
    surveyTeams: new SqliteSurveyTeamRepository(db),
    certificates: new SqliteCertificateRepository(db, cipher),
    decisionNotices: new SqliteDecisionNoticeRepository(db, cipher),
    deadlines: new SqliteDeadlineRepository(db),
    inboxViews: new SqliteInboxViewRepository(db),
    messageReads: new SqliteMessageReadRepository(db),
    capacity: new SqliteCapacityRepository(db),
    sealed: new SqliteSealedDataRepository(db, cipher),
    rateCounters: new SqliteRateCounterRepository(db),
    leases: new SqliteLeaseRepository(db),
    authVersion: new SqliteAuthVersionRepository(db),
    async ping() {
      const failed = groupCommitter(db).failed; // an fsync failed: nothing is acknowledged until a restart
      if (failed) throw failed;
      // A read alone passes on a full disk or a locked file: /health must see what intake would.
      probeWrite(db);
    },
    async close() {
      if (!db.open) return;
      // Acknowledgements still waiting for their fsync get it before the handle goes.
      const committer = groupCommitter(db);
      await committer.whenDurable().catch(() => undefined); // after a failed fsync there is nothing left to wait for
      await checkpointer?.stop();
      committer.close();
      db.close();
    },
  };
}
