/** A form's check page in a bundle: its answers are kept as confirmed instead of being sent on their own. */
import type { IntakeRequest } from '@madoguchi/shared';
import { bundleHolding, saveBundle } from './bundleStore';

export function confirmInBundle(municipalityCode: string, procedureId: string, body: Omit<IntakeRequest, 'language'>): boolean {
  const state = bundleHolding(municipalityCode, procedureId);
  if (!state) return false;
  return saveBundle({ ...state, confirmed: { ...state.confirmed, [procedureId]: body } });
}
