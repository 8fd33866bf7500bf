/**
 * Sends the application. One Idempotency-Key per set of answers: a
 * double tap or a retry after a network failure sends the same key, so the
 * municipality never gets the application twice.
 */
import { useRef, useState } from 'react';
import type { FieldError, IntakeRequest, IntakeResponse } from '@madoguchi/shared';
import { ApiError } from '../../common/api/http';
import { submitApplication } from '../../common/api/residentApi';
import { randomToken } from '../../common/randomToken';
import { readStored, writeStored } from '../../common/storage';
import type { Language } from '../../common/i18n/LanguageContext';

export type SubmitOutcome =
  | { kind: 'sent'; response: IntakeResponse }
  | { kind: 'invalid'; message: string; fields: FieldError[] }
  | { kind: 'version-changed'; message: string }
  // The 受付期間 closed (or has not begun) while the resident filled in: nothing stored, the draft stays.
  | { kind: 'reception-closed'; message: string }
  // Not sent, nothing stored: the server is busy (503) or the network failed. Retry with the same key.
  | { kind: 'busy'; offline: boolean; retryAfterSeconds: number }
  | { kind: 'failed'; message: string };

/** When the server names no wait (a network failure, a proxy's 503). */
const DEFAULT_RETRY_SECONDS = 15;

interface PendingKey {
  key: string;
  body: string;
}

export function useSubmit(municipalityCode: string, procedureId: string, language: Language) {
  const [submitting, setSubmitting] = useState(false);
  const inFlight = useRef(false);
  const storageKey = `madoguchi:pending-submit:${municipalityCode}:${procedureId}`;

  const submit = async (body: IntakeRequest): Promise<SubmitOutcome | undefined> => {
    if (inFlight.current) return undefined; // a second tap while the first is on its way
    inFlight.current = true;
    setSubmitting(true);
    const text = JSON.stringify(body);
    const pending = readStored<PendingKey>(storageKey, 'session');
    const key = pending?.body === text ? pending.key : randomToken(24);
    writeStored(storageKey, { key, body: text }, 'session');
    try {
      const response = await submitApplication(municipalityCode, procedureId, body, key, language);
      writeStored(storageKey, null, 'session');
      return { kind: 'sent', response };
    } catch (error) {
      if (!(error instanceof ApiError)) return { kind: 'failed', message: (error as Error).message };
      if (error.status === 0 || error.status === 503) return { kind: 'busy', offline: error.status === 0, retryAfterSeconds: error.retryAfterSeconds ?? DEFAULT_RETRY_SECONDS };
      if (error.status === 422 && error.fields.length) return { kind: 'invalid', message: error.message, fields: error.fields };
      // An option became full while the resident filled in: shown at the field, like a wrong answer (issue #22).
      if (error.code === 'capacity_full' && error.fields.length) return { kind: 'invalid', message: error.message, fields: error.fields };
      if (error.code === 'form_version_changed') return { kind: 'version-changed', message: error.message };
      if (error.code === 'reception_closed') return { kind: 'reception-closed', message: error.message };
      return { kind: 'failed', message: error.message };
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };
  return { submit, submitting };
}
