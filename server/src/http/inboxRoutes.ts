/**
 * The staff inbox API (`/api/v1/staff/municipalities/:code/…`), every route
 * behind the one authorisation layer (auth/staffRouter.ts), and the
 * applicant's correction API (`/api/v1/submissions/:receiptNumber/…`,
 * authorised by the X-Receipt-Secret header). Thin: parse, call a service, answer.
 */
import { type Router, type Request, type Response } from 'express';
import type { Language } from '@madoguchi/shared';
import { NotFoundError, BadRequestError } from '../errors';
import type { Services } from '../services';
import { can, type ResourceResolver, type StaffRoutes } from '../auth/staffRouter';
import { municipalityParam } from '../auth/resources';
import { authorize, type Action } from '../auth/policy';
import { AccessError } from '../auth/authErrors';
import { parsePointers } from '../modules/inbox/sensitiveReveal';
import type { StaffContext } from './staff/context';
import { requestLanguage } from '../i18n/language';
import type { StaffActor } from '../modules/inbox/actor';
import { inboxText } from '../modules/inbox/messages';
import { jstDayStart, parseListQuery } from '../modules/inbox/listQuery';
import { processingTimes } from '../modules/inbox/processingTimes';
import { applicationSheetFor, type SheetDeps } from '../modules/inbox/applicationSheet';
import { contentDisposition, fileHeaders } from '../modules/exports/download';
import { PREVIEWABLE } from '../modules/inbox/views';
import type { SubmissionMeta } from '../storage/types';
import { ContractRouter } from './contract/contractRouter';
import { residentSessionId, setResidentCookie } from './residentCardRoutes';
import { noticeOf } from './noticeRoutes';
import { param } from './routeParams';

/** The municipality in the path; the submission (when it is that municipality's) adds its procedure, for staff bound to procedures. */
export function submissionResource(ctx: StaffContext): ResourceResolver {
  const municipality = municipalityParam(ctx.registry);
  return async (req, res) => {
    const base = await municipality(req, res);
    const meta = await ctx.storage.inbox.getMeta(param(req, 'submissionId'));
    if (!meta || meta.municipalityCode !== base.municipalityCode) return base; // the handler answers 404, after the policy has spoken
    res.locals.submissionMeta = meta;
    return { ...base, procedureId: meta.procedureId };
  };
}

/** What the desk's application PDF looks up besides the submission (also used by inboxBulkRoutes.ts). */
export const sheetDeps = (ctx: StaffContext): SheetDeps => ({
  storage: ctx.storage,
  lookups: ctx.services.desk.lookups,
  municipalityName: (code) => ctx.registry.get(code)?.name.replace(' ', '') ?? code,
});

export const actorOf = (req: Request): StaffActor => ({ kind: 'staff', userId: req.user!.id, municipalityCode: param(req, 'code'), procedureIds: req.user!.procedureIds ?? null });

/**
 * `?includeSensitive=1`: sensitive answers in clear, only with `action` on the
 * resource the guard already resolved. Asking without the right is a 403, not a
 * silently masked file, so nobody believes they hold data they do not.
 */
function includeSensitive(req: Request, res: Response, action: Action, language: Language): boolean {
  if (req.query.includeSensitive !== '1') return false;
  if (!authorize(req.user!, action, res.locals.resource)) throw new AccessError('forbidden', inboxText(language, 'sensitiveExportForbidden'));
  return true;
}

export function submissionOf(res: Response, language: Language): SubmissionMeta {
  const meta = res.locals.submissionMeta as SubmissionMeta | undefined;
  if (!meta) throw new NotFoundError(inboxText(language, 'submissionNotFound'), 'submission_not_found');
  return meta;
}

