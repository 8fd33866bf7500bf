/**
 * A disaster procedure's `disaster` block while the municipality has a
 * disaster open: the declared disaster (which the server sets anyway,
 * disasterIntake.ts) is shown read-only instead of inputs, or as a choice
 * when several are open; DeclaredDisasterField also sets the answer. Loaded
 * only then (ApplyPage), so the form costs nothing more when none is open;
 * with none open the block is typed as before.
 */
import type { ProcedureDetail, PublicDisaster, UiSchema } from '@madoguchi/shared';
import { DeclaredDisasterField } from '../form/DeclaredDisasterField';

/** The uiSchema with the `disaster` block drawn by DeclaredDisasterField, which reads the open ones from its options. */
export function declaredDisasterUi(uiSchema: UiSchema, open: PublicDisaster[]): UiSchema {
  if (open.length === 0) return uiSchema;
  // The preset's 「入力してください」 description no longer fits: there is nothing to type.
  const { 'ui:description': _typed, ...block } = (uiSchema.disaster ?? {}) as Record<string, unknown>;
  return { ...uiSchema, disaster: { ...block, 'ui:field': DeclaredDisasterField, 'ui:options': { ...((block['ui:options'] as object) ?? {}), disasters: open } } };
}

/** The procedure as the application flow should render it while `open` disasters are declared. */
export const withDeclaredDisaster = (detail: ProcedureDetail, open: PublicDisaster[]): ProcedureDetail => ({
  ...detail,
  version: { ...detail.version, uiSchema: declaredDisasterUi(detail.version.uiSchema, open) },
});
