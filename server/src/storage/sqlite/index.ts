/** The embedded storage adapter: one SQLite file in DATA_DIR. */
import type { Storage } from '../types';
import { openDatabase } from './database';
import { SqliteProcedureRepository } from './procedureRepository';
import { SqliteSubmissionRepository } from './submissionRepository';
import { SqliteFileRepository } from './fileRepository';
import { SqliteUserRepository } from './userRepository';
import { SqliteSessionRepository } from './sessionRepository';
import { SqliteAuditRepository } from './auditRepository';

export function createSqliteStorage(dataDir: string): Storage {
  const db = openDatabase(dataDir);
  return {
    kind: 'sqlite',
    procedures: new SqliteProcedureRepository(db),
    submissions: new SqliteSubmissionRepository(db),
    files: new SqliteFileRepository(db),
    users: new SqliteUserRepository(db),
    sessions: new SqliteSessionRepository(db),
    audit: new SqliteAuditRepository(db),
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
