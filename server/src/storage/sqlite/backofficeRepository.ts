/** API keys, webhooks and retention policies in SQLite. Webhook signing secrets are sealed; API keys are stored as hashes only. */
import { NotFoundError } from '../../errors';
import type { ApiKey, ApiKeyRepository, OutboxEventType, RetentionPolicy, RetentionRepository, Webhook, WebhookRepository } from '../inboxTypes';
import type { DataCipher } from '../../security/dataCipher';
import { guarded, type Db } from './database';
import { msg } from '../../i18n/messages';

interface KeyRow {
  id: string;
  municipality_code: string;
  name: string;
  scope: ApiKey['scope'];
  secret_hash: string;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
  revoked_by: string | null;
  last_used_at: string | null;
}

const toKey = (r: KeyRow): ApiKey => ({
  id: r.id,
  municipalityCode: r.municipality_code,
  name: r.name,
  scope: r.scope,
  secretHash: r.secret_hash,
  createdAt: r.created_at,
  createdBy: r.created_by,
  ...(r.revoked_at ? { revokedAt: r.revoked_at } : {}),
  ...(r.revoked_by ? { revokedBy: r.revoked_by } : {}),
  ...(r.last_used_at ? { lastUsedAt: r.last_used_at } : {}),
});

export class SqliteApiKeyRepository implements ApiKeyRepository {
  constructor(private readonly db: Db) {}

  async create(k: ApiKey) {
    guarded(() =>
      this.db
        .prepare('INSERT INTO api_keys (id, municipality_code, name, scope, secret_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(k.id, k.municipalityCode, k.name, k.scope, k.secretHash, k.createdAt, k.createdBy),
    );
  }

  async findById(id: string) {
    const row = this.db.prepare('SELECT * FROM api_keys WHERE id = ?').get(id) as KeyRow | undefined;
    return row ? toKey(row) : null;
  }

  async list(municipalityCode: string) {
    return (this.db.prepare('SELECT * FROM api_keys WHERE municipality_code = ? ORDER BY created_at, id').all(municipalityCode) as KeyRow[]).map(toKey);
  }

  async revoke(id: string, by: string, now: Date) {
    guarded(() => this.db.prepare('UPDATE api_keys SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL').run(now.toISOString(), by, id));
    const key = await this.findById(id);
    if (!key) throw new NotFoundError(msg('apiKeyNotFound'), 'api_key_not_found');
    return key;
  }

  async touch(id: string, now: Date) {
    guarded(() => this.db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?').run(now.toISOString(), id));
  }
}

interface HookRow {
  id: string;
  municipality_code: string;
  procedure_id: string | null;
  url: string;
  secret: string;
  events_json: string;
  active: number;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export class SqliteWebhookRepository implements WebhookRepository {
  constructor(
    private readonly db: Db,
    private readonly cipher: DataCipher,
  ) {}

  private toHook(r: HookRow): Webhook {
    return {
      id: r.id,
      municipalityCode: r.municipality_code,
      procedureId: r.procedure_id,
      url: r.url,
      secret: this.cipher.openText(r.secret),
      events: JSON.parse(r.events_json) as OutboxEventType[],
      active: r.active === 1,
      createdAt: r.created_at,
      createdBy: r.created_by,
      updatedAt: r.updated_at,
    };
  }

  async create(w: Webhook) {
    guarded(() =>
      this.db
        .prepare('INSERT INTO webhooks (id, municipality_code, procedure_id, url, secret, events_json, active, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(w.id, w.municipalityCode, w.procedureId, w.url, this.cipher.sealText(w.secret), JSON.stringify(w.events), w.active ? 1 : 0, w.createdAt, w.createdBy, w.updatedAt),
    );
  }

  async get(id: string) {
    const row = this.db.prepare('SELECT * FROM webhooks WHERE id = ?').get(id) as HookRow | undefined;
    return row ? this.toHook(row) : null;
  }

  async list(municipalityCode: string) {
    return (this.db.prepare('SELECT * FROM webhooks WHERE municipality_code = ? ORDER BY created_at, id').all(municipalityCode) as HookRow[]).map((r) => this.toHook(r));
  }

  async update(id: string, patch: Partial<Pick<Webhook, 'url' | 'procedureId' | 'events' | 'active' | 'secret'>>, now: Date) {
    const current = await this.get(id);
    if (!current) throw new NotFoundError(msg('webhookNotFound'), 'webhook_not_found');
    const next = { ...current, ...patch };
    guarded(() =>
      this.db
        .prepare('UPDATE webhooks SET url = ?, procedure_id = ?, events_json = ?, active = ?, secret = ?, updated_at = ? WHERE id = ?')
        .run(next.url, next.procedureId, JSON.stringify(next.events), next.active ? 1 : 0, this.cipher.sealText(next.secret), now.toISOString(), id),
    );
    return (await this.get(id))!;
  }

  async delete(id: string) {
    guarded(() => this.db.prepare('DELETE FROM webhooks WHERE id = ?').run(id));
  }

  async matching(municipalityCode: string, procedureId: string, type: OutboxEventType) {
    const rows = this.db
      .prepare('SELECT * FROM webhooks WHERE municipality_code = ? AND active = 1 AND (procedure_id IS NULL OR procedure_id = ?) ORDER BY created_at, id')
      .all(municipalityCode, procedureId) as HookRow[];
    return rows.map((r) => this.toHook(r)).filter((w) => w.events.includes(type));
  }
}

export class SqliteRetentionRepository implements RetentionRepository {
  constructor(private readonly db: Db) {}

  async list(municipalityCode?: string) {
    const rows = (
      municipalityCode
        ? this.db.prepare('SELECT * FROM retention_policies WHERE municipality_code = ? ORDER BY procedure_id').all(municipalityCode)
        : this.db.prepare('SELECT * FROM retention_policies ORDER BY municipality_code, procedure_id').all()
    ) as Array<{
      municipality_code: string;
      procedure_id: string;
      days: number;
      mode: RetentionPolicy['mode'];
      updated_at: string;
      updated_by: string;
    }>;
    return rows.map((r): RetentionPolicy => ({ municipalityCode: r.municipality_code, procedureId: r.procedure_id, days: r.days, mode: r.mode, updatedAt: r.updated_at, updatedBy: r.updated_by }));
  }

  async set(p: RetentionPolicy) {
    guarded(() =>
      this.db
        .prepare(
          `INSERT INTO retention_policies (municipality_code, procedure_id, days, mode, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
                  ON CONFLICT (municipality_code, procedure_id) DO UPDATE SET days = excluded.days, mode = excluded.mode, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        )
        .run(p.municipalityCode, p.procedureId, p.days, p.mode, p.updatedAt, p.updatedBy),
    );
  }

  async remove(municipalityCode: string, procedureId: string) {
    guarded(() => this.db.prepare('DELETE FROM retention_policies WHERE municipality_code = ? AND procedure_id = ?').run(municipalityCode, procedureId));
  }
}
