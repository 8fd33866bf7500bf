/**
 * The guide editor: the guide's texts, questions and items (GuideFields),
 * a preview that shows it exactly as residents will (the resident guide
 * component in the resident frame, evaluated by the shared evaluateGuide),
 * saving as a draft, publishing, and the versions kept.
 */
import { useEffect, useMemo, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api';
import { useSession } from '../../session';
import { useStaffText } from '../../i18n';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { GuidePreview } from './GuidePreview';
import { ItemsFields, QuestionsFields, TextArea, idOf, type FieldMessages } from './GuideFields';
import { toGuide, toValues, type GuideValues } from './guideForm';
import { guidesApi, type GuideEditorView } from './guidesApi';
import '../builder/builder.css';

/** `/guide/questions/0/text` → `questions.0.text`. */
const pathOf = (pointer: string) => pointer.replace(/^\/guide\/?/, '').replace(/\//g, '.');

export default function GuideEditorPage() {
  const t = useStaffText();
  const { guideId = '' } = useParams();
  const { session, can } = useSession();
  const code = session?.municipality?.code ?? '';
  const [view, setView] = useState<GuideEditorView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [messages, setMessages] = useState<FieldMessages>({});
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<GuideValues>({ defaultValues: { lifeEvent: '', title: '', titleEn: '', lead: '', leadEn: '', questions: [], items: [] } });
  const { register, handleSubmit, reset, formState } = form;

  const show = (v: GuideEditorView) => {
    setView(v);
    reset(toValues(v.guide));
  };
  useEffect(() => {
    if (code) guidesApi.view(code, guideId).then(show, (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [code, guideId]); // eslint-disable-line react-hooks/exhaustive-deps -- show only resets the form

  const refused = (e: unknown) => {
    if (!(e instanceof ApiError)) throw e;
    setError(e.message);
    setMessages(Object.fromEntries(e.fields.map((f) => [pathOf(f.pointer), f.message])));
  };
  const save = handleSubmit(async (values) => {
    setError(null);
    setMessages({});
    setNotice(null);
    try {
      const saved = await guidesApi.save(code, guideId, toGuide(guideId, values), view!.version);
      show(saved);
      setNotice(t('guides.saved', { version: saved.version }));
    } catch (e) {
      refused(e);
    }
  });
  const publish = async () => {
    setError(null);
    setNotice(null);
    if (formState.isDirty) return setError(t('guides.publishNeedsSave'));
    try {
      const published = await guidesApi.publish(code, guideId);
      show(await guidesApi.view(code, guideId));
      setNotice(t('guides.published', { version: published.version }));
    } catch (e) {
      refused(e);
    }
  };

  const values = useWatch({ control: form.control }) as GuideValues;
  const previewGuide = useMemo(() => toGuide(guideId, values), [guideId, values]);
  if (!view) return error ? <FormError message={error} /> : <p>{t('common.loading')}</p>;
  const hasDraft = view.versions[0]?.status === 'draft';
  const text = (path: keyof GuideValues, label: string) => <Field id={idOf(path)} label={label} error={messages[path]} {...register(path)} />;

  return (
    <section className="guide-editor" aria-labelledby="guide-editor-title">
      <p>
        <Link to="/staff/guides">{t('guides.back')}</Link>
      </p>
      <h1 id="guide-editor-title">
        {t('nav.editGuide')}：{view.guide.title}
      </h1>
      <p>{t('guides.editorLead')}</p>
      {view.hidden && <p className="notice">{t('guides.hiddenNotice')}</p>}
      <FormError message={error} />
      <div className="guide-editor__columns">
        <FormProvider {...form}>
          <form onSubmit={save} noValidate className="guide-editor__form">
            {text('title', t('guides.guideTitle'))}
            {text('titleEn', t('guides.guideTitleEn'))}
            {text('lifeEvent', t('guides.lifeEvent'))}
            <TextArea id={idOf('lead')} label={t('guides.guideLead')} error={messages.lead} {...register('lead')} />
            <TextArea id={idOf('leadEn')} label={t('guides.guideLeadEn')} error={messages.leadEn} {...register('leadEn')} />
            <QuestionsFields messages={messages} />
            <ItemsFields messages={messages} procedures={view.procedures} />
            {can('catalog.edit') && (
              <p className="builder-row guide-editor__actions">
                <button type="submit" className="button button--primary">
                  {t('guides.save')}
                </button>
                {can('catalog.publish') && (
                  <button type="button" className="button" onClick={() => void publish()} disabled={!hasDraft && !formState.isDirty}>
                    {t('guides.publish')}
                  </button>
                )}
              </p>
            )}
            {/* Beside the buttons that caused it, where the eye is. */}
            <p role="status" className="notice" hidden={!notice}>
              {notice}
            </p>
          </form>
        </FormProvider>
        <GuidePreview guide={previewGuide} online={view.online} />
      </div>
      <section aria-labelledby="guide-versions-title">
        <h2 id="guide-versions-title">{t('guides.versions')}</h2>
        <ul>
          {view.versions.map((v) => (
            <li key={v.version}>{t('guides.versionRow', { version: v.version, status: t(`guides.status.${v.status}`), at: new Date(v.publishedAt ?? v.updatedAt).toLocaleString('ja-JP') })}</li>
          ))}
        </ul>
      </section>
    </section>
  );
}
