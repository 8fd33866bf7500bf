/**
 * On a form filled in as part of a bundle: fills it from the shared answers
 * once it opens (fields changed by hand keep their value), and leads back to
 * the bundle's list. Loaded only in a bundle, so a single application pays nothing for it.
 */
import { useEffect } from 'react';
import { Link } from 'react-router';
import type { SharedAnswerMapping } from '@madoguchi/shared';
import { bundleHolding, fillFromShared } from './bundleStore';
import { useBundleText } from './bundleMessages';

interface Props {
  municipalityCode: string;
  procedureId: string;
  mapping: SharedAnswerMapping | undefined;
  data: Record<string, unknown>;
  setData: (data: Record<string, unknown>) => void;
  /** The form's answers before anything is typed (its defaults): a value still at its default takes the shared answer. */
  defaultsOf: () => Record<string, unknown>;
}

export default function BundleBanner({ municipalityCode, procedureId, mapping, data, setData, defaultsOf }: Props) {
  const b = useBundleText();
  const state = bundleHolding(municipalityCode, procedureId);
  useEffect(() => {
    if (!state) return;
    const filled = fillFromShared(state, procedureId, mapping, data, defaultsOf());
    if (filled !== data) setData(filled);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  if (!state) return null;
  return (
    <div className="notice bundle-banner">
      <p>{b('inBundle', { n: state.procedureIds.length })}</p>
      <p>
        <Link to={`/m/${municipalityCode}/bundle`}>{b('backToList')}</Link>
      </p>
    </div>
  );
}
