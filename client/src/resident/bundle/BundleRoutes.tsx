/**
 * `/m/:code/bundle`: the bundle's task list; `/m/:code/bundle/p/:procedureId`: one of its forms (the
 * application flow, in bundle mode); `/m/:code/bundle/:receipt#secret`: its receipt and status.
 */
import { Route, Routes } from 'react-router';
import ApplyPage from '../apply/ApplyPage';
import BundlePage from './BundlePage';
import BundleStatusPage from './BundleStatusPage';

export default function BundleRoutes() {
  return (
    <Routes>
      <Route index element={<BundlePage />} />
      <Route path="p/:procedureId" element={<ApplyPage />} />
      <Route path=":receipt" element={<BundleStatusPage />} />
    </Routes>
  );
}
