/**
 * The one rule for handing out a stored file: an infected file is never
 * downloaded, by anyone (staff, API keys). Pending and unscanned files are
 * served; the inbox shows staff why they should take care.
 */
import type { Language } from '@madoguchi/shared';
import { ConflictError } from '../../errors';
import type { FileScanState, StoredFileMeta } from '../../storage/types';
import { inboxText } from '../inbox/messages';

export const scanStateOf = (meta: Pick<StoredFileMeta, 'scanState'>): FileScanState => meta.scanState ?? 'not_scanned';

export function refuseInfected(meta: Pick<StoredFileMeta, 'scanState' | 'scanSignature'>, language: Language): void {
  if (scanStateOf(meta) === 'infected') {
    throw new ConflictError(inboxText(language, 'fileInfected', { signature: meta.scanSignature ?? 'unknown' }), 'file_infected');
  }
}
