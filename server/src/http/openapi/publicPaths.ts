/** OpenAPI paths of the resident-facing API: catalog, intake, status, uploads, drafts, PDF copy, corrections. */
import { arr, enumOf, errorResponse, headerParam, int, json, jsonBody, obj, pathParam, queryParam, ref, str, anyObject, type Schema } from './schemaHelpers';

const code = pathParam('code', '6-digit municipality code (全国地方公共団体コード)');
const procedureId = pathParam('procedureId', 'Procedure id, e.g. risai-shomeisho');
const receipt = pathParam('receiptNumber', '到達番号 (XXXX-XXXX-XXXX; lower case, spaces and full-width accepted)');
const secret = headerParam('X-Receipt-Secret', 'The status secret given at intake (never in the URL)');
const resumeSecret = headerParam('X-Resume-Secret', 'The resume secret of the draft');
const notFound = errorResponse('Not found, or receipt number and secret do not match');
const pdf = { description: 'PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } };
const draftBody = jsonBody(obj({ municipalityCode: str(), procedureId: str(), formVersion: int(), data: anyObject(), attachments: anyObject(), uploadToken: str() }, ['attachments'], false));

export const PUBLIC_PATHS: Record<string, Schema> = {
  '/health': {
    get: { tags: ['public'], summary: 'Liveness and storage round trip', responses: {
      200: json(obj({ status: str(), storage: str(), presets: int(), version: str(), malwareScanner: enumOf(['ok', 'unreachable'], 'Only when CLAMD_* is set; never fails health') }, ['malwareScanner']), 'Up'),
      503: json(obj({ status: enumOf(['unavailable']), storage: enumOf(['unavailable']), presets: int(), version: str() }), 'The store cannot take writes now (disk full, database locked, no MongoDB primary); Retry-After is set'),
    } },
  },
  '/municipalities': {
    get: {
      tags: ['public'], summary: 'Find a municipality by name or reading, or list a prefecture',
      parameters: [queryParam('q', 'Name or reading, e.g. みと'), queryParam('prefecture', 'e.g. 茨城県')],
      responses: { 200: json(obj({ items: arr(ref('Municipality')), prefectures: arr(str()) }, ['prefectures']), 'Matches; without a query, the prefectures') },
    },
  },
  '/municipalities/{code}': {
    get: { tags: ['public'], summary: 'One municipality', parameters: [code], responses: { 200: json(ref('Municipality'), 'Found'), 404: errorResponse('Unknown code') } },
  },
  '/municipalities/{code}/procedures': {
    get: { tags: ['public'], summary: "The municipality's published procedures", parameters: [code], responses: { 200: json(obj({ items: arr(ref('ProcedureSummary')) }), 'Catalog'), 404: errorResponse('Unknown municipality') } },
  },
  '/municipalities/{code}/procedures/{procedureId}': {
    get: { tags: ['public'], summary: 'One procedure with its current form version', parameters: [code, procedureId], responses: { 200: json(ref('ProcedureDetail'), 'Procedure'), 404: errorResponse('Not offered') } },
  },
  '/municipalities/{code}/procedures/{procedureId}/submissions': {
    post: {
      tags: ['public'], summary: 'Intake: submit an application',
      parameters: [code, procedureId, headerParam('Idempotency-Key', 'Makes retries safe (8–200 visible ASCII characters)', false)],
      requestBody: jsonBody(obj({ data: anyObject(), attachments: anyObject(), uploadToken: str(), formVersion: int(), language: str() }, ['attachments', 'uploadToken', 'formVersion', 'language'], false)),
      responses: {
        201: json(ref('IntakeResponse'), 'Stored (or an identical retry: header Idempotent-Replayed)'), 400: errorResponse('Malformed'), 404: errorResponse('Unknown municipality or procedure'),
        409: errorResponse('Form version changed'), 413: errorResponse('Too large'), 422: errorResponse('Invalid answers, with per-field messages'),
        503: errorResponse('The store cannot take the write now (disk full, database locked, no MongoDB primary): nothing was acknowledged; retry after Retry-After seconds with the same Idempotency-Key'),
      },
    },
  },
  '/submissions/{receiptNumber}/status': {
    get: { tags: ['public'], summary: 'Status page data', parameters: [receipt, secret], responses: { 200: json(ref('StatusResponse'), 'Status'), 404: notFound } },
  },
  '/submissions/{receiptNumber}/pdf': {
    get: { tags: ['public'], summary: "The resident's PDF copy", parameters: [receipt, secret], responses: { 200: pdf, 404: notFound } },
  },
  '/submissions/{receiptNumber}/correction': {
    get: { tags: ['corrections'], summary: 'The open correction request (補正依頼), messages and revisions', parameters: [receipt, secret], responses: { 200: json(ref('CorrectionView'), 'Correction state'), 404: notFound } },
    post: {
      tags: ['corrections'], summary: 'Answer the correction request: message, corrected answers, added files → new revision',
      parameters: [receipt, secret], requestBody: jsonBody(ref('CorrectionAnswer')),
      responses: {
        200: json(obj({ revision: int(), status: ref('SubmissionStatus') }), 'New revision stored, status 補正済（再提出）'), 400: errorResponse('Empty answer or a field not asked for'),
        404: notFound, 409: errorResponse('No open request, or the submission changed meanwhile'), 422: errorResponse('Invalid answers'),
      },
    },
  },
  '/submissions/{receiptNumber}/revisions/{revision}': {
    get: { tags: ['corrections'], summary: 'An earlier revision of the answers', parameters: [receipt, pathParam('revision', 'Revision number', int()), secret], responses: { 200: json(ref('RevisionAnswers'), 'Revision'), 404: notFound } },
  },
  '/municipalities/{code}/uploads': {
    post: {
      tags: ['resident'], summary: 'Upload one attachment before submitting',
      parameters: [code, headerParam('X-Upload-Token', 'Random token (22–100 URL-safe characters) that later binds the files')],
      requestBody: { required: true, content: { 'multipart/form-data': { schema: obj({ file: { type: 'string', format: 'binary' }, procedureId: str(), attachmentId: str() }, [], false) } } },
      responses: {
        201: json(ref('UploadResponse'), 'Stored'), 400: errorResponse('Missing file or token; a name that is not UTF-8 (invalid_text_encoding)'), 404: errorResponse('Unknown attachment'),
        409: errorResponse('The token already holds as many unsubmitted files as the procedure\'s attachments allow together (too_many_files); nothing stored'),
        413: errorResponse('Too large'), 415: errorResponse('Type not accepted'), 422: errorResponse('Malware found (malware_detected); nothing stored'),
      },
    },
  },
  '/uploads/{fileId}': {
    delete: { tags: ['resident'], summary: 'Remove an uploaded file not yet submitted', parameters: [pathParam('fileId', 'File id'), headerParam('X-Upload-Token', 'Token it was uploaded with')], responses: { 204: { description: 'Removed' }, 404: errorResponse('Not found') } },
  },
  '/drafts': {
    post: { tags: ['resident'], summary: 'Save a draft behind a resume link', requestBody: draftBody, responses: { 201: json(ref('DraftCreated'), 'Saved'), 400: errorResponse('Invalid draft') } },
  },
  '/drafts/{draftId}': {
    get: { tags: ['resident'], summary: 'Load a draft', parameters: [pathParam('draftId', 'Draft id'), resumeSecret], responses: { 200: json(ref('Draft'), 'Draft'), 404: errorResponse('Invalid or expired link') } },
    put: { tags: ['resident'], summary: 'Update a draft', parameters: [pathParam('draftId', 'Draft id'), resumeSecret], requestBody: draftBody, responses: { 200: json(obj({ expiresAt: str() }), 'Saved'), 404: errorResponse('Invalid or expired link') } },
    delete: { tags: ['resident'], summary: 'Delete a draft', parameters: [pathParam('draftId', 'Draft id'), resumeSecret], responses: { 204: { description: 'Deleted' }, 404: errorResponse('Invalid or expired link') } },
  },
  '/openapi.json': {
    get: { tags: ['public'], summary: 'This document', responses: { 200: json(anyObject(), 'OpenAPI 3.1 document') } },
  },
};