/** Staff inbox routes; registered in http/staff/index.ts (STAFF_ROUTE_MODULES). */
export function inboxRoutes(routes: StaffRoutes, ctx: StaffContext): void {
  const desk = ctx.services.desk;
  const inMunicipality = municipalityParam(ctx.registry);
  const onSubmission = submissionResource(ctx);
  const base = '/municipalities/:code';

  routes.get(`${base}/inbox`, can('inbox.read', inMunicipality), async (req, res) => {
    const lang = requestLanguage(req);
    res.json(await desk.inbox.list(actorOf(req), parseListQuery(req.query, req.user!.id, lang, ctx.now())));
  });

  routes.get(`${base}/inbox/assignees`, can('inbox.read', inMunicipality), async (req, res) => {
    res.json({ items: await desk.inbox.assignees(param(req, 'code')) });
  });

  routes.get(`${base}/inbox/stats`, can('inbox.read', inMunicipality), async (req, res) => {
    const lang = requestLanguage(req);
    const q = parseListQuery({ from: req.query.from, to: req.query.to }, req.user!.id, lang);
    const now = ctx.now();
    const receivedTo = q.receivedTo ?? now.toISOString();
    const receivedFrom = q.receivedFrom ?? jstDayStart(new Date(now.getTime() - 180 * 86_400_000).toISOString().slice(0, 10));
    const procedureId = typeof req.query.procedureId === 'string' && req.query.procedureId ? req.query.procedureId : undefined;
    const titles = new Map((await ctx.services.catalog.publishedFor(param(req, 'code'))).map((v) => [v.procedureId, v.procedure.title]));
    const user = req.user!;
    const procedures = (
      await processingTimes(ctx.storage, { municipalityCode: param(req, 'code'), receivedFrom, receivedTo, ...(procedureId ? { procedureId } : {}) }, (id) => titles.get(id) ?? id)
    ).filter((p) => user.role !== 'staff' || !user.procedureIds?.length || user.procedureIds.includes(p.procedureId));
    res.json({ receivedFrom, receivedTo, procedures });
  });

  routes.get(`${base}/inbox/export/csv`, can('inbox.export', inMunicipality), async (req, res) => {
    const lang = requestLanguage(req);
    const { limit: _l, after: _a, ...filter } = parseListQuery(req.query, req.user!.id, lang, ctx.now());
    const encoding = req.query.encoding === 'cp932' ? 'cp932' : 'utf-8';
    const withSensitive = includeSensitive(req, res, 'inbox.exportSensitive', lang);
    const out = await desk.csv.export(actorOf(req), filter, { encoding, header: req.query.header === 'keys' ? 'keys' : 'labels', includeSensitive: withSensitive }, lang);
    res.setHeader('Content-Type', `text/csv; charset=${encoding === 'cp932' ? 'Shift_JIS' : 'utf-8'}`);
    res.setHeader('Content-Disposition', contentDisposition('attachment', out.fileName));
    res.setHeader('X-Export-Rows', String(out.rows));
    res.setHeader('X-Export-Replaced', encodeURIComponent(out.replaced.join('')));
    res.send(out.bytes);
  });

  routes.get(`${base}/submissions/:submissionId`, can('inbox.read', onSubmission), async (req, res) => {
    const lang = requestLanguage(req);
    res.json(await desk.inbox.view(actorOf(req), submissionOf(res, lang).id, lang));
  });

  routes.get(`${base}/submissions/:submissionId/revisions/:revision`, can('inbox.read', onSubmission), async (req, res) => {
    const lang = requestLanguage(req);
    const revision = Number(param(req, 'revision')); // the contract admits only 1, 2, …
    res.json(await desk.inbox.revision(actorOf(req), submissionOf(res, lang).id, revision, lang));
  });

  routes.get(`${base}/submissions/:submissionId/revisions/:revision/diff`, can('inbox.read', onSubmission), async (req, res) => {
    const lang = requestLanguage(req);
    const revision = Number(param(req, 'revision')); // the contract admits only 1, 2, …
    res.json(await desk.inbox.revisionDiff(actorOf(req), submissionOf(res, lang).id, revision, lang));
  });

  routes.get(`${base}/submissions/:submissionId/files/:fileId`, can('inbox.read', onSubmission), async (req, res) => {
    const lang = requestLanguage(req);
    const { meta, content } = await desk.inbox.file(actorOf(req), submissionOf(res, lang).id, param(req, 'fileId'), lang);
    const inline = req.query.disposition === 'inline' && PREVIEWABLE.has(meta.mediaType);
    res.set(fileHeaders(meta.fileName, meta.mediaType, inline)).send(content);
  });

  // The drawn signature is part of the application: whoever may read the application may see it, nobody else.
  routes.get(`${base}/submissions/:submissionId/counter/signature`, can('inbox.read', onSubmission), async (req, res) => {
    const lang = requestLanguage(req);
    const png = await desk.inbox.counterSignature(actorOf(req), submissionOf(res, lang).id, lang);
    res.set(fileHeaders(`署名_${submissionOf(res, lang).receiptNumber}.png`, 'image/png', true)).send(png);
  });

  routes.get(`${base}/submissions/:submissionId/pdf`, can('inbox.export', onSubmission), async (req, res) => {
    const lang = requestLanguage(req);
    const actor = actorOf(req);
    const { submission, meta, version } = await desk.inbox.load(submissionOf(res, lang).id, lang);
    // One application, like a reveal on screen: the reveal permission suffices.
    const withSensitive = includeSensitive(req, res, 'inbox.revealSensitive', lang);
    const pdf = await applicationSheetFor(sheetDeps(ctx), { submission, meta, version }, withSensitive);
    await ctx.storage.audit.append({
      at: ctx.now().toISOString(),
      actor: actor.userId,
      action: 'submission.export.pdf',
      municipalityCode: meta.municipalityCode,
      targetType: 'submission',
      targetId: meta.id,
      details: { receiptNumber: meta.receiptNumber, includesSensitive: withSensitive },
    });
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', contentDisposition(req.query.disposition === 'inline' ? 'inline' : 'attachment', `申請書_${meta.receiptNumber}.pdf`));
    res.send(pdf);
  });

  // Pointers travel in the body (never the URL); the answer carries the values, the audit event only pointers and labels.
  routes.post(`${base}/submissions/:submissionId/reveal`, can('inbox.revealSensitive', onSubmission), async (req, res) => {
    const lang = requestLanguage(req);
    const id = submissionOf(res, lang).id;
    res.setHeader('Cache-Control', 'no-store');
    res.json(await desk.reveal.reveal(actorOf(req), id, parsePointers(req.body?.pointers, lang), lang));
  });

  routes.post(`${base}/submissions/:submissionId/status`, can('inbox.update', onSubmission), async (req, res) => {
    const lang = requestLanguage(req);
    const s = await desk.workflow.changeStatus(
      actorOf(req),
      submissionOf(res, lang).id,
      { to: req.body?.to, expected: req.body?.expected, publicNote: typeof req.body?.publicNote === 'string' ? req.body.publicNote : undefined, reason: req.body?.reason },
      lang,
    );
    res.json({ id: s.id, status: s.status, updatedAt: s.updatedAt, ...(await noticeOf(desk.notices, s.id)) });
  });

  routes.post(`${base}/submissions/:submissionId/assign`, can('inbox.update', onSubmission), async (req, res) => {
    const lang = requestLanguage(req);
    if (!req.body || !('assigneeId' in req.body)) throw new BadRequestError(inboxText(lang, 'assigneeInvalid'), 'bad_assignee');
    const s = await desk.workflow.assign(actorOf(req), submissionOf(res, lang).id, req.body.assigneeId, lang);
    res.json({ id: s.id, assigneeId: s.assigneeId ?? null, updatedAt: s.updatedAt });
  });

  routes.post(`${base}/submissions/:submissionId/notes`, can('inbox.update', onSubmission), async (req, res) => {
    const lang = requestLanguage(req);
    await desk.workflow.addNote(actorOf(req), submissionOf(res, lang).id, req.body?.body, lang);
    res.status(201).json({ ok: true });
  });

  routes.post(`${base}/submissions/:submissionId/signature/verify`, can('inbox.update', onSubmission), async (req, res) => {
    const lang = requestLanguage(req);
    const meta = submissionOf(res, lang);
    if (!ctx.services.card) throw new NotFoundError(inboxText(lang, 'cardNotConfigured'), 'card_not_configured');
    res.json(await ctx.services.card.service.reverifyStored(actorOf(req), meta));
  });

  routes.post(`${base}/submissions/:submissionId/correction-request`, can('inbox.update', onSubmission), async (req, res) => {
    const lang = requestLanguage(req);
    const s = await desk.workflow.requestCorrection(actorOf(req), submissionOf(res, lang).id, { message: req.body?.message, fields: req.body?.fields, expected: req.body?.expected }, lang);
    res.json({ id: s.id, status: s.status, updatedAt: s.updatedAt });
  });
}

