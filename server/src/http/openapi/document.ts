/**
 * The OpenAPI 3.1 document of the public API: resident routes, corrections,
 * the staff inbox and integration admin, and the back-office pull API, plus
 * the webhook envelope. tests/integration/openapi.test.ts checks real
 * responses against it, and that every route is described.
 */
import { BACKOFFICE_PATHS } from './backofficePaths';
import { PUBLIC_PATHS } from './publicPaths';
import { SCHEMAS } from './schemas';
import { STAFF_PATHS } from './staffPaths';
import { ref } from './schemaHelpers';

export function openApiDocument(version = '0.1.0') {
  return {
    openapi: '3.1.0',
    info: {
      title: '窓口 Madoguchi API',
      version,
      description:
        'Online applications for Japanese municipalities. Errors always look like `{"error": {"code", "message", "requestId", "fields"?}}`; messages are Japanese, English with `?lang=en` or `Accept-Language: en`. Every response carries `X-Request-Id`.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/api/v1' }],
    tags: [
      { name: 'public', description: 'Catalog, intake and status' },
      { name: 'resident', description: 'Uploads, drafts' },
      { name: 'corrections', description: '補正依頼: the applicant answers a correction request' },
      { name: 'inbox', description: 'Staff inbox (session cookie; writes need X-CSRF-Token)' },
      { name: 'integrations', description: 'API keys, webhooks and deliveries (municipal admins)' },
      { name: 'retention', description: 'How long closed submissions are kept (municipal admins)' },
      { name: 'backoffice', description: 'Pull API for back-office systems (API key)' },
    ],
    paths: { ...PUBLIC_PATHS, ...STAFF_PATHS, ...BACKOFFICE_PATHS },
    webhooks: {
      submissionEvent: {
        post: {
          summary: 'Sent to each webhook for its events. Header Madoguchi-Signature: t=<unix>,v1=hex(HMAC-SHA256(secret, "<t>.<body>")); Madoguchi-Event-Id for de-duplication (at-least-once delivery, retries with exponential back-off).',
          requestBody: { required: true, content: { 'application/json': { schema: ref('WebhookEnvelope') } } },
          responses: { 200: { description: 'Any 2xx acknowledges the delivery' } },
        },
      },
    },
    components: {
      schemas: SCHEMAS,
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'API key `mdg_<id>_<secret>` created by a municipal admin' },
        staffSession: { type: 'apiKey', in: 'cookie', name: 'madoguchi_staff', description: 'Staff session (sign in at /staff/login); writes also need the X-CSRF-Token header' },
      },
    },
  };
}

