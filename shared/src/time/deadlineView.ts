/**
 * How a submission's deadline reads today, for the inbox, the submission page and the digest e-mail:
 * built on the server from the stored deadline, worded the same everywhere by deadlineText.
 */
import type { StatusChange } from '../submission/types';
import type { SubmissionStatus } from '../submission/status';
import { correctionPauses, dueStanding, type PeriodUnit, type SubmissionDeadline } from './businessDays';
import { todayInJapan } from './japanTime';

/** Statuses whose clock runs: until the decision (処理完了・却下) or withdrawal, except while a correction is pending. */
export const CLOCK_RUNNING_STATUSES: readonly SubmissionStatus[] = ['received', 'in-review', 'resubmitted', 'accepted'];

export interface DeadlineView {
  dueDate: string;
  days: number;
  unit: PeriodUnit;
  /** Days (in the unit) the clock stood still for finished corrections. */
  pausedDays: number;
  /** A correction request stopped the clock and the applicant has not answered yet. */
  paused: boolean;
  /** Japan date it stopped (when the history was at hand; the list leaves it out). */
  pausedSince: string | null;
  /** The submission is closed: its deadline no longer runs. */
  closed: boolean;
  overdue: boolean;
  /** Days left (unit) when not overdue, calendar days past the due date when overdue. */
  daysCount: number;
}

export function deadlineViewOf(deadline: SubmissionDeadline, status: SubmissionStatus, history: readonly StatusChange[], now: Date): DeadlineView {
  const open = correctionPauses(history, now).find((p) => p.open);
  const running = CLOCK_RUNNING_STATUSES.includes(status);
  const standing = dueStanding(deadline.dueDate, todayInJapan(now), deadline.unit);
  return {
    dueDate: deadline.dueDate,
    days: deadline.days,
    unit: deadline.unit,
    pausedDays: deadline.pausedDays,
    paused: status === 'correction-requested',
    pausedSince: status === 'correction-requested' && open ? open.from : null,
    closed: !running && status !== 'correction-requested',
    overdue: running && standing.overdue,
    daysCount: standing.days,
  };
}

const UNIT_JA: Record<PeriodUnit, string> = { business: '開庁日', calendar: '日' };
const UNIT_EN: Record<PeriodUnit, string> = { business: 'business day', calendar: 'day' };

/** 「10開庁日」 / "10 business days". */
export function periodText(days: number, unit: PeriodUnit, language: 'ja' | 'en'): string {
  return language === 'ja' ? `${days}${UNIT_JA[unit]}` : `${days} ${UNIT_EN[unit]}${days === 1 ? '' : 's'}`;
}

/** 「あと3開庁日」, 「本日期限」, 「2日超過」, 「補正中（停止）」 — the standing, in words (never colour alone). */
export function deadlineText(v: DeadlineView, language: 'ja' | 'en'): string {
  if (v.paused) return language === 'ja' ? '補正中（期間停止）' : 'Paused (correction)';
  if (v.closed) return language === 'ja' ? '終了' : 'Closed';
  if (v.overdue) return language === 'ja' ? `${v.daysCount}日超過` : `${v.daysCount} day${v.daysCount === 1 ? '' : 's'} overdue`;
  if (v.daysCount === 0) return language === 'ja' ? '本日期限' : 'Due today';
  return language === 'ja' ? `あと${periodText(v.daysCount, v.unit, 'ja')}` : `${periodText(v.daysCount, v.unit, 'en')} left`;
}
