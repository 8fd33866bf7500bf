/**
 * The life of a submission at the municipality, and which moves are allowed.
 * One table, used by the inbox (buttons), the API (checks) and the tests.
 */
export const SUBMISSION_STATUS = {
  received: 'received', // 到達: stored, not yet opened
  inReview: 'in-review', // 審査中
  correctionRequested: 'correction-requested', // 補正依頼中
  resubmitted: 'resubmitted', // 補正後再提出
  accepted: 'accepted', // 受理
  completed: 'completed', // 処理完了
  rejected: 'rejected', // 却下・不受理
  withdrawn: 'withdrawn', // 取下げ (by the applicant)
} as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUS)[keyof typeof SUBMISSION_STATUS];
export const SUBMISSION_STATUSES = Object.values(SUBMISSION_STATUS) as SubmissionStatus[];

const S = SUBMISSION_STATUS;
export const SUBMISSION_TRANSITIONS: Record<SubmissionStatus, readonly SubmissionStatus[]> = {
  [S.received]: [S.inReview, S.rejected, S.withdrawn],
  [S.inReview]: [S.correctionRequested, S.accepted, S.rejected, S.withdrawn],
  [S.correctionRequested]: [S.resubmitted, S.rejected, S.withdrawn],
  [S.resubmitted]: [S.inReview, S.correctionRequested, S.accepted, S.rejected, S.withdrawn],
  [S.accepted]: [S.completed, S.rejected],
  [S.completed]: [],
  [S.rejected]: [],
  [S.withdrawn]: [],
};

export function canTransition(from: SubmissionStatus, to: SubmissionStatus): boolean {
  return SUBMISSION_TRANSITIONS[from].includes(to);
}

export const isFinalStatus = (status: SubmissionStatus) => SUBMISSION_TRANSITIONS[status].length === 0;

export const STATUS_LABELS: Record<SubmissionStatus, { ja: string; en: string }> = {
  [S.received]: { ja: '到達', en: 'Received' },
  [S.inReview]: { ja: '審査中', en: 'In review' },
  [S.correctionRequested]: { ja: '補正依頼中', en: 'Correction requested' },
  [S.resubmitted]: { ja: '補正済（再提出）', en: 'Resubmitted' },
  [S.accepted]: { ja: '受理', en: 'Accepted' },
  [S.completed]: { ja: '処理完了', en: 'Completed' },
  [S.rejected]: { ja: '却下', en: 'Rejected' },
  [S.withdrawn]: { ja: '取下げ', en: 'Withdrawn' },
};
