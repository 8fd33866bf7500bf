/**
 * Processing-time figures per procedure: how long submissions spend in each
 * status (median and 90th percentile, nearest-rank), and the lead time from
 * arrival to a final status, so a desk sees where time goes. Computed from the
 * status histories only; no answer is decrypted.
 */
import { SUBMISSION_STATUSES, STATUS_LABELS, isFinalStatus, type SubmissionStatus } from '@madoguchi/shared';
import type { Storage } from '../../storage/types';

export interface Spread {
  /** Number of completed stays (or closed submissions, for the lead time). */
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface StatusFigure extends Spread {
  status: SubmissionStatus;
  label: string;
  /** Submissions in this status right now (their stay is not counted yet). */
  current: number;
}

export interface ProcedureFigures {
  procedureId: string;
  title: string;
  submissions: number;
  leadTime: Spread;
  statuses: StatusFigure[];
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const hours = (ms: number) => Math.round((ms / 3_600_000) * 10) / 10;

/** Count, median and 90th percentile of durations in ms, in hours. */
export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const med = percentile(sorted, 50);
  const p90 = percentile(sorted, 90);
  return { count: sorted.length, medianHours: med === null ? null : hours(med), p90Hours: p90 === null ? null : hours(p90) };
}

export async function processingTimes(
  storage: Storage,
  q: { municipalityCode: string; procedureId?: string; receivedFrom: string; receivedTo: string },
  titleOf: (procedureId: string) => string,
): Promise<ProcedureFigures[]> {
  type Acc = { n: number; lead: number[]; stays: Map<SubmissionStatus, number[]>; current: Map<SubmissionStatus, number> };
  const acc = new Map<string, Acc>();
  for await (const row of storage.inbox.histories(q)) {
    const a: Acc = acc.get(row.procedureId) ?? { n: 0, lead: [], stays: new Map(), current: new Map() };
    acc.set(row.procedureId, a);
    a.n++;
    a.current.set(row.status, (a.current.get(row.status) ?? 0) + 1);
    const h = [...row.history].sort((x, y) => x.at.localeCompare(y.at));
    for (let i = 0; i + 1 < h.length; i++) {
      const stay = Date.parse(h[i + 1]!.at) - Date.parse(h[i]!.at);
      const list = a.stays.get(h[i]!.to) ?? [];
      list.push(stay);
      a.stays.set(h[i]!.to, list);
    }
    const last = h.at(-1);
    if (last && h[0] && isFinalStatus(last.to)) a.lead.push(Date.parse(last.at) - Date.parse(h[0].at));
  }
  return [...acc.entries()]
    .map(([procedureId, a]) => ({
      procedureId,
      title: titleOf(procedureId),
      submissions: a.n,
      leadTime: spread(a.lead),
      statuses: SUBMISSION_STATUSES.filter((s) => !isFinalStatus(s)).map((status) => ({
        status,
        label: STATUS_LABELS[status].ja,
        current: a.current.get(status) ?? 0,
        ...spread(a.stays.get(status) ?? []),
      })),
    }))
    .sort((x, y) => y.submissions - x.submissions);
}
