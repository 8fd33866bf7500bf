/** Small builders for the OpenAPI document's JSON Schemas (OpenAPI 3.1 = JSON Schema 2020-12). */
export type Schema = Record<string, unknown>;

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
export const str = (description?: string, extra: Schema = {}): Schema => ({ type: 'string', ...(description ? { description } : {}), ...extra });
export const int = (description?: string, extra: Schema = {}): Schema => ({ type: 'integer', ...(description ? { description } : {}), ...extra });
export const bool = (description?: string): Schema => ({ type: 'boolean', ...(description ? { description } : {}) });
export const dateTime = (description?: string): Schema => str(description, { format: 'date-time' });
export const nullable = (s: Schema): Schema => ({ anyOf: [s, { type: 'null' }] });
export const arr = (items: Schema, description?: string): Schema => ({ type: 'array', items, ...(description ? { description } : {}) });
export const enumOf = (values: readonly string[], description?: string): Schema => ({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
/** A free-form JSON object (answers, schemas). */
export const anyObject = (description?: string): Schema => ({ type: 'object', ...(description ? { description } : {}) });

/**
 * An object whose every property is required unless listed in `optional`.
 * Closed (no other properties) so a response that grows a field the document
 * does not describe fails the conformance test.
 */
export function obj(properties: Record<string, Schema>, optional: string[] = [], closed = true): Schema {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
    ...(closed ? { additionalProperties: false } : {}),
  };
}

/** A JSON response. */
export const json = (schema: Schema, description: string) => ({ description, content: { 'application/json': { schema } } });
export const errorResponse = (description: string) => json(ref('Error'), description);
export const pathParam = (name: string, description: string, schema: Schema = str()) => ({ name, in: 'path', required: true, description, schema });
export const queryParam = (name: string, description: string, schema: Schema = str()) => ({ name, in: 'query', required: false, description, schema });
export const headerParam = (name: string, description: string, required = true) => ({ name, in: 'header', required, description, schema: str() });
export const jsonBody = (schema: Schema, description?: string) => ({ required: true, ...(description ? { description } : {}), content: { 'application/json': { schema } } });
