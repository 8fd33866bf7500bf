/**
 * Marks the answers the My Number Card filled: read-only where the
 * procedure keeps them as the card states them, and labelled
 * 「マイナンバーカードから入力」 either way.
 */
import type { CardPrefilled, UiSchema } from '@madoguchi/shared';

function nodeAt(ui: UiSchema, pointer: string): Record<string, unknown> {
  let node = ui as Record<string, unknown>;
  for (const key of pointer.split('/').slice(1)) {
    const child = (node[key] as Record<string, unknown> | undefined) ?? {};
    node[key] = { ...child };
    node = node[key] as Record<string, unknown>;
  }
  return node;
}

export function markCardFields(uiSchema: UiSchema, prefilled: CardPrefilled[], note: string): UiSchema {
  if (prefilled.length === 0) return uiSchema;
  const ui = structuredClone(uiSchema);
  for (const { pointer, editable } of prefilled) {
    const node = nodeAt(ui, pointer);
    node['ui:help'] = node['ui:help'] ? `${note}。${String(node['ui:help'])}` : note;
    if (!editable) node['ui:readonly'] = true;
  }
  return ui;
}
