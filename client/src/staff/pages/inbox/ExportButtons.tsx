/**
 * CSV of the filtered list of one procedure: UTF-8 for current Excel, Shift_JIS for older systems (characters it lacks become 〓, and we say which).
 * Sensitive answers are masked; only those allowed (municipal admins) see the box that asks for them in clear, and that export is recorded.
 */
import { useState } from 'react';
import { useStaffText } from '../../i18n';
import { useSession } from '../../session';
import { downloadCsv, type Filters } from './inboxApi';

export function ExportButtons({ code, filters }: { code: string; filters: Filters }) {
  const t = useStaffText();
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const mayIncludeSensitive = useSession().can('inbox.exportSensitive');
  const [includeSensitive, setIncludeSensitive] = useState(false);
  const run = async (encoding: 'utf-8' | 'cp932') => {
    setMessage('');
    setError('');
    try {
      const { rows, replaced } = await downloadCsv(code, filters, encoding, mayIncludeSensitive && includeSensitive);
      setMessage(t('inbox.export.exportedRows', { rows }) + (replaced ? t('inbox.export.replaced', { characters: [...replaced].join(t('common.listSeparator')) }) : ''));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="export">
      <span className="export__label">{t('inbox.export.csv')}</span>
      <button type="button" className="button button--small" disabled={!filters.procedureId} onClick={() => void run('utf-8')}>
        {t('inbox.export.excelUtf8')}
      </button>
      <button type="button" className="button button--small" disabled={!filters.procedureId} onClick={() => void run('cp932')}>
        Shift_JIS
      </button>
      {mayIncludeSensitive && (
        <span className="checkbox export__sensitive">
          <input id="export-sensitive" type="checkbox" checked={includeSensitive} onChange={(e) => setIncludeSensitive(e.target.checked)} />
          <label htmlFor="export-sensitive">{t('inbox.export.includeSensitive')}</label>
        </span>
      )}
      {!filters.procedureId && <span className="field__hint">{t('inbox.export.chooseProcedure')}</span>}
      <p className="export__result" role="status" aria-live="polite">
        {message}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
