/**
 * The My Number Card on the application form: whether the municipality
 * offers it, the signed-in 基本4情報 filling the marked fields, and the
 * signature made on the check page. The signature's one-time handle comes
 * back in the URL from the signing step; it counts only while the answers
 * and files are the ones that were signed (the server checks that too).
 */
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { cardPrefillBlocks, type CardIdentity, type UiSchema } from '@madoguchi/shared';
import type { Language } from '../../common/i18n/LanguageContext';
import { readStored, removeStored, writeStored } from '../../common/storage';
import { startCardSigning } from './cardApi';
import type * as CardPrefill from './cardPrefill';

type Support = typeof CardPrefill;

export interface CardFormOptions {
  municipalityCode: string;
  procedureId: string;
  uiSchema: UiSchema;
  data: Record<string, unknown>;
  attachments: Record<string, string[]>;
  setData: (data: Record<string, unknown>) => void;
  language: Language;
  /** The label of a field filled from the card. */
  fromCardNote: string;
  /** Who is signed in with the card, as the form learnt when it asked whether the card is offered. */
  signedIn: CardIdentity | null;
}

const fingerprint = (data: unknown, attachments: unknown) => JSON.stringify([data, attachments]);

export function useCardOnApply(o: CardFormOptions) {
  const [params, setParams] = useSearchParams();
  const storeKey = `madoguchi:card-signature:${o.municipalityCode}:${o.procedureId}`;
  const [identity, setIdentity] = useState<CardIdentity | null>(o.signedIn);
  const [support, setSupport] = useState<Support | null>(null);
  const [mark, setMark] = useState<((ui: UiSchema) => UiSchema) | null>(null);
  const [signature, setSignature] = useState(() => readStored<{ handle?: string; fingerprint: string }>(storeKey, 'session') ?? null);
  const [signing, setSigning] = useState(false);
  const [error, setError] = useState<string | null>(() => params.get('cardError'));

  useEffect(() => {
    if (o.signedIn) import('./cardPrefill').then(setSupport, () => undefined);
    // Back from the signing step: keep the handle with the fingerprint of what was signed, and clean the URL.
    const handle = params.get('signature');
    if (handle || params.has('cardError')) {
      if (handle && signature) {
        const signed = { handle, fingerprint: signature.fingerprint };
        writeStored(storeKey, signed, 'session');
        setSignature(signed);
      }
      const next = new URLSearchParams(params);
      next.delete('signature');
      next.delete('cardError');
      setParams(next, { replace: true });
    }
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!identity || !support) return setMark(null);
    const result = support.prefillFromCard(o.uiSchema, o.data, identity, o.fromCardNote);
    if (result.changed) o.setData(result.data);
    setMark(() => result.mark);
  }, [identity, support]); // eslint-disable-line react-hooks/exhaustive-deps

  const markUi = useCallback((ui: UiSchema) => (mark ? mark(ui) : ui), [mark]);
  const signed = !!signature?.handle && signature.fingerprint === fingerprint(o.data, o.attachments);

  /** Starts signing exactly these answers and files; the browser leaves for the デジタル認証アプリ. */
  const sign = async (data: Record<string, unknown>) => {
    setSigning(true);
    setError(null);
    try {
      writeStored(storeKey, { fingerprint: fingerprint(o.data, o.attachments) }, 'session');
      const { url } = await startCardSigning(
        { municipalityCode: o.municipalityCode, procedureId: o.procedureId, data, attachments: o.attachments, returnTo: `${window.location.pathname}?step=review` },
        o.language,
      );
      window.location.assign(url);
    } catch (e) {
      setError((e as Error).message);
      setSigning(false);
    }
  };

  return {
    identity,
    prefills: cardPrefillBlocks(o.uiSchema).length > 0,
    signOut: () => {
      setIdentity(null);
      removeStored(storeKey, 'session');
    },
    markUi,
    signature: signed ? signature!.handle! : undefined,
    signed,
    signing,
    sign,
    /** A refusal code from the server's redirect (`cardError`), or a message from starting to sign. */
    error,
    forget: () => removeStored(storeKey, 'session'),
  };
}
