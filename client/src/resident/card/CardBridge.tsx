/**
 * The My Number Card on the application form, loaded only when the
 * municipality offers it: runs the card state (useCardOnApply), shows the
 * sign-in panel on the form's steps, and reports to the form what it needs
 * (the uiSchema marking, the signature handle, signing, refusals).
 */
import { useEffect } from 'react';
import type { UiSchema } from '@madoguchi/shared';
import { useCardOnApply, type CardFormOptions } from './useCardOnApply';
import { CARD_MESSAGES, useCardText, type CardMessageKey } from './cardMessages';
import CardSignInPanel from './CardSignInPanel';

export interface CardState {
  markUi: (ui: UiSchema) => UiSchema;
  signature: string | undefined;
  signed: boolean;
  signing: boolean;
  sign: (data: Record<string, unknown>) => Promise<void>;
  /** A refusal to show, in the resident's language. */
  error: string | undefined;
  forget: () => void;
}

interface Props extends Omit<CardFormOptions, 'fromCardNote'> {
  showPanel: boolean;
  onState: (state: CardState) => void;
}

export default function CardBridge({ showPanel, onState, ...options }: Props) {
  const text = useCardText();
  const card = useCardOnApply({ ...options, fromCardNote: text('fromCard') });
  const errorKey = card.error && `error.${card.error}`;
  const error = errorKey ? (errorKey in CARD_MESSAGES ? text(errorKey as CardMessageKey) : card.error!) : undefined;
  useEffect(() => {
    onState({ markUi: card.markUi, signature: card.signature, signed: card.signed, signing: card.signing, sign: card.sign, error, forget: card.forget });
  }, [card.markUi, card.signature, card.signed, card.signing, error]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!showPanel || !(card.prefills || card.identity)) return null;
  return <CardSignInPanel identity={card.identity} onSignedOut={card.signOut} />;
}
