/**
 * `getDecimalSeparator` as @rjsf/utils sees it in the built client (the `rjsf-form-decimal-separator` plugin in
 * vite.config.ts): the separator its NumberField, `getInputProps` and `asNumber` use for number fields.
 *
 * RJSF's own asks ICU for the browser's number format (`new Intl.NumberFormat(navigator.languages)`) on every
 * render of a number field. The first ask loads the locale's number data: 30-40 ms on a desktop, about 100 ms with
 * Chromium's CPU slowed four times (a phone), before the first paint of every form with a number in it (17 of the
 * 33 presets); each later ask still costs 0.1-0.9 ms, on every number field's render.
 * Here a form's numbers follow the language the form is shown in, as its labels and messages do, not the browser's:
 * Japanese and English both write 1.5, so those answer at once; any other language is asked once and remembered.
 */
const KNOWN: Readonly<Record<string, string>> = { ja: '.', en: '.' };
const asked = new Map<string, string>();

/** The decimal separator for `languages` (the first one counts), by default the page's language (`<html lang>`). */
export default function formDecimalSeparator(languages?: string | readonly string[]): string {
  const first = typeof languages === 'string' ? languages : languages?.[0];
  const language = first || (typeof document !== 'undefined' ? document.documentElement.lang : '') || 'ja';
  const known = KNOWN[language.toLowerCase().split('-')[0]!];
  if (known) return known;
  let separator = asked.get(language);
  if (separator === undefined) {
    separator = askIcu(language);
    asked.set(language, separator);
  }
  return separator;
}

function askIcu(language: string): string {
  try {
    return new Intl.NumberFormat(language).formatToParts(1.1).find((part) => part.type === 'decimal')?.value || '.';
  } catch {
    return '.'; // a language tag ICU does not take
  }
}
