/** Serves the OpenAPI document at `/api/v1/openapi.json`, printed once from the API contract. */
import { API_OPERATIONS, openApiDocument } from '@madoguchi/shared/contract';
import { ContractRouter } from '../contract/contractRouter';

export function openApiRoutes() {
  const router = new ContractRouter();
  const body = JSON.stringify(openApiDocument(API_OPERATIONS, process.env.npm_package_version ?? '0.1.0'));
  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').setHeader('Cache-Control', 'public, max-age=300');
    res.send(body);
  });
  return router.router;
}
