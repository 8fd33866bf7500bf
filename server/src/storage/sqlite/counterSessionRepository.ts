/** Counter visits in SQLite: the timeline as plain JSON, the work sealed with the data cipher. */
import type { CounterTimeline } from '@madoguchi/shared';
import type { DataCipher } from '../../security/dataCipher';
import type { CounterSessionRecord, CounterSessionRepository } from '../counterTypes';
import { guarded, type Db } from './database';

interface Row {
  id: string;
  municipality_code: string;
  day: string;
  ticket_number: string;
  status: CounterSessionRecord['status'];
  revision: number;
  guide_id: string | null;
  timeline_json: string;
  work_json: string;
  pairing_code_hash: string | null;
  pairing_expires_at: string | null;
  tablet_token_hash: string | null;
  created_at: string;
  updated_at: string;
}

/** The timeline fields kept in timeline_json (the others have columns of their own). */
type TimelineJson = Pick<CounterTimeline, 'desk' | 'servedBy' | 'procedureIds' | 'prefilled' | 'identitySource' | 'steps' | 'submissionIds'>;

const timelineJson = (r: CounterSessionRecord): string =>
  JSON.stringify({
    desk: r.desk,
    servedBy: r.servedBy,
    procedureIds: r.procedureIds,
    prefilled: r.prefilled,
    identitySource: r.identitySource,
    steps: r.steps,
    submissionIds: r.submissionIds,
  } satisfies TimelineJson);

const timelineOf = (r: Row): CounterTimeline => ({
  sessionId: r.id,
  municipalityCode: r.municipality_code,
  ticketNumber: r.ticket_number,
  status: r.status,
  ...(JSON.parse(r.timeline_json) as TimelineJson),
});

export class SqliteCounterSessionRepository implements CounterSessionRepository {
  constructor(
    private readonly db: Db,
    private readonly cipher: DataCipher,
  ) {}

  private fromRow(r: Row): CounterSessionRecord {
    return {
      ...timelineOf(r),
      day: r.day,
      guideId: r.guide_id,
      revision: r.revision,
      work: this.cipher.openJson(r.work_json) as CounterSessionRecord['work'],
      pairingCodeHash: r.pairing_code_hash,
      pairingExpiresAt: r.pairing_expires_at,
      tabletTokenHash: r.tablet_token_hash,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  private params(r: CounterSessionRecord) {
    return {
      id: r.sessionId,
      municipalityCode: r.municipalityCode,
      day: r.day,
      status: r.status,
      guideId: r.guideId,
      timeline: timelineJson(r),
      work: this.cipher.sealJson(r.work),
      pairingCodeHash: r.pairingCodeHash,
      pairingExpiresAt: r.pairingExpiresAt,
      tabletTokenHash: r.tabletTokenHash,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  }

  async create(record: CounterSessionRecord): Promise<CounterSessionRecord> {
    guarded(() =>
      this.db.transaction(() => {
        // Numbered in the same transaction as the insert: two clerks opening visits at once get two numbers.
        const { n } = this.db.prepare('SELECT COUNT(*) AS n FROM counter_sessions WHERE municipality_code = ? AND day = ?').get(record.municipalityCode, record.day) as { n: number };
        this.db
          .prepare(
            `INSERT INTO counter_sessions (id, municipality_code, day, ticket_number, status, revision, guide_id, timeline_json, work_json,
               pairing_code_hash, pairing_expires_at, tablet_token_hash, created_at, updated_at)
             VALUES (@id, @municipalityCode, @day, @ticketNumber, @status, 1, @guideId, @timeline, @work, @pairingCodeHash, @pairingExpiresAt, @tabletTokenHash, @createdAt, @updatedAt)`,
          )
          .run({ ...this.params(record), ticketNumber: String(n + 1).padStart(3, '0') });
      })(),
    );
    return (await this.get(record.sessionId))!;
  }

  async get(id: string): Promise<CounterSessionRecord | null> {
    const r = this.db.prepare('SELECT * FROM counter_sessions WHERE id = ?').get(id) as Row | undefined;
    return r ? this.fromRow(r) : null;
  }

  async update(record: CounterSessionRecord, expectedRevision: number): Promise<CounterSessionRecord | null> {
    const res = guarded(() =>
      this.db
        .prepare(
          `UPDATE counter_sessions SET status = @status, revision = revision + 1, guide_id = @guideId, timeline_json = @timeline, work_json = @work,
             pairing_code_hash = @pairingCodeHash, pairing_expires_at = @pairingExpiresAt, tablet_token_hash = @tabletTokenHash, updated_at = @updatedAt
           WHERE id = @id AND revision = @expectedRevision`,
        )
        .run({ ...this.params(record), expectedRevision }),
    );
    return res.changes === 1 ? this.get(record.sessionId) : null;
  }

  async findByPairingCode(municipalityCode: string, codeHash: string, now: Date): Promise<CounterSessionRecord | null> {
    const r = this.db.prepare('SELECT * FROM counter_sessions WHERE pairing_code_hash = ? AND municipality_code = ? AND pairing_expires_at > ?').get(codeHash, municipalityCode, now.toISOString()) as
      Row | undefined;
    return r ? this.fromRow(r) : null;
  }

  async findByTabletToken(tokenHash: string): Promise<CounterSessionRecord | null> {
    const r = this.db.prepare('SELECT * FROM counter_sessions WHERE tablet_token_hash = ?').get(tokenHash) as Row | undefined;
    return r ? this.fromRow(r) : null;
  }

  async unendedBefore(before: Date, limit: number): Promise<CounterSessionRecord[]> {
    const rows = this.db.prepare("SELECT * FROM counter_sessions WHERE status != 'ended' AND created_at < ? ORDER BY created_at, id LIMIT ?").all(before.toISOString(), limit) as Row[];
    return rows.map((r) => this.fromRow(r));
  }

  async timelines(municipalityCode: string, from: Date, to: Date): Promise<CounterTimeline[]> {
    const rows = this.db
      .prepare('SELECT * FROM counter_sessions WHERE municipality_code = ? AND created_at >= ? AND created_at < ? ORDER BY created_at, id')
      .all(municipalityCode, from.toISOString(), to.toISOString()) as Row[];
    return rows.map(timelineOf);
  }
}
