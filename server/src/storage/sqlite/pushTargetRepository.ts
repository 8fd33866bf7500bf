/** Push targets in SQLite. The signing secret is sealed, as a webhook's is. */
import { NotFoundError } from '../../errors';
import type { OutboxEventType, SubmissionStatus } from '@madoguchi/shared';
import type { PushMappingRow, PushTarget, PushTargetPatch, PushTargetRepository } from '../pushTypes';
import type { DataCipher } from '../../security/dataCipher';
import { guarded, type Db } from './database';

interface TargetRow {
  id: string;
  municipality_code: string;
  procedure_id: string;
  name: string;
  url: string;
  secret: string;
  events_json: string;
  statuses_json: string;
  include_pdf: number;
  mapping_json: string;
  sensitive_confirmed: number;
  active: number;
  created_at: string;
  created_by: string;
  updated_at: string;
}

const notFound = () => new NotFoundError('送信先が見つかりません。', 'push_target_not_found');

export class SqlitePushTargetRepository implements PushTargetRepository {
  constructor(
    private readonly db: Db,
    private readonly cipher: DataCipher,
  ) {}

  private toTarget(r: TargetRow): PushTarget {
    return {
      id: r.id,
      municipalityCode: r.municipality_code,
      procedureId: r.procedure_id,
      name: r.name,
      url: r.url,
      secret: this.cipher.openText(r.secret),
      events: JSON.parse(r.events_json) as OutboxEventType[],
      statuses: JSON.parse(r.statuses_json) as SubmissionStatus[],
      includePdf: r.include_pdf === 1,
      mapping: JSON.parse(r.mapping_json) as PushMappingRow[],
      sensitiveConfirmed: r.sensitive_confirmed === 1,
      active: r.active === 1,
      createdAt: r.created_at,
      createdBy: r.created_by,
      updatedAt: r.updated_at,
    };
  }

  private write(sql: string, t: PushTarget) {
    guarded(() =>
      this.db.prepare(sql).run({
        id: t.id,
        municipality_code: t.municipalityCode,
        procedure_id: t.procedureId,
        name: t.name,
        url: t.url,
        secret: this.cipher.sealText(t.secret),
        events_json: JSON.stringify(t.events),
        statuses_json: JSON.stringify(t.statuses),
        include_pdf: t.includePdf ? 1 : 0,
        mapping_json: JSON.stringify(t.mapping),
        sensitive_confirmed: t.sensitiveConfirmed ? 1 : 0,
        active: t.active ? 1 : 0,
        created_at: t.createdAt,
        created_by: t.createdBy,
        updated_at: t.updatedAt,
      }),
    );
  }

  async create(t: PushTarget) {
    this.write(
      `INSERT INTO push_targets (id, municipality_code, procedure_id, name, url, secret, events_json, statuses_json, include_pdf, mapping_json, sensitive_confirmed, active, created_at, created_by, updated_at)
       VALUES (@id, @municipality_code, @procedure_id, @name, @url, @secret, @events_json, @statuses_json, @include_pdf, @mapping_json, @sensitive_confirmed, @active, @created_at, @created_by, @updated_at)`,
      t,
    );
  }

  async get(id: string) {
    const row = this.db.prepare('SELECT * FROM push_targets WHERE id = ?').get(id) as TargetRow | undefined;
    return row ? this.toTarget(row) : null;
  }

  async list(municipalityCode: string) {
    return (this.db.prepare('SELECT * FROM push_targets WHERE municipality_code = ? ORDER BY created_at, id').all(municipalityCode) as TargetRow[]).map((r) => this.toTarget(r));
  }

  async update(id: string, patch: PushTargetPatch, now: Date) {
    const current = await this.get(id);
    if (!current) throw notFound();
    this.write(
      `UPDATE push_targets SET name = @name, url = @url, secret = @secret, events_json = @events_json, statuses_json = @statuses_json, include_pdf = @include_pdf,
       mapping_json = @mapping_json, sensitive_confirmed = @sensitive_confirmed, active = @active, updated_at = @updated_at WHERE id = @id`,
      { ...current, ...patch, updatedAt: now.toISOString() },
    );
    return (await this.get(id))!;
  }

  async delete(id: string) {
    guarded(() => this.db.prepare('DELETE FROM push_targets WHERE id = ?').run(id));
  }

  async matching(municipalityCode: string, procedureId: string, type: OutboxEventType) {
    const rows = this.db
      .prepare('SELECT * FROM push_targets WHERE municipality_code = ? AND procedure_id = ? AND active = 1 ORDER BY created_at, id')
      .all(municipalityCode, procedureId) as TargetRow[];
    return rows.map((r) => this.toTarget(r)).filter((t) => t.events.includes(type));
  }
}
