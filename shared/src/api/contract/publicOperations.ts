/** The resident-facing API: catalog, intake, status, uploads, drafts, the PDF copy and corrections (補正). */
import {
  CorrectionAnswerSchema, CorrectionViewSchema, DraftCreatedSchema, DraftViewSchema, IntakeResponseSchema, MunicipalitySchema, ProcedureDetailSchema,
  ProcedureSummarySchema, RevisionAnswersSchema, StatusResponseSchema, SubmissionStatusSchema, UploadedFileSchema,
} from './components';
import { AnyObject, Arr, Closed, DateTime, Enum, Int, Open, Opt, Str, Type, refusal } from './kit';
import { errorResponse, json, pathParams, PDF } from './responses';
import { operation } from './operation';

const code = { code: Str({ description: '6-digit municipality code (全国地方公共団体コード)' }) };
const procedureId = { procedureId: Str({ description: 'Procedure id, e.g. risai-shomeisho' }) };
const receipt = { receiptNumber: Str({ description: '到達番号 (XXXX-XXXX-XXXX; lower case, spaces and full-width accepted)' }) };
const secretHeader = { name: 'X-Receipt-Secret', description: 'The status secret given at intake (never in the URL)', required: true };
const resumeHeader = { name: 'X-Resume-Secret', description: 'The resume secret of the draft', required: true };
const uploadTokenHeader = { name: 'X-Upload-Token', description: 'Random token (22–100 URL-safe characters) that later binds the files', required: true };
const notFound = errorResponse('Not found, or receipt number and secret do not match');
const revisionNumber = Str({
  pattern: '^[1-9][0-9]{0,8}$', description: 'Revision number',
  ...refusal('revision_not_found', '指定された版の回答は見つかりません。', 'That revision of the answers was not found.', 404),
});
const draftBody = Open({
  municipalityCode: Str(), procedureId: Str(), formVersion: Int(), data: AnyObject(),
  attachments: Opt(Type.Record(Type.String(), Arr(Str()))), uploadToken: Str(),
});

