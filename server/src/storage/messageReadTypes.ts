/**
 * Read positions of a submission's message thread, one per side: the desk
 * (any staff member of the municipality reading the thread) and the applicant
 * (the status page). A message is unread for a side when it was written by the
 * other side after that side's position. Re-exported by storage/types.ts.
 */
export const MESSAGE_SIDES = ['desk', 'applicant'] as const;
export type MessageSide = (typeof MESSAGE_SIDES)[number];

export interface MessageReadRepository {
  /** Moves the side's read position to `at` (never back). */
  markRead(submissionId: string, side: MessageSide, at: string): Promise<void>;
  /** The side's read position (ISO time), or undefined when it never read the thread. */
  readPosition(submissionId: string, side: MessageSide): Promise<string | undefined>;
  /** Submissions of the municipality with an applicant message (kind `message`) newer than the desk's read position. */
  unreadByDesk(municipalityCode: string): Promise<string[]>;
}
