/** Loose JSON Schema / uiSchema types: the form model treats them as data. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonSchema = { [key: string]: any };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type UiSchema = { [key: string]: any };

/** A step of a long form: a title and the top-level properties it shows. */
export interface FormStep {
  title: string;
  titleEn?: string;
  fields: string[];
}
