/**
 * A sensitive answer (個人番号, health, income, bank account) as the inbox shows
 * it: masked, with a 「表示」 button for staff allowed to see it. The value is
 * fetched only on that click, and the server records the reveal — so say so.
 */
import { useState } from 'react';
import { useStaffText } from '../../i18n';
import type { AnswerLine } from './inboxApi';

export type RevealAnswer = (pointer: string) => Promise<string | undefined>;

export function SensitiveValue({ line, reveal }: { line: AnswerLine; reveal: RevealAnswer }) {
  const t = useStaffText();
  const [shown, setShown] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (shown !== null) return <span className="sensitive sensitive--shown">{shown}</span>;
  const onClick = async () => {
    setBusy(true);
    setError('');
    try {
      setShown((await reveal(line.pointer)) ?? line.value);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="sensitive">
      <span className="sensitive__masked">{line.value}</span>{' '}
      <button type="button" className="button button--small sensitive__reveal" disabled={busy} onClick={() => void onClick()} aria-label={t('inbox.sensitive.show', { label: line.label })}>
        {t('common.show')}
      </button>{' '}
      <span className="sensitive__note">{t('inbox.sensitive.viewingRecorded')}</span>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
