/**
 * 「テンプレートから作る」: the template library of everyday local procedures
 * (粗大ごみ, 施設予約…). Staff pick one, keep or change its title and id, and
 * get a procedure of their own whose first draft is the template's form.
 */
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { PROCEDURE_ID_PATTERN, type TemplateSummary } from '@madoguchi/shared';
import { ApiError } from '../../api';
import { catalogApi } from '../builder/builderApi';

const ID_RULE = { required: 'IDを入力してください。', pattern: { value: new RegExp(PROCEDURE_ID_PATTERN), message: '半角の英小文字・数字・ハイフンで3〜64文字にしてください（例：sodai-gomi）。' } };
const firstSentence = (text: string) => text.slice(0, text.indexOf('。') + 1 || undefined);

function FromTemplateForm({ code, template, onCancel }: { code: string; template: TemplateSummary; onCancel: () => void }) {
  const navigate = useNavigate();
  const { register, handleSubmit, formState } = useForm<{ title: string; id: string }>({ defaultValues: { title: template.title, id: template.id } });
  const [error, setError] = useState<string | null>(null);
  const submit = handleSubmit(async (v) => {
    setError(null);
    try {
      await catalogApi.createFromTemplate(code, template.id, v.id.trim(), v.title.trim());
      await navigate(`/staff/procedures/own/${encodeURIComponent(v.id.trim())}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  });
  const e = formState.errors;
  const prefix = `template-${template.id}`;
  return (
    <form className="template-list__form" onSubmit={submit} aria-label={`「${template.title}」から作る`} noValidate>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className={`field${e.title ? ' field--error' : ''}`}>
        <label htmlFor={`${prefix}-title`}>手続の名称</label>
        <input id={`${prefix}-title`} {...register('title', { required: '名称を入力してください。' })} />
        {e.title && <p className="field__error">{e.title.message}</p>}
      </div>
      <div className={`field${e.id ? ' field--error' : ''}`}>
        <label htmlFor={`${prefix}-id`}>手続のID</label>
        <p className="field__hint">住民向けのアドレスに使われます。この市区町村でまだ使っていないIDにしてください。</p>
        <input id={`${prefix}-id`} {...register('id', ID_RULE)} />
        {e.id && <p className="field__error">{e.id.message}</p>}
      </div>
      <div className="table__actions">
        <button type="submit" className="button button--primary" disabled={formState.isSubmitting}>
          作成して編集する
        </button>
        <button type="button" className="button" onClick={onCancel}>
          やめる
        </button>
      </div>
    </form>
  );
}

export function TemplateList({ code }: { code: string }) {
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => {
    catalogApi.templates(code).then(
      (r) => setTemplates(r.items),
      (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)),
    );
  }, [code]);
  return (
    <details className="panel catalog-templates">
      <summary id="templates-title">テンプレートから作る</summary>
      <p className="field__hint">
        粗大ごみ・施設予約・講座の申込など、よくある手続のひな形です。この市区町村の手続として作成され、項目・手数料・日程・定員・問い合わせ先などを自由に直してから公開できます。
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!templates ? (
        !error && <p>読み込み中…</p>
      ) : (
        <ul className="template-list" aria-labelledby="templates-title">
          {templates.map((t) => (
            <li key={t.id} className="template-list__item">
              <h3>{t.title}</h3>
              <p>{firstSentence(t.description)}</p>
              {chosen === t.id ? (
                <FromTemplateForm code={code} template={t} onCancel={() => setChosen(null)} />
              ) : (
                <button type="button" className="button button--small" onClick={() => setChosen(t.id)} aria-label={`「${t.title}」のテンプレートで作る`}>
                  このテンプレートで作る
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
