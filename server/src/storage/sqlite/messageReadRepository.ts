/** Read positions of message threads in SQLite (issue #21): one row per submission and side. */
import type { MessageReadRepository, MessageSide } from '../messageReadTypes';
import { guarded, type Db } from './database';

export class SqliteMessageReadRepository implements MessageReadRepository {
  constructor(private readonly db: Db) {}

  async markRead(submissionId: string, side: MessageSide, at: string) {
    guarded(() =>
      this.db
        .prepare(
          `INSERT INTO submission_message_reads (submission_id, side, read_at) VALUES (?, ?, ?)
           ON CONFLICT (submission_id, side) DO UPDATE SET read_at = MAX(read_at, excluded.read_at)`,
        )
        .run(submissionId, side, at),
    );
  }

  async readPosition(submissionId: string, side: MessageSide) {
    const row = this.db.prepare('SELECT read_at FROM submission_message_reads WHERE submission_id = ? AND side = ?').get(submissionId, side) as { read_at: string } | undefined;
    return row?.read_at;
  }

  async unreadByDesk(municipalityCode: string) {
    // Kept by triggers as messages and read positions are written (migration 29): no scan of the messages.
    const rows = this.db.prepare('SELECT submission_id AS id FROM desk_unread_threads WHERE municipality_code = ?').all(municipalityCode) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }
}
