/**
 * Field order and steps. An object's display order is its `ui:order` (always
 * ending with "*", which RJSF needs for fields of conditional branches); the
 * form's steps live in the root `ui:options.steps`. When steps exist they are
 * the truth for the top level, and the root `ui:order` is kept in step order.
 * All functions change the document in place (callers work on a copy).
 */
import type { FormStep } from '../form/jsonSchema';
import type { FormDocument, FieldPath } from './types';
import { orderedKeys, orderUiAt, objectAt, fieldKeys } from './fieldPaths';

/** The form's steps, or undefined when it is one page. */
export function stepsOf(doc: FormDocument): FormStep[] | undefined {
  const steps = doc.uiSchema?.['ui:options']?.steps;
  return Array.isArray(steps) ? (steps as FormStep[]) : undefined;
}

/** Sets (or with undefined, removes) the form's steps. */
export function setSteps(doc: FormDocument, steps: FormStep[] | undefined): void {
  const options = { ...(doc.uiSchema['ui:options'] ?? {}) };
  if (steps && steps.length > 0) options.steps = steps;
  else delete options.steps;
  if (Object.keys(options).length > 0) doc.uiSchema['ui:options'] = options;
  else delete doc.uiSchema['ui:options'];
}

/** Writes an object's current display order into its `ui:order` (so later edits do not move other fields). */
export function writeOrder(doc: FormDocument, objectPath: FieldPath, keys: string[] = orderedKeys(doc.uiSchema, doc.schema, objectPath)): void {
  const ui = orderUiAt(doc.uiSchema, doc.schema, objectPath, true)!;
  ui['ui:order'] = [...keys, '*'];
  if (objectPath === '') alignSteps(doc);
}

/** The step holding a top-level field, or -1. */
export function stepIndexOf(doc: FormDocument, key: string): number {
  return stepsOf(doc)?.findIndex((s) => s.fields.includes(key)) ?? -1;
}

/**
 * Keeps steps and the root order consistent: steps lose keys that no longer
 * exist, fields in no step join the last one, and the root `ui:order` follows
 * the steps.
 */
export function alignSteps(doc: FormDocument): void {
  const steps = stepsOf(doc);
  if (!steps) return;
  const existing = new Set(fieldKeys(objectAt(doc.schema, '')!));
  const seen = new Set<string>();
  for (const step of steps) {
    step.fields = step.fields.filter((k) => existing.has(k) && !seen.has(k));
    step.fields.forEach((k) => seen.add(k));
  }
  const order = ((doc.uiSchema['ui:order'] ?? []) as string[]).filter((k) => k !== '*');
  const stray = [...order.filter((k) => existing.has(k) && !seen.has(k)), ...[...existing].filter((k) => !seen.has(k) && !order.includes(k))];
  if (stray.length > 0 && steps.length > 0) steps[steps.length - 1]!.fields.push(...stray);
  doc.uiSchema['ui:order'] = [...steps.flatMap((s) => s.fields), '*'];
}

/**
 * Inserts `key` into an object's order right after `after` (null: first;
 * undefined: last). At the top level with steps, the field joins the step of
 * `after` (or `step` when given, or the first/last step).
 */
export function placeKey(doc: FormDocument, objectPath: FieldPath, key: string, after: string | null | undefined, step?: number): void {
  const keys = orderedKeys(doc.uiSchema, doc.schema, objectPath).filter((k) => k !== key);
  const steps = objectPath === '' ? stepsOf(doc) : undefined;
  if (steps && steps.length > 0) {
    for (const s of steps) s.fields = s.fields.filter((k) => k !== key);
    let target: number;
    if (step !== undefined && steps[step]) target = step;
    else if (after)
      target = Math.max(
        0,
        steps.findIndex((s) => s.fields.includes(after)),
      );
    else target = after === null ? 0 : steps.length - 1;
    const fields = steps[target]!.fields;
    const at = after === null ? 0 : after && fields.includes(after) ? fields.indexOf(after) + 1 : fields.length;
    fields.splice(at, 0, key);
    writeOrder(
      doc,
      '',
      steps.flatMap((s) => s.fields),
    );
    return;
  }
  const at = after === null ? 0 : after !== undefined && keys.includes(after) ? keys.indexOf(after) + 1 : keys.length;
  keys.splice(at, 0, key);
  writeOrder(doc, objectPath, keys);
}

/** Removes a key from an object's order (and from the steps at the top level). */
export function unplaceKey(doc: FormDocument, objectPath: FieldPath, key: string): void {
  const ui = orderUiAt(doc.uiSchema, doc.schema, objectPath);
  if (ui && Array.isArray(ui['ui:order'])) ui['ui:order'] = (ui['ui:order'] as string[]).filter((k) => k !== key);
  if (objectPath === '') {
    for (const s of stepsOf(doc) ?? []) s.fields = s.fields.filter((k) => k !== key);
  }
}
