/**
 * Prints the OpenAPI 3.1 document from the declared operations. Named schemas
 * (see `component` in kit.ts) become `#/components/schemas/<name>`; the rest
 * is inlined. OpenAPI 3.1 schemas are JSON Schema, so TypeBox's go in as they are.
 */
import { componentName, REFUSAL_KEYWORD } from './kit';
import type { Operation } from './operation';
import { WebhookEnvelopeSchema } from './components';

type Json = Record<string, unknown>;

/** `/municipalities/:code` → `/municipalities/{code}` */
const templated = (path: string) => path.replace(/:(\w+)/g, '{$1}');

const TAG_DESCRIPTIONS: Record<string, string> = {
  public: 'Catalog, intake and status',
  resident: 'Uploads, drafts',
  'my-number-card': 'The resident signs in and signs applications with the My Number Card through the デジタル認証アプリ (resident session cookie)',
  corrections: '補正依頼: the applicant answers a correction request',
  'sign-in': 'Staff sign-in steps and the session (the session cookie; writes need X-CSRF-Token)',
  account: 'The signed-in account: password, second factor, recent sign-ins',
  users: 'Accounts and invitations (admins)',
  settings: 'Sign-in policy and audit trail (admins)',
  catalog: 'A municipality’s catalog and adopted presets with local edits',
  builder: 'Procedures of a municipality’s own (the no-code builder)',
  'preset-library': 'The national preset library (platform admins)',
  inbox: 'Staff inbox (session cookie; writes need X-CSRF-Token)',
  'counter-analysis': '窓口の分析: the counter’s timed steps as figures and CSV (書かない窓口)',
  integrations: 'API keys, webhooks and deliveries (municipal admins)',
  retention: 'How long closed submissions are kept (municipal admins)',
  backoffice: 'Pull API for back-office systems (API key)',
};

export function openApiDocument(operations: readonly Operation[], version = '0.1.0'): Json {
  const components: Record<string, unknown> = {};
  /** Copies a schema for the document: named parts become $refs, annotations of the server stay out. */
  const print = (schema: unknown, root = false): unknown => {
    if (Array.isArray(schema)) return schema.map((s) => print(s));
    if (!schema || typeof schema !== 'object') return schema;
    const name = root ? undefined : componentName(schema);
    if (name) {
      if (!(name in components)) {
        components[name] = null; // reserve first: a schema may name itself further down
        components[name] = print(schema, true);
      }
      return { $ref: `#/components/schemas/${name}` };
    }
    const out: Json = {};
    for (const [key, value] of Object.entries(schema)) if (key !== REFUSAL_KEYWORD) out[key] = print(value);
    return out;
  };
  const parameters = (o: Operation) => [
    ...Object.entries((o.params?.properties ?? {}) as Record<string, Json>).map(([name, s]) => ({
      name,
      in: 'path',
      required: true,
      schema: print(s),
      ...(s.description ? { description: s.description } : {}),
    })),
    ...Object.entries((o.query?.properties ?? {}) as Record<string, Json>).map(([name, s]) => ({
      name,
      in: 'query',
      required: (o.query?.required ?? []).includes(name),
      schema: print(s),
      ...(s.description ? { description: s.description } : {}),
    })),
    ...(o.headers ?? []).map((h) => ({ name: h.name, in: 'header', required: h.required, description: h.description, schema: { type: 'string' } })),
  ];
  const paths: Record<string, Json> = {};
  for (const o of operations) {
    const path = (paths[templated(o.path)] ??= {});
    path[o.method] = {
      tags: [o.tag],
      summary: o.summary,
      operationId: `${o.method}${templated(o.path)
        .replace(/[{}]/g, '')
        .replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      ...(o.security === 'none' ? { security: [] } : { security: [{ [o.security]: [] }] }),
      ...(parameters(o).length ? { parameters: parameters(o) } : {}),
      ...(o.body ? { requestBody: { required: o.bodyRequired !== false, content: { [o.bodyType ?? 'application/json']: { schema: print(o.body) } } } } : {}),
      responses: Object.fromEntries(
        Object.entries(o.responses).map(([status, r]) => [
          status,
          {
            description: r.description,
            ...(r.schema ? { content: { 'application/json': { schema: print(r.schema) } } } : r.contentType ? { content: { [r.contentType]: { schema: { type: 'string', format: 'binary' } } } } : {}),
          },
        ]),
      ),
    };
  }
  print(WebhookEnvelopeSchema); // named by the webhooks section below, not by an operation
  return {
    openapi: '3.1.0',
    info: {
      title: '窓口 Madoguchi API',
      version,
      description:
        'Online applications for Japanese municipalities. Errors always look like `{"error": {"code", "message", "requestId", "fields"?}}`; messages are Japanese, English with `?lang=en` or `Accept-Language: en`. Every response carries `X-Request-Id`. Printed from the contract in shared/src/api/contract.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/api/v1' }],
    tags: [...new Set(operations.map((o) => o.tag))].map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? name })),
    paths,
    webhooks: {
      submissionEvent: {
        post: {
          summary:
            'Sent to each webhook for its events. Header Madoguchi-Signature: t=<unix>,v1=hex(HMAC-SHA256(secret, "<t>.<body>")); Madoguchi-Event-Id for de-duplication (at-least-once delivery, retries with exponential back-off). Retention removals arrive as submission.deleted / submission.stripped, written in the same transaction as the removal.',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/WebhookEnvelope' } } } },
          responses: { 200: { description: 'Any 2xx acknowledges the delivery' } },
        },
      },
    },
    components: {
      schemas: components,
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'API key `mdg_<id>_<secret>` created by a municipal admin' },
        staffSession: { type: 'apiKey', in: 'cookie', name: 'madoguchi_staff', description: 'Staff session (sign in at /staff/login); writes also need the X-CSRF-Token header' },
      },
    },
  };
}
