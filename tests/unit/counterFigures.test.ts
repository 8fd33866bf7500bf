/**
 * The counter's figures from scripted visits whose step times are known: the
 * medians and 90th percentiles below are worked out by hand (nearest-rank),
 * hours are Japan time of arrival, and visits not ended stay out of every
 * duration.
 */
import type { CounterStep, CounterTimeline } from '@madoguchi/shared';
import { counterFigures, visitDurations } from '../../server/src/modules/counter/counterFigures';

/** A visit opened at `opened` (UTC ISO); each step `[kind, minutes after opening, procedureId?]`. */
function visit(over: Partial<CounterTimeline> & { opened: string; at: [CounterStep['kind'], number, string?][] }): CounterTimeline {
  const base = Date.parse(over.opened);
  const { opened: _o, at, ...rest } = over;
  return {
    sessionId: `v${Math.random()}`,
    municipalityCode: '082015',
    ticketNumber: '001',
    desk: '',
    servedBy: '',
    status: 'ended',
    procedureIds: [],
    prefilled: false,
    identitySource: null,
    submissionIds: [],
    ...rest,
    steps: [{ kind: 'opened', at: over.opened }, ...at.map(([kind, min, procedureId]) => ({ kind, at: new Date(base + min * 60_000).toISOString(), ...(procedureId ? { procedureId } : {}) }))],
  };
}

// 09:00 JST is 00:00 UTC: an hour bucket in UTC would say 00.
const v1 = visit({
  opened: '2026-12-07T00:00:00.000Z',
  desk: '1番窓口',
  servedBy: 'u1',
  procedureIds: ['A', 'B'],
  identitySource: 'card',
  submissionIds: ['s1', 's2'],
  at: [
    ['serviceStarted', 5],
    ['cardRead', 6],
    ['procedureStarted', 7, 'A'],
    ['procedureFinished', 17, 'A'],
    ['procedureStarted', 17, 'B'],
    ['procedureFinished', 22, 'B'],
    ['confirmationRequested', 23],
    ['confirmed', 25],
    ['submitted', 26],
    ['ended', 27],
  ],
});
// Confirmation asked twice (sent back for a change): counted from the last request.
const v2 = visit({
  opened: '2026-12-07T00:30:00.000Z',
  desk: '1番窓口',
  servedBy: 'u1',
  procedureIds: ['A'],
  prefilled: true,
  identitySource: 'typed',
  submissionIds: ['s3'],
  at: [
    ['serviceStarted', 15],
    ['procedureStarted', 16, 'A'],
    ['procedureFinished', 36, 'A'],
    ['confirmationRequested', 37],
    ['confirmationRequested', 40],
    ['confirmed', 43],
    ['submitted', 44],
    ['ended', 45],
  ],
});
const v3 = visit({
  opened: '2026-12-07T01:10:00.000Z',
  desk: '2番窓口',
  servedBy: 'u2',
  procedureIds: ['B'],
  prefilled: true,
  identitySource: 'typed',
  submissionIds: ['s4'],
  at: [
    ['serviceStarted', 1],
    ['procedureStarted', 2, 'B'],
    ['procedureFinished', 10, 'B'],
    ['confirmationRequested', 11],
    ['confirmed', 12],
    ['ended', 13],
  ],
});
// Being served now: its 30 minutes of waiting are not final and stay out.
const v4 = visit({
  opened: '2026-12-07T01:50:00.000Z',
  desk: '2番窓口',
  servedBy: 'u2',
  status: 'serving',
  procedureIds: ['A'],
  at: [
    ['serviceStarted', 30],
    ['procedureStarted', 31, 'A'],
  ],
});
// Still waiting.
const v5 = visit({ opened: '2026-12-07T03:05:00.000Z', status: 'waiting', at: [] });
// Left before being called: ended, but neither waiting nor service time.
const v6 = visit({ opened: '2026-12-07T03:10:00.000Z', at: [['ended', 20]] });

