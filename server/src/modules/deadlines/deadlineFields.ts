/** The `deadline` field the inbox list and the submission page carry when a submission has one (issue #21). */
import { deadlineViewOf, type DeadlineView, type StatusChange } from '@madoguchi/shared';
import type { SubmissionMeta } from '../../storage/types';

export const deadlineField = (meta: Pick<SubmissionMeta, 'deadline' | 'status'>, history: readonly StatusChange[], now: Date): { deadline?: DeadlineView } =>
  meta.deadline ? { deadline: deadlineViewOf(meta.deadline, meta.status, history, now) } : {};
