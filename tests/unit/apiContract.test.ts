/**
 * The API contract as the server applies it: a route that the contract does
 * not declare cannot be mounted, a request is checked against its operation
 * (the contract's own refusal code and message, in the caller's language),
 * and the OpenAPI document is printed from the same declarations.
 */
import express from 'express';
import request from 'supertest';
import { API_OPERATIONS, findOperation, openApiDocument } from '@madoguchi/shared/contract';
import { ContractRouter } from '../../server/src/http/contract/contractRouter';
import { errorHandler } from '../../server/src/http/errorHandler';

describe('API contract', () => {
  it('refuses to mount a route it does not declare', () => {
    expect(() => new ContractRouter().get('/not-in-the-contract', (_req, res) => res.end())).toThrow('No API contract for GET /not-in-the-contract');
    expect(() => new ContractRouter('/backoffice').post('/submissions', (_req, res) => res.end())).toThrow('No API contract for POST /backoffice/submissions');
  });

  it('checks the request against the operation before the handler, with the refusal the contract names', async () => {
    const router = new ContractRouter();
    let handled = 0;
    router.get('/submissions/:receiptNumber/revisions/:revision', (_req, res) => {
      handled++;
      res.json({});
    });
    const app = express().use(express.json()).use(router.router).use(errorHandler);
    const ja = await request(app).get('/submissions/ABCD-EFGH-JKLM/revisions/x1').expect(404);
    expect(ja.body.error).toMatchObject({ code: 'revision_not_found', message: '指定された版の回答は見つかりません。' });
    const en = await request(app).get('/submissions/ABCD-EFGH-JKLM/revisions/0').set('Accept-Language', 'en').expect(404);
    expect(en.body.error).toMatchObject({ code: 'revision_not_found', message: 'That revision of the answers was not found.' });
    expect(handled).toBe(0);
    await request(app).get('/submissions/ABCD-EFGH-JKLM/revisions/2').expect(200);
    expect(handled).toBe(1);
  });

  it('answers a generic 400 naming the part when the contract gives no refusal', async () => {
    const router = new ContractRouter();
    router.post('/drafts', (_req, res) => res.status(201).json({}));
    const app = express().use(express.json()).use(router.router).use(errorHandler);
    const res = await request(app).post('/drafts').send({ municipalityCode: '082015', procedureId: 'x', formVersion: 'one', data: {}, uploadToken: 't' }).expect(400);
    expect(res.body.error).toMatchObject({ code: 'bad_request', message: 'リクエストの形式が正しくありません（送信内容 /formVersion）。' });
  });

  it('prints every operation into the OpenAPI document, with named schemas as components', () => {
    const doc = openApiDocument(API_OPERATIONS) as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
    const printed = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(printed).toHaveLength(API_OPERATIONS.length);
    expect(findOperation('get', '/staff/session')).toBeDefined();
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['SubmissionView', 'InboxList', 'Error', 'StaffSession', 'WebhookEnvelope']));
    expect(JSON.stringify(doc)).not.toContain('x-refusal');
  });
});
