/**
 * One single-page app, two front doors: `/staff/*` is the municipal staff
 * console, everything else is the resident app. Each half loads on demand.
 */
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { startApplyPageData } from './resident/apply/earlyApplyData';
import { lazyWithPreload } from './common/lazyWithPreload';

const ResidentApp = lazyWithPreload(() => import('./resident/ResidentApp'));
const StaffApp = lazy(() => import('./staff/StaffApp'));

const root = createRoot(document.getElementById('root')!);
const app = (
  <StrictMode>
    <BrowserRouter>
      <Suspense fallback={<p className="loading">読み込み中…</p>}>
        <Routes>
          <Route path="/staff/*" element={<StaffApp />} />
          <Route path="/*" element={<ResidentApp />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  </StrictMode>
);

if (startApplyPageData(location.pathname)) {
  // A form page: its data and its chunks are already on their way (the page names them). The app is rendered once
  // the chunks are in, so no Suspense fallback holds the form back (React reveals one no sooner than 300 ms after).
  root.render(<p className="loading">読み込み中…</p>);
  const render = () => root.render(app);
  ResidentApp.preload()
    .then((residentApp) => residentApp.preloadApplyPage())
    .then(render, render); // a chunk that failed: the app's own Suspense and error handling take over
} else {
  root.render(app);
}
