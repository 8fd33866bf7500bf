/**
 * One application's row actions: record its survey result (a small form,
 * react-hook-form, errors tied to their fields) and approve a result another
 * member of staff recorded (the server refuses the recorder: four eyes).
 */
import { useState } from 'react';
import { DAMAGE_LEVELS, DAMAGE_LEVEL_EN } from '@madoguchi/shared';
import { useLanguage } from '../../../common/i18n/LanguageContext';
import { useApiForm } from '../../ui/useApiForm';
import { ApiError } from '../../api';
import { triageApi, type SurveyInput, type TriageRow } from './triageApi';
import type { TriageT } from './triageMessages';

interface Props {
  code: string;
  disasterId: string;
  row: TriageRow;
  userId: string;
  t: TriageT;
  onDone: (message: string) => void;
}

export function SurveyEntry({ code, disasterId, row, userId, t, onDone }: Props) {
  const { language } = useLanguage();
  const [open, setOpen] = useState(false);
  const [approveError, setApproveError] = useState('');
  const { form, formError, submit } = useApiForm<SurveyInput>();
  const { register, formState } = form;
  const id = `survey-${row.submissionId}`;
  const errorOf = (name: keyof SurveyInput) => formState.errors[name]?.message;
  const field = (name: keyof SurveyInput) => ({ 'aria-invalid': errorOf(name) ? true : undefined, 'aria-describedby': errorOf(name) ? `${id}-${name}-error` : undefined });
  const error = (name: keyof SurveyInput) =>
    errorOf(name) ? (
      <p id={`${id}-${name}-error`} className="field__error">
        {errorOf(name)}
      </p>
    ) : null;

  const openForm = () => {
    form.reset({
      level: row.survey?.level ?? (row.noSiteSurvey ? '準半壊に至らない（一部損壊）' : ''),
      surveyedOn: row.survey?.surveyedOn ?? new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' }),
      surveyor: row.survey?.surveyor ?? '',
      method: row.survey?.method ?? (row.noSiteSurvey ? 'self' : 'survey'),
    });
    setOpen(true);
  };
  const approve = async () => {
    setApproveError('');
    try {
      await triageApi.approve(code, disasterId, row.submissionId);
      onDone(t('approvedDone', { receipt: row.receiptNumber }));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setApproveError(e.message);
    }
  };
  const mayApprove = row.survey && !row.survey.approvedBy && row.survey.recordedBy !== userId;
  const [certificate, setCertificate] = useState<{ number: string; byPost: boolean } | null>(null);
  // Issuing is idempotent: once a result is approved, the button issues the certificate or shows the one standing.
  const issue = async () => {
    setApproveError('');
    try {
      const issued = await triageApi.issueCertificate(code, disasterId, row.submissionId);
      setCertificate(issued);
      onDone(t('issued', { receipt: row.receiptNumber, number: issued.number }));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setApproveError(e.message);
    }
  };

  return (
    <div className="triage__entry">
      {!open && (
        <button type="button" className="button button--small" onClick={openForm} aria-label={`${t('record')}（${row.receiptNumber}）`}>
          {t('record')}
        </button>
      )}
      {mayApprove && (
        <button type="button" className="button button--small button--primary" onClick={() => void approve()} aria-label={`${t('approve')}（${row.receiptNumber}）`}>
          {t('approve')}
        </button>
      )}
      {row.survey?.approvedBy && !certificate && (
        <button type="button" className="button button--small button--primary" onClick={() => void issue()} aria-label={`${t('issue')}（${row.receiptNumber}）`}>
          {t('issue')}
        </button>
      )}
      {certificate && (
        <p className="triage__certificate">
          {certificate.number}{' '}
          <button type="button" className="button button--small" onClick={() => void triageApi.downloadCertificate(code, disasterId, row.submissionId)}>
            {t('certificatePdf')}
          </button>
          {certificate.byPost && <span className="triage__post">{t('issuedByPost')}</span>}
        </p>
      )}
      {approveError && (
        <p className="form-error" role="alert">
          {approveError}
        </p>
      )}
      {open && (
        <form
          className="triage__form"
          aria-label={t('recordFor', { receipt: row.receiptNumber })}
          noValidate
          onSubmit={submit(async (values) => {
            await triageApi.record(code, disasterId, row.submissionId, values);
            setOpen(false);
            onDone(t('recorded', { receipt: row.receiptNumber }));
          })}
        >
          {formError && (
            <p className="form-error" role="alert">
              {formError}
            </p>
          )}
          <div className="field">
            <label htmlFor={`${id}-level`}>{t('level')}</label>
            {error('level')}
            <select id={`${id}-level`} {...register('level')} {...field('level')}>
              <option value="">―</option>
              {DAMAGE_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {language === 'en' ? DAMAGE_LEVEL_EN[l] : l}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-surveyedOn`}>{t('surveyedOn')}</label>
            {error('surveyedOn')}
            <input id={`${id}-surveyedOn`} type="date" {...register('surveyedOn')} {...field('surveyedOn')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-surveyor`}>{t('surveyor')}</label>
            {error('surveyor')}
            <input id={`${id}-surveyor`} autoComplete="off" {...register('surveyor')} {...field('surveyor')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-method`}>{t('method')}</label>
            {error('method')}
            <select id={`${id}-method`} {...register('method')} {...field('method')}>
              <option value="survey">{t('methodSurvey')}</option>
              <option value="self">{t('methodSelf')}</option>
              <option value="photo">{t('methodPhoto')}</option>
            </select>
          </div>
          <div className="triage__formActions">
            <button type="submit" className="button button--primary button--small" disabled={formState.isSubmitting}>
              {t('save')}
            </button>
            <button type="button" className="button button--small" onClick={() => setOpen(false)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
