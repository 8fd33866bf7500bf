/** `/m/:code/bundle`: the bundle's task list; `/m/:code/bundle/:receipt#secret`: its receipt and status (one lazy module for both). */
import { Route, Routes } from 'react-router';
import BundlePage from './BundlePage';
import BundleStatusPage from './BundleStatusPage';

export default function BundleRoutes() {
  return (
    <Routes>
      <Route index element={<BundlePage />} />
      <Route path=":receipt" element={<BundleStatusPage />} />
    </Routes>
  );
}
