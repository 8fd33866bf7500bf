/**
 * Dates as Japanese forms ask for them: 元号 + 年 + 月 + 日, with the other
 * calendar shown beside (令和8年 ⇄ 2026年). Registered for the `date`,
 * `past-date` and `future-date` formats; stores ISO `YYYY-MM-DD`.
 */
import { useEffect, useRef, useState } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { describedBy } from '../templates/describedBy';
import { ERAS, daysInMonth, formatSeireki, formatWareki, fromWareki, parseIsoDate, formatDateEnglish, type Calendar, type EraName } from '../../../common/wareki';
import { useLanguage } from '../../../common/i18n/LanguageContext';
import { CALENDARS, gregorianYearOf, stateFromValue, switchCalendar, valueFromState, type DateInputState } from './warekiDateState';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** What to show beside the inputs once the date is complete. */
function otherCalendarText(state: DateInputState, iso: string | undefined, language: 'ja' | 'en'): string {
  if (!iso || !parseIsoDate(iso)) return '';
  if (language === 'en') return `= ${formatDateEnglish(iso)}`;
  if (state.calendar === '西暦') return `＝ ${formatWareki(iso)}`;
  const converted = fromWareki(state.calendar as EraName, Number(state.year === '元' ? 1 : state.year), Number(state.month), Number(state.day));
  if (converted?.outsideEra) return `＝ ${formatWareki(iso)}（西暦${formatSeireki(iso)}）のことです`;
  return `＝ 西暦${formatSeireki(iso)}`;
}

export function WarekiDateWidget(props: WidgetProps) {
  const { id, value, onChange, onBlur, onFocus, disabled, readonly, rawErrors } = props;
  const { t, language } = useLanguage();
  const [state, setState] = useState<DateInputState>(() => stateFromValue(value, '令和'));
  const emitted = useRef<unknown>(value);
  // A value set from outside (a resumed draft) replaces what is shown.
  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value;
      setState((s) => stateFromValue(value, s.calendar));
    }
  }, [value]);

  const update = (next: DateInputState) => {
    const gy = gregorianYearOf(next);
    const maxDay = gy && next.month ? daysInMonth(gy, Number(next.month)) : 31;
    const fixed = next.day && Number(next.day) > maxDay ? { ...next, day: '' } : next;
    setState(fixed);
    const v = valueFromState(fixed);
    emitted.current = v;
    onChange(v);
  };

  const gy = gregorianYearOf(state);
  const days = gy && state.month ? daysInMonth(gy, Number(state.month)) : 31;
  const current = valueFromState(state);
  const invalid = (rawErrors?.length ?? 0) > 0 || undefined;
  const ariaDescription = describedBy(id, { ...props, extra: [`${id}__other`] });
  const off = disabled || readonly;
  const calendarLabel = (c: Calendar) => (language === 'en' ? (c === '西暦' ? 'Western (西暦)' : `${c} (${ERAS.find((e) => e.name === c)!.nameEn})`) : c);
  return (
    <div className="date-input">
      <div className="date-input__parts">
        <span className="date-input__part">
          <label className="visually-hidden" htmlFor={`${id}-calendar`}>
            {t('date.calendar')}
          </label>
          <select
            id={`${id}-calendar`}
            className="select select--calendar"
            value={state.calendar}
            disabled={off}
            aria-describedby={ariaDescription}
            onChange={(e) => update(switchCalendar(state, e.target.value as Calendar))}
          >
            {CALENDARS.map((c) => (
              <option key={c} value={c}>
                {calendarLabel(c)}
              </option>
            ))}
          </select>
        </span>
        <span className="date-input__part">
          <input
            id={id}
            className="input input--year"
            inputMode="numeric"
            autoComplete="off"
            maxLength={state.calendar === '西暦' ? 4 : 2}
            value={state.year}
            disabled={disabled}
            readOnly={readonly}
            aria-invalid={invalid}
            aria-describedby={ariaDescription}
            onChange={(e) => update({ ...state, year: e.target.value.normalize('NFKC').replace(/[^0-9元]/g, '') })}
            onBlur={() => onBlur(id, current)}
            onFocus={() => onFocus(id, current)}
          />
          <label htmlFor={id}>{t('date.year')}</label>
        </span>
        <span className="date-input__part">
          <select
            id={`${id}-month`}
            className="select select--short"
            value={state.month}
            disabled={off}
            aria-invalid={invalid}
            aria-describedby={ariaDescription}
            onChange={(e) => update({ ...state, month: e.target.value })}
          >
            <option value="">--</option>
            {range(12).map((m) => (
              <option key={m} value={String(m)}>
                {m}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-month`}>{t('date.month')}</label>
        </span>
        <span className="date-input__part">
          <select
            id={`${id}-day`}
            className="select select--short"
            value={state.day}
            disabled={off}
            aria-invalid={invalid}
            aria-describedby={ariaDescription}
            onChange={(e) => update({ ...state, day: e.target.value })}
          >
            <option value="">--</option>
            {range(days).map((d) => (
              <option key={d} value={String(d)}>
                {d}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-day`}>{t('date.day')}</label>
        </span>
      </div>
      <p className="date-input__other" id={`${id}__other`} aria-live="polite">
        {otherCalendarText(state, current, language)}
      </p>
    </div>
  );
}
