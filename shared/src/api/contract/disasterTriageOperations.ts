/**
 * 被災者支援 (issue #20): the triage queue of a disaster, its survey teams
 * (調査班), the lists they take out (PDF, CSV) and bring back filled in, and
 * recording and approving the survey results (被害認定調査). All under
 * `/staff/municipalities/:code/disasters/:disasterId`.
 */
import { DAMAGE_LEVELS } from '../../disaster/disasterTypes';
import { Arr, Bool, Closed, DateTime, Enum, Int, Nullable, Open, Opt, Str, component, type Static } from './kit';
import { CSV, NO_CONTENT, PDF, errorResponse, json, pathParams } from './responses';
import { operation, type ResponseSpec } from './operation';
import { DisasterSchema } from './disasterOperations';

const staff = { security: 'staffSession' as const };
const base = '/staff/municipalities/:code/disasters/:disasterId';
const ids = { code: Str(), disasterId: Str() };
const denied: Record<number, ResponseSpec> = { 401: errorResponse('Not signed in'), 403: errorResponse('Not allowed'), 404: errorResponse('Unknown municipality, disaster, team or application') };
const write: Record<number, ResponseSpec> = { ...denied, 400: errorResponse('Malformed'), 422: errorResponse('Problems with the input (field errors)') };
const IsoDate = (description: string) => Str({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
const method = Enum(['survey', 'self', 'photo'] as const, { description: 'survey: on site; self: 自己判定方式; photo: 写真判定' });

export const DamageSurveySchema = component(
  'DamageSurvey',
  Closed({
    level: Enum(DAMAGE_LEVELS),
    surveyedOn: IsoDate('調査日'),
    surveyor: Str({ description: '調査員' }),
    method,
    teamId: Nullable(Str()),
    recordedBy: Str(),
    recordedAt: DateTime(),
    approvedBy: Nullable(Str()),
    approvedAt: Nullable(DateTime()),
  }),
);

const TriageRowSchema = Closed({
  submissionId: Str(),
  receiptNumber: Str(),
  procedureId: Str(),
  status: Nullable(Str()),
  area: Str(),
  postalCode: Str(),
  residential: Nullable(Bool()),
  reportedDamage: Str(),
  photoCount: Int(),
  selfAssessment: Bool(),
  noSiteSurvey: Bool({ description: '自己判定方式 with photos: 「現地調査不要（自己判定）」' }),
  survey: Nullable(DamageSurveySchema),
  createdAt: DateTime(),
});

export const TriageQueueSchema = component(
  'TriageQueue',
  Closed({
    disaster: DisasterSchema,
    total: Int(),
    groups: Arr(Closed({ area: Str({ description: '町字 ("" when the address gave none)' }), count: Int(), inDeclaredArea: Bool(), rows: Arr(TriageRowSchema) })),
  }),
);

export const SurveyTeamSchema = component(
  'SurveyTeam',
  Closed({
    id: Str(),
    disasterId: Str(),
    municipalityCode: Str(),
    name: Str(),
    date: IsoDate('調査日'),
    memberIds: Arr(Str()),
    areas: Arr(Str()),
    createdBy: Str(),
    createdAt: DateTime(),
    updatedAt: DateTime(),
  }),
);

/** The triage queue as the console receives it (one type for server and client). */
export type TriageQueue = Static<typeof TriageQueueSchema>;
export type TriageGroup = TriageQueue['groups'][number];
export type TriageRow = TriageGroup['rows'][number];
export type SurveyTeamView = Static<typeof SurveyTeamSchema>;

const teamBody = Closed({
  name: Str({ maxLength: 200 }),
  date: Str({ maxLength: 20 }),
  memberIds: Arr(Str({ maxLength: 100 }), { maxItems: 100 }),
  areas: Arr(Str({ maxLength: 100 }), { maxItems: 500 }),
});
const team = pathParams({ ...ids, teamId: Str() });
const oneCase = pathParams({ ...ids, submissionId: Str() });
const caseAnswer = json(Closed({ submissionId: Str(), receiptNumber: Str(), survey: Nullable(DamageSurveySchema) }), 'The application’s survey result');

export const DISASTER_TRIAGE_OPERATIONS = [
  operation({
    method: 'get',
    path: `${base}/triage`,
    tag: 'disaster-triage',
    summary: 'The triage queue: the disaster’s 罹災証明書 applications by 町字, homes and the worst reported damage first',
    ...staff,
    params: pathParams(ids),
    query: Open({
      area: Opt(Str({ maxLength: 100 })),
      surveyed: Opt(Enum(['yes', 'no'] as const)),
      selfAssessment: Opt(Enum(['yes', 'no'] as const)),
    }),
    responses: { 200: json(TriageQueueSchema, 'Groups'), ...denied },
  }),
  operation({
    method: 'get',
    path: `${base}/teams`,
    tag: 'disaster-triage',
    summary: 'The disaster’s survey teams, and the staff who may be members',
    ...staff,
    params: pathParams(ids),
    responses: { 200: json(Closed({ items: Arr(SurveyTeamSchema), staff: Arr(Closed({ id: Str(), displayName: Str() })) }), 'Teams'), ...denied },
  }),
  operation({
    method: 'post',
    path: `${base}/teams`,
    tag: 'disaster-triage',
    summary: 'Form a survey team (audited)',
    ...staff,
    params: pathParams(ids),
    body: teamBody,
    responses: { 201: json(SurveyTeamSchema, 'Formed'), ...write },
  }),
  operation({
    method: 'put',
    path: `${base}/teams/:teamId`,
    tag: 'disaster-triage',
    summary: 'Change a survey team (audited)',
    ...staff,
    params: team,
    body: teamBody,
    responses: { 200: json(SurveyTeamSchema, 'Changed'), ...write },
  }),
  operation({
    method: 'delete',
    path: `${base}/teams/:teamId`,
    tag: 'disaster-triage',
    summary: 'Disband a survey team (audited; recorded results keep their team id)',
    ...staff,
    params: team,
    responses: { 204: NO_CONTENT, ...denied },
  }),
  operation({
    method: 'get',
    path: `${base}/teams/:teamId/survey-list/pdf`,
    tag: 'disaster-triage',
    summary: 'The team’s survey list as PDF, sorted by address (names and phones: audited)',
    ...staff,
    params: team,
    responses: { 200: PDF, ...denied },
  }),
  operation({
    method: 'get',
    path: `${base}/teams/:teamId/survey-list/csv`,
    tag: 'disaster-triage',
    summary: 'The team’s survey list as CSV with empty result columns to fill in (UTF-8 with BOM or CP932; audited)',
    ...staff,
    params: team,
    query: Open({ encoding: Opt(Enum(['utf-8', 'cp932'] as const)) }),
    responses: { 200: CSV, ...denied },
  }),
  operation({
    method: 'post',
    path: `${base}/teams/:teamId/survey-list/results`,
    tag: 'disaster-triage',
    summary: 'Upload the filled-in survey list (field `file`; UTF-8 with/without BOM or Shift_JIS): every row recorded, or none (422 names each bad line)',
    ...staff,
    params: team,
    bodyType: 'multipart/form-data',
    responses: { 200: json(Closed({ applied: Int() }), 'Recorded'), ...write },
  }),
  operation({
    method: 'put',
    path: `${base}/cases/:submissionId/survey`,
    tag: 'disaster-triage',
    summary: 'Record one application’s survey result (clears an earlier approval; audited)',
    ...staff,
    params: oneCase,
    body: Closed({ level: Str({ maxLength: 50 }), surveyedOn: Str({ maxLength: 20 }), surveyor: Str({ maxLength: 200 }), method: Str({ maxLength: 10 }), teamId: Opt(Nullable(Str())) }),
    responses: { 200: caseAnswer, ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/cases/:submissionId/survey/approve`,
    tag: 'disaster-triage',
    summary: 'Approve the recorded result: by another member of staff than the one who recorded it (four eyes; audited)',
    ...staff,
    params: oneCase,
    bodyRequired: false,
    body: Closed({}),
    responses: { 200: caseAnswer, 409: errorResponse('No result recorded yet'), ...denied },
  }),
];
