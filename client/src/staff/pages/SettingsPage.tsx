/** Municipality settings: whether every account must use two-step verification. */
import { useEffect, useState } from 'react';
import { staffApi } from '../api';
import { useSession } from '../session';
import { useT } from '../i18n';
import { DesksSection } from './DesksSection';

export default function SettingsPage() {
  const t = useT();
  const { session, can } = useSession();
  const code = session!.user!.municipalityCode;
  const [requireTotp, setRequireTotp] = useState<boolean | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (code) void staffApi<{ requireTotp: boolean }>('GET', `/municipalities/${code}/auth-policy`).then((p) => setRequireTotp(p.requireTotp));
  }, [code]);
  if (!code) return <p>{t({ ja: '自治体の設定は、その自治体の管理者が行います。', en: "A municipality's settings are managed by its administrators." })}</p>;
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t({ ja: '設定', en: 'Settings' })}</h1>
      {requireTotp !== null && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void staffApi('PUT', `/municipalities/${code}/auth-policy`, { requireTotp }).then(() => setSaved(true));
          }}
        >
          <div className="checkbox">
            <input id="require-totp" type="checkbox" checked={requireTotp} onChange={(e) => (setRequireTotp(e.target.checked), setSaved(false))} aria-describedby="require-totp-hint" />
            <label htmlFor="require-totp">{t({ ja: 'すべての職員に2段階認証を必須にする', en: 'Require two-step verification for every account' })}</label>
          </div>
          <p id="require-totp-hint" className="field__hint">
            {t({ ja: '未登録の職員は、次の操作の前に認証アプリの登録を求められます。', en: 'Accounts without it must register an authenticator app before doing anything else.' })}
          </p>
          <button type="submit" className="button button--primary">
            {t({ ja: '保存', en: 'Save' })}
          </button>
          {saved && <p role="status">{t({ ja: '保存しました。', en: 'Saved.' })}</p>}
        </form>
      )}
      <DesksSection code={code} canEdit={can('settings.update')} />
    </section>
  );
}
