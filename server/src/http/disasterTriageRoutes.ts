/**
 * The triage queue and the damage survey of a declared disaster (issue #20)
 * in the staff API (`/api/v1/staff/municipalities/:code/disasters/:disasterId/...`):
 * the queue (inbox.read), survey teams, the lists they take out and bring
 * back, and recording and approving results (inbox.update).
 */
import type { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import type { Action } from '../auth/policy';
import type { StaffRoutes } from '../auth/staffRouter';
import { canInDisaster, lentFrom } from '../auth/disasterAccess';
import { requestLanguage } from '../i18n/language';
import { BadRequestError, ForbiddenError } from '../errors';
import { contentDisposition } from '../modules/exports/download';
import { RISAI_PROCEDURE, TriageService } from '../modules/disasters/triageService';
import { SurveyTeamService } from '../modules/disasters/surveyTeams';
import { SurveyResultService } from '../modules/disasters/surveyResults';
import { SurveyListService } from '../modules/disasters/surveyList';
import type { TriageFilter } from '../modules/disasters/triageQueue';
import type { StaffContext } from './staff/context';
import { param } from './routeParams';

const yesNo = (v: unknown): boolean | undefined => (v === 'yes' ? true : v === 'no' ? false : undefined);
/** A filled-in survey list of a few thousand rows is well under this. */
const MAX_RESULT_FILE_BYTES = 5 * 1024 * 1024;

export function disasterTriageRoutes(routes: StaffRoutes, ctx: StaffContext): void {
  // The one place these routes are authorised: the lent-staff (応援職員) work swaps it for one that also admits grants.
  const guard = (action: Action) => canInDisaster(action, ctx);
  // Staff limited to some procedures see 罹災証明書 applications only when it is one of them (as in the inbox).
  const risaiInScope = (req: Request, _res: Response, next: NextFunction) => {
    const ids = req.user!.procedureIds;
    if (ids?.length && !ids.includes(RISAI_PROCEDURE))
      throw new ForbiddenError(requestLanguage(req) === 'en' ? 'You do not handle disaster certificate applications.' : '罹災証明書の申請を扱う権限がありません。');
    next();
  };
  const disasters = ctx.services.disasters;
  const triage = new TriageService(ctx.storage, disasters);
  const teams = new SurveyTeamService(ctx.storage, disasters, ctx.now);
  const results = new SurveyResultService(ctx.storage, disasters, teams, ctx.now);
  const lists = new SurveyListService(ctx.storage, disasters, teams, ctx.now);
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_RESULT_FILE_BYTES, files: 1, fields: 5, fieldSize: 1024 } });

  const base = '/municipalities/:code/disasters/:disasterId';
  const at = (req: Request, res: Response) => ({
    code: param(req, 'code'),
    disasterId: param(req, 'disasterId'),
    lang: requestLanguage(req),
    actor: { userId: req.user!.id, lentFrom: lentFrom(res) },
  });

  routes.get(`${base}/triage`, guard('inbox.read'), risaiInScope, async (req, res) => {
    const { code, disasterId, lang } = at(req, res);
    const filter: TriageFilter = {};
    if (typeof req.query.area === 'string') filter.area = req.query.area;
    const surveyed = yesNo(req.query.surveyed);
    if (surveyed !== undefined) filter.surveyed = surveyed;
    const self = yesNo(req.query.selfAssessment);
    if (self !== undefined) filter.selfAssessment = self;
    res.json(await triage.queue(code, disasterId, filter, lang));
  });

  routes.get(`${base}/teams`, guard('inbox.read'), risaiInScope, async (req, res) => {
    const { code, disasterId, lang } = at(req, res);
    res.json({ items: await teams.list(code, disasterId, lang), staff: await teams.staff(code) });
  });
  routes.post(`${base}/teams`, guard('inbox.update'), risaiInScope, async (req, res) => {
    const { code, disasterId, lang, actor } = at(req, res);
    res.status(201).json(await teams.create(code, disasterId, req.body, actor, lang));
  });
  routes.put(`${base}/teams/:teamId`, guard('inbox.update'), risaiInScope, async (req, res) => {
    const { code, disasterId, lang, actor } = at(req, res);
    res.json(await teams.update(code, disasterId, param(req, 'teamId'), req.body, actor, lang));
  });
  routes.delete(`${base}/teams/:teamId`, guard('inbox.update'), risaiInScope, async (req, res) => {
    const { code, disasterId, lang, actor } = at(req, res);
    await teams.delete(code, disasterId, param(req, 'teamId'), actor, lang);
    res.status(204).end();
  });

  routes.get(`${base}/teams/:teamId/survey-list/pdf`, guard('inbox.read'), risaiInScope, async (req, res) => {
    const { code, disasterId, lang, actor } = at(req, res);
    const out = await lists.pdf(code, disasterId, param(req, 'teamId'), actor, lang);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', contentDisposition('attachment', out.fileName));
    res.setHeader('Cache-Control', 'no-store');
    res.send(out.bytes);
  });
  routes.get(`${base}/teams/:teamId/survey-list/csv`, guard('inbox.read'), risaiInScope, async (req, res) => {
    const { code, disasterId, lang, actor } = at(req, res);
    const encoding = req.query.encoding === 'cp932' ? 'cp932' : 'utf-8';
    const out = await lists.csv(code, disasterId, param(req, 'teamId'), encoding, actor, lang);
    res.setHeader('Content-Type', `text/csv; charset=${encoding === 'cp932' ? 'Shift_JIS' : 'utf-8'}`);
    res.setHeader('Content-Disposition', contentDisposition('attachment', out.fileName));
    res.setHeader('X-Export-Replaced', encodeURIComponent(out.replaced.join('')));
    res.setHeader('Cache-Control', 'no-store');
    res.send(out.bytes);
  });
  routes.post(`${base}/teams/:teamId/survey-list/results`, guard('inbox.update'), risaiInScope, upload.single('file'), async (req, res) => {
    const { code, disasterId, lang, actor } = at(req, res);
    if (!req.file) throw new BadRequestError(lang === 'en' ? 'No file was sent (field "file").' : 'ファイルが送信されていません。', 'no_file');
    res.json(await results.importCsv(code, disasterId, param(req, 'teamId'), req.file.buffer, actor, lang));
  });

  const caseAnswer = (c: { submissionId: string; receiptNumber: string; survey: unknown }) => ({ submissionId: c.submissionId, receiptNumber: c.receiptNumber, survey: c.survey });
  routes.put(`${base}/cases/:submissionId/survey`, guard('inbox.update'), risaiInScope, async (req, res) => {
    const { code, disasterId, lang, actor } = at(req, res);
    res.json(caseAnswer(await results.record(code, disasterId, param(req, 'submissionId'), req.body, actor, lang)));
  });
  routes.post(`${base}/cases/:submissionId/survey/approve`, guard('inbox.update'), risaiInScope, async (req, res) => {
    const { code, disasterId, lang, actor } = at(req, res);
    res.json(caseAnswer(await results.approve(code, disasterId, param(req, 'submissionId'), actor, lang)));
  });
}
