/**
 * CSV of the filtered list of one procedure: UTF-8 for current Excel, Shift_JIS for older systems (characters it lacks become 〓, and we say which).
 * Sensitive answers are masked; only those allowed (municipal admins) see the box that asks for them in clear, and that export is recorded.
 */
import { useState } from 'react';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { downloadCsv, type Filters } from './inboxApi';

export function ExportButtons({ code, filters }: { code: string; filters: Filters }) {
  const t = useT();
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const mayIncludeSensitive = useSession().can('inbox.exportSensitive');
  const [includeSensitive, setIncludeSensitive] = useState(false);
  const run = async (encoding: 'utf-8' | 'cp932') => {
    setMessage('');
    setError('');
    try {
      const { rows, replaced } = await downloadCsv(code, filters, encoding, mayIncludeSensitive && includeSensitive);
      setMessage(
        t({ ja: `${rows}件をCSVに出力しました。`, en: `Exported ${rows} rows.` }) +
          (replaced
            ? t({
                ja: ` Shift_JISで表せない文字（${[...replaced].join('、')}）は「〓」にしました。画面で原文を確認してください。`,
                en: ` Characters Shift_JIS lacks (${replaced}) were written as 〓.`,
              })
            : ''),
      );
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="export">
      <span className="export__label">{t({ ja: 'CSV出力', en: 'CSV' })}</span>
      <button type="button" className="button button--small" disabled={!filters.procedureId} onClick={() => void run('utf-8')}>
        {t({ ja: 'Excel用（UTF-8）', en: 'Excel (UTF-8)' })}
      </button>
      <button type="button" className="button button--small" disabled={!filters.procedureId} onClick={() => void run('cp932')}>
        Shift_JIS
      </button>
      {mayIncludeSensitive && (
        <span className="checkbox export__sensitive">
          <input id="export-sensitive" type="checkbox" checked={includeSensitive} onChange={(e) => setIncludeSensitive(e.target.checked)} />
          <label htmlFor="export-sensitive">
            {t({ ja: '機微情報（個人番号・口座・健康・所得など）を伏せずに出力する（出力は記録されます）', en: 'Include sensitive answers unmasked (the export is recorded)' })}
          </label>
        </span>
      )}
      {!filters.procedureId && <span className="field__hint">{t({ ja: '手続を選んで検索すると出力できます。', en: 'Choose a procedure first.' })}</span>}
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
