/**
 * The staff console under /staff: sign-in pages, then the console frame with
 * the pages of pages/registry.ts. Every API call is checked on the server;
 * the menu only hides what an account may not use.
 */
import { Navigate, Route, Routes } from 'react-router';
import { SessionProvider, useSession } from './session';
import { LanguageProvider } from '../common/i18n/LanguageContext';
import { adoptOldStaffLanguage, useStaffText } from './i18n';
import { Layout } from './Layout';
import LoginPage from './auth/LoginPage';
import SetupPage from './auth/SetupPage';
import AcceptInvitePage from './auth/AcceptInvitePage';
import HomePage from './pages/HomePage';
import { STAFF_PAGES } from './pages/registry';
import { RequirePermission } from './ui/RequirePermission';
import './staff.css';

// Once, before the first render reads the language.
adoptOldStaffLanguage();

function SignedIn() {
  const t = useStaffText();
  const { session } = useSession();
  if (!session) return <p className="loading">{t('common.loading')}</p>;
  if (!session.user) return <Navigate to="/staff/login" replace />;
  return <Layout />;
}

function Pages() {
  const { session } = useSession();
  return (
    <Routes>
      <Route path="login" element={session ? <LoginPage /> : null} />
      <Route path="setup" element={<SetupPage />} />
      <Route path="invite" element={<AcceptInvitePage />} />
      <Route element={<SignedIn />}>
        <Route index element={<HomePage />} />
        {STAFF_PAGES.map(({ path, permission, component: Page }) => (
          <Route
            key={path}
            path={path}
            element={
              <RequirePermission {...(permission ? { permission } : {})}>
                <Page />
              </RequirePermission>
            }
          />
        ))}
        <Route path="*" element={<Navigate to="/staff/" replace />} />
      </Route>
    </Routes>
  );
}

export default function StaffApp() {
  return (
    <LanguageProvider>
      <div className="staff-root">
        <SessionProvider>
          <Pages />
        </SessionProvider>
      </div>
    </LanguageProvider>
  );
}
