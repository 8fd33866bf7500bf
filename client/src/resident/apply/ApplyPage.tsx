/**
 * Route `/m/:code/p/:procedureId/apply`: loads the procedure's current
 * published version and the municipality, then runs the application flow.
 * Loaded on demand: the form renderer is the heavy part of the app.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { getMunicipality, getProcedure, listOpenDisasters } from '../../common/api/residentApi';
import { useAsync } from '../../common/useAsync';
import { ErrorBlock, Loading } from '../../common/StatusMessages';
import { ApplyFlow } from './ApplyFlow';
import { ReceptionNotice, receptionIsOpen } from '../procedure/Reception';
import { PageHeading } from '../../common/PageHeading';
import { inLanguage } from '../../common/i18n/inLanguage';
import { loadCalcRuntime } from '../form/calcRuntime';

export default function ApplyPage() {
  const { code = '', procedureId = '' } = useParams();
  const { t, language } = useLanguage();
  const [notice, setNotice] = useState<string | undefined>();
  const loaded = useAsync(async () => {
    // All three at once (one round trip on a slow network; the disasters list is small and asked for every form).
    const [detail, municipality, disasters] = await Promise.all([getProcedure(code, procedureId, language), getMunicipality(code, language), listOpenDisasters(code, language).catch(() => [])]);
    // A disaster procedure (server: isDisasterProcedure) takes the open disaster; none open (or no list): typed as usual.
    const open = detail.procedure.category === 'disaster' ? disasters : [];
    // A form that calculates (x-calc) is shown once the expression language is in: its amounts are right from the first frame.
    const [withDisaster] = await Promise.all([open.length ? import('../disaster/declaredDisaster').then((m) => m.withDeclaredDisaster(detail, open)) : detail, loadCalcRuntime(detail.version.schema)]);
    return { detail: withDisaster, municipality };
  }, [code, procedureId, language]);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorBlock error={loaded.error} onRetry={loaded.reload} />;
  const { detail, municipality } = loaded.value;
  // Someone with an old link outside the 受付期間: say when it opens instead of a form intake would refuse.
  if (!receptionIsOpen(detail)) {
    const title = inLanguage(language, detail.procedure.title, detail.procedure.titleEn);
    return (
      <>
        <PageHeading title={title.text}>
          <span lang={title.lang}>{title.text}</span>
        </PageHeading>
        <ReceptionNotice detail={detail} />
        <p>
          <Link to={`/m/${code}/p/${procedureId}`}>{t('procedure.receptionBack')}</Link>
        </p>
      </>
    );
  }
  return (
    <ApplyFlow
      key={`${detail.procedure.id}@${detail.version.version}`}
      detail={detail}
      municipality={municipality}
      {...(notice ? { notice } : {})}
      onVersionChanged={(message) => {
        setNotice(message);
        loaded.reload();
      }}
    />
  );
}

// For the counter tablet only (see reviewKit.ts for why through this module).
export { loadReviewKit } from './reviewKit';
// For the staff console's counter only (see formKit.ts).
export { loadFormKit } from './formKit';
