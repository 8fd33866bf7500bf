/**
 * The resident app: find the municipality and the procedure, apply, get a
 * receipt, check the status. Pages that need the form renderer load on demand,
 * so finding a procedure stays light on a phone.
 */
import { Suspense, lazy } from 'react';
import { lazyWithPreload } from '../common/lazyWithPreload';
import { Link, Route, Routes } from 'react-router';
import '../common/styles/resident.css';
import { LanguageProvider, useLanguage } from '../common/i18n/LanguageContext';
import { Loading } from '../common/StatusMessages';
import { PageHeading } from '../common/PageHeading';
import { Layout } from './Layout';
import ChooseMunicipalityPage from './municipality/ChooseMunicipalityPage';
import CatalogPage from './catalog/CatalogPage';
import ProcedurePage from './procedure/ProcedurePage';

const ApplyPage = lazyWithPreload(() => import('./apply/ApplyPage'));
/** The form page's chunk, so that the entry script can render it without a Suspense fallback (main.tsx). */
export const preloadApplyPage = ApplyPage.preload;
const DonePage = lazy(() => import('./done/DonePage'));
const StatusPage = lazy(() => import('./status/StatusPage'));
const ResumePage = lazy(() => import('./resume/ResumePage'));
const GuidePage = lazy(() => import('./guides/GuidePage'));
const VerifyPage = lazy(() => import('./certificate/VerifyPage'));
const BundleRoutes = lazy(() => import('./bundle/BundleRoutes'));
// The tablet at a counter desk (書かない窓口): a screen of its own, without the site's header and links.
const CounterPage = lazy(() => import('./counter/CounterPage'));

function NotFound() {
  const { t } = useLanguage();
  return (
    <>
      <PageHeading title={t('app.notFound')}>{t('app.notFound')}</PageHeading>
      <Link to="/">{t('app.backHome')}</Link>
    </>
  );
}

/** The site: every page in the header, main and footer of `Layout`. */
function SitePages() {
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route index element={<ChooseMunicipalityPage />} />
          <Route path="m/:code" element={<CatalogPage />} />
          <Route path="m/:code/p/:procedureId" element={<ProcedurePage />} />
          <Route path="m/:code/guides/:guideId" element={<GuidePage />} />
          <Route path="m/:code/p/:procedureId/apply" element={<ApplyPage />} />
          <Route path="m/:code/bundle/*" element={<BundleRoutes />} />
          <Route path="m/:code/p/:procedureId/done" element={<DonePage />} />
          <Route path="resume/:draftId" element={<ResumePage />} />
          <Route path="status" element={<StatusPage />} />
          <Route path="status/:receipt" element={<StatusPage />} />
          <Route path="verify" element={<VerifyPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}

export default function ResidentApp() {
  return (
    <LanguageProvider>
      <Routes>
        <Route
          path="m/:code/counter"
          element={
            <Suspense fallback={<Loading />}>
              <CounterPage />
            </Suspense>
          }
        />
        <Route path="*" element={<SitePages />} />
      </Routes>
    </LanguageProvider>
  );
}
