/**
 * Decision notices over HTTP (issue #21). Staff read the notice of a
 * submission (inbox.read) and edit each procedure's template (catalog.edit,
 * with a preview PDF); the resident reads and downloads it with the receipt
 * number and key, like the status page; the back-office route lives with the
 * pull API (backofficeRoutes.ts) and uses `sendNoticePdf`.
 */
import type { Request, Response, Router } from 'express';
import { can, type StaffRoutes } from '../auth/staffRouter';
import { municipalityParam } from '../auth/resources';
import { NotFoundError } from '../errors';
import { requestLanguage } from '../i18n/language';
import type { Services } from '../services';
import type { DecisionNoticeRecord } from '../storage/decisionNoticeTypes';
import { summaryOf, type DecisionNoticeService } from '../modules/notices/decisionNoticeService';
import { renderNoticePdf } from '../modules/notices/noticePdf';
import { auditSubmission } from '../modules/inbox/actor';
import { contentDisposition } from '../modules/exports/download';
import { ContractRouter } from './contract/contractRouter';
import { ownSubmission } from './receiptAuth';
import type { StaffContext } from './staff/context';
import { param } from './routeParams';

const noNotice = (req: Request) => new NotFoundError(requestLanguage(req) === 'en' ? 'No decision notice has been issued.' : '決定通知書は発行されていません。', 'notice_not_found');

/** `{ notice }` for a status answer when the submission has one, else nothing. */
export async function noticeOf(notices: DecisionNoticeService, submissionId: string) {
  const n = await notices.forSubmission(submissionId);
  return n ? { notice: summaryOf(n) } : {};
}

export async function sendNoticePdf(res: Response, n: DecisionNoticeRecord, disposition: 'attachment' | 'inline' = 'attachment'): Promise<void> {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', contentDisposition(disposition, `${n.texts.title}_${n.number.replace(/\s+/gu, '')}.pdf`));
  res.setHeader('Cache-Control', 'no-store');
  res.send(await renderNoticePdf(n));
}

export function noticeRoutes(routes: StaffRoutes, ctx: StaffContext): void {
  const notices = ctx.services.desk.notices;
  const inMunicipality = municipalityParam(ctx.registry);
  const base = '/municipalities/:code';

  /** The submission of this municipality, else 404. */
  async function submissionOf(req: Request) {
    const meta = await ctx.storage.inbox.getMeta(param(req, 'submissionId'));
    if (!meta || meta.municipalityCode !== param(req, 'code')) {
      throw new NotFoundError(requestLanguage(req) === 'en' ? 'Submission not found.' : '申請が見つかりません。', 'submission_not_found');
    }
    if (req.user!.role === 'staff' && req.user!.procedureIds?.length && !req.user!.procedureIds.includes(meta.procedureId)) throw noNotice(req);
    return meta;
  }

  routes.get(`${base}/submissions/:submissionId/notice`, can('inbox.read', inMunicipality), async (req, res) => {
    const meta = await submissionOf(req);
    const n = await notices.forSubmission(meta.id);
    res.json({ notice: n ? summaryOf(n) : null });
  });

  routes.get(`${base}/submissions/:submissionId/notice/pdf`, can('inbox.read', inMunicipality), async (req, res) => {
    const meta = await submissionOf(req);
    const n = await notices.forSubmission(meta.id);
    if (!n) throw noNotice(req);
    await auditSubmission(ctx.storage, { kind: 'staff', userId: req.user!.id, municipalityCode: meta.municipalityCode }, 'notice.read', meta, ctx.now(), { number: n.number });
    await sendNoticePdf(res, n, req.query.disposition === 'inline' ? 'inline' : 'attachment');
  });

  routes.get(`${base}/notice-templates/:procedureId`, can('catalog.read', inMunicipality), async (req, res) => {
    res.json(await notices.template(param(req, 'code'), param(req, 'procedureId')));
  });

  routes.put(`${base}/notice-templates/:procedureId`, can('catalog.edit', inMunicipality), async (req, res) => {
    const actor = { kind: 'staff' as const, userId: req.user!.id, municipalityCode: param(req, 'code') };
    res.json(await notices.saveTemplate(actor, param(req, 'procedureId'), req.body, requestLanguage(req)));
  });

  routes.post(`${base}/notice-templates/:procedureId/preview`, can('catalog.read', inMunicipality), async (req, res) => {
    const body = (req.body ?? {}) as { template?: unknown; kind?: 'completed' | 'rejected' };
    const template = notices.checked(body.template, requestLanguage(req));
    const code = param(req, 'code');
    const procedureId = param(req, 'procedureId');
    const title = (await ctx.services.catalog.publishedFor(code)).find((v) => v.procedureId === procedureId)?.procedure.title ?? procedureId;
    await sendNoticePdf(res, notices.sample(code, procedureId, title, template, body.kind === 'completed' ? 'completed' : 'rejected'), 'inline');
  });
}

/** The resident's side: the same receipt number and key as the status page. */
export function publicNoticeRoutes(services: Services): Router {
  const router = new ContractRouter();
  const { storage } = services;
  const notices = services.desk.notices;

  router.get('/submissions/:receiptNumber/notice', async (req, res) => {
    const n = await notices.forSubmission((await ownSubmission(req, storage)).id);
    res.json({ notice: n ? summaryOf(n) : null });
  });

  router.get('/submissions/:receiptNumber/notice/pdf', async (req, res) => {
    const n = await notices.forSubmission((await ownSubmission(req, storage)).id);
    if (!n) throw noNotice(req);
    await sendNoticePdf(res, n);
  });

  return router.router;
}
