/**
 * The steps of a long form, from the preset's root `ui:options.steps`, and
 * where an error (a JSON pointer) lives: which step, which field id.
 */
import type { FormStep, JsonSchema, UiSchema } from '@madoguchi/shared';
import type { Language } from '../../common/i18n/LanguageContext';
import { openRowsAround } from '../form/templates/closedRows';

export interface StepView {
  title: string;
  fields: string[];
}

/** Every top-level property a schema can have, including those only an `allOf` branch adds. */
export function topLevelProperties(schema: JsonSchema): string[] {
  const names = new Set<string>(Object.keys(schema.properties ?? {}));
  for (const branch of (schema.allOf ?? []) as JsonSchema[]) {
    for (const part of [branch.then, branch.else, branch]) for (const name of Object.keys(part?.properties ?? {})) if (part !== branch || !branch.if) names.add(name);
  }
  return [...names];
}

/** The preset's steps; one step with everything when it has none. Fields no step lists go to the last step. */
export function stepsOf(schema: JsonSchema, uiSchema: UiSchema, language: Language, fallbackTitle: string): StepView[] {
  const declared = (uiSchema['ui:options']?.steps ?? []) as FormStep[];
  const all = topLevelProperties(schema);
  if (declared.length === 0) return [{ title: fallbackTitle, fields: all }];
  const steps = declared.map((s) => ({ title: language === 'en' && s.titleEn ? s.titleEn : s.title, fields: [...s.fields] }));
  const listed = new Set(steps.flatMap((s) => s.fields));
  const rest = all.filter((name) => !listed.has(name));
  if (rest.length) steps[steps.length - 1]!.fields.push(...rest);
  return steps;
}

/**
 * Whether a form of `stepCount` steps starts at an overview of its sections (a task list) rather than
 * walking them in a row. From 6 steps on, the walk is 8 pages or more with the attachments and the check
 * page, and such forms (児童手当の認定請求, 保育所の利用申込) ask for papers a resident often has to go
 * and find (通帳, 資格確認書, 就労証明): seeing what is left and doing it in any order helps more than a
 * progress bar. Up to 5 steps the row stays short enough to keep as it is.
 */
export const usesOverview = (stepCount: number) => stepCount >= 6;

const unescapePointer = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** `/applicant/name/familyName` → `['applicant','name','familyName']`. */
export const pointerSegments = (pointer: string) => pointer.split('/').slice(1).map(unescapePointer);

/** The index of the step that shows the field at `pointer`, or -1 (e.g. attachments). */
export function stepOfPointer(steps: StepView[], pointer: string): number {
  const top = pointerSegments(pointer)[0];
  return steps.findIndex((s) => top !== undefined && s.fields.includes(top));
}

/** RJSF's element id for the field at `pointer` (`root_applicant_name_familyName`). */
export const fieldIdOf = (pointer: string) => ['root', ...pointerSegments(pointer)].join('_');

/**
 * Moves focus to the control of a field: the element itself, its first control, or its first option. A field
 * inside a closed entry of a long group is rendered first (closedRows.ts).
 */
export function focusField(id: string): boolean {
  const selector = 'input:not([type=hidden]), select, textarea, button';
  if (!document.getElementById(id)) openRowsAround(id);
  const element = document.getElementById(id);
  const target =
    (element?.matches(selector) ? element : element?.querySelector<HTMLElement>(selector)) ??
    document.querySelector<HTMLElement>(`[id^="${CSS.escape(id)}-"]`) ??
    document.querySelector<HTMLElement>(`[id^="${CSS.escape(id)}_"]`);
  if (!target) return false;
  target.focus();
  target.scrollIntoView({ block: 'center' });
  return true;
}
