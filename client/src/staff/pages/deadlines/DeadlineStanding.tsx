/**
 * A submission's due date and where it stands (「あと3開庁日」, 「2日超過」). Overdue is marked by an icon and
 * its words as well as by colour, never by colour alone.
 */
import type { InboxItem } from '@madoguchi/shared';
import { useStaffText, type StaffMessageKey } from '../../i18n';

export type Deadline = NonNullable<InboxItem['deadline']>;

/** The standing in words. */
export function useDeadlineText(): (d: Deadline) => string {
  const t = useStaffText();
  return (d) => {
    if (d.paused) return t('deadlines.paused');
    if (d.closed) return t('deadlines.closed');
    if (d.overdue) return t('deadlines.overdue', { n: d.daysCount });
    if (d.daysCount === 0) return t('deadlines.today');
    return t(`deadlines.left.${d.unit}` as StaffMessageKey, { n: d.daysCount });
  };
}

/** `2027-05-06` → 「5月6日」 / "6 May" is left to the reader's locale; the ISO date is unambiguous in both. */
const shortDate = (date: string) => `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`;

export function DeadlineStanding({ deadline }: { deadline?: Deadline }) {
  const t = useStaffText();
  const text = useDeadlineText();
  if (!deadline) return <span className="muted">{t('deadlines.none')}</span>;
  const tone = deadline.overdue ? 'overdue' : deadline.paused || deadline.closed ? 'quiet' : deadline.daysCount <= 1 ? 'soon' : 'ok';
  return (
    <span className={`deadline deadline--${tone}`}>
      <time dateTime={deadline.dueDate}>{shortDate(deadline.dueDate)}</time>{' '}
      <span className="deadline__standing">
        {deadline.overdue && (
          <span className="deadline__icon" aria-hidden="true">
            ⚠
          </span>
        )}
        {text(deadline)}
      </span>
    </span>
  );
}