/** The applicant's side of a 補正依頼, on the public API; the secret travels in a header, never in the URL. */
export function residentCorrectionRoutes(services: Services): Router {
  const router = new ContractRouter();
  const corrections = services.desk.corrections;
  const secret = (req: Request) => req.get('X-Receipt-Secret') ?? '';

  router.get('/submissions/:receiptNumber/correction', async (req, res) => {
    res.json(await corrections.view(param(req, 'receiptNumber'), secret(req), requestLanguage(req)));
  });

  router.get('/submissions/:receiptNumber/revisions/:revision', async (req, res) => {
    const lang = requestLanguage(req);
    const revision = Number(param(req, 'revision')); // the contract admits only 1, 2, …
    res.json(await corrections.revision(param(req, 'receiptNumber'), secret(req), revision, lang));
  });

  router.post('/submissions/:receiptNumber/correction', async (req, res) => {
    res.json(await corrections.answer(param(req, 'receiptNumber'), secret(req), req.body ?? {}, requestLanguage(req), residentSessionId(req)));
  });

  // Signing a correction: the answers are checked as the answer would be, then signed with the card before sending.
  router.post('/submissions/:receiptNumber/correction/sign', async (req, res) => {
    const lang = requestLanguage(req);
    if (!services.card) throw new NotFoundError(inboxText(lang, 'cardNotConfigured'), 'card_not_configured');
    const { returnTo, ...answer } = (req.body ?? {}) as { returnTo?: string };
    const prepared = await corrections.prepare(param(req, 'receiptNumber'), secret(req), answer, lang);
    const { sid, url } = await services.card.service.startSigningChecked(residentSessionId(req), {
      version: prepared.version,
      municipalityCode: prepared.s.municipalityCode,
      data: prepared.newData,
      attachments: prepared.files.attachments,
      returnTo: returnTo ?? '/status',
    });
    setResidentCookie(res, sid, services.card);
    res.json({ url });
  });

  return router.router;
}
