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
 * With BASELINE_INTAKE_FLOOR=1, an application POST does what the non-negotiables require of every application
 * before it can be stored, and nothing more: the security headers, the JSON parser, the answers judged against the
 * preset's schema by the product's validator (ajv; hidden answers dropped, as intake does) and sealed for storage at
 * rest (AES-256-GCM, the product's cipher). Then 201, with nothing stored: the floor of intake before its store.
 */
import express from 'express';
import compression from 'compression';
import session from 'express-session';
import passport from 'passport';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FormValidator } from '@madoguchi/shared';
import { loadPreset, PRESETS_ROOT } from '../presets/src/loadPresets';
import { securityHeaders } from '../server/src/http/securityHeaders';
import { DataCipher } from '../server/src/security/dataCipher';

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
/** One JSON parser for every POST here, as the product has one for its public API. */
const jsonBody = express.json({ limit: '512kb' });
if (process.env.BASELINE_INTAKE_FLOOR === '1') app.use(intakeFloor());
app.use(jsonBody);
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

/** An application's required checks and sealing, without a store (BASELINE_INTAKE_FLOOR). */
function intakeFloor(): express.Router {
  const validator = new FormValidator();
  const cipher = new DataCipher([randomBytes(32)]);
  const schemas = new Map<string, ReturnType<typeof loadPreset>['schema']>();
  const schemaOf = (id: string) => {
    let schema = schemas.get(id);
    if (!schema) schemas.set(id, (schema = loadPreset(join(PRESETS_ROOT, id)).schema));
    return schema;
  };
  let received = 0;
  const router = express.Router();
  router.post('/api/v1/municipalities/:code/procedures/:procedureId/submissions', ...securityHeaders('http://localhost'), jsonBody, (req, res) => {
    const id = String(req.params.procedureId);
    const schema = schemaOf(id);
    const shown = validator.withoutHiddenAnswers(id, schema, (req.body as { data?: unknown }).data);
    const outcome = validator.validate(id, schema, shown, 'ja', true);
    if (!outcome.valid) {
      res.status(422).json({ errors: outcome.errors });
      return;
    }
    const sealed = cipher.sealJson(outcome.data);
    res.status(201).json({ receiptNumber: `FLOOR-${++received}`, sealedBytes: sealed.length });
  });
  return router;
}
