/**
 * Checks a procedure definition (metadata + form) before it is stored or
 * published: the metadata against the meta-schema, the form schema for shape,
 * its regular expressions (patternRules.ts),
 * that ajv can compile it, and that every attachment condition names a field.
 */
import type { ValidateFunction } from 'ajv';
import type { Procedure } from './types';
import type { JsonSchema, UiSchema } from './jsonSchema';
import { PROCEDURE_META_SCHEMA, FORM_SCHEMA_META_SCHEMA } from './procedureMetaSchema';
import { createAjv, withNormalization } from '../validation/createAjv';
import { localizeErrors, type Language } from '../validation/messages';
import { patternProblems } from '../validation/patternRules';
import { receptionProblems } from './receptionProblems';

export interface DefinitionProblem {
  where: string;
  /** The field concerned, when there is one. */
  path?: string;
  message: string;
}

// Compiled on first use, not at import: browsers under a strict CSP (no 'unsafe-eval')
// import this module with the rest of the package and must not compile anything.
let compiled: { checkMeta: ValidateFunction; checkFormShape: ValidateFunction } | undefined;
function checkers() {
  if (!compiled) {
    const ajv = createAjv();
    compiled = { checkMeta: ajv.compile(PROCEDURE_META_SCHEMA), checkFormShape: ajv.compile(FORM_SCHEMA_META_SCHEMA) };
  }
  return compiled;
}

function hasField(schema: JsonSchema, dotPath: string): boolean {
  let nodes: JsonSchema[] = [schema];
  for (const segment of dotPath.split('.')) {
    const next: JsonSchema[] = [];
    const expand = (n: JsonSchema | undefined): void => {
      if (!n) return;
      if (typeof n.$ref === 'string') expand(schema.definitions?.[n.$ref.replace('#/definitions/', '')]);
      if (n.properties?.[segment]) next.push(n.properties[segment]);
      for (const b of [...(n.allOf ?? []), ...(n.oneOf ?? []), ...(n.anyOf ?? [])]) {
        expand(b);
        expand(b.then);
        expand(b.else);
      }
      expand(n.then);
    };
    nodes.forEach(expand);
    nodes = next.flatMap((n) => (typeof n.$ref === 'string' ? [n, schema.definitions?.[n.$ref.replace('#/definitions/', '')] ?? n] : [n]));
    if (nodes.length === 0) return false;
  }
  return true;
}

/** Returns every problem found; an empty list means the definition can be published. */
export function validateProcedureDefinition(procedure: Procedure, form: { schema: JsonSchema; uiSchema: UiSchema }, language: Language = 'ja'): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const { checkMeta, checkFormShape } = checkers();
  // The 受付期間 is worded by its own checks; the meta-schema's generic words stand only if those find nothing.
  const reception = receptionProblems(procedure.reception, language);
  problems.push(...reception.map((p) => ({ where: `procedure${p.pointer}`, message: p.message })));
  if (!checkMeta(procedure)) {
    for (const e of localizeErrors(checkMeta.errors, PROCEDURE_META_SCHEMA, language)) {
      if (reception.length && e.pointer.startsWith('/reception')) continue;
      problems.push({ where: `procedure${e.pointer}`, message: e.message });
    }
  }
  if (!checkFormShape(form.schema)) {
    for (const e of localizeErrors(checkFormShape.errors, FORM_SCHEMA_META_SCHEMA, language)) {
      problems.push({ where: `schema${e.pointer}`, message: e.message });
    }
  } else {
    // A pattern the linear engine cannot run would fail the compile below with ajv's words; say which field and why.
    const badPatterns = patternProblems(form.schema);
    problems.push(...badPatterns);
    if (badPatterns.length === 0) {
      try {
        createAjv().compile(withNormalization(form.schema));
      } catch (error) {
        problems.push({ where: 'schema', message: `JSON Schema をコンパイルできません: ${(error as Error).message}` });
      }
    }
  }
  if (typeof form.uiSchema !== 'object' || form.uiSchema === null || Array.isArray(form.uiSchema)) {
    problems.push({ where: 'uiSchema', message: 'uiSchema はオブジェクトである必要があります。' });
  }
  for (const attachment of procedure.attachments ?? []) {
    if (attachment.condition && !hasField(form.schema, attachment.condition.field)) {
      problems.push({
        where: `procedure/attachments/${attachment.id}`,
        message: `添付の条件が存在しない項目「${attachment.condition.field}」を参照しています。`,
      });
    }
  }
  const steps = form.uiSchema?.['ui:options']?.steps as Array<{ fields: string[] }> | undefined;
  if (steps) {
    for (const step of steps)
      for (const f of step.fields) if (!hasField(form.schema, f)) problems.push({ where: 'uiSchema/ui:options/steps', message: `ステップに存在しない項目「${f}」があります。` });
  }
  return problems;
}
