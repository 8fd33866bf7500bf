/**
 * Drafts behind resume links: a resident saves unfinished answers and gets a
 * secret link to continue on another device, without an account. The secret
 * travels in the URL fragment (never sent to servers or logs) and only its
 * hash is stored; the answers are sealed at rest by the storage layer.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { DraftBody, DraftCreated, DraftView, Language } from '@madoguchi/shared';
import { BadRequestError, NotFoundError } from '../../errors';
import type { Storage } from '../../storage/types';
import { matchesHash, sha256Hex } from '../../security/keys';
import type { CatalogService } from '../procedures/catalogService';
import { UPLOAD_TOKEN } from '../uploads/uploadService';

export class DraftService {
  constructor(
    private readonly storage: Storage,
    private readonly catalog: CatalogService,
    private readonly ttlDays: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private expiry(): string {
    return new Date(this.now().getTime() + this.ttlDays * 86400_000).toISOString();
  }

  private async check(body: DraftBody, language: Language): Promise<DraftBody> {
    const en = language === 'en';
    const ok =
      body &&
      typeof body === 'object' &&
      typeof body.municipalityCode === 'string' &&
      typeof body.procedureId === 'string' &&
      Number.isInteger(body.formVersion) &&
      body.data &&
      typeof body.data === 'object' &&
      !Array.isArray(body.data) &&
      typeof body.uploadToken === 'string' &&
      UPLOAD_TOKEN.test(body.uploadToken) &&
      (body.attachments === undefined ||
        (typeof body.attachments === 'object' &&
          body.attachments !== null &&
          !Array.isArray(body.attachments) &&
          Object.values(body.attachments).every((v) => Array.isArray(v) && v.every((id) => typeof id === 'string'))));
    if (!ok || (body.bundle !== undefined && !bundleFits(body))) throw new BadRequestError(en ? 'The draft is incomplete.' : '一時保存のデータが正しくありません。', 'bad_draft');
    for (const procedureId of body.bundle?.procedureIds ?? [body.procedureId]) await this.catalog.current(body.municipalityCode, procedureId);
    return {
      municipalityCode: body.municipalityCode,
      procedureId: body.procedureId,
      formVersion: body.formVersion,
      data: body.data,
      attachments: body.attachments ?? {},
      uploadToken: body.uploadToken,
      ...(body.bundle ? { bundle: body.bundle } : {}),
    };
  }

  /** What a draft keeps behind its link, sealed at rest as one payload. */
  private payloadOf(clean: DraftBody): string {
    return JSON.stringify({ data: clean.data, attachments: clean.attachments, uploadToken: clean.uploadToken, ...(clean.bundle ? { bundle: clean.bundle } : {}) });
  }

  async create(body: DraftBody, language: Language): Promise<DraftCreated> {
    const clean = await this.check(body, language);
    const id = randomUUID();
    const secret = randomBytes(24).toString('base64url');
    const at = this.now().toISOString();
    const expiresAt = this.expiry();
    await this.storage.drafts.save({
      id,
      municipalityCode: clean.municipalityCode,
      procedureId: clean.procedureId,
      formVersion: clean.formVersion,
      secretHash: sha256Hex(secret),
      payload: this.payloadOf(clean),
      createdAt: at,
      updatedAt: at,
      expiresAt,
    });
    return { draftId: id, secret, expiresAt, resumePath: `/resume/${id}#${secret}` };
  }

  private async authorised(id: string, secret: string, language: Language) {
    const draft = await this.storage.drafts.get(id, this.now());
    if (!draft || !secret || !matchesHash(secret, draft.secretHash)) {
      throw new NotFoundError(language === 'en' ? 'This resume link is invalid or has expired.' : 'このリンクは無効か、保存期間が過ぎています。', 'draft_not_found');
    }
    return draft;
  }

  async update(id: string, secret: string, body: DraftBody, language: Language): Promise<{ expiresAt: string }> {
    const draft = await this.authorised(id, secret, language);
    const clean = await this.check(body, language);
    const expiresAt = this.expiry();
    await this.storage.drafts.save({
      ...draft,
      formVersion: clean.formVersion,
      updatedAt: this.now().toISOString(),
      expiresAt,
      payload: this.payloadOf(clean),
    });
    return { expiresAt };
  }

  async get(id: string, secret: string, language: Language): Promise<DraftView> {
    const draft = await this.authorised(id, secret, language);
    const payload = JSON.parse(draft.payload) as Pick<DraftBody, 'data' | 'attachments' | 'uploadToken' | 'bundle'>;
    return { municipalityCode: draft.municipalityCode, procedureId: draft.procedureId, formVersion: draft.formVersion, ...payload, updatedAt: draft.updatedAt, expiresAt: draft.expiresAt };
  }

  async remove(id: string, secret: string, language: Language): Promise<void> {
    await this.authorised(id, secret, language);
    await this.storage.drafts.delete(id);
  }
}

/** A bundle part names its first form (the draft's own procedure), at most 10 distinct procedures, and well-formed form drafts of those only. */
function bundleFits(body: DraftBody): boolean {
  const b = body.bundle!;
  const ids = b.procedureIds;
  const forms = b.forms && typeof b.forms === 'object' ? Object.entries(b.forms) : null;
  return (
    Array.isArray(ids) &&
    ids.length >= 1 &&
    ids.length <= 10 &&
    new Set(ids).size === ids.length &&
    ids[0] === body.procedureId &&
    forms !== null &&
    forms.every(([id, f]) => ids.includes(id) && f && typeof f.data === 'object' && f.data !== null && typeof f.uploadToken === 'string' && UPLOAD_TOKEN.test(f.uploadToken))
  );
}
