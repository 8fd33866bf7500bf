/** 補正依頼: a message to the applicant and the answers they should correct (checked in the answers table). */
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { requestCorrection, type SubmissionView } from './inboxApi';

export function CorrectionRequestForm({ view, selected, onCancel, onDone }: { view: SubmissionView; selected: Set<string>; onCancel: () => void; onDone: (message: string) => void }) {
  const t = useT();
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const labels = view.answers.filter((a) => selected.has(a.pointer)).map((a) => a.label);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!message.trim()) return setError(t({ ja: '依頼内容を入力してください。', en: 'Write what the applicant should do.' }));
    setBusy(true);
    setError('');
    try {
      await requestCorrection(view.municipalityCode, view.id, message.trim(), [...selected], view.status);
      onDone(t({ ja: '補正依頼を送りました。申請者の状況確認ページに表示されます。', en: 'Correction request sent.' }));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel panel--wide panel--attention" onSubmit={submit} aria-labelledby="correction-title">
      <h2 id="correction-title">{t({ ja: '補正依頼の作成', en: 'Correction request' })}</h2>
      <p className="field__hint">
        {t({
          ja: '下の回答一覧で、修正してほしい項目にチェックを入れてください（任意）。申請者はチェックした項目だけを修正できます。',
          en: 'Tick the answers the applicant should correct below (optional); only those can be changed.',
        })}
      </p>
      <p aria-live="polite">
        {labels.length
          ? t({ ja: `補正を求める項目：${labels.join('、')}`, en: `Fields: ${labels.join(', ')}` })
          : t({ ja: '補正を求める項目：なし（メッセージと書類の追加のみ）', en: 'No fields selected (message and documents only)' })}
      </p>
      <div className="field">
        <label htmlFor="correction-message">{t({ ja: '申請者への依頼内容', en: 'Message to the applicant' })}</label>
        <textarea id="correction-message" rows={4} maxLength={2000} value={message} onChange={(e) => setMessage(e.target.value)} required />
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="buttons">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t({ ja: '補正依頼を送る', en: 'Send request' })}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t({ ja: 'やめる', en: 'Cancel' })}
        </button>
      </div>
    </form>
  );
}
