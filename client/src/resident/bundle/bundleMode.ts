/** A form's check page in a bundle: its answers are kept as confirmed instead of being sent on their own. */
import type { IntakeRequest } from '@madoguchi/shared';
import { bundleHolding, saveBundle, withConfirmed } from './bundleStore';

/** The bundle is signed once as a whole (useBundleSignature), never form by form. */
export function confirmInBundle(municipalityCode: string, procedureId: string, body: Omit<IntakeRequest, 'language'>): boolean {
  const state = bundleHolding(municipalityCode, procedureId);
  if (!state) return false;
  const { signature: _formSignature, ...answers } = body;
  return saveBundle(withConfirmed(state, { ...state.confirmed, [procedureId]: answers }));
}
