/** The console frame: municipality and account, language switch, sign-out, and the menu from the page registry. */
import { Suspense } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { staffApi } from './api';
import { useSession } from './session';
import { useLanguage } from '../common/i18n/LanguageContext';
import { useStaffText } from './i18n';
import type { StaffSession } from './types';
import { STAFF_PAGES } from './pages/registry';
import { RefusalAnnouncer } from './ui/RefusalAnnouncer';

export function Layout() {
  const t = useStaffText();
  const { language: lang, setLanguage } = useLanguage();
  const navigate = useNavigate();
  const { session, update, can } = useSession();
  const user = session!.user!;

  const signOut = async () => {
    const next = await staffApi<StaffSession>('POST', '/logout');
    update(next);
    // Signed in through the ID provider: end its session too.
    if (next.endSessionUrl) window.location.assign(next.endSessionUrl);
    else await navigate('/staff/login', { replace: true });
  };

  return (
    <div className="console">
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="console__header">
        <NavLink to="/staff/" className="console__brand">
          窓口 Madoguchi <span>{t('layout.staff')}</span>
        </NavLink>
        <p className="console__where">{session?.municipality ? session.municipality.name : t('layout.platformAdministration')}</p>
        <div className="console__me">
          <span>{user.displayName}</span>
          <button type="button" className="button button--small" lang={lang === 'ja' ? 'en' : 'ja'} onClick={() => setLanguage(lang === 'ja' ? 'en' : 'ja')}>
            {lang === 'ja' ? 'English' : '日本語'}
          </button>
          <button type="button" className="button button--small" onClick={() => void signOut()}>
            {t('layout.signOut')}
          </button>
        </div>
      </header>
      <nav className="console__nav" aria-label={t('layout.menu')}>
        <ul>
          {STAFF_PAGES.filter((p) => p.inMenu !== false && (!p.permission || can(p.permission))).map((p) => (
            <li key={p.path}>
              <NavLink to={`/staff/${p.path}`}>{t(p.label)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="console__main" tabIndex={-1}>
        <RefusalAnnouncer />
        <Suspense fallback={<p>{t('common.loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
