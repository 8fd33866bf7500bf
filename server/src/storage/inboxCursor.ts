/**
 * Keyset cursors of the inbox list. A cursor names the sort it was made for,
 * so a page asked for with another sort is refused instead of silently wrong.
 */
import { BadRequestError } from '../errors';
import type { InboxSort, SubmissionMeta } from './inboxTypes';
import { msg } from '../i18n/messages';

/** The column a sort orders by (ties broken by id, same direction). */
export const sortField = (sort: InboxSort): 'createdAt' | 'updatedAt' | 'dueDate' => (sort === 'updated-desc' ? 'updatedAt' : sort === 'due-asc' ? 'dueDate' : 'createdAt');
export const sortDescending = (sort: InboxSort): boolean => sort !== 'received-asc' && sort !== 'due-asc';

export function encodeInboxCursor(sort: InboxSort, last: SubmissionMeta): string {
  return Buffer.from(JSON.stringify([sort, last[sortField(sort)], last.id])).toString('base64url');
}

export function decodeInboxCursor(sort: InboxSort, cursor: string): { at: string; id: string } {
  try {
    const [madeFor, at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string, string];
    if (madeFor !== sort || typeof at !== 'string' || typeof id !== 'string') throw new Error('shape');
    return { at, id };
  } catch {
    throw new BadRequestError(msg('badInboxCursor'), 'bad_cursor');
  }
}

/** Upper bound of a prefix range: every string that starts with `prefix` sorts below it (binary UTF-8 order). */
export const prefixEnd = (prefix: string) => `${prefix}\u{10FFFF}`;
