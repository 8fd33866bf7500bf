/**
 * Serves the built resident and staff app. Files under /assets carry a
 * content hash in their name, so they are cached for a year and never
 * revalidated; the brotli or gzip copy made at build time is sent when the
 * browser accepts it. The page itself (index.html) is revalidated on every
 * visit, so a new deployment is picked up at once.
 */
import express, { Router } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { join } from 'node:path';
import { cookieLanguage, formPageHtml } from './formPagePreloads';

const NO_CACHE = 'no-cache';

export function clientAssets(clientDist: string): Router {
  const router = Router();
  router.use(
    '/assets',
    expressStaticGzip(join(clientDist, 'assets'), {
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      index: false,
      serveStatic: { immutable: true, maxAge: '365d' },
    }),
  );
  // A missing hashed file (an old page asking for a replaced script) is a 404, never the page in its place.
  router.use('/assets', (_req, res) => {
    res.status(404).type('text/plain').setHeader('Cache-Control', NO_CACHE);
    res.send('Not found');
  });
  // Anything else at the top of dist (none today but index.html): short-lived, revalidated.
  router.use(express.static(clientDist, { index: false, setHeaders: (res) => res.setHeader('Cache-Control', NO_CACHE) }));
  // The client routes (/, /m/:code/…) all load the single page; the form page names its chunks in it.
  const formPage = formPageHtml(clientDist);
  router.get(/^\/(?!api\/).*/, (req, res) => {
    res.setHeader('Cache-Control', NO_CACHE);
    const html = formPage(req.path, cookieLanguage(req.headers.cookie));
    // The form page preloads its data in the language its cookie names.
    if (html) res.vary('Cookie').type('html').send(html);
    else res.sendFile(join(clientDist, 'index.html'));
  });
  return router;
}
