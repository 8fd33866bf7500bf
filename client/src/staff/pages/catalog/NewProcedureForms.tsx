/**
 * Starting a procedure of the municipality's own (react-hook-form): from
 * scratch, or from a JSON file (our export, or a JSON Schema + uiSchema made
 * with another tool).
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { PROCEDURE_ID_PATTERN } from '@madoguchi/shared';
import { ApiError } from '../../api';
import { catalogApi } from '../builder/builderApi';

const ID_RULE = { required: 'IDを入力してください。', pattern: { value: new RegExp(PROCEDURE_ID_PATTERN), message: '半角の英小文字・数字・ハイフンで3〜64文字にしてください（例：sodai-gomi）。' } };
const builderPath = (id: string) => `/staff/procedures/own/${encodeURIComponent(id)}`;

export function NewProcedureForm({ code }: { code: string }) {
  const navigate = useNavigate();
  const { register, handleSubmit, formState } = useForm<{ title: string; id: string }>();
  const [error, setError] = useState<string | null>(null);
  const submit = handleSubmit(async (v) => {
    setError(null);
    try {
      await catalogApi.createOwn(code, v.id.trim(), v.title.trim());
      await navigate(builderPath(v.id.trim()));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  });
  const e = formState.errors;
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="new-procedure-title" noValidate>
      <h2 id="new-procedure-title">新しい手続を作る</h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className={`field${e.title ? ' field--error' : ''}`}>
        <label htmlFor="new-title">手続の名称</label>
        <input id="new-title" placeholder="例：粗大ごみ収集の申込" {...register('title', { required: '名称を入力してください。' })} />
        {e.title && <p className="field__error">{e.title.message}</p>}
      </div>
      <div className={`field${e.id ? ' field--error' : ''}`}>
        <label htmlFor="new-id">手続のID</label>
        <p className="field__hint">住民向けのアドレスに使われます。半角の英小文字・数字・ハイフン（例：sodai-gomi）。</p>
        <input id="new-id" {...register('id', ID_RULE)} />
        {e.id && <p className="field__error">{e.id.message}</p>}
      </div>
      <button type="submit" className="button button--primary" disabled={formState.isSubmitting}>
        作成して編集する
      </button>
    </form>
  );
}

export function ImportForm({ code }: { code: string }) {
  const navigate = useNavigate();
  const { register, handleSubmit, formState } = useForm<{ file: FileList; id: string; title: string }>();
  const [error, setError] = useState<string | null>(null);
  const submit = handleSubmit(async (v) => {
    setError(null);
    const file = v.file[0];
    if (!file) return setError('ファイルを選んでください。');
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      return setError('JSON として読めないファイルです。');
    }
    try {
      const result = await catalogApi.importOwn(code, v.id.trim(), v.title.trim(), json);
      // What was adapted or left out is shown on the builder page the import opens.
      const left = result.unsupported.map((u) => `${u.pointer || '/'}：${u.ja}`);
      await navigate(builderPath(v.id.trim()), { state: { importNotes: [...result.notes, ...left] } });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  });
  return (
    <details className="panel">
      <summary id="import-title">JSONファイルから読み込む</summary>
      <form onSubmit={submit} aria-labelledby="import-title" noValidate>
        <p className="field__hint">書き出したファイル、または他のツールで作った JSON Schema（＋uiSchema）を読み込めます。</p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor="import-file">ファイル</label>
          <input id="import-file" type="file" accept="application/json,.json" {...register('file', { required: 'ファイルを選んでください。' })} />
        </div>
        <div className="field">
          <label htmlFor="import-id">手続のID</label>
          <input id="import-id" {...register('id', ID_RULE)} />
          {formState.errors.id && <p className="field__error">{formState.errors.id.message}</p>}
        </div>
        <div className="field">
          <label htmlFor="import-name">手続の名称（空欄ならファイルのもの）</label>
          <input id="import-name" {...register('title')} />
        </div>
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          読み込んで編集する
        </button>
      </form>
    </details>
  );
}
