/**
 * 定員と予約状況 of one procedure (issue #22): per option with a capacity the places taken, a bar, the
 * applications holding places, and a form to raise (or lower, never below taken) the capacity.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../../session';
import { useStaffText } from '../../i18n';
import { getBookings, setCapacity, type CapacityBookings } from './capacityApi';
import './capacity.css';

type Option = CapacityBookings['fields'][number]['options'][number];

function CapacityRow({
  field,
  option,
  index,
  canEdit,
  onSave,
}: {
  field: string;
  option: Option;
  index: string;
  canEdit: boolean;
  onSave: (field: string, option: string, capacity: number) => Promise<void>;
}) {
  const t = useStaffText();
  const [value, setValue] = useState(String(option.capacity ?? ''));
  useEffect(() => setValue(String(option.capacity ?? '')), [option.capacity]);
  const limited = option.capacity !== null;
  const share = limited && option.capacity ? Math.min(100, Math.round((option.taken / option.capacity) * 100)) : 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSave(field, option.option, Number(value));
  };
  return (
    <tr>
      <th scope="row">
        {option.option}
        {option.bookings.length > 0 && (
          <details className="capacity__bookings">
            <summary>{t('capacity.bookings', { n: option.bookings.length })}</summary>
            <ul>
              {option.bookings.map((b) => (
                <li key={b.submissionId}>
                  <Link to={`/staff/inbox/${encodeURIComponent(b.submissionId)}`}>{b.receiptNumber}</Link>
                  {b.places > 1 && <span className="muted">（{t('capacity.places', { n: b.places })}）</span>}
                </li>
              ))}
            </ul>
          </details>
        )}
      </th>
      <td>
        {limited ? (
          <>
            <span className="capacity__figures">{t('capacity.takenText', { taken: option.taken, capacity: option.capacity! })}</span>{' '}
            <span className={`capacity__left ${option.remaining === 0 ? 'capacity__left--full' : ''}`}>
              {option.remaining === 0 ? t('capacity.full') : t('capacity.left', { n: option.remaining! })}
            </span>
            <span className="capacity__bar" aria-hidden="true">
              <span className={`capacity__fill ${option.remaining === 0 ? 'capacity__fill--full' : ''}`} style={{ width: `${share}%` }} />
            </span>
          </>
        ) : (
          <span className="muted">{t('capacity.noLimit')}</span>
        )}
      </td>
      <td>
        {limited && canEdit && (
          <form className="capacity__form" onSubmit={submit} noValidate>
            <label htmlFor={`capacity-${index}`} className="visually-hidden">
              {t('capacity.newCapacity', { option: option.option })}
            </label>
            <input id={`capacity-${index}`} type="number" inputMode="numeric" min={Math.max(1, option.taken)} max={1000000} value={value} onChange={(e) => setValue(e.target.value)} />
            <button type="submit" className="button button--small" aria-label={`${t('capacity.change')}（${option.option}）`}>
              {t('capacity.change')}
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}

export default function CapacityPage() {
  const t = useStaffText();
  const { session, can } = useSession();
  const code = session!.user!.municipalityCode!;
  const procedureId = useParams().procedureId ?? '';
  const [view, setView] = useState<CapacityBookings | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const load = useCallback(() => getBookings(code, procedureId).then(setView, (e: Error) => setError(e.message)), [code, procedureId]);
  useEffect(() => void load(), [load]);
  const save = async (field: string, option: string, capacity: number) => {
    setError('');
    setNotice('');
    await setCapacity(code, procedureId, field, option, capacity).then(
      (s) => (setNotice(t('capacity.saved', { option, capacity: s.capacity ?? capacity })), load()),
      (e: Error) => setError(e.message),
    );
  };
  return (
    <section aria-labelledby="capacity-title" className="capacity">
      <h1 id="capacity-title">
        {t('capacity.title')}
        {view && <span className="capacity__procedure">{view.title}</span>}
      </h1>
      <p className="field__hint">{t('capacity.lead')}</p>
      <p role="status" aria-live="polite">
        {notice}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {view && view.fields.length === 0 && <p>{t('capacity.none')}</p>}
      {view?.fields.map((field, f) => (
        <table className="table capacity__table" key={field.path}>
          <caption>{field.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('capacity.option')}</th>
              <th scope="col">{t('capacity.taken')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {field.options.map((option, o) => (
              <CapacityRow key={option.option} field={field.path} option={option} index={`${f}-${o}`} canEdit={can('catalog.edit')} onSave={save} />
            ))}
          </tbody>
        </table>
      ))}
      <p>
        <Link to="/staff/procedures">{t('capacity.back')}</Link>
      </p>
    </section>
  );
}
