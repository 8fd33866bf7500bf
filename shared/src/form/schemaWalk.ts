/**
 * Walking a form's JSON Schema the way every reader of answers needs it (the
 * answer list, the CSV columns, the push mapping): `$ref`s to the form's
 * definitions resolved, and an object's properties in form order with those of
 * conditional branches (allOf/oneOf/anyOf, if/then/else) after the fixed ones.
 */
import type { JsonSchema } from './jsonSchema';

/** The node with a `$ref` to the form's definitions replaced by the definition (local keywords win). */
export function resolveSchemaRef(schema: JsonSchema | undefined, root: JsonSchema): JsonSchema {
  if (!schema) return {};
  if (typeof schema.$ref === 'string') {
    const { $ref, ...local } = schema;
    return { ...resolveSchemaRef(root.definitions?.[String($ref).replace('#/definitions/', '')], root), ...local };
  }
  return schema;
}

/** Properties an object schema may have, in form order, including those of its conditional branches. */
export function schemaProperties(schema: JsonSchema, root: JsonSchema): Array<[string, JsonSchema]> {
  const found = new Map<string, JsonSchema>();
  const collect = (s: JsonSchema | undefined) => {
    if (!s) return;
    const r = resolveSchemaRef(s, root);
    for (const [k, v] of Object.entries((r.properties ?? {}) as Record<string, JsonSchema>)) if (!found.has(k)) found.set(k, v);
    for (const branch of [...(r.allOf ?? []), ...(r.oneOf ?? []), ...(r.anyOf ?? [])] as JsonSchema[]) {
      collect(branch);
      collect(branch.then);
      collect(branch.else);
    }
    collect(r.then);
    collect(r.else);
  };
  collect(schema);
  return [...found.entries()];
}
