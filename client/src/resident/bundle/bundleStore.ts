/**
 * The one-stop bundle on this device (localStorage, one per municipality):
 * which procedures it holds, the shared answers given once, what each form
 * last took from them, and each form's answers as the resident confirmed
 * them. Each form's own draft stays where a single application keeps it.
 */
import { applySharedAnswers, type IntakeRequest, type SharedAnswerMapping, type SharedAnswers } from '@madoguchi/shared';
import { readStored, removeStored, writeStored } from '../../common/storage';

export interface BundleState {
  municipalityCode: string;
  procedureIds: string[];
  guideId?: string;
  shared: SharedAnswers;
  /** Set once the resident saved the shared part. */
  sharedSaved: boolean;
  /** Per procedure: the shared answers its form was last filled from (so a later change knows what was not changed by hand). */
  applied: Record<string, SharedAnswers>;
  /** Per procedure: the application exactly as checked and confirmed on its check page. */
  confirmed: Record<string, Omit<IntakeRequest, 'language'>>;
}

const key = (code: string) => `madoguchi:bundle:${code}`;

export const loadBundle = (code: string) => readStored<BundleState>(key(code));
export const saveBundle = (state: BundleState) => writeStored(key(state.municipalityCode), state);
export const clearBundle = (code: string) => removeStored(key(code));

/** The bundle for these procedures: the one on the device when it holds the same ones, else a new one that keeps the shared answers. */
export function bundleFor(code: string, procedureIds: string[], guideId?: string): BundleState {
  const existing = loadBundle(code);
  if (existing && existing.procedureIds.join() === procedureIds.join()) return existing;
  return { municipalityCode: code, procedureIds, ...(guideId ? { guideId } : {}), shared: existing?.shared ?? {}, sharedSaved: existing?.sharedSaved ?? false, applied: {}, confirmed: {} };
}

/** The bundle holding this procedure, if the resident is filling it in as part of one. */
export function bundleHolding(code: string, procedureId: string): BundleState | undefined {
  const state = loadBundle(code);
  return state?.procedureIds.includes(procedureId) ? state : undefined;
}

/** A form's answers with the shared part applied; remembers what was applied. */
export function fillFromShared(
  state: BundleState,
  procedureId: string,
  mapping: SharedAnswerMapping | undefined,
  data: Record<string, unknown>,
  defaults: Record<string, unknown>,
): Record<string, unknown> {
  if (!mapping) return data;
  const filled = applySharedAnswers(data, mapping, state.shared, state.applied[procedureId], defaults);
  saveBundle({ ...state, applied: { ...state.applied, [procedureId]: state.shared } });
  return filled;
}

/** New shared answers: a confirmation whose form takes a changed answer no longer holds (the form must be looked at again). */
export function withShared(state: BundleState, shared: SharedAnswers, mappings: Record<string, SharedAnswerMapping | undefined>): BundleState {
  const changed = (k: string) => {
    const [group, name] = k.split('.') as [string, string];
    return JSON.stringify(shared[group]?.[name]) !== JSON.stringify(state.shared[group]?.[name]);
  };
  const confirmed = Object.fromEntries(Object.entries(state.confirmed).filter(([id]) => !Object.keys(mappings[id] ?? {}).some(changed)));
  return { ...state, shared, sharedSaved: true, confirmed };
}
