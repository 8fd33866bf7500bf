/**
 * The bare stack, for comparison: Express parsing the same JSON body and
 * answering 201. Every product figure is a ratio to this, measured in the same run.
 * An upload (multipart) is read to its end before the 201, as the product receives it.
 * With BASELINE_PAGE (a JSON file), a GET answers that document: the inbox endpoint's
 * floor, Express serialising the very page the product answered, with no session,
 * authorisation, store or audit behind it. With BASELINE_HTML (a folder), its files are
 * served as they are (and again under /coop/ with the product's opener policy): the form page as plain
 * HTML, the render's floor in the browser.
 */
import express from 'express';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

const app = express();
const page: unknown = process.env.BASELINE_PAGE ? JSON.parse(readFileSync(process.env.BASELINE_PAGE, 'utf8')) : undefined;
if (page !== undefined) app.get(/.*/, (_req, res) => void res.json(page));
if (process.env.BASELINE_HTML) {
  app.use(express.static(process.env.BASELINE_HTML));
  // The same files with the product's Cross-Origin-Opener-Policy: the header alone makes Chromium move the page
  // to a new renderer process, a cost of the header and not of the page's code.
  const openerPolicy: express.RequestHandler = (_req, res, next) => {
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    next();
  };
  app.use('/coop', openerPolicy, express.static(process.env.BASELINE_HTML));
}
app.use(express.json({ limit: '512kb' }));
let files = 0;
app.post(/.*/, (req, res) => {
  if (!req.is('multipart/form-data')) {
    res.status(201).json({ ok: true, keys: Object.keys(req.body?.data ?? {}).length, receiptNumber: `BASE-${++files}` });
    return;
  }
  req.resume();
  req.on('end', () => res.status(201).json({ fileId: `file-${++files}` }));
});
const server = app.listen(0, '127.0.0.1', () => {
  console.log(`baseline listening on ${(server.address() as AddressInfo).port}`);
});
