/** Login sessions in SQLite (our own small store: the published SQLite session stores are GPL or unmaintained). */
import type { SessionRepository } from '../types';
import { guarded, type Db } from './database';

export class SqliteSessionRepository implements SessionRepository {
  constructor(private readonly db: Db) {}

  async get(sid: string, now: Date) {
    const row = this.db.prepare('SELECT data_json FROM sessions WHERE sid = ? AND expires_at > ?').get(sid, now.toISOString()) as { data_json: string } | undefined;
    return row ? (JSON.parse(row.data_json) as Record<string, unknown>) : null;
  }

  async set(sid: string, data: Record<string, unknown>, expiresAt: Date) {
    guarded(() =>
      this.db
        .prepare('INSERT INTO sessions (sid, data_json, expires_at) VALUES (?, ?, ?) ON CONFLICT(sid) DO UPDATE SET data_json = excluded.data_json, expires_at = excluded.expires_at')
        .run(sid, JSON.stringify(data), expiresAt.toISOString()),
    );
  }

  async touch(sid: string, expiresAt: Date) {
    guarded(() => this.db.prepare('UPDATE sessions SET expires_at = ? WHERE sid = ?').run(expiresAt.toISOString(), sid));
  }

  async destroy(sid: string) {
    guarded(() => this.db.prepare('DELETE FROM sessions WHERE sid = ?').run(sid));
  }

  async destroyOthersOf(userId: string, keepSid: string) {
    // passport keeps the signed-in account at data.passport.user.
    return guarded(() => this.db.prepare(`DELETE FROM sessions WHERE json_extract(data_json, '$.passport.user') = ? AND sid != ?`).run(userId, keepSid).changes);
  }

  async deleteExpired(now: Date) {
    return guarded(() => this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now.toISOString()).changes);
  }
}
