/**
 * Uploads one attachment with XMLHttpRequest, because fetch cannot report
 * upload progress. The upload token proves later that the file is ours.
 */
import type { Language } from '../i18n/LanguageContext';
import { translate } from '../i18n/LanguageContext';
import { ApiError, apiUrl } from './http';

import type { UploadedFile } from '@madoguchi/shared';

export type { UploadedFile };

export interface UploadRequest {
  municipalityCode: string;
  procedureId: string;
  attachmentId: string;
  file: File;
  uploadToken: string;
  language: Language;
  /** Called with the fraction sent, 0…1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export function uploadFile(req: UploadRequest): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(`/municipalities/${encodeURIComponent(req.municipalityCode)}/uploads`, req.language));
    xhr.setRequestHeader('X-Upload-Token', req.uploadToken);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', req.language);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) req.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText || 'null');
      } catch {
        body = null;
      }
      if (xhr.status === 201 || xhr.status === 200) {
        req.onProgress?.(1);
        resolve(body as UploadedFile);
        return;
      }
      const e = (body as { error?: { code?: string; message?: string } } | null)?.error;
      const fallback = xhr.status === 413 ? translate(req.language, 'upload.tooLargeServer') : translate(req.language, 'error.server');
      reject(new ApiError(xhr.status, e?.code ?? `http_${xhr.status}`, e?.message ?? fallback, [], undefined, Number(xhr.getResponseHeader('Retry-After')) || undefined));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', translate(req.language, 'error.network')));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    req.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('procedureId', req.procedureId);
    form.append('attachmentId', req.attachmentId);
    form.append('file', req.file, req.file.name);
    xhr.send(form);
  });
}
