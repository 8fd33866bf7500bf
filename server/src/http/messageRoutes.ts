/**
 * The message thread (issue #21): the applicant's side on the public API
 * (X-Receipt-Secret, rate-limited like the status page in app.ts) and the
 * desk's side behind the staff policy (inbox.read to read, inbox.update to
 * write). Thin: parse the multipart body, call the service, answer.
 */
import { type Request, type Router } from 'express';
import multer from 'multer';
import type { Services } from '../services';
import { can, type StaffRoutes } from '../auth/staffRouter';
import type { StaffContext } from './staff/context';
import { requestLanguage } from '../i18n/language';
import { fileHeaders } from '../modules/exports/download';
import { PREVIEWABLE } from '../modules/inbox/views';
import { MESSAGE_MAX_CHARS, MESSAGE_MAX_FILES, MESSAGE_MAX_FILE_MB, type IncomingFile } from '../modules/inbox/messageThread';
import { ContractRouter } from './contract/contractRouter';
import { invalidTextError, isReadableText } from './inputGuards';
import { actorOf, submissionOf, submissionResource } from './inboxRoutes';
import { param } from './routeParams';

/** One more file than allowed reaches the service, which refuses it with a clear message; the text field has room for a too-long message too. */
const messageUpload = (maxUploadBytes: number) =>
  multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: Math.min(maxUploadBytes, MESSAGE_MAX_FILE_MB * 1024 * 1024) + 1, files: MESSAGE_MAX_FILES + 1, fields: 5, fieldSize: MESSAGE_MAX_CHARS * 8 },
    defParamCharset: 'utf8',
  }).array('files');

function incoming(req: Request): { body: unknown; files: IncomingFile[] } {
  const files = ((req.files as Express.Multer.File[] | undefined) ?? []).map((f) => ({ fileName: f.originalname, content: f.buffer }));
  const body: unknown = req.body?.body;
  if (![...files.map((f) => f.fileName), typeof body === 'string' ? body : ''].every(isReadableText)) throw invalidTextError(req);
  return { body, files };
}

export function residentMessageRoutes(services: Services, maxUploadBytes: number): Router {
  const router = new ContractRouter();
  const secret = (req: Request) => req.get('X-Receipt-Secret') ?? '';

  router.get('/submissions/:receiptNumber/messages', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await services.messages.applicantThread(param(req, 'receiptNumber'), secret(req), requestLanguage(req)));
  });

  router.post('/submissions/:receiptNumber/messages', messageUpload(maxUploadBytes), async (req, res) => {
    const { body, files } = incoming(req);
    res.status(201).json(await services.messages.applicantWrite(param(req, 'receiptNumber'), secret(req), body, files, requestLanguage(req)));
  });

  router.get('/submissions/:receiptNumber/messages/files/:fileId', async (req, res) => {
    const { meta, content } = await services.messages.applicantFile(param(req, 'receiptNumber'), secret(req), param(req, 'fileId'), requestLanguage(req));
    res.set(fileHeaders(meta.fileName, meta.mediaType, req.query.disposition === 'inline' && PREVIEWABLE.has(meta.mediaType))).send(content);
  });

  return router.router;
}

/** Staff side; registered in http/staff/index.ts (STAFF_ROUTE_MODULES). Files are downloaded with the submission's file route. */
export function messageRoutes(routes: StaffRoutes, ctx: StaffContext): void {
  const onSubmission = submissionResource(ctx);
  const path = '/municipalities/:code/submissions/:submissionId/messages';

  routes.get(path, can('inbox.read', onSubmission), async (req, res) => {
    const lang = requestLanguage(req);
    res.setHeader('Cache-Control', 'no-store');
    res.json(await ctx.services.messages.staffThread(actorOf(req), submissionOf(res, lang).id, lang));
  });

  routes.post(path, can('inbox.update', onSubmission), messageUpload(ctx.config.maxUploadBytes), async (req, res) => {
    const lang = requestLanguage(req);
    const { body, files } = incoming(req);
    res.status(201).json(await ctx.services.messages.staffWrite(actorOf(req), submissionOf(res, lang).id, body, files, lang));
  });
}
