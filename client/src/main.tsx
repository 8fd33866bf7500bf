/**
 * One single-page app, two front doors: `/staff/*` is the municipal staff
 * console, everything else is the resident app. Each half loads on demand.
 */
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { startApplyPageData } from './resident/apply/earlyApplyData';

// A form page: its data and its chunks start loading now, side by side with the resident app's own chunk.
if (startApplyPageData(location.pathname)) void import('./resident/apply/ApplyPage');

const ResidentApp = lazy(() => import('./resident/ResidentApp'));
const StaffApp = lazy(() => import('./staff/StaffApp'));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <Suspense fallback={<p className="loading">読み込み中…</p>}>
        <Routes>
          <Route path="/staff/*" element={<StaffApp />} />
          <Route path="/*" element={<ResidentApp />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  </StrictMode>,
);
