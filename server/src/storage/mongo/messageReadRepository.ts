/** Read positions of message threads in MongoDB, behaviour for behaviour as storage/sqlite/messageReadRepository.ts. */
import type { MessageReadRepository, MessageSide } from '../messageReadTypes';
import type { InboxModels } from './inboxModels';
import type { MessageReadModels } from './messageReadModels';
import { guardedMongo } from './errors';
import type { LeanDoc } from './leanDoc';

export class MongoMessageReadRepository implements MessageReadRepository {
  constructor(
    private readonly rm: MessageReadModels,
    private readonly im: InboxModels,
  ) {}

  async markRead(submissionId: string, side: MessageSide, at: string) {
    await guardedMongo(() => this.rm.MessageRead.updateOne({ submissionId, side }, { $max: { readAt: at } }, { upsert: true }));
  }

  async readPosition(submissionId: string, side: MessageSide) {
    const doc = await this.rm.MessageRead.findOne({ submissionId, side }).lean<LeanDoc | null>();
    return (doc?.readAt as string | undefined) ?? undefined;
  }

  async unreadByDesk(municipalityCode: string) {
    // Newest applicant message per submission, compared with the desk's position.
    const latest = (await this.im.Message.aggregate([
      { $match: { municipalityCode, kind: 'message', author: 'applicant' } },
      { $group: { _id: '$submissionId', last: { $max: '$createdAt' } } },
    ])) as Array<{ _id: string; last: string }>;
    if (!latest.length) return [];
    const reads = await this.rm.MessageRead.find({ submissionId: { $in: latest.map((l) => l._id) }, side: 'desk' }).lean<LeanDoc[]>();
    const position = new Map(reads.map((r) => [r.submissionId as string, r.readAt as string]));
    return latest.filter((l) => !position.has(l._id) || l.last > position.get(l._id)!).map((l) => l._id);
  }
}
