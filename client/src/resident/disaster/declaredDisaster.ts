/**
 * A disaster procedure's `disaster` block while the municipality has a
 * disaster open: the answer is the declared disaster (the server sets it
 * anyway, disasterIntake.ts), shown read-only instead of inputs, or as a
 * choice when several are open. With none open the block stays as typed.
 */
import { disasterAnswer, type ProcedureDetail, type PublicDisaster, type UiSchema } from '@madoguchi/shared';

export const DECLARED_DISASTER_FIELD = 'DeclaredDisasterField';

/** The same test as the server's isDisasterProcedure. */
export const isDisasterForm = (detail: ProcedureDetail): boolean =>
  detail.procedure.category === 'disaster' && typeof (detail.version.schema as { properties?: Record<string, unknown> }).properties?.disaster === 'object';

export const answerOf = (d: PublicDisaster) => disasterAnswer({ id: d.id, name: d.name, occurredOn: d.occurredOn });

/** The answers with `disaster` set to the open one they name, else the latest declared (the server's choice too). */
export function withDeclaredDisaster(data: Record<string, unknown>, open: PublicDisaster[]): Record<string, unknown> {
  if (open.length === 0) return data;
  const named = (data.disaster as { id?: unknown } | undefined)?.id;
  const chosen = open.find((d) => d.id === named) ?? open[0]!;
  return { ...data, disaster: answerOf(chosen) };
}

/** The uiSchema with the `disaster` block drawn by DeclaredDisasterField (form/DeclaredDisasterField.tsx). */
export function declaredDisasterUi(uiSchema: UiSchema, open: PublicDisaster[]): UiSchema {
  if (open.length === 0) return uiSchema;
  // The preset's 「入力してください」 description no longer fits: there is nothing to type.
  const { 'ui:description': _typed, ...block } = (uiSchema.disaster ?? {}) as Record<string, unknown>;
  return { ...uiSchema, disaster: { ...block, 'ui:field': DECLARED_DISASTER_FIELD, 'ui:options': { ...((block['ui:options'] as object) ?? {}), disasters: open } } };
}
