/**
 * Which answers are sensitive (個人番号, health, income, bank accounts …) and
 * how they look when masked. A schema node is sensitive when it carries
 * `"x-sensitive": true` or is a 個人番号 (`format: "my-number"`, always
 * sensitive: the My Number Act leaves no choice). Everything under a sensitive
 * group is sensitive too. Pure: used by the browser and the server alike.
 */
import type { JsonSchema } from './jsonSchema';

/** The schema keyword marking a field (or a group) as sensitive. An annotation: it never changes validation. */
export const SENSITIVE_KEYWORD = 'x-sensitive';

/** What a masked answer shows instead of its value (fixed, so the length of the value is never given away). */
export const SENSITIVE_PLACEHOLDER = { ja: '＊＊＊（非表示）', en: '*** (hidden)' } as const;

/** Whether the node itself is a 個人番号 (always sensitive; the mark cannot be taken off). */
export const isMyNumberNode = (node: JsonSchema | undefined): boolean => node?.format === 'my-number';

/** Whether the node itself is marked sensitive (its ancestors are the caller's business). */
export function isSensitiveNode(node: JsonSchema | undefined): boolean {
  return !!node && (node[SENSITIVE_KEYWORD] === true || isMyNumberNode(node));
}

/**
 * The masked text of a sensitive answer: a 個人番号 keeps its last four digits
 * (how desks confirm a number on the phone); anything else becomes the placeholder.
 */
export function maskSensitive(value: string, node: JsonSchema | undefined, language: 'ja' | 'en' = 'ja'): string {
  if (isMyNumberNode(node) && /^\d{12}$/.test(value)) return `********${value.slice(-4)}`;
  return SENSITIVE_PLACEHOLDER[language];
}
