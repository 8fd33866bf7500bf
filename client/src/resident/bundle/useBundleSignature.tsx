/**
 * One signature over the whole bundle (My Number Card, デジタル認証アプリ): offered when the municipality
 * takes the card and a procedure of the bundle uses signatures. The resident signs after checking every
 * form; the card signs the list of the applications' digests (server: startBundleSigning) and the
 * handle comes back on the bundle's address (`?signature=`), kept with the bundle until it is sent.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ProcedureDetail } from '@madoguchi/shared';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { getCardState } from '../card/cardApi';
import { CARD_MESSAGES, useCardText, type CardMessageKey } from '../card/cardMessages';
import type { TaskItem } from '../tasks/TaskList';
import { signBundle } from './bundleApi';
import { useBundleText } from './bundleMessages';
import type { BundleState } from './bundleStore';

export interface BundleSignature {
  /** The task-list entry 「マイナンバーカードで署名する」, when the bundle is signed. */
  item?: TaskItem;
  /** Whether sending must wait for the signature (a procedure requires one and the card is offered). */
  blocksSending: boolean;
  panel: ReactNode;
}

export function useBundleSignature(code: string, state: BundleState, details: ProcedureDetail[], onChange: (s: BundleState) => void): BundleSignature {
  const { language } = useLanguage();
  const b = useBundleText();
  const c = useCardText();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [offered, setOffered] = useState(false);
  const [error, setError] = useState<string>();
  const [starting, setStarting] = useState(false);
  useEffect(() => {
    getCardState(language, code).then(
      (s) => setOffered(s.available),
      () => undefined,
    );
    // Back from the デジタル認証アプリ: the handle (or the refusal) is in the address; keep it and clean the address.
    const handle = params.get('signature');
    const refused = params.get('cardError');
    if (handle) onChange({ ...state, signature: handle });
    if (refused) setError(`error.${refused}` in CARD_MESSAGES ? c(`error.${refused}` as CardMessageKey) : refused);
    if (handle || refused) navigate(`/m/${code}/bundle`, { replace: true });
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const usesSignature = details.some((d) => d.procedure.signaturePolicy !== 'none');
  if (!offered || !usesSignature) return { blocksSending: false, panel: null };
  const allConfirmed = details.every((d) => state.confirmed[d.procedure.id]);
  const sign = async () => {
    setStarting(true);
    setError(undefined);
    try {
      const items = details.map((d) => {
        const { data, attachments } = state.confirmed[d.procedure.id]!;
        return { procedureId: d.procedure.id, data, attachments: attachments ?? {} };
      });
      const { url } = await signBundle(code, items, `/m/${code}/bundle`, language);
      window.location.assign(url);
    } catch (e) {
      setError((e as Error).message);
      setStarting(false);
    }
  };
  const item: TaskItem = {
    id: 'sign',
    title: c('sign'),
    hint: b('signHint', { n: details.length }),
    state: state.signature ? 'complete' : allConfirmed ? 'notStarted' : 'cannotStart',
    ...(state.signature ? { statusLabel: b('signedLabel') } : {}),
  };
  const panel = (
    <>
      {error && (
        <div className="notice notice--error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {allConfirmed && !state.signature && (
        <div className="bundle-send">
          <p>{b('signLead', { n: details.length })}</p>
          <button type="button" className="button button--primary button--wide" onClick={() => void sign()} disabled={starting} aria-busy={starting || undefined}>
            {starting ? c('signing') : b('signButton', { n: details.length })}
          </button>
        </div>
      )}
    </>
  );
  return { item, blocksSending: details.some((d) => d.procedure.signaturePolicy === 'required') && !state.signature, panel };
}
