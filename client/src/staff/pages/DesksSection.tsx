/**
 * The municipality's contact desks (窓口): each procedure names one as its
 * contact, and residents see the desk as it is kept here. react-hook-form's
 * field array: add, edit and remove desks, then save them together.
 */
import { useEffect, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { ApiError, staffApi } from '../api';
import { useStaffText } from '../i18n';
import { FormError } from '../ui/FormError';

interface Desk {
  id?: string;
  name: string;
  phone: string;
  email: string;
  address: string;
  hours: string;
}
const empty: Desk = { name: '', phone: '', email: '', address: '', hours: '' };

export function DesksSection({ code, canEdit }: { code: string; canEdit: boolean }) {
  const t = useStaffText();
  const { control, register, handleSubmit, reset } = useForm<{ desks: Desk[] }>({ defaultValues: { desks: [] } });
  const { fields, append, remove } = useFieldArray({ control, name: 'desks' });
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const load = (items: Array<Partial<Desk>>) => reset({ desks: items.map((d) => ({ ...empty, ...d })) });
  useEffect(() => {
    void staffApi<{ items: Desk[] }>('GET', `/municipalities/${code}/desks`).then((r) => load(r.items));
  }, [code]); // eslint-disable-line react-hooks/exhaustive-deps -- load only resets the form

  const save = handleSubmit(async (v) => {
    setSaved(false);
    setError(null);
    try {
      const r = await staffApi<{ items: Desk[] }>('PUT', `/municipalities/${code}/desks`, { desks: v.desks });
      load(r.items);
      setSaved(true);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError({ message: e.message, fields: Object.fromEntries(e.fields.map((f) => [f.pointer, f.message])) });
    }
  });
  const fieldError = (i: number, key: string) => error?.fields[`/desks/${i}/${key}`];
  const input = (i: number, key: keyof Desk, label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`desk-${i}-${key}`}>{label}</label>
      {fieldError(i, key) && (
        <p className="field__error" id={`desk-${i}-${key}-error`}>
          {fieldError(i, key)}
        </p>
      )}
      <input
        id={`desk-${i}-${key}`}
        type={type}
        disabled={!canEdit}
        aria-invalid={!!fieldError(i, key) || undefined}
        aria-describedby={fieldError(i, key) ? `desk-${i}-${key}-error` : undefined}
        {...register(`desks.${i}.${key}`)}
      />
    </div>
  );

  return (
    <section aria-labelledby="desks-title">
      <h2 id="desks-title">{t('settings.desks.title')}</h2>
      <p className="field__hint">{t('settings.desks.lead')}</p>
      <form onSubmit={save} noValidate>
        {error && <FormError message={error.message} />}
        {fields.map((f, i) => (
          <fieldset key={f.id} className="builder-fieldset">
            <legend>{t('settings.desks.desk', { number: i + 1 })}</legend>
            {input(i, 'name', t('settings.desks.name'))}
            {input(i, 'phone', t('settings.desks.phone'), 'tel')}
            {input(i, 'email', t('common.email'), 'email')}
            {input(i, 'address', t('settings.desks.address'))}
            {input(i, 'hours', t('settings.desks.hours'))}
            {canEdit && (
              <button type="button" className="button button--small" onClick={() => remove(i)}>
                {t('settings.desks.removeDesk')}
              </button>
            )}
          </fieldset>
        ))}
        {canEdit && (
          <p className="builder-row">
            <button type="button" className="button" onClick={() => append({ ...empty })}>
              {t('settings.desks.addDesk')}
            </button>
            <button type="submit" className="button button--primary">
              {t('settings.desks.saveDesks')}
            </button>
          </p>
        )}
        {saved && <p role="status">{t('settings.desks.desksSaved')}</p>}
      </form>
    </section>
  );
}
