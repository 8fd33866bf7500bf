/**
 * API keys of back-office systems (基幹系・ケース管理): created and revoked by a
 * municipal admin, shown once, stored as a sha256 hash only, scoped to read or
 * read-write. A key reads `mdg_<id>_<secret>`: the id finds the record, the
 * secret is compared in constant time.
 */
import { randomBytes } from 'node:crypto';
import type { Language } from '@madoguchi/shared';
import { BadRequestError, NotFoundError } from '../../errors';
import { API_KEY_SCOPES, type ApiKey, type ApiKeyScope, type Storage } from '../../storage/types';
import { matchesHash, sha256Hex } from '../../security/keys';
import { inboxText } from '../inbox/messages';

export const API_KEY_PREFIX = 'mdg';
const TOKEN = /^mdg_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
/** Recording every use would write on every call; once a minute is precise enough for "last used". */
const TOUCH_EVERY_MS = 60_000;

/** A key as admins see it: never the hash. */
export type ApiKeyView = Omit<ApiKey, 'secretHash'>;
export const keyView = ({ secretHash: _hash, ...rest }: ApiKey): ApiKeyView => rest;

export class ApiKeyService {
  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(municipalityCode: string, userId: string, body: { name?: unknown; scope?: unknown }, language: Language): Promise<{ key: ApiKeyView; token: string }> {
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    if (!name || name.length > 100) throw new BadRequestError(inboxText(language, 'apiKeyName'), 'bad_name');
    if (!API_KEY_SCOPES.includes(body.scope as ApiKeyScope)) throw new BadRequestError(inboxText(language, 'apiKeyScope'), 'bad_scope');
    const id = randomBytes(8).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    const at = this.now().toISOString();
    const key: ApiKey = { id, municipalityCode, name, scope: body.scope as ApiKeyScope, secretHash: sha256Hex(secret), createdAt: at, createdBy: userId };
    await this.storage.apiKeys.create(key);
    await this.audit(userId, 'api_key.created', key, { name, scope: key.scope });
    return { key: keyView(key), token: `${API_KEY_PREFIX}_${id}_${secret}` };
  }

  async list(municipalityCode: string): Promise<ApiKeyView[]> {
    return (await this.storage.apiKeys.list(municipalityCode)).map(keyView);
  }

  async revoke(municipalityCode: string, keyId: string, userId: string, language: Language): Promise<ApiKeyView> {
    const key = await this.storage.apiKeys.findById(keyId);
    if (!key || key.municipalityCode !== municipalityCode) throw new NotFoundError(inboxText(language, 'apiKeyNotFound'), 'api_key_not_found');
    const revoked = await this.storage.apiKeys.revoke(keyId, userId, this.now());
    await this.audit(userId, 'api_key.revoked', key, {});
    return keyView(revoked);
  }

  /** The active key a bearer token names, or null (unknown, wrong secret, revoked). */
  async verify(token: string): Promise<ApiKey | null> {
    const match = TOKEN.exec(token);
    if (!match) return null;
    const key = await this.storage.apiKeys.findById(match[1]!);
    if (!key || key.revokedAt || !matchesHash(match[2]!, key.secretHash)) return null;
    const now = this.now();
    if (!key.lastUsedAt || now.getTime() - Date.parse(key.lastUsedAt) > TOUCH_EVERY_MS) await this.storage.apiKeys.touch(key.id, now);
    return key;
  }

  private async audit(actor: string, action: string, key: ApiKey, details: Record<string, unknown>) {
    await this.storage.audit.append({ at: this.now().toISOString(), actor, action, municipalityCode: key.municipalityCode, targetType: 'api-key', targetId: key.id, details });
  }
}
