/** Route parameters as the handlers use them: always a string (Express 5 types them as string | string[]). */
import type { Request } from 'express';

/** The named parameter of the matched route, or '' when the route has none by that name. */
export const param = (req: Request, name: string): string => String(req.params[name] ?? '');
