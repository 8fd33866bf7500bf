/**
 * Building blocks of the API contract (TypeBox: each schema is plain JSON
 * Schema, checked by ajv on the server and printed into the OpenAPI 3.1
 * document, and its TypeScript type comes from the same object).
 */
import { Type, type TSchema, type TObject, type TProperties, type SchemaOptions } from '@sinclair/typebox';

export { Type };
export type { Static, TSchema, TObject, TProperties } from '@sinclair/typebox';

/** Schemas printed as `#/components/schemas/<name>` in the OpenAPI document (looked up by identity). */
const componentNames = new WeakMap<object, string>();

export function component<T extends TSchema>(name: string, schema: T): T {
  componentNames.set(schema, name);
  return schema;
}

export const componentName = (schema: unknown): string | undefined => (schema && typeof schema === 'object' ? componentNames.get(schema) : undefined);

/**
 * How a request that breaks this property's rule is refused: the error code and
 * the message in both languages (instead of the generic `bad_request`).
 */
export interface RequestRefusal {
  code: string;
  ja: string;
  en: string;
  /** 400 unless said (a malformed path segment may mean "no such thing": 404). */
  status?: number;
}
export const REFUSAL_KEYWORD = 'x-refusal';
export const refusal = (code: string, ja: string, en: string, status?: number): { [REFUSAL_KEYWORD]: RequestRefusal } => ({
  [REFUSAL_KEYWORD]: { code, ja, en, ...(status ? { status } : {}) },
});

export const Str = (options: SchemaOptions & { pattern?: string; format?: string; minLength?: number; maxLength?: number } = {}) => Type.String(options);
export const Int = (options: SchemaOptions & { minimum?: number; maximum?: number } = {}) => Type.Integer(options);
export const Num = (options: SchemaOptions = {}) => Type.Number(options);
export const Bool = (options: SchemaOptions = {}) => Type.Boolean(options);
export const DateTime = (description?: string) => Type.String({ format: 'date-time', ...(description ? { description } : {}) });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const Enum = <const V extends readonly string[]>(values: V, options: SchemaOptions = {}) => Type.Unsafe<V[number]>({ type: 'string', enum: [...values], ...options });
/** Free-form JSON object (answers, JSON Schemas). */
export const AnyObject = (description?: string) => Type.Record(Type.String(), Type.Unknown(), description ? { description } : {});
/** A closed object: a response that grows a field the contract does not name fails the conformance test. */
export const Closed = <P extends TProperties>(properties: P, options: SchemaOptions = {}): TObject<P> => Type.Object(properties, { additionalProperties: false, ...options });
/** An object that may carry more than it names (request bodies whose extra keys the service ignores). */
export const Open = <P extends TProperties>(properties: P, options: SchemaOptions = {}): TObject<P> => Type.Object(properties, options);
export const Opt = Type.Optional;
export const Arr = <T extends TSchema>(items: T, options: SchemaOptions = {}) => Type.Array(items, options);
export const Empty = () => Type.Object({}, { additionalProperties: false });
