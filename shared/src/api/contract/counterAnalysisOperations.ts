/**
 * 窓口の分析 (書かない窓口, issue #19): the counter's figures of a period
 * (`/staff/municipalities/:code/counter/analysis`), computed from the timed
 * steps of the visits (server/src/modules/counter/counterFigures.ts) and the
 * inbox's lead times of the applications they produced, and the same as CSV.
 */
import { Arr, Closed, Enum, Int, Nullable, Num, Open, Opt, Str, component, refusal, type Static } from './kit';
import { CSV, errorResponse, json, pathParams } from './responses';
import { operation, type ResponseSpec } from './operation';

const base = '/staff/municipalities/:code/counter/analysis';
const code = { code: Str({ description: '6-digit municipality code' }) };
const staff = { security: 'staffSession' as const };
const denied: Record<number, ResponseSpec> = { 401: errorResponse('Not signed in'), 403: errorResponse('Not allowed (policy: server/src/auth/policy.ts)') };
const day = (which: string) =>
  Opt(
    Str({
      description: `${which} (YYYY-MM-DD, Japan time, inclusive). Default: the last 30 days up to today`,
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      ...refusal('bad_period', '期間は YYYY-MM-DD の形の日付で指定してください。', 'Give the period as dates of the form YYYY-MM-DD.'),
    }),
  );
const period = { from: day('First day'), to: day('Last day') };

const minutes = Closed({ count: Int({ description: 'Durations counted (ended visits that have both steps)' }), medianMinutes: Nullable(Num()), p90Minutes: Nullable(Num()) });
const hours = Closed({ count: Int({ description: 'Applications in a final status' }), medianHours: Nullable(Num()), p90Hours: Nullable(Num()) });
const share = Nullable(Num({ description: '0–1, of ended visits' }));
const groupProperties = {
  key: Str({ description: 'Desk name (empty: not called yet), procedure id, or hour of arrival 00–23 (Japan time)' }),
  visits: Int(),
  open: Int({ description: 'Not ended yet: counted here, left out of every duration and share' }),
  ended: Int(),
  waiting: minutes,
  service: minutes,
  procedure: minutes,
  confirmation: minutes,
  proceduresPerVisit: Nullable(Num({ description: 'Mean per ended visit that was served' })),
  prefilledShare: share,
  cardReadShare: share,
  submissions: Int({ description: 'Applications stored from these visits' }),
};
const Group = component('CounterGroupFigures', Closed(groupProperties));

export const CounterAnalysisSchema = component(
  'CounterAnalysis',
  Closed({
    from: Str({ description: 'First day (Japan time)' }),
    to: Str({ description: 'Last day (Japan time)' }),
    overall: Group,
    desks: Arr(Group),
    procedures: Arr(
      Closed({
        ...groupProperties,
        title: Str(),
        inbox: Closed({ submissions: Int(), leadTime: hours }, { description: 'The applications from the counter in the inbox: arrival to a final status' }),
      }),
    ),
    hours: Arr(Group),
  }),
);
export type CounterAnalysis = Static<typeof CounterAnalysisSchema>;
export type CounterGroupFigures = Static<typeof Group>;

export const COUNTER_ANALYSIS_OPERATIONS = [
  operation({
    method: 'get',
    path: base,
    tag: 'counter-analysis',
    summary: 'The counter’s figures of a period: waiting, service, procedure and confirmation times, procedures per visit, 事前入力 and card shares; overall, per desk, per procedure and per hour',
    ...staff,
    params: pathParams(code),
    query: Open(period),
    responses: { 200: json(CounterAnalysisSchema, 'Figures'), 400: errorResponse('Bad period (bad_period)'), ...denied },
  }),
  operation({
    method: 'get',
    path: `${base}/csv`,
    tag: 'counter-analysis',
    summary: 'CSV of a period: one row per visit with its step times and durations (`kind=visits`), or the figures per group (`kind=figures`); UTF-8 with BOM or CP932',
    ...staff,
    params: pathParams(code),
    query: Open({ ...period, kind: Opt(Enum(['visits', 'figures'] as const)), encoding: Opt(Enum(['utf-8', 'cp932'] as const)) }),
    responses: { 200: CSV, 400: errorResponse('Bad period (bad_period)'), ...denied },
  }),
];
