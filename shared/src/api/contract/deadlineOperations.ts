/** The 標準処理期間 setting per procedure (issue #21): `/staff/municipalities/:code/processing-periods`. */
import { MAX_PERIOD_DAYS, PERIOD_UNITS } from '../../time/businessDays';
import { ProcessingPeriodSchema, periodUnit } from './deadlineComponents';
import { Arr, Closed, Enum, Int, Open, Str, refusal } from './kit';
import { NO_CONTENT, errorResponse, json, pathParams } from './responses';
import { operation, type ResponseSpec } from './operation';

const base = '/staff/municipalities/:code/processing-periods';
const code = { code: Str({ description: '6-digit municipality code' }) };
const staff = { security: 'staffSession' as const };
const denied: Record<number, ResponseSpec> = { 401: errorResponse('Not signed in'), 403: errorResponse('Not allowed (policy: server/src/auth/policy.ts)') };
const badPeriod = refusal(
  'bad_processing_period',
  `標準処理期間は1〜${MAX_PERIOD_DAYS}の日数と、単位（開庁日 business または暦日 calendar）で指定してください。`,
  `Give the standard processing period as 1–${MAX_PERIOD_DAYS} days and a unit (business or calendar).`,
  422,
);

export const DEADLINE_OPERATIONS = [
  operation({
    method: 'get',
    path: base,
    tag: 'deadlines',
    summary: '標準処理期間 of the municipality’s procedures',
    ...staff,
    params: pathParams(code),
    responses: { 200: json(Closed({ items: Arr(ProcessingPeriodSchema) }), 'Periods'), ...denied },
  }),
  operation({
    method: 'put',
    path: `${base}/:procedureId`,
    tag: 'deadlines',
    summary: 'Set a procedure’s 標準処理期間 (applies to submissions received from now on)',
    ...staff,
    params: pathParams({ ...code, procedureId: Str() }),
    body: Open({ days: Int({ minimum: 1, maximum: MAX_PERIOD_DAYS, ...badPeriod }), unit: Enum(PERIOD_UNITS, { description: periodUnit.description, ...badPeriod }) }, badPeriod),
    responses: { 200: json(ProcessingPeriodSchema, 'Set'), 422: errorResponse('Days or unit out of range'), 404: errorResponse('No such procedure'), ...denied },
  }),
  operation({
    method: 'delete',
    path: `${base}/:procedureId`,
    tag: 'deadlines',
    summary: 'Remove a procedure’s 標準処理期間 (new submissions get no due date)',
    ...staff,
    params: pathParams({ ...code, procedureId: Str() }),
    responses: { 204: NO_CONTENT, ...denied },
  }),
];
