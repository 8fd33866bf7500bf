/**
 * What retention's strip keeps of a counter application's origin: who served,
 * the ticket, the answers' sources and how it was confirmed, but not the
 * signature the visitor drew (a picture of their handwritten name).
 */
import type { CounterOrigin } from '@madoguchi/shared';

export function withoutDrawnSignature(counter: CounterOrigin): CounterOrigin {
  const { signatureImage: _drawn, ...confirmation } = counter.confirmation;
  return { ...counter, confirmation };
}
