/**
 * The bare stack, for comparison: Express parsing the same JSON body and
 * answering 201. Every product figure is a ratio to this, measured in the same run.
 * An upload (multipart) is read to its end before the 201, as the product receives it.
 * With BASELINE_PAGE (a JSON file), a GET answers that document: the inbox endpoint's
 * floor, Express serialising the very page the product answered, with no session,
 * authorisation, store or audit behind it. With BASELINE_HTML (a folder), its files are
 * served as they are (and again under /coop/ with the product's opener policy): the form page as plain
 * HTML, the render's floor in the browser.
 * With BASELINE_PAGE and BASELINE_STACK=1, the same page goes out through the stack the product is built on, set up as
 * the product sets it up, with none of the product's own work: its security headers (helmet), compression, the JSON
 * body parser, express-session (in memory) and passport's session sign-in (POST /login signs the bench in). That is
 * the floor of a signed-in staff page on the chosen stack; the product's figures beyond it are the product's own.
 */
import express from 'express';
import compression from 'compression';
import session from 'express-session';
import passport from 'passport';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { securityHeaders } from '../server/src/http/securityHeaders';

const app = express();
const page: unknown = process.env.BASELINE_PAGE ? JSON.parse(readFileSync(process.env.BASELINE_PAGE, 'utf8')) : undefined;
if (page !== undefined && process.env.BASELINE_STACK === '1') {
  app.set('etag', false); // as the product's staff API: its answers are never stored, so never revalidated
  app.disable('x-powered-by');
  app.use(chosenStack(page));
} else if (page !== undefined) app.get(/.*/, (_req, res) => void res.json(page));
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

/** The page behind the product's stack and nothing of its own: a signed-in session is all a GET needs. */
function chosenStack(body: unknown): express.Router {
  const user = { id: 'bench-staff', email: 'bench-staff@example.jp' };
  const pp = new passport.Passport();
  pp.serializeUser((u: Express.User, done) => done(null, (u as typeof user).id));
  pp.deserializeUser((id: string, done) => done(null, id === user.id ? (user as unknown as Express.User) : false));
  const router = express.Router();
  router.use(express.json(), ...securityHeaders('http://localhost'), compression({ brotli: { params: {} } }));
  router.use(session({ secret: randomBytes(32).toString('hex'), resave: false, saveUninitialized: false, cookie: { httpOnly: true, sameSite: 'lax', maxAge: 8 * 3_600_000 } }));
  router.use(pp.initialize(), pp.session());
  router.post('/login', (req, res, next) => req.login(user as unknown as Express.User, (error) => (error ? next(error) : res.json({ ok: true }))));
  router.get(/.*/, (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (!req.user) res.status(401).json({ error: 'sign in first' });
    else res.json(body);
  });
  return router;
}
