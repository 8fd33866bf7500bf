/**
 * Capacity in SQLite (issue #22). `takeCapacity` and `releaseCapacity` run inside the submission's own
 * write (the insert's savepoint of the group commit, the status move's transaction): the conditional
 * UPDATE `taken + n <= capacity` and the CHECK on the table make an overbooking impossible, and a
 * refused take rolls the submission back with it.
 */
import type { CapacityTake } from '@madoguchi/shared';
import { CapacityBelowTakenError, CapacityFullError, type CapacityHold, type CapacityKey, type CapacityRepository, type CapacitySlot } from '../capacityTypes';
import { guarded, type Db } from './database';

interface SlotRow {
  municipality_code: string;
  procedure_id: string;
  field_path: string;
  option_value: string;
  capacity: number;
  schema_limit: number;
  taken: number;
  updated_at: string;
}

const toSlot = (r: SlotRow): CapacitySlot => ({
  municipalityCode: r.municipality_code,
  procedureId: r.procedure_id,
  fieldPath: r.field_path,
  option: r.option_value,
  capacity: r.capacity,
  schemaLimit: r.schema_limit,
  taken: r.taken,
  updatedAt: r.updated_at,
});

const KEY = 'municipality_code = @municipalityCode AND procedure_id = @procedureId AND field_path = @fieldPath AND option_value = @option';

/**
 * Creates the option's row from the schema's number on first use, and applies a changed schema number
 * (a new version) once, never below what is taken; a capacity staff set stays while the schema's number does.
 */
function ensureSlot(db: Db, key: CapacityKey, schemaLimit: number, at: string): void {
  db.prepare(
    `INSERT INTO capacity_slots (municipality_code, procedure_id, field_path, option_value, capacity, schema_limit, taken, updated_at)
     VALUES (@municipalityCode, @procedureId, @fieldPath, @option, @schemaLimit, @schemaLimit, 0, @at)
     ON CONFLICT (municipality_code, procedure_id, field_path, option_value) DO UPDATE
       SET capacity = MAX(excluded.capacity, taken), schema_limit = excluded.schema_limit, updated_at = excluded.updated_at
       WHERE schema_limit <> excluded.schema_limit`,
  ).run({ ...key, schemaLimit, at });
}

/** Takes the places of a new submission, in the caller's transaction; a full option throws CapacityFullError. */
export function takeCapacity(db: Db, s: { id: string; municipalityCode: string; procedureId: string; createdAt: string }, takes: readonly CapacityTake[]): void {
  for (const take of takes) {
    const key = { municipalityCode: s.municipalityCode, procedureId: s.procedureId, fieldPath: take.fieldPath, option: take.option };
    ensureSlot(db, key, take.schemaLimit, s.createdAt);
    const taken = db.prepare(`UPDATE capacity_slots SET taken = taken + @places WHERE ${KEY} AND taken + @places <= capacity`).run({ ...key, places: take.places });
    if (taken.changes !== 1) throw new CapacityFullError(take);
    db.prepare(
      `INSERT INTO capacity_holds (submission_id, municipality_code, procedure_id, field_path, option_value, places, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(s.id, s.municipalityCode, s.procedureId, take.fieldPath, take.option, take.places, s.createdAt);
  }
}

/** Frees every place a submission still holds, in the caller's transaction; a second call finds none. */
export function releaseCapacity(db: Db, submissionId: string, at: string): void {
  const holds = db.prepare('SELECT municipality_code, procedure_id, field_path, option_value, places FROM capacity_holds WHERE submission_id = ? AND released_at IS NULL').all(submissionId) as Array<{
    municipality_code: string;
    procedure_id: string;
    field_path: string;
    option_value: string;
    places: number;
  }>;
  for (const h of holds) {
    db.prepare('UPDATE capacity_slots SET taken = MAX(0, taken - ?) WHERE municipality_code = ? AND procedure_id = ? AND field_path = ? AND option_value = ?').run(
      h.places,
      h.municipality_code,
      h.procedure_id,
      h.field_path,
      h.option_value,
    );
  }
  if (holds.length) db.prepare('UPDATE capacity_holds SET released_at = ? WHERE submission_id = ? AND released_at IS NULL').run(at, submissionId);
}

/** A corrected application's places: those held are given back and `takes` taken, in the caller's transaction. */
export function rebookCapacity(db: Db, s: { id: string; municipalityCode: string; procedureId: string }, takes: readonly CapacityTake[], at: string): void {
  releaseCapacity(db, s.id, at);
  db.prepare('DELETE FROM capacity_holds WHERE submission_id = ? AND released_at IS NOT NULL').run(s.id);
  takeCapacity(db, { ...s, createdAt: at }, takes);
}

export class SqliteCapacityRepository implements CapacityRepository {
  constructor(private readonly db: Db) {}

  async list(municipalityCode: string, procedureId: string) {
    const rows = guarded(() =>
      this.db.prepare('SELECT * FROM capacity_slots WHERE municipality_code = ? AND procedure_id = ? ORDER BY field_path, option_value').all(municipalityCode, procedureId),
    ) as SlotRow[];
    return rows.map(toSlot);
  }

  async setCapacity(key: CapacityKey, capacity: number, schemaLimit: number, at: string) {
    return guarded(() =>
      this.db
        .transaction(() => {
          ensureSlot(this.db, key, schemaLimit, at);
          const row = this.db.prepare(`SELECT * FROM capacity_slots WHERE ${KEY}`).get(key) as SlotRow;
          if (capacity < row.taken) throw new CapacityBelowTakenError(row.taken);
          this.db.prepare(`UPDATE capacity_slots SET capacity = @capacity, updated_at = @at WHERE ${KEY}`).run({ ...key, capacity, at });
          return toSlot(this.db.prepare(`SELECT * FROM capacity_slots WHERE ${KEY}`).get(key) as SlotRow);
        })
        .immediate(),
    );
  }

  async holds(municipalityCode: string, procedureId: string): Promise<CapacityHold[]> {
    const rows = guarded(() =>
      this.db.prepare('SELECT * FROM capacity_holds WHERE municipality_code = ? AND procedure_id = ? ORDER BY created_at, submission_id').all(municipalityCode, procedureId),
    ) as Array<{ submission_id: string; field_path: string; option_value: string; places: number; created_at: string; released_at: string | null }>;
    return rows.map((r) => ({
      submissionId: r.submission_id,
      fieldPath: r.field_path,
      option: r.option_value,
      places: r.places,
      createdAt: r.created_at,
      ...(r.released_at ? { releasedAt: r.released_at } : {}),
    }));
  }
}
