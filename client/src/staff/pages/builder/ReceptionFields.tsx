/**
 * 受付期間 in the builder's 「手続の情報」: the dated period (start and end, Japan time), weekly
 * hours by weekday checkboxes, closed on holidays and 12/29–1/3, and a note. Plain inputs
 * (date, time, checkboxes), so the whole setting is usable by keyboard; the summary below reads
 * the setting back in the words residents will see.
 */
import type { UseFormRegister, UseFormWatch } from 'react-hook-form';
import { receptionSummary, type ProcedureReception } from '@madoguchi/shared';

const WEEKDAY_LABELS = ['日', '月', '火', '水', '木', '金', '土'];
/** Monday first, as staff read a week. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

export interface ReceptionValues {
  recOpenDate: string;
  recOpenTime: string;
  recCloseDate: string;
  recCloseTime: string;
  /** Weekdays of the weekly hours ('0'…'6'); none: no weekly hours. */
  recDays: string[];
  recFrom: string;
  recTo: string;
  recHolidays: boolean;
  recNote: string;
}

/** The form values of a procedure's reception (the first weekly entry is edited; further ones are kept as they are). */
export function receptionValues(r: ProcedureReception | undefined): ReceptionValues {
  const w = r?.weekly?.[0];
  return {
    recOpenDate: r?.opensAt?.slice(0, 10) ?? '',
    recOpenTime: r?.opensAt?.slice(11) ?? '',
    recCloseDate: r?.closesAt?.slice(0, 10) ?? '',
    recCloseTime: r?.closesAt?.slice(11) ?? '',
    recDays: w ? w.days.map(String) : [],
    recFrom: w?.from ?? '08:30',
    recTo: w?.to ?? '17:15',
    recHolidays: r?.closedOnHolidays ?? false,
    recNote: r?.note ?? '',
  };
}

/**
 * The reception the values describe, or null for none. A date without a time opens at 0:00
 * and closes at the end of that day (23:59).
 */
export function receptionFromValues(v: ReceptionValues, before: ProcedureReception | undefined): ProcedureReception | null {
  const r: ProcedureReception = {};
  if (v.recOpenDate) r.opensAt = `${v.recOpenDate}T${v.recOpenTime || '00:00'}`;
  if (v.recCloseDate) r.closesAt = `${v.recCloseDate}T${v.recCloseTime || '23:59'}`;
  const rest = before?.weekly?.slice(1) ?? [];
  const days = (v.recDays ?? []).map(Number).sort((a, b) => a - b);
  const weekly = [...(days.length ? [{ days, from: v.recFrom, to: v.recTo }] : []), ...rest];
  if (weekly.length) r.weekly = weekly;
  if (v.recHolidays) r.closedOnHolidays = true;
  if (v.recNote.trim()) r.note = v.recNote.trim();
  return Object.keys(r).length ? r : null;
}

interface Props<V extends ReceptionValues> {
  register: UseFormRegister<V>;
  watch: UseFormWatch<V>;
  before: ProcedureReception | undefined;
}

export function ReceptionFields({ register, watch, before }: Props<ReceptionValues>) {
  const values = watch();
  const summary = receptionSummary(receptionFromValues(values, before) ?? undefined);
  return (
    <fieldset className="builder-fieldset">
      <legend>受付期間（住民が申請できる期間、日本時間）</legend>
      <p className="field__hint">
        空欄の項目は制限しません。期間外は、住民には受付開始の日時が表示され、申請は受け付けられません。窓口（書かない窓口）での職員入力は、期間の日付にだけ従い、曜日・時間には制限されません。
      </p>
      <div className="builder-row">
        <div className="field">
          <label htmlFor="proc-recOpenDate">受付開始日</label>
          <input id="proc-recOpenDate" type="date" {...register('recOpenDate')} />
        </div>
        <div className="field">
          <label htmlFor="proc-recOpenTime">受付開始時刻</label>
          <input id="proc-recOpenTime" type="time" {...register('recOpenTime')} />
        </div>
      </div>
      <div className="builder-row">
        <div className="field">
          <label htmlFor="proc-recCloseDate">受付終了日</label>
          <input id="proc-recCloseDate" type="date" {...register('recCloseDate')} />
        </div>
        <div className="field">
          <label htmlFor="proc-recCloseTime">受付終了時刻</label>
          <input id="proc-recCloseTime" type="time" {...register('recCloseTime')} />
        </div>
      </div>
      <fieldset className="builder-fieldset">
        <legend>受付する曜日（選ばなければ毎日）</legend>
        <div className="builder-checks">
          {WEEK_ORDER.map((d) => (
            <span className="checkbox" key={d}>
              <input id={`proc-recDay-${d}`} type="checkbox" value={String(d)} {...register('recDays')} />
              <label htmlFor={`proc-recDay-${d}`}>{WEEKDAY_LABELS[d]}</label>
            </span>
          ))}
        </div>
        <div className="builder-row">
          <div className="field">
            <label htmlFor="proc-recFrom">受付時間（開始）</label>
            <input id="proc-recFrom" type="time" {...register('recFrom')} />
          </div>
          <div className="field">
            <label htmlFor="proc-recTo">受付時間（終了）</label>
            <input id="proc-recTo" type="time" {...register('recTo')} />
          </div>
        </div>
      </fieldset>
      <span className="checkbox">
        <input id="proc-recHolidays" type="checkbox" {...register('recHolidays')} />
        <label htmlFor="proc-recHolidays">祝日・年末年始（12月29日〜1月3日）は受け付けない</label>
      </span>
      <div className="field">
        <label htmlFor="proc-recNote">受付期間の補足（住民向け、任意）</label>
        <input id="proc-recNote" {...register('recNote')} />
      </div>
      <p className="field__hint" aria-live="polite">
        設定の内容: <span id="proc-recSummary">{summary}</span>
      </p>
      {before?.weekly && before.weekly.length > 1 && <p className="field__hint">2件目以降の受付時間（{before.weekly.length - 1}件）はそのまま残ります。</p>}
    </fieldset>
  );
}
