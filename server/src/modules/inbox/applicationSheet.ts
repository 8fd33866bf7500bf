/**
 * The desk's PDF of one application (exports/applicationSheetPdf.ts) with what
 * it prints besides the answers looked up: the municipality's name, assignee,
 * counter clerk and the attachments' names. Used by the single download and by
 * the one-file print of many (bulkService.ts).
 */
import type { FormVersion, Submission } from '@madoguchi/shared';
import type { Storage, SubmissionMeta } from '../../storage/types';
import { renderApplicationSheet } from '../exports/applicationSheetPdf';
import type { InboxLookups } from './lookups';

export interface SheetDeps {
  storage: Storage;
  lookups: InboxLookups;
  municipalityName: (code: string) => string;
}

export async function applicationSheetFor(deps: SheetDeps, loaded: { submission: Submission; meta: SubmissionMeta; version: FormVersion }, revealSensitive: boolean): Promise<Buffer> {
  const { submission, meta, version } = loaded;
  const files = await Promise.all(Object.entries(submission.attachments).flatMap(([specId, ids]) => ids.map(async (id) => ({ specId, meta: await deps.storage.files.getMeta(id) }))));
  return renderApplicationSheet(submission, version, {
    municipalityName: deps.municipalityName(meta.municipalityCode),
    revision: meta.revision,
    ...(submission.assigneeId ? { assigneeName: (await deps.lookups.userName(submission.assigneeId)) ?? '' } : {}),
    ...(submission.counter ? { clerkName: (await deps.lookups.userName(submission.counter.servedBy)) ?? submission.counter.servedBy } : {}),
    attachments: files.filter((f) => f.meta).map((f) => ({ label: version.procedure.attachments.find((a) => a.id === f.specId)?.label ?? f.specId, fileName: f.meta!.fileName, size: f.meta!.size })),
    revealSensitive,
  });
}
