/**
 * Capacity (定員) of choice options (issue #22): what is left per option for residents (cheap, nothing
 * personal), the bookings per option for the desk, and staff raising or lowering a capacity (never
 * below what is taken; audited). Places are taken by intake and freed by the workflow, each inside
 * the submission's own write (storage/capacityTypes.ts).
 */
import { capacityFields, liveCapacity, type CapacityAvailability, type CapacityField, type CapacityOptionState, type FormVersion, type Language } from '@madoguchi/shared';
import { BadRequestError, NotFoundError } from '../../errors';
import type { CapacitySlot, Storage } from '../../storage/types';

const MAX_CAPACITY = 1_000_000;
const say = (language: Language, ja: string, en: string) => (language === 'en' ? en : ja);

export interface CapacityBooking {
  submissionId: string;
  receiptNumber: string;
  status: string;
  places: number;
  createdAt: string;
}

export interface CapacityBookingsView {
  procedureId: string;
  title: string;
  fields: Array<{ path: string; title: string; options: Array<CapacityOptionState & { bookings: CapacityBooking[] }> }>;
}

/** The fields whose places count: those outside repeating groups (the publish checks refuse the others). */
const limitedFields = (version: FormVersion): CapacityField[] => capacityFields(version.schema).filter((f) => !f.inArray);

function optionStates(field: CapacityField, slots: readonly CapacitySlot[]): CapacityOptionState[] {
  return field.options.map((option) => {
    const limit = field.rule.limits[option];
    if (typeof limit !== 'number') return { option, capacity: null, taken: 0, remaining: null };
    const live = liveCapacity(
      slots.find((s) => s.fieldPath === field.path && s.option === option),
      limit,
    );
    return { option, capacity: live.capacity, taken: live.taken, remaining: Math.max(0, live.capacity - live.taken) };
  });
}

export class CapacityService {
  constructor(
    private readonly storage: Storage,
    /** The version residents fill in now (the catalog's current one). */
    private readonly current: (code: string, procedureId: string) => Promise<FormVersion>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Remaining places per option of every limited field; empty `fields` when the procedure has none. */
  async availability(code: string, procedureId: string): Promise<CapacityAvailability> {
    const version = await this.current(code, procedureId);
    const fields = limitedFields(version);
    const slots = fields.length ? await this.storage.capacity.list(code, procedureId) : [];
    return { procedureId, fields: fields.map((f) => ({ path: f.path, title: f.title, options: optionStates(f, slots) })) };
  }

  /** Taken/capacity per option and the submissions holding places, for the desk. */
  async bookings(code: string, procedureId: string): Promise<CapacityBookingsView> {
    const version = await this.current(code, procedureId);
    const fields = limitedFields(version);
    const [slots, holds] = fields.length ? await Promise.all([this.storage.capacity.list(code, procedureId), this.storage.capacity.holds(code, procedureId)]) : [[], []];
    const active = holds.filter((h) => !h.releasedAt);
    const metas = new Map(await Promise.all(active.map(async (h) => [h.submissionId, await this.storage.inbox.getMeta(h.submissionId)] as const)));
    return {
      procedureId,
      title: version.procedure.title,
      fields: fields.map((f) => ({
        path: f.path,
        title: f.title,
        options: optionStates(f, slots).map((o) => ({
          ...o,
          bookings: active
            .filter((h) => h.fieldPath === f.path && h.option === o.option)
            .map((h) => ({
              submissionId: h.submissionId,
              receiptNumber: metas.get(h.submissionId)?.receiptNumber ?? '',
              status: metas.get(h.submissionId)?.status ?? '',
              places: h.places,
              createdAt: h.createdAt,
            })),
        })),
      })),
    };
  }

  /** Sets an option's capacity (raise, or lower to no less than what is taken); audited. */
  async setCapacity(userId: string, code: string, procedureId: string, body: { field?: unknown; option?: unknown; capacity?: unknown }, language: Language): Promise<CapacityOptionState> {
    const { capacity } = body;
    if (typeof capacity !== 'number' || !Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY) {
      throw new BadRequestError(say(language, `定員は1〜${MAX_CAPACITY}の整数で入力してください。`, `Enter the capacity as a whole number from 1 to ${MAX_CAPACITY}.`), 'bad_capacity');
    }
    const version = await this.current(code, procedureId);
    const field = limitedFields(version).find((f) => f.path === body.field);
    const limit = field && typeof body.option === 'string' ? field.rule.limits[body.option] : undefined;
    if (!field || typeof limit !== 'number') {
      throw new NotFoundError(say(language, '定員のある選択肢が見つかりません。', 'No option with a capacity was found.'), 'capacity_option_not_found');
    }
    const option = body.option as string;
    const at = this.now().toISOString();
    const before = liveCapacity(
      (await this.storage.capacity.list(code, procedureId)).find((s) => s.fieldPath === field.path && s.option === option),
      limit,
    );
    const slot = await this.storage.capacity.setCapacity({ municipalityCode: code, procedureId, fieldPath: field.path, option }, capacity, limit, at);
    await this.storage.audit.append({
      at,
      actor: userId,
      action: 'capacity.set',
      municipalityCode: code,
      targetType: 'procedure',
      targetId: procedureId,
      details: { field: field.path, option, from: before.capacity, to: slot.capacity, taken: slot.taken },
    });
    return { option, capacity: slot.capacity, taken: slot.taken, remaining: slot.capacity - slot.taken };
  }
}
