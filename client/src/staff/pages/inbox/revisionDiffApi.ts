/** What changed in revision n against n-1 (contract: RevisionDiff). */
import type { RevisionDiffView } from '@madoguchi/shared/contract';
import { staffApi } from '../../api';

export type { RevisionDiffView };

export const getRevisionDiff = (code: string, id: string, revision: number) => staffApi<RevisionDiffView>('GET', `/municipalities/${code}/submissions/${id}/revisions/${revision}/diff`);
