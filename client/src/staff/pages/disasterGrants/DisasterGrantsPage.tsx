/** The 応援職員 page of one disaster (`/staff/disasters/:disasterId/grants`): its name as the title, then the grants panel. */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Disaster } from '@madoguchi/shared';
import { ApiError } from '../../api';
import { useSession } from '../../session';
import { useStaffText } from '../../i18n';
import { DisasterGrantsPanel } from './DisasterGrantsPanel';
import { grantsApi } from './grantsApi';

export default function DisasterGrantsPage() {
  const t = useStaffText();
  const { session } = useSession();
  const { disasterId = '' } = useParams();
  const code = session?.user?.municipalityCode ?? '';
  const [disaster, setDisaster] = useState<Disaster | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    grantsApi.disaster(code, disasterId).then(setDisaster, (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [code, disasterId]);

  return (
    <article aria-labelledby="grants-page-title">
      <p>
        <Link to="/staff/disasters">{t('grants.back')}</Link>
      </p>
      {error && <p className="notice notice--error">{error}</p>}
      {disaster && (
        <>
          <h1 id="grants-page-title">{disaster.name}</h1>
          <DisasterGrantsPanel code={code} disasterId={disaster.id} open={disaster.status === 'open'} />
        </>
      )}
    </article>
  );
}
