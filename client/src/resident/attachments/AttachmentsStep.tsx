/**
 * The attachments step: one block per attachment the procedure lists, the
 * ones the answers make required marked so. Continuing checks that the
 * required ones are there (the server checks again at intake).
 */
import { useEffect, useRef, useState } from 'react';
import type { AttachmentSpec, FieldError } from '@madoguchi/shared';
import { useLanguage } from '../../common/i18n/LanguageContext';
import type { AttachedFile } from '../apply/localDraft';
import { ErrorSummary } from '../apply/ErrorSummary';
import { toSummaryErrors } from '../apply/summaryErrors';
import { AttachmentField } from './AttachmentField';
import { attachmentErrors, isRequiredNow } from './attachmentChecks';

export interface AttachmentsStepProps {
  specs: AttachmentSpec[];
  data: Record<string, unknown>;
  files: Record<string, AttachedFile[]>;
  updateFiles: (specId: string, update: (files: AttachedFile[]) => AttachedFile[]) => void;
  municipalityCode: string;
  procedureId: string;
  uploadToken: string;
  /** Errors the server reported for attachments. */
  serverErrors: FieldError[];
  onNext: () => void;
  onBack: () => void;
  /** Came here from 「変更する」 on the check page: the button leads back there. */
  returnToReview?: boolean;
  /** The primary button's words, when it leads elsewhere than the check page (a long form's overview). */
  nextLabel?: string;
}

export function AttachmentsStep(props: AttachmentsStepProps) {
  const { specs, data, files, updateFiles, municipalityCode, procedureId, uploadToken, serverErrors, onNext, onBack, returnToReview, nextLabel } = props;
  const { t, language } = useLanguage();
  const [errors, setErrors] = useState<FieldError[]>(serverErrors);
  const [busy, setBusy] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt) summaryRef.current?.focus();
  }, [attempt]);
  // Errors clear as files are attached.
  useEffect(() => {
    if (attempt) setErrors(attachmentErrors(specs, data, files, language));
  }, [files]); // eslint-disable-line react-hooks/exhaustive-deps

  const next = () => {
    const found = attachmentErrors(specs, data, files, language);
    setErrors(found);
    if (found.length) setAttempt((n) => n + 1);
    else onNext();
  };
  const summary = toSummaryErrors(errors, {}, specs, language);
  return (
    <>
      <ErrorSummary ref={summaryRef} errors={summary} onSelect={(e) => document.querySelector<HTMLElement>(`${e.href} input[type=file], ${e.href} button`)?.focus()} />
      <p className="lead">{t('upload.lead')}</p>
      {specs.map((spec) => (
        <AttachmentField
          key={spec.id}
          spec={spec}
          files={files[spec.id] ?? []}
          requiredNow={isRequiredNow(spec, data)}
          updateFiles={(update) => updateFiles(spec.id, update)}
          municipalityCode={municipalityCode}
          procedureId={procedureId}
          uploadToken={uploadToken}
          errors={errors.filter((e) => e.pointer === `/attachments/${spec.id}`).map((e) => e.message)}
          onBusyChange={(b) => setBusy((n) => n + (b ? 1 : -1))}
        />
      ))}
      <div className="step-nav">
        <button type="button" className="button button--primary button--wide" onClick={next} disabled={busy > 0}>
          {returnToReview ? t('apply.backToReview') : (nextLabel ?? t('apply.toReview'))}
        </button>
        <button type="button" className="button button--secondary" onClick={onBack}>
          {t('apply.back')}
        </button>
      </div>
    </>
  );
}
