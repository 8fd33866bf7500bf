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
import { cookieLanguage, formPageHtml, withAnswers } from './formPagePreloads';
import type { ReadFormPageAnswers } from './formPageAnswers';

const NO_CACHE = 'no-cache';

/** `answers`: the form page's early API answers (formPageAnswers.ts), carried in its HTML. */
export function clientAssets(clientDist: string, answers: ReadFormPageAnswers): Router {
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
  router.get(/^\/(?!api\/).*/, async (req, res) => {
    res.setHeader('Cache-Control', NO_CACHE);
    const page = formPage(req.path);
    if (!page) {
      res.sendFile(join(clientDist, 'index.html'));
      return;
    }
    // The form page carries its data under the URLs of the language its cookie names.
    const html = withAnswers(page, await answers(req.path, cookieLanguage(req.headers.cookie)));
    res.vary('Cookie').type('html').send(html);
  });
  return router;
}
