/** Header (site name, language switch), main landmark and footer around every resident page. */
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useLanguage } from '../common/i18n/LanguageContext';
// 「…による被害を受けた方へ」 on the municipality's home, procedure and guide pages, not the application (its code loads there only).
const BANNER_PAGE = /^\/m\/([^/]+)(?:\/(?:p|guides)\/[^/]+)?\/?$/;
const DisasterBanner = lazy(() => import('./disaster/DisasterBanner'));

export function Layout({ children }: { children: ReactNode }) {
  const { t, language, setLanguage } = useLanguage();
  const other = language === 'ja' ? 'en' : 'ja';
  const { pathname } = useLocation();
  const bannerCode = BANNER_PAGE.exec(pathname)?.[1];
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <Link to="/" className="site-title">
            <span className="site-title__name">窓口</span>
            <span className="site-title__sub">{t('app.tagline')}</span>
          </Link>
          <button type="button" className="lang-switch" lang={other} aria-label={t('app.switchLanguageLabel')} onClick={() => setLanguage(other)}>
            {t('app.switchLanguage')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container main">
        {bannerCode && (
          <Suspense fallback={null}>
            <DisasterBanner code={bannerCode} pathname={pathname} />
          </Suspense>
        )}
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>
            <Link to="/status">{t('app.checkStatus')}</Link>
          </p>
          <p className="site-footer__note">{t('app.footer')}</p>
        </div>
      </footer>
    </>
  );
}
