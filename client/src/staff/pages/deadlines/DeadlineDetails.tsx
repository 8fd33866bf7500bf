/** The submission page's 処理期限 lines: the due date and standing, the period in force at receipt, any correction pause. */
import type { SubmissionView } from '@madoguchi/shared';
import { useStaffText, type StaffMessageKey } from '../../i18n';
import { DeadlineStanding } from './DeadlineStanding';

export function DeadlineDetails({ view }: { view: SubmissionView }) {
  const t = useStaffText();
  const d = view.deadline;
  if (!d) return null;
  return (
    <>
      <dt>{t('deadlines.detail.due')}</dt>
      <dd className="deadline-details">
        <DeadlineStanding deadline={d} /> <span className="deadline-details__date">（{d.dueDate}）</span>
        <span className="deadline-details__line">{t('deadlines.detail.period', { period: t(`deadlines.periodText.${d.unit}` as StaffMessageKey, { days: d.days }) })}</span>
        {d.paused && d.pausedSince && <span className="deadline-details__line">{t('deadlines.detail.pausedNow', { since: d.pausedSince })}</span>}
        {d.pausedDays > 0 && <span className="deadline-details__line">{t('deadlines.detail.pausedDays', { n: d.pausedDays })}</span>}
      </dd>
    </>
  );
}
