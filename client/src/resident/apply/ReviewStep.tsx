/**
 * Check your answers: every answer with its label, step by step, each with
 * a way back to change it; the attachments; then 「この内容で申請する」.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { SchemaUtilsType, UiSchema } from '@rjsf/utils';
import { attachmentsFor, type FieldError, type ProcedureDetail } from '@madoguchi/shared';
import { useLanguage } from '../../common/i18n/LanguageContext';
import type { AttachedFile } from './localDraft';
import { ErrorSummary, type SummaryError } from './ErrorSummary';
import { ReviewRows } from './ReviewRows';
import { reviewRows } from './reviewModel';
import { isRequiredNow } from '../attachments/attachmentChecks';
import type { StepView } from './steps';
import { CardSignSection } from '../card/CardSignSection';
import { BusyRetryPanel, type BusyState } from './BusyRetryPanel';

export interface ReviewStepProps {
  detail: ProcedureDetail;
  utils: SchemaUtilsType;
  uiSchema: UiSchema;
  steps: StepView[];
  data: Record<string, unknown>;
  files: Record<string, AttachedFile[]>;
  municipalityName: string;
  errors: SummaryError[];
  /** A message to show above everything (network failure, form updated). */
  notice?: string;
  /** Intake refused because the 受付期間 is over or not begun (the server's words, with the next opening). */
  receptionClosed?: string;
  submitting: boolean;
  /** Goes to step `index` (-1: attachments), focusing `fieldId` when given. */
  onEdit: (index: number, fieldId?: string) => void;
  onSelectError: (error: SummaryError) => void;
  onSubmit: () => void;
  /** The primary button's words when it does not send (in a bundle: 「確認して一覧に戻る」). */
  submitLabel?: string;
  onBack: () => void;
  /** Changes whenever a submit attempt fails, to move focus to the problems. */
  failedAttempt: number;
  serverFields?: FieldError[];
  /** The last attempt was not sent (server busy, connection lost): the retry panel with its countdown. */
  busy?: BusyState;
  /** Signing with the My Number Card, when the municipality offers it and the procedure uses signatures. */
  card?: { signed: boolean; signing: boolean; onSign: () => void };
}

export function ReviewStep(props: ReviewStepProps) {
  const {
    detail,
    utils,
    uiSchema,
    steps,
    data,
    files,
    municipalityName,
    errors,
    notice,
    receptionClosed,
    submitting,
    onEdit,
    onSelectError,
    onSubmit,
    onBack,
    failedAttempt,
    card,
    submitLabel,
    busy,
  } = props;
  const { t, language } = useLanguage();
  const problemRef = useRef<HTMLDivElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failedAttempt) (problemRef.current ?? noticeRef.current)?.focus();
  }, [failedAttempt]);
  const sections = useMemo(() => steps.map((step) => reviewRows(utils, uiSchema, data, step.fields, language)), [utils, uiSchema, data, steps, language]);
  const specs = attachmentsFor(detail.procedure);
  const attachmentsStepIndex = -1;
  return (
    <>
      {notice && (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={noticeRef}>
          <p>{notice}</p>
        </div>
      )}
      {/* Not a failure of the resident's answers: when it opens, and that nothing was lost. */}
      {receptionClosed && (
        <div className="notice notice--warning reception-closed-notice" role="alert" tabIndex={-1} ref={noticeRef}>
          <p className="reception-notice__title">{t('reception.sendClosedTitle')}</p>
          <p>{receptionClosed}</p>
          <p>{t('reception.sendClosedKept')}</p>
        </div>
      )}
      {busy && <BusyRetryPanel busy={busy} submitting={submitting} onRetry={onSubmit} />}
      <ErrorSummary ref={problemRef} errors={errors} lead={t('review.fixBeforeSubmit')} onSelect={onSelectError} />
      <p className="lead">{t('review.lead')}</p>
      {steps.map((step, i) => (
        <section className="review-section" key={step.title} aria-labelledby={`review-step-${i}`}>
          <div className="review-section__header">
            <h2 id={`review-step-${i}`}>{step.title}</h2>
            <button type="button" className="link-button" onClick={() => onEdit(i)}>
              {t('review.change')}
              <span className="visually-hidden">（{step.title}）</span>
            </button>
          </div>
          <ReviewRows rows={sections[i] ?? []} depth={1} onChange={(fieldId) => onEdit(i, fieldId)} />
        </section>
      ))}
      {specs.length > 0 && (
        <section className="review-section" aria-labelledby="review-attachments">
          <div className="review-section__header">
            <h2 id="review-attachments">{t('review.attachments')}</h2>
            <button type="button" className="link-button" onClick={() => onEdit(attachmentsStepIndex)}>
              {t('review.change')}
              <span className="visually-hidden">（{t('review.attachments')}）</span>
            </button>
          </div>
          <dl className="review-list">
            {specs
              .filter((spec) => (files[spec.id]?.length ?? 0) > 0 || isRequiredNow(spec, data))
              .map((spec) => {
                const list = files[spec.id] ?? [];
                return (
                  <div className="review-list__row" key={spec.id}>
                    <dt>{language === 'en' && spec.labelEn ? spec.labelEn : spec.label}</dt>
                    <dd className="review-list__value">{list.length ? list.map((f, n) => f.fileName ?? t('upload.resumedFile', { n: n + 1 })).join('、') : t('review.noFiles')}</dd>
                  </div>
                );
              })}
          </dl>
        </section>
      )}
      {card && detail.procedure.signaturePolicy !== 'none' ? (
        <CardSignSection {...card} required={detail.procedure.signaturePolicy === 'required'} />
      ) : (
        detail.procedure.signaturePolicy === 'required' && <p className="notice">{t('review.signatureNote')}</p>
      )}
      <p>{t('review.declaration', { municipality: municipalityName })}</p>
      <div className="step-nav">
        <button type="button" className="button button--primary button--wide" onClick={onSubmit} disabled={submitting} aria-busy={submitting || undefined}>
          {submitting ? t('review.submitting') : (submitLabel ?? t('review.submit'))}
        </button>
        <button type="button" className="button button--secondary" onClick={onBack}>
          {t('apply.back')}
        </button>
      </div>
    </>
  );
}
