/**
 * The HTTP side of admission control (modules/admission/admissionGate.ts):
 * mounted before the body parsers, so a slot covers receiving the body too
 * (a photo arriving over a slow phone connection), and a request that is not
 * admitted is refused before its body is read. A refusal is 503 with
 * Retry-After and a message in the caller's language saying nothing was
 * submitted; the browser keeps the answers and retries with the same
 * Idempotency-Key, which intake stores at most once.
 */
import { randomInt } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { ApiErrorBody } from '@madoguchi/shared';
import type { AdmissionGate } from '../modules/admission/admissionGate';
import { requestLanguage } from '../i18n/language';

export type AdmittedWork = 'submission' | 'upload';

const BUSY: Record<AdmittedWork, { ja: (s: number) => string; en: (s: number) => string }> = {
  submission: {
    ja: (s) => `ただいま申請が集中しているため、受け付けられませんでした。入力内容は送信されていません。${s}秒ほど待ってから、もう一度送信してください。`,
    en: (s) => `Many applications are arriving right now, so yours could not be taken yet. Nothing was submitted; please send it again in about ${s} seconds.`,
  },
  upload: {
    ja: (s) => `ただいま申請が集中しているため、ファイルを受け付けられませんでした。${s}秒ほど待ってから、もう一度添付してください。`,
    en: (s) => `Many applications are arriving right now, so the file could not be taken yet. Please attach it again in about ${s} seconds.`,
  },
};

/** Retry-After with up to half of it added at random: refused residents do not all come back in the same second. */
const retryAfter = (base: number) => base + randomInt(0, Math.floor(base / 2) + 1);

export function admissionControl(gate: AdmissionGate, retryAfterSeconds: number, work: AdmittedWork): RequestHandler {
  if (!gate.enabled) return (_req, _res, next) => next();
  return (req, res, next) => {
    // The client may leave while waiting: its place in the queue goes to the next one.
    const gone = new AbortController();
    const onGone = () => gone.abort();
    res.once('close', onGone);
    gate.acquire(gone.signal).then((admission) => {
      res.off('close', onGone);
      if (!admission.admitted) {
        if (gone.signal.aborted) return;
        req.log?.info({ reason: admission.reason, work }, 'admission refused');
        refuse(res, retryAfter(retryAfterSeconds), work, requestLanguage(req) === 'en', String(req.id ?? ''));
        return;
      }
      // The slot is held until the answer is sent or the connection is gone, whichever comes first.
      const release = admission.ticket.release;
      res.once('finish', release);
      res.once('close', release);
      if (res.destroyed) return release();
      next();
    }, next);
  };
}

function refuse(res: Response, seconds: number, work: AdmittedWork, en: boolean, requestId: string): void {
  const body: ApiErrorBody = { error: { code: 'intake_busy', message: BUSY[work][en ? 'en' : 'ja'](seconds), requestId } };
  res.setHeader('Retry-After', String(seconds));
  res.setHeader('Cache-Control', 'no-store');
  res.status(503).json(body);
}
