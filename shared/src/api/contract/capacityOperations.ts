/** 定員 (issue #22): places left per option (public), bookings per option and capacity changes (staff). */
import { Arr, Closed, DateTime, Int, Nullable, Open, Str, component, refusal } from './kit';
import { errorResponse, json, pathParams } from './responses';
import { operation, type ResponseSpec } from './operation';

const params = pathParams({ code: Str({ description: '6-digit municipality code' }), procedureId: Str() });
const denied: Record<number, ResponseSpec> = { 401: errorResponse('Not signed in'), 403: errorResponse('Not allowed (policy: server/src/auth/policy.ts)') };
const badCapacity = refusal('bad_capacity', '定員は1〜1000000の整数で入力してください。', 'Enter the capacity as a whole number from 1 to 1000000.', 400);

const optionState = {
  option: Str(),
  capacity: Nullable(Int({ description: 'Live capacity; null: no limit' })),
  taken: Int(),
  remaining: Nullable(Int({ description: 'Places left; null: no limit' })),
};
export const CapacityOptionSchema = component('CapacityOption', Closed(optionState));
export const CapacityAvailabilitySchema = component(
  'CapacityAvailability',
  Closed({ procedureId: Str(), fields: Arr(Closed({ path: Str({ description: 'Dot path of the choice field' }), title: Str(), options: Arr(CapacityOptionSchema) })) }),
);
const BookingSchema = Closed({ submissionId: Str(), receiptNumber: Str(), status: Str(), places: Int(), createdAt: DateTime() });
export const CapacityBookingsSchema = component(
  'CapacityBookings',
  Closed({
    procedureId: Str(),
    title: Str(),
    fields: Arr(Closed({ path: Str(), title: Str(), options: Arr(Closed({ ...optionState, bookings: Arr(BookingSchema) })) })),
  }),
);

export const CAPACITY_OPERATIONS = [
  operation({
    method: 'get',
    path: '/municipalities/:code/procedures/:procedureId/capacity',
    tag: 'public',
    summary: 'Places left per option of the procedure’s fields with a capacity (counts only, never who booked)',
    security: 'none',
    params,
    responses: { 200: json(CapacityAvailabilitySchema, 'Places left'), 404: errorResponse('Not offered') },
  }),
  operation({
    method: 'get',
    path: '/staff/municipalities/:code/procedures/:procedureId/capacity',
    tag: 'capacity',
    summary: '定員と予約状況: taken/capacity per option and the applications holding places',
    security: 'staffSession',
    params,
    responses: { 200: json(CapacityBookingsSchema, 'Bookings'), 404: errorResponse('No such procedure'), ...denied },
  }),
  operation({
    method: 'put',
    path: '/staff/municipalities/:code/procedures/:procedureId/capacity',
    tag: 'capacity',
    summary: 'Set an option’s capacity (raise, or lower to no less than the places taken); audited',
    security: 'staffSession',
    params,
    body: Open({ field: Str(), option: Str(), capacity: Int({ minimum: 1, maximum: 1_000_000, ...badCapacity }) }, badCapacity),
    responses: {
      200: json(CapacityOptionSchema, 'Set'),
      400: errorResponse('Not a whole number from 1 to 1000000'),
      404: errorResponse('No such option with a capacity'),
      409: errorResponse('Below the places taken (capacity_below_taken)'),
      ...denied,
    },
  }),
];
