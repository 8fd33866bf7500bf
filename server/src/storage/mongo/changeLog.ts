/**
 * What every submission write in MongoDB commits with it, inside the same
 * transaction: the next change sequence number and the outbox events. The
 * counter document is written by every such transaction, so concurrent ones
 * conflict on it and commit one after another: sequence order is commit order,
 * and a pull cursor never skips a change that commits late.
 */
import type { ClientSession } from 'mongoose';
import { isFinalStatus, type SubmissionStatus } from '@madoguchi/shared';
import type { OutboxEvent, SubmissionWriteOptions } from '../inboxTypes';
import type { InboxModels } from './inboxModels';

export const SUBMISSION_CHANGE = 'submissionChange';
export const OUTBOX_SEQ = 'outbox';

export async function nextValue(im: InboxModels, name: string, session: ClientSession): Promise<number> {
  const doc = await im.Counter.findOneAndUpdate({ _id: name }, { $inc: { value: 1 } }, { upsert: true, new: true, session }).lean();
  return doc!.value;
}

export async function writeOutbox(im: InboxModels, events: OutboxEvent[] = [], session: ClientSession): Promise<void> {
  for (const e of events) {
    const { dispatchedAt: _never, ...rest } = e;
    await im.Outbox.create([{ _id: e.id, seq: await nextValue(im, OUTBOX_SEQ, session), ...rest }], { session });
  }
}

/** The fields a write sets besides its own: change sequence, closing time, search index. */
export async function stampFields(im: InboxModels, status: SubmissionStatus, at: string, options: SubmissionWriteOptions, session: ClientSession) {
  const set: Record<string, unknown> = { changeSeq: await nextValue(im, SUBMISSION_CHANGE, session) };
  const unset: Record<string, 1> = {};
  if (isFinalStatus(status)) set.closedAt = at;
  if (options.index) Object.assign(set, { applicantName: options.index.name || undefined, applicantKana: options.index.kana || undefined });
  if (options.index === null) Object.assign(unset, { applicantName: 1, applicantKana: 1 });
  return { set, unset };
}
