/**
 * The resident app's working routes beyond intake: attaching files, saving a
 * draft behind a resume link, and the PDF copy of a submitted application.
 */
import { type Router, type Request } from 'express';
import multer from 'multer';
import { BadRequestError } from '../errors';
import type { Services } from '../services';
import { requestLanguage } from '../i18n/language';
import { invalidTextError, isReadableText } from './inputGuards';
import { renderApplicationPdf } from '../modules/pdf/applicationPdf';
import { ContractRouter } from './contract/contractRouter';
import { ownSubmission } from './receiptAuth';
import { receiptMismatch } from '../modules/status/receiptAccess';
import { param } from './routeParams';

const field = (req: Request, name: string) => (typeof req.body?.[name] === 'string' ? (req.body[name] as string) : '');

export function residentRoutes(services: Services, maxUploadBytes: number): Router {
  const router = new ContractRouter();
  // Files are held in memory only while checked and sealed (≤ MAX_UPLOAD_MB); names arrive in UTF-8.
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: maxUploadBytes, files: 1, fields: 10, fieldSize: 1024 }, defParamCharset: 'utf8' });

  router.post('/municipalities/:code/uploads', upload.single('file'), async (req, res) => {
    const language = requestLanguage(req);
    if (!req.file) throw new BadRequestError(language === 'en' ? 'No file was sent (field "file").' : 'ファイルが送信されていません。', 'no_file');
    // multer decodes names and fields leniently: bytes that are not UTF-8 arrive as U+FFFD and would be stored as such.
    if (![req.file.originalname, field(req, 'procedureId'), field(req, 'attachmentId')].every(isReadableText)) throw invalidTextError(req);
    const meta = await services.uploads.accept({
      municipalityCode: param(req, 'code'),
      procedureId: field(req, 'procedureId'),
      attachmentId: field(req, 'attachmentId'),
      uploadToken: req.get('X-Upload-Token') ?? '',
      fileName: req.file.originalname,
      content: req.file.buffer,
      language,
    });
    res.status(201).json({ fileId: meta.id, fileName: meta.fileName, mediaType: meta.mediaType, size: meta.size, scanState: meta.scanState ?? 'not_scanned' });
  });

  router.delete('/uploads/:fileId', async (req, res) => {
    await services.uploads.remove(param(req, 'fileId'), req.get('X-Upload-Token') ?? '', requestLanguage(req));
    res.status(204).end();
  });

  router.post('/drafts', async (req, res) => {
    res.status(201).json(await services.drafts.create(req.body, requestLanguage(req)));
  });

  router.get('/drafts/:draftId', async (req, res) => {
    res.json(await services.drafts.get(param(req, 'draftId'), req.get('X-Resume-Secret') ?? '', requestLanguage(req)));
  });

  router.put('/drafts/:draftId', async (req, res) => {
    res.json(await services.drafts.update(param(req, 'draftId'), req.get('X-Resume-Secret') ?? '', req.body, requestLanguage(req)));
  });

  router.delete('/drafts/:draftId', async (req, res) => {
    await services.drafts.remove(param(req, 'draftId'), req.get('X-Resume-Secret') ?? '', requestLanguage(req));
    res.status(204).end();
  });

  router.get('/submissions/:receiptNumber/pdf', async (req, res) => {
    const submission = await ownSubmission(req, services.storage);
    const version = await services.storage.procedures.getVersion(submission.procedureOwner, submission.procedureId, submission.formVersion);
    if (!version) throw receiptMismatch(requestLanguage(req));
    const municipality = services.municipalities.get(submission.municipalityCode);
    const clerkName = submission.counter ? await services.desk.lookups.userName(submission.counter.servedBy) : undefined;
    const pdf = await renderApplicationPdf(submission, version, municipality?.name.replace(' ', '') ?? submission.municipalityCode, clerkName ? { clerkName } : {});
    const fileName = `申請控え_${submission.receiptNumber}.pdf`;
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="application_${submission.receiptNumber}.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(pdf);
  });

  return router.router;
}
