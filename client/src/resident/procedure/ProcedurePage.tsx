/**
 * What a resident needs before starting: who may apply, what to have at
 * hand, the attachments, the deadline, the desk, the signature rule.
 */
import { Suspense, lazy } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { attachmentsFor, type AttachmentSpec, type ContactDesk } from '@madoguchi/shared';
import { PageHeading } from '../../common/PageHeading';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { getProcedure } from '../../common/api/residentApi';
import { useAsync } from '../../common/useAsync';
import { ErrorBlock, Loading } from '../../common/StatusMessages';
import { formatDateTime, formatMediaTypes } from '../../common/format';
import { clearLocalDraft, loadLocalDraft } from '../apply/localDraft';
import { inLanguage, japaneseOnly } from '../../common/i18n/inLanguage';
import { ReceptionFacts, ReceptionNotice, receptionIsOpen } from './Reception';

function AttachmentList({ specs }: { specs: AttachmentSpec[] }) {
  const { t, language } = useLanguage();
  if (specs.length === 0) return <p>{t('procedure.noAttachments')}</p>;
  return (
    <ul className="attachment-specs">
      {specs.map((a) => (
        <li key={a.id}>
          <p className="attachment-specs__label">
            <span className={`badge badge--${a.required === 'always' ? 'required' : 'optional'}`}>{t(`attachment.${a.required}`)}</span>
            {language === 'en' && a.labelEn ? a.labelEn : a.label}
          </p>
          {a.conditionText && <p className="attachment-specs__condition">{a.conditionText}</p>}
          {a.description && <p className="attachment-specs__description">{a.description}</p>}
          <p className="attachment-specs__limits">{t('attachment.limits', { types: formatMediaTypes(a.accept, language), maxFiles: a.maxFiles, maxSizeMb: a.maxSizeMb })}</p>
          {a.originalRequired && <p className="attachment-specs__condition">{t('attachment.original')}</p>}
        </li>
      ))}
    </ul>
  );
}

function Contact({ desk }: { desk: ContactDesk }) {
  return (
    <address className="contact">
      <p className="contact__name">{desk.name}</p>
      {desk.phone && (
        <p>
          <a href={`tel:${desk.phone.replace(/[^0-9+]/g, '')}`}>{desk.phone}</a>
        </p>
      )}
      {desk.email && (
        <p>
          <a href={`mailto:${desk.email}`}>{desk.email}</a>
        </p>
      )}
      {desk.hours && <p>{desk.hours}</p>}
      {desk.address && <p>{desk.address}</p>}
    </address>
  );
}

// The life-event guides that lead here (their own small chunk).
const GuideLinks = lazy(() => import('../guides/GuideLinks'));

export default function ProcedurePage() {
  const { code = '', procedureId = '' } = useParams();
  const { t, language } = useLanguage();
  const navigate = useNavigate();
  const detail = useAsync(() => getProcedure(code, procedureId, language), [code, procedureId, language]);
  if (detail.status === 'loading') return <Loading />;
  if (detail.status === 'error') return <ErrorBlock error={detail.error} onRetry={detail.reload} />;
  const p = detail.value.procedure;
  const shownTitle = inLanguage(language, p.title, p.titleEn);
  const title = shownTitle.text;
  const description = inLanguage(language, p.description, p.descriptionEn);
  // The municipality's own texts (who may apply, what to prepare …) exist in Japanese only.
  const ja = japaneseOnly(language);
  const draft = loadLocalDraft(code, procedureId);
  const applyPath = `/m/${code}/p/${procedureId}/apply`;
  const restart = () => {
    if (window.confirm(t('procedure.restartConfirm'))) {
      clearLocalDraft(code, procedureId);
      navigate(applyPath);
    }
  };
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/m/${code}`}>{t('procedure.backToCatalog')}</Link>
      </p>
      <PageHeading title={title}>
        <span lang={shownTitle.lang}>{title}</span>
      </PageHeading>
      <p className="lead" lang={description.lang}>
        {description.text}
      </p>
      <ReceptionNotice detail={detail.value} />
      {receptionIsOpen(detail.value) && (
        <div className="start-panel">
          {draft ? (
            <>
              <p>{t('procedure.draftFound', { at: formatDateTime(draft.savedAt, language) })}</p>
              <Link className="button button--primary button--wide" to={applyPath}>
                {t('procedure.resume')}
              </Link>
              <button type="button" className="button button--tertiary" onClick={restart}>
                {t('procedure.restart')}
              </button>
            </>
          ) : (
            <Link className="button button--primary button--wide" to={applyPath}>
              {t('procedure.apply')}
            </Link>
          )}
        </div>
      )}
      <Suspense fallback={null}>
        <GuideLinks code={code} procedureId={procedureId} />
      </Suspense>
      <dl className="facts">
        <dt>{t('procedure.eligibility')}</dt>
        <dd lang={ja}>{p.eligibility}</dd>
        <dt>{t('procedure.applicant')}</dt>
        <dd>{t(`role.${p.applicantRole}`)}</dd>
        <dt>{t('procedure.prepare')}</dt>
        <dd>
          <ul className="bullets">
            {p.prepare.map((item) => (
              <li key={item} lang={ja}>
                {item}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('procedure.attachments')}</dt>
        <dd>
          <AttachmentList specs={attachmentsFor(p)} />
        </dd>
        <ReceptionFacts detail={detail.value} />
        {p.deadline && (
          <>
            <dt>{t('procedure.deadline')}</dt>
            <dd>{p.deadline}</dd>
          </>
        )}
        <dt>{t('procedure.signature')}</dt>
        <dd>{t(`signature.${p.signaturePolicy}`)}</dd>
        <dt>{t('procedure.contact')}</dt>
        <dd>
          <Contact desk={p.contactDesk} />
        </dd>
        {p.legalBasis.length > 0 && (
          <>
            <dt>{t('procedure.legalBasis')}</dt>
            <dd>{p.legalBasis.join('、')}</dd>
          </>
        )}
      </dl>
    </>
  );
}
