/**
 * The triage queue of a disaster (issue #20) as staff read it: the
 * disaster's 罹災証明書 applications, grouped and sorted by triageQueue.ts,
 * with each application's status from the inbox.
 */
import type { Disaster, Language, SubmissionStatus } from '@madoguchi/shared';
import type { Storage } from '../../storage/types';
import type { DisasterCaseRecord } from '../../storage/disasterTypes';
import type { DisasterService } from './disasterService';
import { triageGroups, type TriageFilter, type TriageGroup } from './triageQueue';

/** The procedure whose applications are surveyed (被害認定調査) and certified. */
export const RISAI_PROCEDURE = 'risai-shomeisho';

/** A disaster's 罹災証明書 applications (the triage rows of its other procedures are not surveyed). */
export async function risaiCases(storage: Storage, disasterId: string): Promise<DisasterCaseRecord[]> {
  return (await storage.disasters.listCases(disasterId)).filter((c) => c.procedureId === RISAI_PROCEDURE);
}

export class TriageService {
  constructor(
    private readonly storage: Storage,
    private readonly disasters: DisasterService,
  ) {}

  async queue(municipalityCode: string, disasterId: string, filter: TriageFilter, language: Language): Promise<{ disaster: Disaster; total: number; groups: TriageGroup[] }> {
    const disaster = await this.disasters.get(municipalityCode, disasterId, language);
    const cases = await risaiCases(this.storage, disaster.id);
    const status = new Map<string, SubmissionStatus>();
    for (const c of cases) {
      const meta = await this.storage.inbox.getMeta(c.submissionId);
      if (meta) status.set(c.submissionId, meta.status);
    }
    const groups = triageGroups(disaster, cases, status, filter);
    return { disaster, total: groups.reduce((n, g) => n + g.count, 0), groups };
  }
}
