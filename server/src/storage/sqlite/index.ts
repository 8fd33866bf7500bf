/** The embedded storage adapter: one SQLite file in DATA_DIR. */
import type { Storage } from '../types';
import { openDatabase } from './database';
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
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
