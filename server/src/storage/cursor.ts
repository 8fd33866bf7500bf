/** Opaque keyset-paging cursors (newest first): both adapters encode the same way. */
import { BadRequestError } from '../errors';
import { msg } from '../i18n/messages';

export const encodeCursor = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url');

export function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (typeof at !== 'string' || typeof id !== 'string') throw new Error('shape');
    return { at, id };
  } catch {
    throw new BadRequestError(msg('badCursor'), 'bad_cursor');
  }
}
