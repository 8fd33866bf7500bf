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
    if (!ok) throw new BadRequestError(en ? 'The draft is incomplete.' : '一時保存のデータが正しくありません。', 'bad_draft');
    await this.catalog.current(body.municipalityCode, body.procedureId);
    return {
      municipalityCode: body.municipalityCode,
      procedureId: body.procedureId,
      formVersion: body.formVersion,
      data: body.data,
      attachments: body.attachments ?? {},
      uploadToken: body.uploadToken,
    };
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
      payload: JSON.stringify({ data: clean.data, attachments: clean.attachments, uploadToken: clean.uploadToken }),
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
      payload: JSON.stringify({ data: clean.data, attachments: clean.attachments, uploadToken: clean.uploadToken }),
    });
    return { expiresAt };
  }

  async get(id: string, secret: string, language: Language): Promise<DraftView> {
    const draft = await this.authorised(id, secret, language);
    const payload = JSON.parse(draft.payload) as Pick<DraftBody, 'data' | 'attachments' | 'uploadToken'>;
    return { municipalityCode: draft.municipalityCode, procedureId: draft.procedureId, formVersion: draft.formVersion, ...payload, updatedAt: draft.updatedAt, expiresAt: draft.expiresAt };
  }

  async remove(id: string, secret: string, language: Language): Promise<void> {
    await this.authorised(id, secret, language);
    await this.storage.drafts.delete(id);
  }
}
