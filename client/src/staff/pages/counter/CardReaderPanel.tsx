/**
 * Reading the My Number Card at the desk: the card-reader agent on this
 * computer reads the 券面事項入力補助 data after the visitor enters their
 * 4-digit PIN (the PIN goes to the agent only, never to the server).
 * Without an agent the clerk types the data, and the visit records that.
 */
import type { CardIdentity } from '@madoguchi/shared';
import type { CardData } from './counterApi';

export function CardReaderPanel(_props: { disabled: boolean; onRead: (data: CardData) => Promise<CardIdentity | undefined> }) {
  return null;
}
