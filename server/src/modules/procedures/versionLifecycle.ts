/**
 * The lifecycle of a form version: a draft may change and be published; the
 * published version may be retired; nothing else moves. These rules live here,
 * above the store: each step reads the version, checks the rule, then writes
 * through the port's compare-and-set, so a concurrent change is caught rather
 * than overwritten.
 */
import type { FormVersion, FormVersionStatus } from '@madoguchi/shared';
import { ConflictError, NotFoundError } from '../../errors';
import { msg, type MessageKey } from '../../i18n/messages';
import type { NewFormVersion, ProcedureRepository } from '../../storage/types';

interface Ref {
  owner: string;
  procedureId: string;
  version: number;
}

const REFUSAL: Record<'replace' | 'publish' | 'retire', { needs: FormVersionStatus; key: MessageKey; code: string }> = {
  replace: { needs: 'draft', key: 'versionImmutable', code: 'version_immutable' },
  publish: { needs: 'draft', key: 'notADraft', code: 'not_a_draft' },
  retire: { needs: 'published', key: 'notPublishedVersion', code: 'not_published' },
};

async function checked(procedures: ProcedureRepository, ref: Ref, step: keyof typeof REFUSAL): Promise<void> {
  const current = await procedures.getVersion(ref.owner, ref.procedureId, ref.version);
  if (!current) throw new NotFoundError(msg('versionNotFound'), 'version_not_found');
  const rule = REFUSAL[step];
  if (current.status !== rule.needs) throw new ConflictError(msg(rule.key), rule.code);
}

/** The compare-and-set found the version moved on between the read and the write. */
function moved(written: FormVersion | null): FormVersion {
  if (!written) throw new ConflictError(msg('versionMoved'), 'version_moved');
  return written;
}

export async function replaceDraft(procedures: ProcedureRepository, ref: Ref, input: NewFormVersion): Promise<FormVersion> {
  await checked(procedures, ref, 'replace');
  return moved(await procedures.replaceDraft(ref.owner, ref.procedureId, ref.version, input));
}

/** Publishes a draft; the version published until now is retired in the same write. */
export async function publishVersion(procedures: ProcedureRepository, ref: Ref, now: Date): Promise<FormVersion> {
  await checked(procedures, ref, 'publish');
  return moved(await procedures.publishDraft(ref.owner, ref.procedureId, ref.version, now));
}

/** Takes the published version out of the catalog (its submissions keep pointing at it). */
export async function retireVersion(procedures: ProcedureRepository, ref: Ref, now: Date): Promise<FormVersion> {
  await checked(procedures, ref, 'retire');
  return moved(await procedures.retirePublished(ref.owner, ref.procedureId, ref.version, now));
}
