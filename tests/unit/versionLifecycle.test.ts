/**
 * The version lifecycle rules, above the store: refusals carry a message key
 * that is answered in the caller's language, and a write that loses a race
 * (the version moved between read and compare-and-set) is a conflict, not an
 * overwrite. Runs on the real SQLite adapter.
 */
import { randomBytes } from 'node:crypto';
import { createSqliteStorage } from '../../server/src/storage/sqlite';
import type { Storage } from '../../server/src/storage/types';
import { DataCipher } from '../../server/src/security/dataCipher';
import { ConflictError, NotFoundError } from '../../server/src/errors';
import { publishVersion, replaceDraft, retireVersion } from '../../server/src/modules/procedures/versionLifecycle';
import { makeTempDir } from '../helpers/tempDir';
import { formInput } from '../contract/fixtures';

const t0 = new Date('2026-11-01T00:00:00Z');
const ref = (version: number) => ({ owner: 'preset', procedureId: 'alpha', version });

describe('version lifecycle (draft → published → retired)', () => {
  let storage: Storage;
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
    storage = createSqliteStorage(dir.path, new DataCipher([randomBytes(32)]));
  });
  afterEach(async () => {
    await storage.close();
    dir.remove();
  });

  it('publishes a draft and retires the version published before it', async () => {
    await storage.procedures.createDraft(formInput('alpha'), t0);
    await publishVersion(storage.procedures, ref(1), t0);
    await storage.procedures.createDraft(formInput('alpha', 'preset', 'h2'), t0);
    const v2 = await publishVersion(storage.procedures, ref(2), t0);
    expect(v2.status).toBe('published');
    expect((await storage.procedures.getVersion('preset', 'alpha', 1))!.status).toBe('retired');
  });

  it('refuses to change or republish a published version, in Japanese and in English', async () => {
    await storage.procedures.createDraft(formInput('alpha'), t0);
    await publishVersion(storage.procedures, ref(1), t0);
    const change = await replaceDraft(storage.procedures, ref(1), formInput('alpha', 'preset', 'changed')).catch((e: unknown) => e);
    expect(change).toBeInstanceOf(ConflictError);
    expect((change as ConflictError).code).toBe('version_immutable');
    expect((change as ConflictError).messageIn('ja')).toBe('公開済みの版は変更できません。新しい版を作成してください。');
    expect((change as ConflictError).messageIn('en')).toBe('A published version cannot be changed. Please create a new version.');
    await expect(publishVersion(storage.procedures, ref(1), t0)).rejects.toMatchObject({ code: 'not_a_draft' });
    expect((await storage.procedures.getVersion('preset', 'alpha', 1))!.contentHash).toBe('h1');
  });

  it('retires only the published version, and names an unknown version as not found', async () => {
    await storage.procedures.createDraft(formInput('alpha'), t0);
    await expect(retireVersion(storage.procedures, ref(1), t0)).rejects.toMatchObject({ code: 'not_published' });
    await expect(publishVersion(storage.procedures, ref(7), t0)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a draft published by someone else between the check and the write is a conflict, never a second publication', async () => {
    await storage.procedures.createDraft(formInput('alpha'), t0);
    // The other writer wins right after our read: simulate it by publishing when the rule check reads the version.
    const procedures = storage.procedures;
    const racing = Object.create(procedures) as typeof procedures;
    racing.getVersion = async (...args) => {
      const seen = await procedures.getVersion(...args);
      await procedures.publishDraft('preset', 'alpha', 1, new Date('2026-11-02T00:00:00Z'));
      return seen;
    };
    await expect(publishVersion(racing, ref(1), t0)).rejects.toMatchObject({ code: 'version_moved' });
    expect((await procedures.getVersion('preset', 'alpha', 1))!.publishedAt).toBe('2026-11-02T00:00:00.000Z');
  });
});
