/**
 * Push targets, as a municipal admin configures them: one procedure, an https
 * endpoint (the webhook address rules), a signing secret shown once, the
 * events that trigger a push and the field mapping. A mapping is checked
 * against the procedure's current form: every bad row is named (422) and
 * nothing is stored; a sensitive answer (個人番号 …) is accepted only with the
 * admin's explicit confirmation.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { PRESET_OWNER, SUBMISSION_STATUSES, type FieldError, type FormVersion, type Language, type SubmissionStatus } from '@madoguchi/shared';
import { BadRequestError, NotFoundError, ValidationError } from '../../errors';
import {
  OUTBOX_EVENT_TYPES,
  PUSH_META_FIELDS,
  type Delivery,
  type DeliveryStatus,
  type OutboxEventType,
  type PushMappingRow,
  type PushMetaField,
  type PushTarget,
  type PushTargetPatch,
  type Storage,
} from '../../storage/types';
import type { WebhookAddressPolicy } from './webhookAddresses';
import { pointerExists, pointerIsSensitive, pushFields, type PushField } from './pushFields';
import { pushText } from './pushMessages';
import { pushUrlRefusal } from './pushUrl';

/** A push target as admins see it: the secret only right after creation or rotation. */
export type PushTargetView = Omit<PushTarget, 'secret'>;
const view = ({ secret: _s, ...rest }: PushTarget): PushTargetView => rest;

export interface PushTargetInput {
  procedureId?: unknown;
  name?: unknown;
  url?: unknown;
  events?: unknown;
  statuses?: unknown;
  includePdf?: unknown;
  mapping?: unknown;
  sensitiveConfirmed?: unknown;
  active?: unknown;
  rotateSecret?: unknown;
}

const MAX_ROWS = 100;
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;

export class PushService {
  constructor(
    private readonly storage: Storage,
    private readonly options: { addresses: WebhookAddressPolicy; allowLoopbackHttp: boolean },
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The procedure's current form version (the municipality's own, else the national preset's). */
  async currentForm(municipalityCode: string, procedureId: unknown, language: Language): Promise<FormVersion> {
    const form =
      typeof procedureId === 'string' && procedureId
        ? ((await this.storage.procedures.getLatest(municipalityCode, procedureId)) ?? (await this.storage.procedures.getLatest(PRESET_OWNER, procedureId)))
        : null;
    if (!form) throw new BadRequestError(pushText(language, 'procedure'), 'procedure_not_found');
    return form;
  }

  /** What the mapping editor offers: every answer by its label, and the submission facts. */
  async fields(municipalityCode: string, procedureId: string, language: Language): Promise<{ formVersion: number; fields: PushField[]; meta: readonly PushMetaField[] }> {
    const form = await this.currentForm(municipalityCode, procedureId, language);
    return { formVersion: form.version, fields: pushFields(form.schema), meta: PUSH_META_FIELDS };
  }

  private checkUrl(url: unknown, language: Language): string {
    const bad = new BadRequestError(pushText(language, 'url'), 'bad_url');
    if (typeof url !== 'string' || url.length > 2000) throw bad;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw bad;
    }
    const refusal = pushUrlRefusal(parsed, this.options.addresses, this.options.allowLoopbackHttp);
    if (refusal === 'address') throw new BadRequestError(pushText(language, 'addressRefused'), 'push_address_refused');
    if (refusal) throw bad;
    return parsed.toString();
  }

  private checkName(name: unknown, language: Language): string {
    const trimmed = typeof name === 'string' ? name.trim() : '';
    if (!trimmed || trimmed.length > 100) throw new BadRequestError(pushText(language, 'name'), 'bad_name');
    return trimmed;
  }

  private checkEvents(events: unknown, language: Language): OutboxEventType[] {
    if (!Array.isArray(events) || events.length === 0 || !events.every((e) => (OUTBOX_EVENT_TYPES as readonly string[]).includes(e))) {
      throw new BadRequestError(pushText(language, 'events'), 'bad_events');
    }
    return [...new Set(events as OutboxEventType[])];
  }

  private checkStatuses(statuses: unknown, language: Language): SubmissionStatus[] {
    if (statuses === undefined || statuses === null) return [];
    if (!Array.isArray(statuses) || !statuses.every((s) => (SUBMISSION_STATUSES as readonly string[]).includes(s))) throw new BadRequestError(pushText(language, 'statuses'), 'bad_status');
    return [...new Set(statuses as SubmissionStatus[])];
  }

  /** Every row checked against the form; all problems reported at once (422, one field error per bad row). */
  checkMapping(form: FormVersion, mapping: unknown, sensitiveConfirmed: boolean, language: Language): PushMappingRow[] {
    if (!Array.isArray(mapping) || mapping.length > MAX_ROWS) throw new BadRequestError(pushText(language, 'mappingShape'), 'bad_mapping');
    const labels = new Map(pushFields(form.schema).map((f) => [f.pointer, f.label]));
    const errors: FieldError[] = [];
    const rows: PushMappingRow[] = [];
    const seen = new Set<string>();
    mapping.forEach((raw: unknown, i) => {
      const row = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
      const field = typeof row.field === 'string' ? row.field.trim() : '';
      const fail = (keyword: string, message: string) => errors.push({ pointer: `/mapping/${i}`, property: `.mapping[${i}]`, label: field || `${i + 1}`, keyword, message: `${i + 1}: ${message}` });
      if (!FIELD_NAME.test(field)) return fail('field', pushText(language, 'rowField'));
      if (seen.has(field)) return fail('duplicate', pushText(language, 'rowDuplicate', { field }));
      seen.add(field);
      if (row.source === 'meta') {
        if (!(PUSH_META_FIELDS as readonly unknown[]).includes(row.meta)) return fail('meta', pushText(language, 'rowMeta'));
        rows.push({ field, source: 'meta', meta: row.meta as PushMetaField });
        return;
      }
      const pointer = typeof row.pointer === 'string' ? row.pointer : '';
      if (row.source !== 'answer' || !pointerExists(form.schema, pointer)) return fail('pointer', pushText(language, 'rowPointer', { pointer: pointer.slice(0, 100) }));
      if (pointerIsSensitive(form.schema, pointer) && !sensitiveConfirmed) return fail('sensitive', pushText(language, 'rowSensitive', { label: labels.get(pointer) ?? pointer }));
      rows.push({ field, source: 'answer', pointer });
    });
    if (errors.length) {
      const numbers = errors.map((e) => Number(e.pointer.split('/')[2]) + 1).join(language === 'en' ? ', ' : '・');
      throw new ValidationError(pushText(language, 'mappingInvalid', { rows: numbers }), errors);
    }
    return rows;
  }

