/**
 * Shows a member of staff the clear values of sensitive answers they ask for
 * (by JSON pointer, in the request body — never in a URL) and records that
 * they did. The audit event names the pointers and labels, never the values:
 * the audit log must not become a copy of what it protects.
 */
import { answerList, type Language, type SensitiveRevealResponse } from '@madoguchi/shared';
import { BadRequestError } from '../../errors';
import type { Storage } from '../../storage/types';
import { auditSubmission, type StaffActor } from './actor';
import type { InboxService } from './inboxService';
import { inboxText } from './messages';

const MAX_POINTERS = 200;
const POINTER = /^(\/[^/]{1,100}){1,12}$/;

/** The requested pointers, or a 400 (the message never echoes them). */
export function parsePointers(input: unknown, language: Language): string[] {
  const ok = Array.isArray(input) && input.length > 0 && input.length <= MAX_POINTERS && input.every((p) => typeof p === 'string' && POINTER.test(p));
  if (!ok) throw new BadRequestError(inboxText(language, 'revealPointersInvalid'), 'bad_pointers');
  return [...new Set(input as string[])];
}

export class SensitiveRevealService {
  constructor(
    private readonly storage: Storage,
    private readonly inbox: InboxService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Sensitive answers at (or under) the pointers; other answers are not this route's business and are left out. */
  async reveal(actor: StaffActor, id: string, pointers: string[], language: Language): Promise<SensitiveRevealResponse> {
    const { submission, meta, version } = await this.inbox.load(id, language);
    const wanted = (p: string) => pointers.some((w) => p === w || p.startsWith(`${w}/`));
    const answers = answerList(version.schema, submission.data, { revealSensitive: true, language })
      .filter((l) => l.sensitive && !l.isGroup && wanted(l.pointer))
      .map(({ pointer, label, value }) => ({ pointer, label, value }));
    if (answers.length > 0) {
      await auditSubmission(this.storage, actor, 'submission.sensitive.revealed', meta, this.now(), {
        revision: meta.revision,
        fields: answers.map(({ pointer, label }) => ({ pointer, label })),
      });
    }
    return { answers };
  }
}
