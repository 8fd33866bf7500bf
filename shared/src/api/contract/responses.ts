/** Short forms for the responses and path parameters operations declare. */
import { ApiErrorSchema } from './components';
import { Type, type TSchema, type TProperties } from './kit';
import type { ResponseSpec } from './operation';

export const json = (schema: TSchema, description: string): ResponseSpec => ({ description, schema });
export const errorResponse = (description: string): ResponseSpec => ({ description, schema: ApiErrorSchema });
export const PDF: ResponseSpec = { description: 'PDF', contentType: 'application/pdf' };
export const FILE: ResponseSpec = { description: 'The file, with a safe Content-Disposition', contentType: 'application/octet-stream' };
export const CSV: ResponseSpec = { description: 'CSV', contentType: 'text/csv' };
export const NO_CONTENT: ResponseSpec = { description: 'Done' };
/** Path parameters are always strings in the URL. */
export const pathParams = <P extends TProperties>(properties: P) => Type.Object(properties);
