/** OpenAPI paths of the back-office pull API (`/backoffice/…`, `Authorization: Bearer mdg_…`). */
import { errorResponse, int, json, jsonBody, obj, pathParam, queryParam, ref, str, enumOf, type Schema } from './schemaHelpers';

const receipt = pathParam('receiptNumber', '到達番号');
const key = { security: [{ apiKey: [] }] };
const denied = { 401: errorResponse('Missing, invalid or revoked API key'), 403: errorResponse('The key’s scope does not allow this') };
const op = (summary: string, extra: Schema): Schema => ({ tags: ['backoffice'], summary, ...key, ...extra });

export const BACKOFFICE_PATHS: Record<string, Schema> = {
  '/backoffice/submissions': {
    get: op('Submissions changed since a cursor (new, status moves, corrections, retention), in commit order', {
      parameters: [queryParam('after', 'Cursor from the previous page (`next`); none: from the beginning'), queryParam('limit', '1–200 (default 100)', int()), queryParam('procedureId', 'Only this procedure')],
      responses: { 200: json(ref('PullPage'), 'Changes'), 400: errorResponse('Bad cursor'), ...denied },
    }),
  },
  '/backoffice/submissions/{receiptNumber}': {
    get: op('One submission with its answers and attachments (audited)', {
      parameters: [receipt, queryParam('embed', '`attachments` embeds file contents (base64, up to 20 MB in total)', enumOf(['attachments']))],
      responses: { 200: json(ref('PullSubmission'), 'Submission'), 404: errorResponse('Not found in this municipality'), ...denied },
    }),
  },
  '/backoffice/submissions/{receiptNumber}/files/{fileId}': {
    get: op('One attachment', {
      parameters: [receipt, pathParam('fileId', 'File id')],
      responses: { 200: { description: 'The file', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }, 404: errorResponse('Not found'), 409: errorResponse('Malware was found in the file (file_infected): never downloadable'), ...denied },
    }),
  },
  '/backoffice/submissions/{receiptNumber}/ack': {
    post: op('Acknowledge receipt of a revision (shown to staff as 取込済)', {
      parameters: [receipt], requestBody: { required: false, content: { 'application/json': { schema: obj({ revision: int('Default: the current one') }, ['revision']) } } },
      responses: { 200: json(ref('PullItem'), 'Acknowledged'), 400: errorResponse('No such revision'), 404: errorResponse('Not found'), ...denied },
    }),
  },
  '/backoffice/submissions/{receiptNumber}/status': {
    post: op('Move the status (read-write keys)', {
      parameters: [receipt], requestBody: jsonBody(ref('StatusMove')),
      responses: {
        200: json(obj({ receiptNumber: str(), status: ref('SubmissionStatus'), updatedAt: str() }), 'Moved'), 400: errorResponse('Invalid move'), 404: errorResponse('Not found'),
        409: errorResponse('Illegal move, or changed meanwhile'), ...denied,
      },
    }),
  },
};
