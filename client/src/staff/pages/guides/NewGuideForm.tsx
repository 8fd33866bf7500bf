/** Adds a guide of the municipality's own (id, life event, title), then opens it in the editor. */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api';
import { useStaffText } from '../../i18n';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { guidesApi } from './guidesApi';

export function NewGuideForm({ code }: { code: string }) {
  const t = useStaffText();
  const navigate = useNavigate();
  const { register, handleSubmit } = useForm({ defaultValues: { id: '', lifeEvent: '', title: '' } });
  const [error, setError] = useState<string | null>(null);
  const submit = handleSubmit(async (v) => {
    setError(null);
    try {
      const created = await guidesApi.create(code, { id: v.id.trim(), lifeEvent: v.lifeEvent.trim(), title: v.title.trim() });
      await navigate(`/staff/guides/${encodeURIComponent(created.guideId)}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  });
  return (
    <details className="builder-fieldset">
      <summary>{t('guides.new')}</summary>
      <form onSubmit={submit} noValidate>
        <FormError message={error} />
        <Field id="new-guide-id" label={t('guides.newId')} autoComplete="off" {...register('id')} />
        <Field id="new-guide-life-event" label={t('guides.lifeEvent')} {...register('lifeEvent')} />
        <Field id="new-guide-title" label={t('guides.guideTitle')} {...register('title')} />
        <button type="submit" className="button button--primary">
          {t('guides.create')}
        </button>
      </form>
    </details>
  );
}
