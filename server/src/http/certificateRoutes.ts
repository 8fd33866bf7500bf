/**
 * 罹災証明書 over HTTP (issue #20). Staff (inbox.update to issue and
 * withdraw, inbox.read to look) work under the disaster:
 * `/staff/municipalities/:code/disasters/:disasterId/cases/:submissionId/certificate`.
 * The resident reads its state and downloads it with the receipt secret;
 * anyone checks a paper copy by number and 照合番号 (rate-limited in app.ts).
 */
import type { Request, Response, Router } from 'express';
import type { StaffRoutes } from '../auth/staffRouter';
import { canInDisaster, lentFrom } from '../auth/disasterAccess';
import type { Action } from '../auth/policy';
import { NotFoundError } from '../errors';
import { requestLanguage } from '../i18n/language';
import type { Services } from '../services';
import type { CertificateRecord } from '../storage/certificateTypes';
import { renderCertificatePdf } from '../modules/disasters/certificatePdf';
import type { CertificateService } from '../modules/disasters/certificateService';
import type { StaffActor } from '../modules/inbox/actor';
import { contentDisposition } from '../modules/exports/download';
import { ContractRouter } from './contract/contractRouter';
import { ownSubmission } from './receiptAuth';
import type { StaffContext } from './staff/context';
import { param } from './routeParams';

const query = (req: Request, name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : '');

/** The verification page, with the certificate's number filled in (printed and in the QR code). */
export const verifyUrl = (publicUrl: string, number: string) => `${publicUrl.replace(/\/$/u, '')}/verify?number=${encodeURIComponent(number)}`;

async function sendPdf(res: Response, certificates: CertificateService, c: CertificateRecord, publicUrl: string): Promise<void> {
  const pdf = await renderCertificatePdf({ certificate: c, verificationCode: certificates.codes.codeFor(c.id), verifyUrl: verifyUrl(publicUrl, c.number) });
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', contentDisposition('attachment', `罹災証明書_${c.number.replace(/\s+/gu, '')}.pdf`));
  res.setHeader('Cache-Control', 'no-store');
  res.send(pdf);
}

export function certificateRoutes(routes: StaffRoutes, ctx: StaffContext): void {
  const certificates = ctx.services.certificates;
  const path = '/municipalities/:code/disasters/:disasterId/cases/:submissionId/certificate';
  /** The one authorisation of this module's disaster-scoped routes (lent staff get theirs here). */
  const disasterAccess = (action: Action) => canInDisaster(action, ctx);
  // A lent account (応援職員) acts in the host municipality; its audit events name its home municipality and grant.
  const actor = (req: Request, res: Response): StaffActor => ({
    kind: 'staff',
    userId: req.user!.id,
    municipalityCode: param(req, 'code'),
    procedureIds: req.user!.procedureIds ?? null,
    lentFrom: lentFrom(res),
  });

  routes.get(path, disasterAccess('inbox.read'), async (req, res) => {
    res.json({ certificate: await certificates.current(param(req, 'code'), param(req, 'disasterId'), param(req, 'submissionId'), requestLanguage(req)) });
  });
  routes.post(path, disasterAccess('inbox.update'), async (req, res) => {
    const { certificate, created } = await certificates.issue(actor(req, res), param(req, 'disasterId'), param(req, 'submissionId'), requestLanguage(req));
    res.status(created ? 201 : 200).json(certificate);
  });
  routes.get(`${path}/pdf`, disasterAccess('inbox.read'), async (req, res) => {
    const language = requestLanguage(req);
    await certificates.current(param(req, 'code'), param(req, 'disasterId'), param(req, 'submissionId'), language);
    const standing = await certificates.standingFor(param(req, 'submissionId'));
    if (!standing) throw new NotFoundError(language === 'en' ? 'No certificate has been issued.' : '発行済みの罹災証明書がありません。', 'certificate_not_found');
    await sendPdf(res, certificates, standing, ctx.config.publicUrl);
  });
  routes.post(`${path}/withdraw`, disasterAccess('inbox.update'), async (req, res) => {
    res.json(await certificates.withdraw(actor(req, res), param(req, 'disasterId'), param(req, 'submissionId'), (req.body as { reason?: unknown }).reason, requestLanguage(req)));
  });
}

/** The resident's and the public's side: state and PDF by receipt secret, verification and the follow-up forms' lookup. */
export function publicCertificateRoutes(services: Services, publicUrl: string): Router {
  const router = new ContractRouter();
  const { certificates, storage } = services;

  router.get('/submissions/:receiptNumber/certificate', async (req, res) => {
    res.json(await certificates.forResident(await ownSubmission(req, storage)));
  });

  router.get('/submissions/:receiptNumber/certificate/pdf', async (req, res) => {
    const standing = await certificates.standingFor((await ownSubmission(req, storage)).id);
    if (!standing) throw new NotFoundError(requestLanguage(req) === 'en' ? 'No certificate has been issued.' : '発行済みの罹災証明書がありません。', 'certificate_not_found');
    await sendPdf(res, certificates, standing, publicUrl);
  });

  router.get('/certificates/verify', async (req, res) => {
    res.json(await certificates.verify(query(req, 'number'), query(req, 'code')));
  });

  router.get('/certificates/reference', async (req, res) => {
    const found = await certificates.find(query(req, 'number'), query(req, 'code'));
    if (!found || found.withdrawnAt) {
      const en = requestLanguage(req) === 'en';
      throw new NotFoundError(en ? 'No certificate matches this number and code.' : '証明書番号または照合番号が一致しません。', 'certificate_not_found');
    }
    res.json({ number: found.number, damageLevel: found.damageLevel, disasterId: found.disasterId, municipalityCode: found.municipalityCode });
  });

  return router.router;
}
