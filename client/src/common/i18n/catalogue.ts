/**
 * The one format of interface text: a catalogue maps a key to [Japanese, English],
 * with `{name}` placeholders filled from params. The resident app and the staff
 * console each keep their own catalogue (so neither bundle carries the other's
 * words) and translate through these functions.
 */
import type { Language } from '@madoguchi/shared';

export type Catalogue = Record<string, readonly [ja: string, en: string]>;
export type TextParams = Record<string, string | number>;

/** Fills `{name}` placeholders. */
export function fillTemplate(template: string, params?: TextParams): string {
  return params ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : template;
}

/** The text of `key` in `language`, placeholders filled. */
export function translateFrom<C extends Catalogue>(catalogue: C, language: Language, key: keyof C, params?: TextParams): string {
  const entry = catalogue[key]!;
  return fillTemplate(language === 'en' ? entry[1] : entry[0], params);
}
