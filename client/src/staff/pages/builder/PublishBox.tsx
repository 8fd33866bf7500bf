/**
 * Publishing (react-hook-form for the change note presets need): what is
 * live now, then one button. A new version never changes the ones before it:
 * applications already received stay with the version they were made on.
 */
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError } from '../../api';

interface Props {
  canPublish: boolean;
  /** Problems the checks found (publishing is refused while there are any). */
  problems: number;
  /** What residents get now, in words. */
  live: string;
  /** Asks for a change note (preset releases). */
  requireNote?: boolean;
  /** Publishes; resolves to the message to show. */
  onPublish: (note: string) => Promise<string>;
  children?: ReactNode;
}

export function PublishBox({ canPublish, problems, live, requireNote, onPublish, children }: Props) {
  const { register, handleSubmit, formState, reset } = useForm<{ note: string }>({ defaultValues: { note: '' } });
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = handleSubmit(async ({ note }) => {
    setResult(null);
    try {
      setResult({ ok: true, text: await onPublish(note.trim()) });
      reset({ note: '' });
    } catch (e) {
      const fields = e instanceof ApiError && e.fields.length ? ` ${e.fields.map((f) => f.message).join(' ')}` : '';
      setResult({ ok: false, text: (e instanceof ApiError ? e.message : '公開できませんでした。') + fields });
    }
  });
  return (
    <section className="publish-box" aria-labelledby="publish-title">
      <h2 id="publish-title" className="builder-panel__title">
        公開
      </h2>
      <p>
        <strong>いま住民に表示されているもの：</strong>
        {live}
      </p>
      {canPublish ? (
        <form onSubmit={submit} noValidate>
          {requireNote && (
            <div className={`field${formState.errors.note ? ' field--error' : ''}`}>
              <label htmlFor="publish-note">変更内容（市区町村に伝えるメモ）</label>
              <textarea id="publish-note" rows={3} {...register('note', { validate: (v) => v.trim() !== '' || '変更内容を入力してください。' })} />
              {formState.errors.note && <p className="field__error">{formState.errors.note.message}</p>}
            </div>
          )}
          <p className="field__hint">公開すると新しい版として住民に表示されます。すでに受け付けた申請は、申請したときの版のまま残ります。</p>
          <button type="submit" className="button button--primary" disabled={formState.isSubmitting || problems > 0}>
            {formState.isSubmitting ? '公開しています…' : '公開する'}
          </button>
          {problems > 0 && <p className="field__hint">「公開前の確認」の問題を直すと公開できます。</p>}
        </form>
      ) : (
        <p className="notice">公開・公開停止は自治体の管理者が行います。編集した内容は自動で保存されています。</p>
      )}
      {result && (
        <p className={result.ok ? 'notice' : 'form-error'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </p>
      )}
      {children}
    </section>
  );
}
