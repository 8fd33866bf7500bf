/**
 * Route `/m/:code/p/:procedureId/apply`: loads the procedure's current
 * published version and the municipality, then runs the application flow.
 * Loaded on demand: the form renderer is the heavy part of the app.
 */
import { useState } from 'react';
import { useParams } from 'react-router';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { getMunicipality, getProcedure, listOpenDisasters } from '../../common/api/residentApi';
import { isDisasterForm } from '../disaster/declaredDisaster';
import { useAsync } from '../../common/useAsync';
import { ErrorBlock, Loading } from '../../common/StatusMessages';
import { ApplyFlow } from './ApplyFlow';

export default function ApplyPage() {
  const { code = '', procedureId = '' } = useParams();
  const { language } = useLanguage();
  const [notice, setNotice] = useState<string | undefined>();
  const loaded = useAsync(async () => {
    const [detail, municipality] = await Promise.all([getProcedure(code, procedureId, language), getMunicipality(code, language)]);
    // A disaster procedure takes the open disaster; without the list (or none open) the block is typed as usual.
    const openDisasters = isDisasterForm(detail) ? await listOpenDisasters(code, language).catch(() => []) : [];
    return { detail, municipality, openDisasters };
  }, [code, procedureId, language]);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorBlock error={loaded.error} onRetry={loaded.reload} />;
  const { detail, municipality, openDisasters } = loaded.value;
  return (
    <ApplyFlow
      key={`${detail.procedure.id}@${detail.version.version}`}
      detail={detail}
      municipality={municipality}
      openDisasters={openDisasters}
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
