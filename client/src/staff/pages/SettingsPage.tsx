/** Municipality settings: whether every account must use two-step verification. */
import { useEffect, useState } from 'react';
import { staffApi } from '../api';
import { useSession } from '../session';
import { useStaffText } from '../i18n';
import { DesksSection } from './DesksSection';

export default function SettingsPage() {
  const t = useStaffText();
  const { session, can } = useSession();
  const code = session!.user!.municipalityCode;
  const [requireTotp, setRequireTotp] = useState<boolean | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (code) void staffApi<{ requireTotp: boolean }>('GET', `/municipalities/${code}/auth-policy`).then((p) => setRequireTotp(p.requireTotp));
  }, [code]);
  if (!code) return <p>{t('settings.managedByMunicipality')}</p>;
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('common.settings')}</h1>
      {requireTotp !== null && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void staffApi('PUT', `/municipalities/${code}/auth-policy`, { requireTotp }).then(() => setSaved(true));
          }}
        >
          <div className="checkbox">
            <input id="require-totp" type="checkbox" checked={requireTotp} onChange={(e) => (setRequireTotp(e.target.checked), setSaved(false))} aria-describedby="require-totp-hint" />
            <label htmlFor="require-totp">{t('settings.requireTwoStep')}</label>
          </div>
          <p id="require-totp-hint" className="field__hint">
            {t('settings.twoStepHelp')}
          </p>
          <button type="submit" className="button button--primary">
            {t('common.save')}
          </button>
          {saved && <p role="status">{t('settings.saved')}</p>}
        </form>
      )}
      <DesksSection code={code} canEdit={can('settings.update')} />
    </section>
  );
}
