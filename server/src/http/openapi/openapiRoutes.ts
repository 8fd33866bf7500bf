/** Serves the OpenAPI document at `/api/v1/openapi.json`. */
import { Router } from 'express';
import { openApiDocument } from './document';

export function openApiRoutes(): Router {
  const router = Router();
  const body = JSON.stringify(openApiDocument(process.env.npm_package_version ?? '0.1.0'));
  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').setHeader('Cache-Control', 'public, max-age=300');
    res.send(body);
  });
  return router;
}
