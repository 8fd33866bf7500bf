/**
 * The public API residents' browsers (and integrators) call: municipalities,
 * catalog and status (the applications themselves: intakeRoutes.ts). Thin:
 * parse the request, call a service, answer.
 */
import { type Router } from 'express';
import { RECEIPT_PATTERN, normalizeReceiptNumber } from '@madoguchi/shared';
import { statusView } from '../modules/status/statusView';
import { NotFoundError } from '../errors';
import type { Services } from '../services';
import { requestLanguage } from '../i18n/language';
import { msg } from '../i18n/messages';
import { ContractRouter } from './contract/contractRouter';
import { ownSubmission } from './receiptAuth';
import { publicReads } from './publicReads';
import { param } from './routeParams';

export function publicRoutes(services: Services): Router {
  const router = new ContractRouter();
  const { catalog, municipalities, storage } = services;
  const reads = publicReads(services);

  router.get('/health', async (req, res) => {
    try {
      await storage.ping();
    } catch (error) {
      // 503 (not 500) and a fixed body: a load balancer takes this instance out until writes work again.
      req.log?.warn({ err: error }, 'health: storage cannot take writes');
      res.setHeader('Retry-After', '30');
      res.status(503).json({ status: 'unavailable', storage: 'unavailable', presets: services.presetCount, version: services.version });
      return;
    }
    // The scanner's state is reported, never fatal: uploads still work (as pending) while clamd is down.
    const scanner = await services.fileScans.health();
    // Admission control's counters (this process): refusals show a surge beyond the configured capacity.
    const gate = ({ inFlight, queued, refused }: ReturnType<typeof services.admission.uploads.stats>) => ({ inFlight, queued, refused });
    const admission = { submissions: gate(services.admission.submissions.stats()), uploads: gate(services.admission.uploads.stats()) };
    res.json({ status: 'ok', storage: storage.kind, presets: services.presetCount, version: services.version, admission, ...(scanner ? { malwareScanner: scanner } : {}) });
  });

  router.get('/municipalities', (req, res) => {
    // The contract admits only single strings here.
    const { q = '', prefecture = '' } = req.query as { q?: string; prefecture?: string };
    const items = q ? municipalities.search(q, 30) : prefecture ? municipalities.byPrefecture(prefecture) : [];
    res.json({ items, prefectures: q || prefecture ? undefined : municipalities.prefectures() });
  });

  router.get('/municipalities/:code', (req, res) => {
    res.json(reads.municipality(param(req, 'code')));
  });

  router.get('/postal-codes/:postalCode', async (req, res) => {
    const address = await services.postalCodes.lookup(param(req, 'postalCode'));
    if (!address) throw new NotFoundError(msg('postalCodeNotFound'), 'postal_code_not_found');
    // The office list changes with the package version only: let browsers keep the answer for a day.
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.json(address);
  });

  router.get('/municipalities/:code/disasters', async (req, res) => {
    const body = await reads.disasters(param(req, 'code'));
    // Every page of the municipality asks: a short shared cache keeps a surge off the store.
    res.setHeader('Cache-Control', 'public, max-age=30');
    res.json(body);
  });

  router.get('/municipalities/:code/procedures', async (req, res) => {
    res.json({ items: await catalog.list(param(req, 'code'), services.now()) });
  });

  router.get('/municipalities/:code/guides', async (req, res) => {
    res.json({ items: await services.guides.list(param(req, 'code')) });
  });

  router.get('/municipalities/:code/guides/:guideId', async (req, res) => {
    res.json(await services.guides.get(param(req, 'code'), param(req, 'guideId')));
  });

  router.post('/municipalities/:code/guides/:guideId/evaluate', async (req, res) => {
    res.json({ items: await services.guides.evaluate(param(req, 'code'), param(req, 'guideId'), (req.body as { answers: Record<string, unknown> }).answers) });
  });

  // 定員 (issue #22): places left per option, read as the resident fills in; counts only, never who booked.
  router.get('/municipalities/:code/procedures/:procedureId/capacity', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json(await services.capacity.availability(param(req, 'code'), param(req, 'procedureId')));
  });

  router.get('/municipalities/:code/procedures/:procedureId', async (req, res) => {
    res.json(await reads.procedure(param(req, 'code'), param(req, 'procedureId')));
  });

  /** Status by receipt number; the secret travels in a header so it never lands in URLs or logs. */
  router.get('/submissions/:receiptNumber/status', async (req, res) => {
    const en = requestLanguage(req) === 'en';
    const submission = await ownSubmission(req, storage);
    const body = await statusView(storage, submission, en, (code) => municipalities.get(code)?.name);
    res.setHeader('Cache-Control', 'no-store');
    res.json(body);
  });

  /** The bundle and where each of its applications stands; the secret travels in a header, as for one application. */
  router.get('/bundles/:receiptNumber/status', async (req, res) => {
    const en = requestLanguage(req) === 'en';
    const notFound = new NotFoundError(en ? 'No applications match this receipt number and key.' : '到達番号または確認キーが正しくありません。', 'bundle_not_found');
    const receipt = normalizeReceiptNumber(param(req, 'receiptNumber'));
    const bundle = RECEIPT_PATTERN.test(receipt) ? await storage.submissions.findBundle(receipt) : null;
    if (!bundle || !services.bundles.opens(bundle, req.get('X-Receipt-Secret') ?? '')) throw notFound;
    const submissions = await Promise.all(bundle.submissionIds.map((id) => storage.submissions.findById(id)));
    // An application removed after its retention period is left out, not an error.
    const items = await Promise.all(
      submissions.filter((s) => s !== null).map(async (s) => ({ status: await statusView(storage, s, en, (code) => municipalities.get(code)?.name), secret: services.intake.statusSecret(s.id) })),
    );
    res.setHeader('Cache-Control', 'no-store');
    res.json({ receiptNumber: bundle.receiptNumber, municipalityCode: bundle.municipalityCode, submittedAt: bundle.createdAt, items });
  });

  return router.router;
}
