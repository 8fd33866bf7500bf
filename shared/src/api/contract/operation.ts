/**
 * One operation of the API as a declaration: method, path, who may call it,
 * what the request carries and what each status answers. The server checks
 * requests against it and refuses to mount a route that has none; the OpenAPI
 * document is printed from the list of them.
 */
import type { TObject, TSchema } from './kit';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** none: anyone; staffSession: the staff cookie (writes also need X-CSRF-Token); apiKey: `Authorization: Bearer mdg_…`. */
export type Security = 'none' | 'staffSession' | 'apiKey';

export interface ResponseSpec {
  description: string;
  /** JSON body; absent for an empty answer or a file (see `contentType`). */
  schema?: TSchema;
  /** For answers that are not JSON: `application/pdf`, `text/csv`, `application/octet-stream`. */
  contentType?: string;
}

export interface HeaderSpec {
  name: string;
  description: string;
  required: boolean;
}

export interface Operation {
  method: HttpMethod;
  /** Path under /api/v1 in Express form (`/municipalities/:code/procedures`). */
  path: string;
  tag: string;
  summary: string;
  security: Security;
  params?: TObject;
  query?: TObject;
  headers?: HeaderSpec[];
  body?: TSchema;
  /** `multipart/form-data` bodies are read by multer, not checked here. */
  bodyType?: 'application/json' | 'multipart/form-data';
  /** JSON bodies are required unless this is false. */
  bodyRequired?: boolean;
  responses: Record<number, ResponseSpec>;
}

export const operation = <O extends Operation>(o: O): O => o;

/** The key the server and the tests look operations up by: `get /staff/session`. */
export const operationKey = (method: string, path: string) => `${method.toLowerCase()} ${path}`;
