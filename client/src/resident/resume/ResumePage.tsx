/**
 * `/resume/:draftId#<secret>`: fetches a draft saved with a resume link,
 * keeps it on this device, and continues the application where it was.
 */
import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { PageHeading } from '../../common/PageHeading';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { getDraft } from '../../common/api/residentApi';
import { saveLocalDraft } from '../apply/localDraft';
import { restoreBundle } from '../bundle/bundleStore';

export default function ResumePage() {
  const { draftId = '' } = useParams();
  const { hash } = useLocation();
  const navigate = useNavigate();
  const { t, language } = useLanguage();
  const secret = decodeURIComponent(hash.replace(/^#/, ''));
  const [error, setError] = useState(secret ? '' : t('resume.noSecret'));

  useEffect(() => {
    if (!secret) return;
    getDraft(draftId, secret, language).then(
      (d) => {
        const remote = { draftId, secret, expiresAt: d.expiresAt, resumePath: `/resume/${draftId}#${secret}` };
        // A one-stop bundle: every form and the shared part come back, and the bundle's list opens.
        if (d.bundle) {
          restoreBundle(d.municipalityCode, d.bundle, remote, d.updatedAt);
          return navigate(`/m/${d.municipalityCode}/bundle`, { replace: true });
        }
        saveLocalDraft({
          municipalityCode: d.municipalityCode,
          procedureId: d.procedureId,
          formVersion: d.formVersion,
          data: d.data,
          attachments: Object.fromEntries(Object.entries(d.attachments ?? {}).map(([id, ids]) => [id, ids.map((fileId) => ({ fileId }))])),
          uploadToken: d.uploadToken,
          savedAt: d.updatedAt,
          remote,
        });
        navigate(`/m/${d.municipalityCode}/p/${d.procedureId}/apply?step=continue`, { replace: true });
      },
      (e: Error) => setError(`${t('resume.failed')}（${e.message}）`),
    );
  }, [draftId, secret, language]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <>
      <PageHeading title={t('resume.title')}>{t('resume.title')}</PageHeading>
      {error ? (
        <div className="notice notice--error" role="alert">
          <p>{error}</p>
        </div>
      ) : (
        <p role="status">{t('resume.loading')}</p>
      )}
    </>
  );
}
