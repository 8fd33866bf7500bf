/**
 * Publishing a document as a new immutable version: the publish checks first,
 * then a draft (the procedure's pending draft is reused) published in one
 * step, which retires the version before it. Submissions keep pointing at the
 * version they were made on.
 */
import { checkDraft, type FormDocument, type FormVersion } from '@madoguchi/shared';
import type { Storage } from '../../storage/types';
import { patternCheckFailed, publishCheckFailed } from './catalogErrors';
import { documentHash } from './documents';
import { publishVersion, replaceDraft } from '../procedures/versionLifecycle';
import { unsafePatternProblems } from './patternSafety';

/** What publishing did. */
export interface PublishOutcome {
  version: FormVersion;
  /** True when the published version already had this content: nothing new was published. */
  unchanged: boolean;
}

/** Refuses (422) a document that fails the publish checks, its patterns' ReDoS check included. */
export async function assertPublishable(doc: FormDocument): Promise<void> {
  const problems = checkDraft(doc);
  // checkDraft already words bad pattern syntax; add only what the ReDoS check finds beyond it.
  for (const p of await unsafePatternProblems(doc)) if (!problems.some((q) => q.message === p.message)) problems.push(p);
  if (problems.length > 0) throw publishCheckFailed(problems);
}

/** Refuses (422) a document to be saved or imported whose patterns cannot be used (bad syntax or ReDoS). */
export async function assertSafePatterns(doc: FormDocument): Promise<void> {
  const problems = await unsafePatternProblems(doc);
  if (problems.length > 0) throw patternCheckFailed(problems);
}

/** Publishes `doc` (owned by `doc.procedure.owner`) unless the published version already has exactly this content. */
export async function publishDocument(storage: Storage, doc: FormDocument, now: Date): Promise<PublishOutcome> {
  await assertPublishable(doc);
  const { owner, id } = doc.procedure;
  const hash = documentHash(doc);
  const published = await storage.procedures.getPublished(owner, id);
  if (published?.contentHash === hash) return { version: published, unchanged: true };
  const input = { procedure: doc.procedure, schema: doc.schema, uiSchema: doc.uiSchema, contentHash: hash };
  const latest = await storage.procedures.getLatest(owner, id);
  const draft = latest?.status === 'draft' ? await replaceDraft(storage.procedures, { owner, procedureId: id, version: latest.version }, input) : await storage.procedures.createDraft(input, now);
  return { version: await publishVersion(storage.procedures, { owner, procedureId: id, version: draft.version }, now), unchanged: false };
}
