/**
 * 書かない窓口 (issue #19): the clerk's counter visits
 * (`/staff/municipalities/:code/counter/…`, permission counter.serve) and the
 * paired tablet on which the visitor confirms (`/counter/tablet/…`, an
 * HttpOnly tablet cookie set by pairing). The answers' own checks are the
 * procedures' (the intake's); only the shapes are declared here.
 */
import { ANSWER_SOURCES, COUNTER_SESSION_STATUSES, COUNTER_STEP_KINDS } from '../../counter/counterTypes';
import { AnyObject, Arr, Bool, Closed, DateTime, Enum, Int, Nullable, Opt, Str, Type, component, refusal } from './kit';
import { NO_CONTENT, PDF, errorResponse, json, pathParams } from './responses';
import { operation, type ResponseSpec } from './operation';

const staff = { security: 'staffSession' as const };
const base = '/staff/municipalities/:code/counter/sessions';
const code = { code: Str() };
const one = pathParams({ ...code, sessionId: Str() });
const denied: Record<number, ResponseSpec> = { 401: errorResponse('Not signed in'), 403: errorResponse('Not allowed'), 404: errorResponse('Unknown municipality or visit') };
const write: Record<number, ResponseSpec> = {
  ...denied,
  400: errorResponse('Malformed'),
  409: errorResponse('Changed on another screen (stale_counter_session), or not possible at this stage of the visit'),
};
const revision = Opt(
  Int({
    minimum: 1,
    description: 'The revision the screen read; a change made meanwhile refuses the write',
    ...refusal('bad_revision', 'revision を1以上の整数で指定してください。', 'Give revision as a whole number of 1 or more.'),
  }),
);
const status = Enum(COUNTER_SESSION_STATUSES);
const step = Closed({ kind: Enum(COUNTER_STEP_KINDS), at: DateTime(), procedureId: Opt(Str()) });
const sources = Type.Record(Type.String(), Enum(ANSWER_SOURCES), { description: 'JSON pointer → where the answer came from' });

export const CounterTimelineSchema = component(
  'CounterTimeline',
  Closed({
    sessionId: Str(),
    municipalityCode: Str(),
    ticketNumber: Str({ description: '受付番号 of the day (001, 002, …)' }),
    desk: Str(),
    servedBy: Str({ description: 'User id of the clerk who served; empty while waiting' }),
    status,
    procedureIds: Arr(Str()),
    prefilled: Bool({ description: 'The visitor brought answers given online (事前入力)' }),
    identitySource: Nullable(Enum(['card', 'typed'] as const)),
    steps: Arr(step),
    submissionIds: Arr(Str()),
  }),
);

export const CounterSessionViewSchema = component(
  'CounterSessionView',
  Closed({
    ...CounterTimelineSchema.properties,
    guideId: Nullable(Str()),
    revision: Int(),
    servedByName: Str(),
    shared: AnyObject('The shared answers, given once'),
    answers: Type.Record(Type.String(), AnyObject(), { description: 'Procedure id → its answers' }),
    sources: Type.Record(Type.String(), sources, { description: 'Procedure id (or `shared`) → answer sources' }),
    identity: Nullable(AnyObject('The 基本4情報 read from the card (CardIdentity)')),
    confirmation: Nullable(Closed({ method: Enum(['tablet', 'paper'] as const), at: DateTime(), signed: Bool() })),
    tabletPaired: Bool(),
    pairingExpiresAt: Nullable(DateTime()),
    receipts: Arr(Closed({ procedureId: Str(), receiptNumber: Str() })),
    createdAt: DateTime(),
    updatedAt: DateTime(),
  }),
);

const view = (description: string) => json(CounterSessionViewSchema, description);
const onlyRevision = Closed({ revision });

