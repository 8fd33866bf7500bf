/** Schemas of 標準処理期間 (issue #21): the period a municipality sets per procedure, and a submission's deadline as staff see it. */
import { PERIOD_UNITS } from '../../time/businessDays';
import { Bool, Closed, DateTime, Enum, Int, Nullable, Str, component } from './kit';

const date = (description: string) => Str({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
export const periodUnit = Enum(PERIOD_UNITS, { description: 'business: 開庁日 (no weekends, national holidays, 12/29–1/3); calendar: 暦日' });

export const ProcessingPeriodSchema = component('ProcessingPeriod', Closed({ municipalityCode: Str(), procedureId: Str(), days: Int(), unit: periodUnit, updatedAt: DateTime(), updatedBy: Str() }));

export const DeadlineViewSchema = component(
  'DeadlineView',
  Closed({
    dueDate: date('処理期限 (Japan date): receipt + 標準処理期間 + days paused for corrections'),
    days: Int({ description: '標準処理期間 in force at receipt' }),
    unit: periodUnit,
    pausedDays: Int({ description: 'Days the clock stood still for finished corrections (補正期間は含めない)' }),
    paused: Bool({ description: 'A correction request stopped the clock (補正期間は処理期間に含めない)' }),
    pausedSince: Nullable(date('Date a correction request stopped the clock, while it stands (detail only)')),
    closed: Bool({ description: 'The submission is closed' }),
    overdue: Bool(),
    daysCount: Int({ description: 'Days left (in the unit), or calendar days overdue when overdue' }),
  }),
);
