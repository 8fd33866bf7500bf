/**
 * Turns the inbox's query string into a storage query: statuses, procedure,
 * assignee, channel (online / counter), received dates (Japan time, both ends inclusive), one search box
 * (到達番号, 氏名 or フリガナ, told apart by their form), sort and keyset paging.
 */
import {
  CLOCK_RUNNING_STATUSES,
  RECEIPT_PATTERN,
  SUBMISSION_CHANNELS,
  SUBMISSION_STATUSES,
  japanDayStart,
  shiftDate,
  todayInJapan,
  normalizeReceiptNumber,
  type Language,
  type SubmissionChannel,
  type SubmissionStatus,
} from '@madoguchi/shared';
import { BadRequestError } from '../../errors';
import type { InboxQuery, InboxSort } from '../../storage/types';
import { isKanaText, normalizeKana, normalizeName } from './applicantIndex';
import { inboxText } from './messages';

export const INBOX_SORTS: InboxSort[] = ['received-desc', 'received-asc', 'updated-desc', 'due-asc'];
export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 100;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Start of a Japan-time day as an ISO instant (stored times are UTC). */
export const jstDayStart = japanDayStart;

/** What the search box holds, classified. */
export function searchTerms(text: string): Pick<InboxQuery, 'receiptNumber' | 'namePrefix' | 'kanaPrefix'> {
  const trimmed = text.trim();
  if (!trimmed) return {};
  const receipt = normalizeReceiptNumber(trimmed);
  if (RECEIPT_PATTERN.test(receipt)) return { receiptNumber: receipt };
  return isKanaText(trimmed) ? { kanaPrefix: normalizeKana(trimmed) } : { namePrefix: normalizeName(trimmed) };
}

export interface ParsedListQuery extends Omit<InboxQuery, 'municipalityCode'> {
  assigneeIsMe?: boolean;
  /** Only submissions with applicant messages the desk has not read (`?messages=unread`). */
  unreadMessages?: boolean;
}

/** Parses `?status=a,b&procedureId=&assignee=me|none|<id>&channel=online|counter&from=&to=&due=overdue|N&q=&sort=&limit=&after=`. */
export function parseListQuery(raw: Record<string, unknown>, userId: string, language: Language, now: Date = new Date()): ParsedListQuery {
  const bad = (name: string) => new BadRequestError(inboxText(language, 'badQuery', { name }), 'bad_query');
  const text = (name: string) => {
    const v = raw[name];
    if (v === undefined || v === '') return undefined;
    if (typeof v !== 'string') throw bad(name);
    return v;
  };
  const q: ParsedListQuery = { limit: DEFAULT_PAGE };
  const status = text('status');
  if (status) {
    const list = status.split(',');
    if (!list.every((s) => (SUBMISSION_STATUSES as string[]).includes(s))) throw bad('status');
    q.status = list as SubmissionStatus[];
  }
  const procedureId = text('procedureId');
  if (procedureId) q.procedureId = procedureId;
  const assignee = text('assignee');
  if (assignee === 'none') q.assigneeId = null;
  else if (assignee === 'me') q.assigneeId = userId;
  else if (assignee) q.assigneeId = assignee;
  const channel = text('channel');
  if (channel) {
    if (!(SUBMISSION_CHANNELS as readonly string[]).includes(channel)) throw bad('channel');
    q.channel = channel as SubmissionChannel;
  }
  const from = text('from');
  if (from) {
    if (!DAY.test(from) || Number.isNaN(Date.parse(from))) throw bad('from');
    q.receivedFrom = jstDayStart(from);
  }
  const to = text('to');
  if (to) {
    if (!DAY.test(to) || Number.isNaN(Date.parse(to))) throw bad('to');
    q.receivedTo = jstDayStart(to, 1);
  }
  const due = text('due');
  if (due) {
    const filter = dueFilter(due, q.status, now);
    if (!filter) throw bad('due');
    Object.assign(q, filter);
  }
  Object.assign(q, searchTerms(text('q') ?? ''));
  const sort = text('sort');
  if (sort) {
    if (!(INBOX_SORTS as string[]).includes(sort)) throw bad('sort');
    q.sort = sort as InboxSort;
  }
  const limit = text('limit');
  if (limit) {
    const n = Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) throw bad('limit');
    q.limit = n;
  }
  const after = text('after');
  if (after) q.after = after;
  const messages = text('messages');
  if (messages === 'unread') q.unreadMessages = true;
  else if (messages) throw bad('messages');
  return q;
}

/**
 * `due=overdue`: past the due date; `due=N`: due within N calendar days (0: today). Only submissions whose clock
 * runs (到達, 審査中, 補正済, 受理) — a closed one or one waiting for the applicant's correction is not late.
 */
function dueFilter(due: string, status: SubmissionStatus[] | undefined, now: Date): Pick<InboxQuery, 'dueBefore' | 'status'> | undefined {
  const today = todayInJapan(now);
  const running = status ? status.filter((s) => CLOCK_RUNNING_STATUSES.includes(s)) : [...CLOCK_RUNNING_STATUSES];
  // Asked for statuses none of which run: nothing can match, and an empty list would mean "any status".
  const statuses = running.length ? running : (['\u0000none'] as unknown as SubmissionStatus[]);
  if (due === 'overdue') return { dueBefore: today, status: statuses };
  if (/^[0-9]{1,2}$/.test(due)) return { dueBefore: shiftDate(today, Number(due) + 1), status: statuses };
  return undefined;
}
