/**
 * A resident's application: one procedure, or a bundle of them (ワンストップ). The busiest route under a surge,
 * so app.ts mounts it ahead of the rest of the API with only the layers it needs. Thin: call the service, answer.
 */
import type { Router } from 'express';
import type { Services } from '../services';
import { requestLanguage } from '../i18n/language';
import { ContractRouter } from './contract/contractRouter';
import { residentSessionId } from './residentCardRoutes';
import { param } from './routeParams';

/** The application POSTs, relative to /api/v1 (app.ts puts the rate limit and admission control in front of both). */
export const INTAKE_PATHS = ['/municipalities/:code/procedures/:procedureId/submissions', '/municipalities/:code/bundles'];

export function intakeRoutes(services: Services): Router {
  const router = new ContractRouter();
  const { intake, bundles } = services;

  router.post(INTAKE_PATHS[0]!, async (req, res) => {
    const key = req.get('Idempotency-Key');
    const { response, created } = await intake.submit({
      municipalityCode: param(req, 'code'),
      procedureId: param(req, 'procedureId'),
      body: req.body,
      ...(key !== undefined ? { idempotencyKey: key } : {}),
      language: req.body?.language === 'en' ? 'en' : requestLanguage(req),
      residentSession: residentSessionId(req),
    });
    if (!created) res.setHeader('Idempotent-Replayed', 'true');
    res.status(201).location(`/api/v1/submissions/${response.receiptNumber}/status`).json(response);
  });

  router.post(INTAKE_PATHS[1]!, async (req, res) => {
    const key = req.get('Idempotency-Key');
    const body = req.body as { items: unknown; language?: string; signature?: unknown };
    const { response, created } = await bundles.submit({
      municipalityCode: param(req, 'code'),
      items: body.items,
      ...(key !== undefined ? { idempotencyKey: key } : {}),
      language: body.language === 'en' ? 'en' : requestLanguage(req),
      ...(residentSessionId(req) ? { residentSession: residentSessionId(req) } : {}),
      ...(body.signature !== undefined ? { signature: body.signature } : {}),
    });
    if (!created) res.setHeader('Idempotent-Replayed', 'true');
    res.status(201).location(`/api/v1/bundles/${response.receiptNumber}/status`).json(response);
  });

  return router.router;
}