  async create(municipalityCode: string, userId: string, body: PushTargetInput, language: Language): Promise<{ target: PushTargetView; secret: string }> {
    const form = await this.currentForm(municipalityCode, body.procedureId, language);
    const sensitiveConfirmed = body.sensitiveConfirmed === true;
    const at = this.now().toISOString();
    const target: PushTarget = {
      id: randomUUID(),
      municipalityCode,
      procedureId: form.procedureId,
      name: this.checkName(body.name, language),
      url: this.checkUrl(body.url, language),
      secret: randomBytes(32).toString('base64url'),
      events: this.checkEvents(body.events, language),
      statuses: this.checkStatuses(body.statuses, language),
      includePdf: body.includePdf === true,
      mapping: this.checkMapping(form, body.mapping ?? [], sensitiveConfirmed, language),
      sensitiveConfirmed,
      active: body.active !== false,
      createdAt: at,
      createdBy: userId,
      updatedAt: at,
    };
    await this.storage.pushTargets.create(target);
    await this.audit(userId, 'push_target.created', target, this.summary(target));
    return { target: view(target), secret: target.secret };
  }

  async list(municipalityCode: string): Promise<PushTargetView[]> {
    return (await this.storage.pushTargets.list(municipalityCode)).map(view);
  }

  async get(municipalityCode: string, id: string, language: Language): Promise<PushTarget> {
    const found = await this.storage.pushTargets.get(id);
    if (!found || found.municipalityCode !== municipalityCode) throw new NotFoundError(pushText(language, 'notFound'), 'push_target_not_found');
    return found;
  }

  async update(municipalityCode: string, id: string, userId: string, body: PushTargetInput, language: Language): Promise<{ target: PushTargetView; secret?: string }> {
    const current = await this.get(municipalityCode, id, language);
    const patch: PushTargetPatch = {};
    if (body.name !== undefined) patch.name = this.checkName(body.name, language);
    if (body.url !== undefined) patch.url = this.checkUrl(body.url, language);
    if (body.events !== undefined) patch.events = this.checkEvents(body.events, language);
    if (body.statuses !== undefined) patch.statuses = this.checkStatuses(body.statuses, language);
    if (typeof body.includePdf === 'boolean') patch.includePdf = body.includePdf;
    if (typeof body.active === 'boolean') patch.active = body.active;
    if (typeof body.sensitiveConfirmed === 'boolean') patch.sensitiveConfirmed = body.sensitiveConfirmed;
    // The mapping is re-checked whenever it or the confirmation changes: withdrawing the confirmation must not leave 個人番号 mapped.
    if (body.mapping !== undefined || patch.sensitiveConfirmed !== undefined) {
      const form = await this.currentForm(municipalityCode, current.procedureId, language);
      patch.mapping = this.checkMapping(form, body.mapping ?? current.mapping, patch.sensitiveConfirmed ?? current.sensitiveConfirmed, language);
    }
    if (body.rotateSecret === true) patch.secret = randomBytes(32).toString('base64url');
    const updated = await this.storage.pushTargets.update(id, patch, this.now());
    await this.audit(userId, 'push_target.updated', updated, { changed: Object.keys(patch).map((k) => (k === 'secret' ? 'secret (rotated)' : k)), ...this.summary(updated) });
    return { target: view(updated), ...(patch.secret ? { secret: patch.secret } : {}) };
  }

  async remove(municipalityCode: string, id: string, userId: string, language: Language): Promise<void> {
    const found = await this.get(municipalityCode, id, language);
    await this.storage.pushTargets.delete(id);
    await this.audit(userId, 'push_target.deleted', found, { url: found.url });
  }

  /** The delivery log of the municipality's push targets (or of one), newest first. */
  async deliveries(municipalityCode: string, filter: { targetId?: string; status?: DeliveryStatus }, limit = 100): Promise<Delivery[]> {
    const ids = new Set((await this.storage.pushTargets.list(municipalityCode)).map((t) => t.id));
    const all = await this.storage.deliveries.list({
      municipalityCode,
      ...(filter.targetId ? { targetId: filter.targetId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      limit: limit * 4,
    });
    return all.filter((d) => d.channel === 'push' && ids.has(d.targetId)).slice(0, limit);
  }

  /** What the audit trail keeps of a configuration: where personal data goes and which answers (pointers, never values). */
  private summary(t: PushTarget) {
    return { url: t.url, procedureId: t.procedureId, events: t.events, includePdf: t.includePdf, fields: t.mapping.map((r) => r.field), sensitiveConfirmed: t.sensitiveConfirmed };
  }

  private async audit(actor: string, action: string, t: PushTarget, details: Record<string, unknown>) {
    await this.storage.audit.append({ at: this.now().toISOString(), actor, action, municipalityCode: t.municipalityCode, targetType: 'push-target', targetId: t.id, details });
  }
}
