/**
 * The counter's figures (書かない窓口, issue #19): from the timed steps of the
 * visits of a period, how long visitors waited, how long they were served, how
 * long each procedure and the confirmation took, how many procedures a visit
 * took up and how often answers were given beforehand (事前入力) or read from
 * the card — overall and per desk, per procedure and per hour of arrival
 * (Japan time). Pure: timelines in, figures out. Durations are medians and
 * 90th percentiles (nearest-rank, as the inbox's processing times), in minutes.
 *
 * A visit that has not ended is counted as open and left out of every
 * duration and share: its figures are not final yet.
 */
import { japanClock, type CounterStep, type CounterTimeline } from '@madoguchi/shared';
import { percentile } from '../inbox/processingTimes';

export interface MinuteSpread {
  /** Durations counted. */
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export interface GroupFigures {
  /** Desk name, procedure id, or the hour of arrival `00`–`23` (empty desk: visitors not called yet). */
  key: string;
  visits: number;
  /** Visits not ended yet (waiting, being served, confirming). */
  open: number;
  /** Ended visits: the base of every duration and share below. */
  ended: number;
  waiting: MinuteSpread;
  service: MinuteSpread;
  /** Time per procedure (its form first opened → marked done); per procedure group: that procedure only. */
  procedure: MinuteSpread;
  confirmation: MinuteSpread;
  /** Mean procedures taken up per ended visit that was served. */
  proceduresPerVisit: number | null;
  /** Share (0–1) of ended visits with answers given beforehand (事前入力). */
  prefilledShare: number | null;
  /** Share (0–1) of ended visits whose My Number Card was read. */
  cardReadShare: number | null;
  /** Applications stored from these visits. */
  submissions: number;
}

export interface CounterFigures {
  overall: GroupFigures;
  desks: GroupFigures[];
  procedures: GroupFigures[];
  hours: GroupFigures[];
}

/** Durations of one visit, in ms (absent: the steps are not there). */
export interface VisitDurations {
  arrival: string;
  ended: boolean;
  waitingMs?: number;
  serviceMs?: number;
  confirmationMs?: number;
  /** Procedure id → time spent on it. */
  procedureMs: Record<string, number>;
  cardRead: boolean;
}

const ms = (at: string) => Date.parse(at);
const firstOf = (steps: CounterStep[], kind: CounterStep['kind'], procedureId?: string) => steps.find((s) => s.kind === kind && (procedureId === undefined || s.procedureId === procedureId));
const lastOf = (steps: CounterStep[], kind: CounterStep['kind'], procedureId?: string) => steps.findLast((s) => s.kind === kind && (procedureId === undefined || s.procedureId === procedureId));

function between(from: CounterStep | undefined, to: CounterStep | undefined): number | undefined {
  if (!from || !to) return undefined;
  const d = ms(to.at) - ms(from.at);
  return d >= 0 ? d : undefined;
}

/** What one visit's steps say: the arrival, and each duration whose steps are both there. */
export function visitDurations(t: CounterTimeline): VisitDurations {
  const steps = [...t.steps].sort((a, b) => a.at.localeCompare(b.at));
  const opened = firstOf(steps, 'opened') ?? steps[0];
  const ended = lastOf(steps, 'ended');
  const served = firstOf(steps, 'serviceStarted');
  const confirmed = firstOf(steps, 'confirmed');
  // The last request before the confirmation: a request sent back for a change starts again.
  const requested = confirmed ? steps.filter((s) => s.kind === 'confirmationRequested' && s.at <= confirmed.at).at(-1) : undefined;
  const procedureMs: Record<string, number> = {};
  for (const id of t.procedureIds) {
    // First opened → last marked done: a procedure reopened for a change keeps counting.
    const d = between(firstOf(steps, 'procedureStarted', id), lastOf(steps, 'procedureFinished', id));
    if (d !== undefined) procedureMs[id] = d;
  }
  const out: VisitDurations = {
    arrival: opened?.at ?? '',
    ended: ended !== undefined,
    procedureMs,
    cardRead: t.identitySource === 'card' || steps.some((s) => s.kind === 'cardRead'),
  };
  const waiting = between(opened, served);
  const service = between(served, ended);
  const confirmation = between(requested, confirmed);
  if (waiting !== undefined) out.waitingMs = waiting;
  if (service !== undefined) out.serviceMs = service;
  if (confirmation !== undefined) out.confirmationMs = confirmation;
  return out;
}

const minutes = (value: number) => Math.round((value / 60_000) * 10) / 10;

function minuteSpread(values: number[]): MinuteSpread {
  const sorted = [...values].sort((a, b) => a - b);
  const med = percentile(sorted, 50);
  const p90 = percentile(sorted, 90);
  return { count: sorted.length, medianMinutes: med === null ? null : minutes(med), p90Minutes: p90 === null ? null : minutes(p90) };
}

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

type Visit = { t: CounterTimeline; d: VisitDurations };

/** The figures of a group of visits; `onlyProcedure` limits the procedure times to that procedure. */
function groupFigures(key: string, visits: Visit[], onlyProcedure?: string): GroupFigures {
  const ended = visits.filter((v) => v.d.ended);
  const served = ended.filter((v) => v.d.waitingMs !== undefined);
  const defined = (values: (number | undefined)[]) => values.filter((x): x is number => x !== undefined);
  const procedureTimes = ended.flatMap((v) => (onlyProcedure === undefined ? Object.values(v.d.procedureMs) : defined([v.d.procedureMs[onlyProcedure]])));
  return {
    key,
    visits: visits.length,
    open: visits.length - ended.length,
    ended: ended.length,
    waiting: minuteSpread(defined(ended.map((v) => v.d.waitingMs))),
    service: minuteSpread(defined(ended.map((v) => v.d.serviceMs))),
    procedure: minuteSpread(procedureTimes),
    confirmation: minuteSpread(defined(ended.map((v) => v.d.confirmationMs))),
    proceduresPerVisit: served.length === 0 ? null : Math.round((served.reduce((n, v) => n + v.t.procedureIds.length, 0) / served.length) * 100) / 100,
    prefilledShare: share(ended.filter((v) => v.t.prefilled).length, ended.length),
    cardReadShare: share(ended.filter((v) => v.d.cardRead).length, ended.length),
    submissions: visits.reduce((n, v) => n + v.t.submissionIds.length, 0),
  };
}

function groupBy(visits: Visit[], keysOf: (v: Visit) => string[]): Map<string, Visit[]> {
  const groups = new Map<string, Visit[]>();
  for (const v of visits) for (const key of new Set(keysOf(v))) groups.set(key, [...(groups.get(key) ?? []), v]);
  return groups;
}

/** The hour of arrival in Japan, `00`–`23`. */
export const arrivalHour = (arrival: string) => japanClock(arrival).time.slice(0, 2);

export function counterFigures(timelines: CounterTimeline[]): CounterFigures {
  const visits: Visit[] = timelines.map((t) => ({ t, d: visitDurations(t) }));
  const desks = groupBy(visits, (v) => [v.t.desk]);
  const procedures = groupBy(visits, (v) => v.t.procedureIds);
  const hours = groupBy(visits, (v) => [arrivalHour(v.d.arrival)]);
  // Every hour from the first to the last with a visit: a quiet hour shows as zero, not as a gap.
  const hourKeys = [...hours.keys()].map(Number);
  const hourRange = hourKeys.length === 0 ? [] : Array.from({ length: Math.max(...hourKeys) - Math.min(...hourKeys) + 1 }, (_, i) => String(Math.min(...hourKeys) + i).padStart(2, '0'));
  return {
    overall: groupFigures('', visits),
    desks: [...desks.entries()].map(([key, vs]) => groupFigures(key, vs)).sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : a.key.localeCompare(b.key, 'ja', { numeric: true }))),
    procedures: [...procedures.entries()].map(([key, vs]) => groupFigures(key, vs, key)).sort((a, b) => b.visits - a.visits || a.key.localeCompare(b.key)),
    hours: hourRange.map((key) => groupFigures(key, hours.get(key) ?? [])),
  };
}
