/** Reading form documents out of stored versions, and hashing them the way preset sync does. */
import { PRESET_OWNER, type FormDocument, type FormVersion } from '@madoguchi/shared';
import { NotFoundError } from '../../errors';
import type { Storage } from '../../storage/types';
import { contentHash } from '../procedures/contentHash';
import { msg } from '../../i18n/messages';

/** The document a stored version holds. */
export const documentOf = (v: FormVersion): FormDocument => ({ procedure: v.procedure, schema: v.schema, uiSchema: v.uiSchema });

/** The same hash presetSync gives a preset file, so an unchanged document is recognised as such. */
export const documentHash = (doc: FormDocument): string => contentHash({ procedure: doc.procedure, schema: doc.schema, uiSchema: doc.uiSchema });

/** The published version of a preset (404 when there is none). */
export async function publishedPreset(storage: Storage, presetId: string): Promise<FormVersion> {
  const version = await storage.procedures.getPublished(PRESET_OWNER, presetId);
  if (!version) throw new NotFoundError(msg('presetNotFound'), 'preset_not_found');
  return version;
}

/** One version of a preset (404 when unknown). */
export async function presetVersion(storage: Storage, presetId: string, version: number): Promise<FormVersion> {
  const found = await storage.procedures.getVersion(PRESET_OWNER, presetId, version);
  if (!found) throw new NotFoundError(msg('presetVersionNotFound'), 'version_not_found');
  return found;
}