export const CounterTabletViewSchema = component(
  'CounterTabletView',
  Closed({
    municipalityName: Str(),
    ticketNumber: Str(),
    status,
    revision: Int(),
    items: Arr(
      Closed({
        procedureId: Str(),
        title: Str(),
        titleEn: Opt(Str()),
        schema: AnyObject(),
        uiSchema: AnyObject(),
        data: AnyObject(),
        signature: Enum(['required', 'optional', 'none'] as const),
      }),
      { description: 'The applications to confirm (while the visit waits for the visitor)' },
    ),
    receipts: Arr(Closed({ procedureId: Str(), title: Str(), titleEn: Opt(Str()), receiptNumber: Str() })),
  }),
);

export const COUNTER_OPERATIONS = [
  operation({
    method: 'get',
    path: base,
    tag: 'counter',
    summary: 'Today’s visits of the municipality (the queue and those served)',
    ...staff,
    params: pathParams(code),
    responses: { 200: json(Closed({ items: Arr(CounterTimelineSchema) }), 'Visits'), ...denied },
  }),
  operation({
    method: 'post',
    path: base,
    tag: 'counter',
    summary: 'A visitor arrives: open a visit with the day’s next 受付番号',
    ...staff,
    params: pathParams(code),
    bodyRequired: false,
    body: Closed({}),
    responses: { 201: view('The new visit'), ...write },
  }),
  operation({
    method: 'get',
    path: `${base}/:sessionId`,
    tag: 'counter',
    summary: 'One visit with the answers being filled in',
    ...staff,
    params: one,
    responses: { 200: view('The visit'), ...denied },
  }),
  operation({
    method: 'post',
    path: `${base}/:sessionId/start`,
    tag: 'counter',
    summary: 'Call the visitor to a desk (service starts)',
    ...staff,
    params: one,
    body: Closed({ revision, desk: Str({ ...refusal('bad_desk', '窓口名を40文字以内で入力してください（例：1番窓口）。', 'Enter the desk’s name in at most 40 characters (e.g. Desk 1).') }) }),
    responses: { 200: view('Serving'), ...write },
  }),
  operation({
    method: 'put',
    path: `${base}/:sessionId/work`,
    tag: 'counter',
    summary: 'Save the procedures chosen and their answers with the sources (takes the answers back from the tablet if it shows them)',
    ...staff,
    params: one,
    body: Closed({ revision, procedureIds: Arr(Str(), { maxItems: 10 }), guideId: Opt(Nullable(Str())), shared: AnyObject(), answers: AnyObject(), sources: AnyObject() }),
    responses: { 200: view('Saved'), ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/:sessionId/steps`,
    tag: 'counter',
    summary: 'A procedure’s form opened or marked done (timed)',
    ...staff,
    params: one,
    body: Closed({ revision, kind: Enum(['procedureStarted', 'procedureFinished'] as const), procedureId: Str() }),
    responses: { 200: view('Recorded'), ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/:sessionId/card`,
    tag: 'counter',
    summary: 'The 基本4情報 the card-reader agent read from the visitor’s card',
    ...staff,
    params: one,
    body: Closed({ revision, name: Str({ maxLength: 200 }), address: Str({ maxLength: 400 }), birthdate: Opt(Str({ maxLength: 10 })), sex: Opt(Nullable(Str({ maxLength: 2 }))) }),
    responses: { 200: view('Recorded; `identity` holds the normalised data'), ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/:sessionId/prefill`,
    tag: 'counter',
    summary: '事前入力: load the answers a resident saved online behind a resume link',
    ...staff,
    params: one,
    body: Closed({ revision, link: Str({ maxLength: 500 }) }),
    responses: { 200: view('Loaded'), ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/:sessionId/pairing`,
    tag: 'counter',
    summary: 'A fresh six-digit code for the desk’s tablet (a new tablet replaces the old)',
    ...staff,
    params: one,
    body: onlyRevision,
    bodyRequired: false,
    responses: { 200: json(Closed({ session: CounterSessionViewSchema, code: Str(), expiresAt: DateTime() }), 'The code'), ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/:sessionId/confirmation`,
    tag: 'counter',
    summary: 'Send the answers to the visitor for confirmation (each application checked as intake will)',
    ...staff,
    params: one,
    body: onlyRevision,
    bodyRequired: false,
    responses: { 200: view('Waiting for the visitor'), 422: errorResponse('The answers have problems (per-field messages, pointers under /items/<n>)'), ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/:sessionId/paper`,
    tag: 'counter',
    summary: 'The visitor signed the printed 申請書 instead',
    ...staff,
    params: one,
    body: onlyRevision,
    bodyRequired: false,
    responses: { 200: view('Confirmed on paper'), ...write },
  }),
  operation({
    method: 'get',
    path: `${base}/:sessionId/paper/:procedureId`,
    tag: 'counter',
    summary: 'The 申請書 of one procedure to print and sign (with a 署名欄)',
    ...staff,
    params: pathParams({ ...code, sessionId: Str(), procedureId: Str() }),
    responses: { 200: PDF, ...denied },
  }),
  operation({
    method: 'post',
    path: `${base}/:sessionId/submit`,
    tag: 'counter',
    summary: 'Store the confirmed applications (channel 窓口) as one bundle; safe to retry',
    ...staff,
    params: one,
    bodyRequired: false,
    body: Closed({}),
    responses: {
      200: json(Closed({ session: CounterSessionViewSchema, receiptNumber: Str(), items: Arr(Closed({ procedureId: Str(), receiptNumber: Str() })) }), 'Stored'),
      422: errorResponse('The answers have problems'),
      ...write,
    },
  }),
  operation({
    method: 'post',
    path: `${base}/:sessionId/end`,
    tag: 'counter',
    summary: 'The visit is over (its answers, card data and signature are erased)',
    ...staff,
    params: one,
    body: onlyRevision,
    bodyRequired: false,
    responses: { 200: view('Ended'), ...write },
  }),
  operation({
    method: 'post',
    path: '/counter/tablet/pair',
    tag: 'counter',
    summary: 'Pair this tablet with a visit by the code on the clerk’s screen (sets the tablet cookie)',
    security: 'none',
    body: Closed({
      municipalityCode: Str({ pattern: '^[0-9]{6}$', ...refusal('bad_municipality', '市区町村コードが正しくありません。', 'The municipality code is not valid.') }),
      code: Str({ maxLength: 20 }),
    }),
    responses: { 204: NO_CONTENT, 400: errorResponse('Malformed'), 409: errorResponse('Wrong or expired code (bad_pairing_code)'), 429: errorResponse('Too many attempts') },
  }),
  operation({
    method: 'get',
    path: '/counter/tablet',
    tag: 'counter',
    summary: 'What the paired tablet shows: the answers to confirm, or the receipts',
    security: 'none',
    responses: { 200: json(CounterTabletViewSchema, 'The visit as the visitor sees it'), 401: errorResponse('Not paired') },
  }),
  operation({
    method: 'post',
    path: '/counter/tablet/confirm',
    tag: 'counter',
    summary: 'The visitor confirms the answers shown (with a drawn signature where asked)',
    security: 'none',
    body: Closed({ revision: Int({ minimum: 1 }), signatureImage: Opt(Nullable(Str({ maxLength: 420_000, description: 'data:image/png;base64,…' }))) }),
    responses: { 200: json(CounterTabletViewSchema, 'Confirmed'), 400: errorResponse('Malformed'), 401: errorResponse('Not paired'), 409: errorResponse('Nothing to confirm, or changed meanwhile') },
  }),
  operation({
    method: 'post',
    path: '/counter/tablet/unpair',
    tag: 'counter',
    summary: 'Forget the pairing on this tablet',
    security: 'none',
    bodyRequired: false,
    body: Closed({}),
    responses: { 204: NO_CONTENT },
  }),
];
