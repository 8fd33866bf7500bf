/** The resident's own submission for a request: `:receiptNumber` in the path, the key in `X-Receipt-Secret` (never in URLs or logs). */
import type { Request } from 'express';
import type { Submission } from '@madoguchi/shared';
import { requestLanguage } from '../i18n/language';
import { submissionByReceipt } from '../modules/status/receiptAccess';
import type { Storage } from '../storage/types';

export function ownSubmission(req: Request, storage: Pick<Storage, 'submissions'>): Promise<Submission> {
  return submissionByReceipt(storage, String(req.params.receiptNumber ?? ''), req.get('X-Receipt-Secret') ?? '', requestLanguage(req));
}
