/**
 * The one-stop bundle on this device (localStorage, one per municipality):
 * which procedures it holds, the shared answers given once, what each form
 * last took from them, and each form's answers as the resident confirmed
 * them. Each form's own draft stays where a single application keeps it.
 */
import { applySharedAnswers, type BundleDraft, type DraftBody, type IntakeRequest, type SharedAnswerMapping, type SharedAnswers } from '@madoguchi/shared';
import { readStored, removeStored, writeStored } from '../../common/storage';
import { attachmentIds, loadLocalDraft, newLocalDraft, saveLocalDraft, type LocalDraft, type RemoteDraftRef } from '../apply/localDraft';

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
  /** The resume link of the whole bundle, once made (「別の端末で続きを入力する」). */
  remote?: RemoteDraftRef;
  /** One-time handle of the card signature over all confirmed forms; dropped whenever a confirmation changes. */
  signature?: string;
}

/** New confirmations: a signature over the old ones no longer fits them. */
export function withConfirmed(state: BundleState, confirmed: BundleState['confirmed']): BundleState {
  const { signature: _outdated, ...rest } = state;
  return { ...rest, confirmed };
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
  const kept = Object.keys(confirmed).length === Object.keys(state.confirmed).length;
  return { ...(kept ? state : withConfirmed(state, confirmed)), shared, sharedSaved: true, confirmed };
}

/**
 * The bundle as a resume link carries it: its first form is the draft's own
 * (made on this device if not begun, so the link has an upload token), the
 * others ride along with the shared part and the confirmations.
 */
export function bundleDraft(state: BundleState, formVersions: Record<string, number>): { first: LocalDraft; body: DraftBody } {
  const [firstId] = state.procedureIds as [string];
  const stored = loadLocalDraft(state.municipalityCode, firstId);
  const base = stored ?? newLocalDraft(state.municipalityCode, firstId, formVersions[firstId]!);
  if (!stored) saveLocalDraft(base);
  // The link is the bundle's, not the form's: kept with the bundle, never saved into the form's draft (the form would sync itself over it).
  const first = { ...base, ...(state.remote ? { remote: state.remote } : {}) };
  const forms: BundleDraft['forms'] = {};
  for (const id of state.procedureIds) {
    const d = loadLocalDraft(state.municipalityCode, id);
    if (d) forms[id] = { formVersion: d.formVersion, data: d.data, attachments: attachmentIds(d.attachments), uploadToken: d.uploadToken };
  }
  const { procedureIds, guideId, shared, sharedSaved, applied, confirmed } = state;
  const bundle: BundleDraft = { procedureIds, ...(guideId ? { guideId } : {}), shared, sharedSaved, applied, confirmed, forms };
  return {
    first,
    body: {
      municipalityCode: first.municipalityCode,
      procedureId: firstId,
      formVersion: first.formVersion,
      data: first.data,
      attachments: attachmentIds(first.attachments),
      uploadToken: first.uploadToken,
      bundle,
    },
  };
}

/** A bundle opened from its resume link on this device: every form's draft, then the bundle itself. */
export function restoreBundle(code: string, bundle: BundleDraft, remote: RemoteDraftRef, savedAt: string): void {
  for (const [procedureId, f] of Object.entries(bundle.forms)) {
    saveLocalDraft({
      municipalityCode: code,
      procedureId,
      formVersion: f.formVersion,
      data: f.data,
      attachments: Object.fromEntries(Object.entries(f.attachments).map(([id, ids]) => [id, ids.map((fileId) => ({ fileId }))])),
      uploadToken: f.uploadToken,
      savedAt,
    });
  }
  const { procedureIds, guideId, shared, sharedSaved, applied, confirmed } = bundle;
  saveBundle({
    municipalityCode: code,
    procedureIds,
    ...(guideId ? { guideId } : {}),
    shared: shared as SharedAnswers,
    sharedSaved,
    applied: applied as Record<string, SharedAnswers>,
    confirmed: confirmed as BundleState['confirmed'],
    remote,
  });
}