export const PUBLIC_OPERATIONS = [
  operation({
    method: 'get', path: '/health', tag: 'public', summary: 'Liveness and storage round trip', security: 'none',
    responses: {
      200: json(Closed({ status: Str(), storage: Str(), presets: Int(), version: Str(), malwareScanner: Opt(Enum(['ok', 'unreachable'] as const, { description: 'Only when CLAMD_* is set; never fails health' })) }), 'Up'),
      503: json(Closed({ status: Enum(['unavailable'] as const), storage: Enum(['unavailable'] as const), presets: Int(), version: Str() }), 'The store cannot take writes now (disk full, database locked, no MongoDB primary); Retry-After is set'),
    },
  }),
  operation({
    method: 'get', path: '/municipalities', tag: 'public', summary: 'Find a municipality by name or reading, or list a prefecture', security: 'none',
    query: Open({ q: Opt(Str({ description: 'Name or reading, e.g. みと', maxLength: 100 })), prefecture: Opt(Str({ description: 'e.g. 茨城県', maxLength: 10 })) }),
    responses: { 200: json(Closed({ items: Arr(MunicipalitySchema), prefectures: Opt(Arr(Str())) }), 'Matches; without a query, the prefectures') },
  }),
  operation({
    method: 'get', path: '/municipalities/:code', tag: 'public', summary: 'One municipality', security: 'none', params: pathParams(code),
    responses: { 200: json(MunicipalitySchema, 'Found'), 404: errorResponse('Unknown code') },
  }),
  operation({
    method: 'get', path: '/municipalities/:code/procedures', tag: 'public', summary: "The municipality's published procedures", security: 'none', params: pathParams(code),
    responses: { 200: json(Closed({ items: Arr(ProcedureSummarySchema) }), 'Catalog'), 404: errorResponse('Unknown municipality') },
  }),
  operation({
    method: 'get', path: '/municipalities/:code/procedures/:procedureId', tag: 'public', summary: 'One procedure with its current form version', security: 'none',
    params: pathParams({ ...code, ...procedureId }),
    responses: { 200: json(ProcedureDetailSchema, 'Procedure'), 404: errorResponse('Not offered') },
  }),
  operation({
    method: 'post', path: '/municipalities/:code/procedures/:procedureId/submissions', tag: 'public', summary: 'Intake: submit an application', security: 'none',
    params: pathParams({ ...code, ...procedureId }),
    headers: [{ name: 'Idempotency-Key', description: 'Makes retries safe (8–200 visible ASCII characters)', required: false }],
    // The answers themselves are checked against the procedure's own form version (422 with per-field messages).
    body: Open({ data: AnyObject(), attachments: Opt(AnyObject()), uploadToken: Opt(Str()), formVersion: Opt(Int()), language: Opt(Str()) }),
    responses: {
      201: json(IntakeResponseSchema, 'Stored (or an identical retry: header Idempotent-Replayed)'), 400: errorResponse('Malformed'), 404: errorResponse('Unknown municipality or procedure'),
      409: errorResponse('Form version changed'), 413: errorResponse('Too large'), 422: errorResponse('Invalid answers, with per-field messages'),
      503: errorResponse('The store cannot take the write now (disk full, database locked, no MongoDB primary): nothing was acknowledged; retry after Retry-After seconds with the same Idempotency-Key'),
    },
  }),
  operation({
    method: 'get', path: '/submissions/:receiptNumber/status', tag: 'public', summary: 'Status page data', security: 'none', params: pathParams(receipt), headers: [secretHeader],
    responses: { 200: json(StatusResponseSchema, 'Status'), 404: notFound },
  }),
  operation({
    method: 'get', path: '/submissions/:receiptNumber/pdf', tag: 'public', summary: "The resident's PDF copy", security: 'none', params: pathParams(receipt), headers: [secretHeader],
    responses: { 200: PDF, 404: notFound },
  }),
  operation({
    method: 'get', path: '/submissions/:receiptNumber/correction', tag: 'corrections', summary: 'The open correction request (補正依頼), messages and revisions', security: 'none',
    params: pathParams(receipt), headers: [secretHeader],
    responses: { 200: json(CorrectionViewSchema, 'Correction state'), 404: notFound },
  }),
  operation({
    method: 'post', path: '/submissions/:receiptNumber/correction', tag: 'corrections', summary: 'Answer the correction request: message, corrected answers, added files → new revision', security: 'none',
    params: pathParams(receipt), headers: [secretHeader], body: CorrectionAnswerSchema, bodyRequired: false,
    responses: {
      200: json(Closed({ revision: Int(), status: SubmissionStatusSchema }), 'New revision stored, status 補正済（再提出）'), 400: errorResponse('Empty answer or a field not asked for'),
      404: notFound, 409: errorResponse('No open request, or the submission changed meanwhile'), 422: errorResponse('Invalid answers'),
    },
  }),
  operation({
    method: 'get', path: '/submissions/:receiptNumber/revisions/:revision', tag: 'corrections', summary: 'An earlier revision of the answers', security: 'none',
    params: pathParams({ ...receipt, revision: revisionNumber }), headers: [secretHeader],
    responses: { 200: json(RevisionAnswersSchema, 'Revision'), 404: notFound },
  }),
  operation({
    method: 'post', path: '/municipalities/:code/uploads', tag: 'resident', summary: 'Upload one attachment before submitting', security: 'none',
    params: pathParams(code), headers: [uploadTokenHeader], bodyType: 'multipart/form-data',
    body: Closed({ file: Str({ format: 'binary' }), procedureId: Str(), attachmentId: Str() }),
    responses: {
      201: json(UploadedFileSchema, 'Stored'), 400: errorResponse('Missing file or token; a name that is not UTF-8 (invalid_text_encoding)'), 404: errorResponse('Unknown attachment'),
      409: errorResponse("The token already holds as many unsubmitted files as the procedure's attachments allow together (too_many_files); nothing stored"),
      413: errorResponse('Too large'), 415: errorResponse('Type not accepted'), 422: errorResponse('Malware found (malware_detected); nothing stored'),
    },
  }),
  operation({
    method: 'delete', path: '/uploads/:fileId', tag: 'resident', summary: 'Remove an uploaded file not yet submitted', security: 'none',
    params: pathParams({ fileId: Str({ description: 'File id' }) }), headers: [{ name: 'X-Upload-Token', description: 'Token it was uploaded with', required: true }],
    responses: { 204: { description: 'Removed' }, 404: errorResponse('Not found') },
  }),
  operation({
    method: 'post', path: '/drafts', tag: 'resident', summary: 'Save a draft behind a resume link', security: 'none', body: draftBody,
    responses: { 201: json(DraftCreatedSchema, 'Saved'), 400: errorResponse('Invalid draft') },
  }),
  operation({
    method: 'get', path: '/drafts/:draftId', tag: 'resident', summary: 'Load a draft', security: 'none', params: pathParams({ draftId: Str() }), headers: [resumeHeader],
    responses: { 200: json(DraftViewSchema, 'Draft'), 404: errorResponse('Invalid or expired link') },
  }),
  operation({
    method: 'put', path: '/drafts/:draftId', tag: 'resident', summary: 'Update a draft', security: 'none', params: pathParams({ draftId: Str() }), headers: [resumeHeader], body: draftBody,
    responses: { 200: json(Closed({ expiresAt: DateTime() }), 'Saved'), 400: errorResponse('Invalid draft'), 404: errorResponse('Invalid or expired link') },
  }),
  operation({
    method: 'delete', path: '/drafts/:draftId', tag: 'resident', summary: 'Delete a draft', security: 'none', params: pathParams({ draftId: Str() }), headers: [resumeHeader],
    responses: { 204: { description: 'Deleted' }, 404: errorResponse('Invalid or expired link') },
  }),
  operation({
    method: 'get', path: '/openapi.json', tag: 'public', summary: 'This document', security: 'none',
    responses: { 200: json(AnyObject(), 'OpenAPI 3.1 document') },
  }),
];
