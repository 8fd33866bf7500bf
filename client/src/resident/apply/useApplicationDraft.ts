/**
 * The application being filled in: answers, attached files, upload token and
 * the resume link, saved to this device shortly after every change (and at
 * once when the page is hidden, e.g. the phone locks or the tab closes).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttachedFile, LocalDraft, RemoteDraftRef } from './localDraft';
import { clearLocalDraft, loadLocalDraft, newLocalDraft, saveLocalDraft } from './localDraft';

export interface ApplicationDraft {
  draft: LocalDraft;
  setData: (data: Record<string, unknown>) => void;
  updateFiles: (specId: string, update: (files: AttachedFile[]) => AttachedFile[]) => void;
  setRemote: (remote: RemoteDraftRef) => void;
  /** Forgets the draft on this device (after submitting). */
  discard: () => void;
}

const SAVE_DELAY_MS = 400;

/**
 * Every save checks at the moment it writes: once the application is sent (`discard`), nothing brings the draft
 * back, not even a save the last keystroke scheduled (the form stays up while the receipt page loads, and Back
 * would offer it again).
 */
const saveUnlessDiscarded = (discarded: { current: boolean }, draft: LocalDraft) => !discarded.current && saveLocalDraft(draft);

export function useApplicationDraft(municipalityCode: string, procedureId: string, formVersion: number, withDefaults: (data: Record<string, unknown>) => Record<string, unknown>): ApplicationDraft {
  const [draft, setDraft] = useState<LocalDraft>(() => {
    const stored = loadLocalDraft(municipalityCode, procedureId);
    // Saved from this version's form, its defaults are in already: deriving them again here would walk every answer
    // once more before the form does the same on mount (and reports any that is missing).
    if (stored?.data && stored.formVersion === formVersion) return stored;
    const draft = stored ?? newLocalDraft(municipalityCode, procedureId, formVersion);
    // A newer form version keeps the answers; the validator points at anything that no longer fits.
    return { ...draft, formVersion, data: withDefaults(draft.data ?? {}) };
  });
  const latest = useRef(draft);
  latest.current = draft;
  const discarded = useRef(false);

  useEffect(() => {
    const timer = window.setTimeout(() => saveUnlessDiscarded(discarded, draft), SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft]);
  useEffect(() => {
    const flush = () => saveUnlessDiscarded(discarded, latest.current);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    return () => {
      flush();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
    };
  }, []);

  const setData = useCallback((data: Record<string, unknown>) => setDraft((d) => ({ ...d, data })), []);
  const updateFiles = useCallback(
    (specId: string, update: (files: AttachedFile[]) => AttachedFile[]) => setDraft((d) => ({ ...d, attachments: { ...d.attachments, [specId]: update(d.attachments[specId] ?? []) } })),
    [],
  );
  const setRemote = useCallback((remote: RemoteDraftRef) => setDraft((d) => ({ ...d, remote })), []);
  const discard = useCallback(() => {
    discarded.current = true;
    clearLocalDraft(municipalityCode, procedureId);
  }, [municipalityCode, procedureId]);
  return { draft, setData, updateFiles, setRemote, discard };
}