const spread = (count: number, medianMinutes: number | null, p90Minutes: number | null) => ({ count, medianMinutes, p90Minutes });
const none = spread(0, null, null);

describe('counter figures', () => {
  const figures = counterFigures([v1, v2, v3, v4, v5, v6]);

  it('reads one visit’s durations from its steps', () => {
    expect(visitDurations(v1)).toEqual({
      arrival: '2026-12-07T00:00:00.000Z',
      ended: true,
      cardRead: true,
      waitingMs: 5 * 60_000,
      serviceMs: 22 * 60_000,
      confirmationMs: 2 * 60_000,
      procedureMs: { A: 10 * 60_000, B: 5 * 60_000 },
    });
    expect(visitDurations(v2).confirmationMs).toBe(3 * 60_000);
    expect(visitDurations(v5)).toEqual({ arrival: '2026-12-07T03:05:00.000Z', ended: false, cardRead: false, procedureMs: {} });
  });

  it('overall: open visits counted apart, durations only of ended visits', () => {
    expect(figures.overall).toEqual({
      key: '',
      visits: 6,
      open: 2,
      ended: 4,
      waiting: spread(3, 5, 15), // 1, 5, 15
      service: spread(3, 22, 30), // 12, 22, 30
      procedure: spread(4, 8, 20), // 5, 8, 10, 20
      confirmation: spread(3, 2, 3), // 1, 2, 3
      proceduresPerVisit: 1.33, // (2 + 1 + 1) / 3 served
      prefilledShare: 0.5, // v2, v3 of 4 ended
      cardReadShare: 0.25, // v1 of 4 ended
      submissions: 4,
    });
  });

  it('per desk, the desk not yet assigned last', () => {
    expect(figures.desks.map((d) => d.key)).toEqual(['1番窓口', '2番窓口', '']);
    expect(figures.desks[0]).toEqual({
      key: '1番窓口',
      visits: 2,
      open: 0,
      ended: 2,
      waiting: spread(2, 5, 15),
      service: spread(2, 22, 30),
      procedure: spread(3, 10, 20),
      confirmation: spread(2, 2, 3),
      proceduresPerVisit: 1.5,
      prefilledShare: 0.5,
      cardReadShare: 0.5,
      submissions: 3,
    });
    expect(figures.desks[1]).toMatchObject({ visits: 2, open: 1, ended: 1, waiting: spread(1, 1, 1), service: spread(1, 12, 12), procedure: spread(1, 8, 8), prefilledShare: 1, cardReadShare: 0 });
    expect(figures.desks[2]).toMatchObject({ visits: 2, open: 1, ended: 1, waiting: none, service: none, proceduresPerVisit: null, prefilledShare: 0 });
  });

  it('per procedure: the visits that took it up, and the time of that procedure only', () => {
    expect(figures.procedures.map((p) => [p.key, p.visits, p.open, p.procedure])).toEqual([
      ['A', 3, 1, spread(2, 10, 20)],
      ['B', 2, 0, spread(2, 5, 8)],
    ]);
  });

  it('per hour of arrival in Japan time, quiet hours in between as zero', () => {
    expect(figures.hours.map((h) => [h.key, h.visits, h.open, h.waiting.medianMinutes])).toEqual([
      ['09', 2, 0, 5],
      ['10', 2, 1, 1],
      ['11', 0, 0, null],
      ['12', 2, 1, null],
    ]);
  });

  it('an empty period has no groups and no figures', () => {
    expect(counterFigures([])).toEqual({
      overall: {
        key: '',
        visits: 0,
        open: 0,
        ended: 0,
        waiting: none,
        service: none,
        procedure: none,
        confirmation: none,
        proceduresPerVisit: null,
        prefilledShare: null,
        cardReadShare: null,
        submissions: 0,
      },
      desks: [],
      procedures: [],
      hours: [],
    });
  });
});
