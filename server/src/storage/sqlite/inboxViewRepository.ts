/** Saved inbox views and page sizes in SQLite (issue #21). */
import type { InboxViewRepository, SavedInboxView } from '../inboxViewTypes';
import { guarded, type Db } from './database';

interface Row {
  id: string;
  municipality_code: string;
  owner_id: string;
  desk_id: string | null;
  name: string;
  filter_json: string;
  sort: string | null;
  columns_json: string;
  created_at: string;
  updated_at: string;
}

const fromRow = (r: Row): SavedInboxView => ({
  id: r.id,
  municipalityCode: r.municipality_code,
  ownerId: r.owner_id,
  deskId: r.desk_id,
  name: r.name,
  filter: JSON.parse(r.filter_json),
  sort: r.sort,
  columns: JSON.parse(r.columns_json),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export class SqliteInboxViewRepository implements InboxViewRepository {
  constructor(private readonly db: Db) {}

  async create(v: SavedInboxView): Promise<void> {
    guarded(() =>
      this.db
        .prepare('INSERT INTO inbox_views (id, municipality_code, owner_id, desk_id, name, filter_json, sort, columns_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(v.id, v.municipalityCode, v.ownerId, v.deskId, v.name, JSON.stringify(v.filter), v.sort, JSON.stringify(v.columns), v.createdAt, v.updatedAt),
    );
  }

  async get(id: string): Promise<SavedInboxView | null> {
    const r = this.db.prepare('SELECT * FROM inbox_views WHERE id = ?').get(id) as Row | undefined;
    return r ? fromRow(r) : null;
  }

  async listVisible(municipalityCode: string, userId: string): Promise<SavedInboxView[]> {
    const rows = this.db.prepare('SELECT * FROM inbox_views WHERE municipality_code = ? AND (desk_id IS NOT NULL OR owner_id = ?) ORDER BY name, id').all(municipalityCode, userId) as Row[];
    return rows.map(fromRow);
  }

  async rename(id: string, name: string, updatedAt: string): Promise<boolean> {
    return guarded(() => this.db.prepare('UPDATE inbox_views SET name = ?, updated_at = ? WHERE id = ?').run(name, updatedAt, id)).changes > 0;
  }

  async delete(id: string): Promise<boolean> {
    return guarded(() => this.db.prepare('DELETE FROM inbox_views WHERE id = ?').run(id)).changes > 0;
  }

  async getPageSize(userId: string): Promise<number | null> {
    const r = this.db.prepare('SELECT page_size FROM inbox_preferences WHERE user_id = ?').get(userId) as { page_size: number } | undefined;
    return r?.page_size ?? null;
  }

  async setPageSize(userId: string, pageSize: number, at: string): Promise<void> {
    guarded(() =>
      this.db
        .prepare('INSERT INTO inbox_preferences (user_id, page_size, updated_at) VALUES (?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET page_size = excluded.page_size, updated_at = excluded.updated_at')
        .run(userId, pageSize, at),
    );
  }
}
