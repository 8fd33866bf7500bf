/**
 * How a resident reaches their own submission without an account: the receipt
 * number (到達番号, any width or hyphenation) and the key shown when they
 * applied, compared in constant time against its stored hash. Every mismatch —
 * a malformed number, no such submission, a wrong key — gets the same 404, so
 * the answer never tells whether a receipt number exists.
 */
import { RECEIPT_PATTERN, normalizeReceiptNumber, type Language, type Submission } from '@madoguchi/shared';
import { NotFoundError } from '../../errors';
import { matchesHash } from '../../security/keys';
import type { Storage } from '../../storage/types';

const MISMATCH = { ja: '到達番号または確認キーが正しくありません。', en: 'No application matches this receipt number and key.' };

export function receiptMismatch(language: Language): NotFoundError {
  return new NotFoundError(MISMATCH[language], 'submission_not_found');
}

export async function submissionByReceipt(storage: Pick<Storage, 'submissions'>, receiptInput: string, secret: string, language: Language): Promise<Submission> {
  const receipt = normalizeReceiptNumber(receiptInput);
  if (!RECEIPT_PATTERN.test(receipt) || !secret) throw receiptMismatch(language);
  const submission = await storage.submissions.findByReceiptNumber(receipt);
  if (!submission || !matchesHash(secret, submission.secretHash)) throw receiptMismatch(language);
  return submission;
}
