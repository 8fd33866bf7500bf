/**
 * The checks a draft must pass before it is published: the procedure
 * meta-schema and an ajv compile (validateProcedureDefinition), then the
 * structural checks (checkDraftStructure.ts). Runs on the server.
 */
import { inlineCommonDefinitions } from '../form/commonDefinitions';
import { validateProcedureDefinition } from '../form/validateProcedure';
import { fieldKeys } from './fieldPaths';
import { checkDraftStructure, type DraftProblem } from './checkDraftStructure';
import type { FormDocument } from './types';

/** Every problem that stops the draft from being published; empty when it can be. */
export function checkDraft(doc: FormDocument): DraftProblem[] {
  const empty = doc.schema?.type === 'object' && fieldKeys(doc.schema).length === 0;
  const definitionProblems = validateProcedureDefinition(doc.procedure, { schema: inlineCommonDefinitions(doc.schema), uiSchema: doc.uiSchema })
    // The meta-schema's own wording for an empty form is vague; the structural check says it plainly instead.
    .filter((p) => !(empty && p.where === 'schema/properties'));
  return [...definitionProblems.map((p) => ({ ...p })), ...checkDraftStructure(doc)];
}
