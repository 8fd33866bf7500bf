/**
 * Applies a signed-in card identity to the application (loaded only when a
 * resident is signed in with the card, so the form's first step does not
 * carry it): the answers filled from the 基本4情報, and the uiSchema marking them.
 */
import { applyCardIdentity, type CardIdentity, type UiSchema } from '@madoguchi/shared';
import { markCardFields } from './cardFields';

export function prefillFromCard(uiSchema: UiSchema, data: Record<string, unknown>, identity: CardIdentity, note: string) {
  const { data: filled, prefilled } = applyCardIdentity(uiSchema, data, identity);
  return { data: filled, changed: JSON.stringify(filled) !== JSON.stringify(data), mark: (ui: UiSchema) => markCardFields(ui, prefilled, note) };
}
