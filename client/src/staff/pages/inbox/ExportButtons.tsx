/** CSV of the filtered list of one procedure: UTF-8 for current Excel, Shift_JIS for older systems (characters it lacks become 〓, and we say which). */
import { useState } from 'react';
import { useT } from '../../i18n';
import { downloadCsv, type Filters } from './inboxApi';

export function ExportButtons({ code, filters }: { code: string; filters: Filters }) {
  const t = useT();
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const run = async (encoding: 'utf-8' | 'cp932') => {
    setMessage('');
    setError('');
    try {
      const { rows, replaced } = await downloadCsv(code, filters, encoding);
      setMessage(
        t({ ja: `${rows}件をCSVに出力しました。`, en: `Exported ${rows} rows.` }) +
          (replaced ? t({ ja: ` Shift_JISで表せない文字（${[...replaced].join('、')}）は「〓」にしました。画面で原文を確認してください。`, en: ` Characters Shift_JIS lacks (${replaced}) were written as 〓.` }) : ''),
      );
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="export">
      <span className="export__label">{t({ ja: 'CSV出力', en: 'CSV' })}</span>
      <button type="button" className="button button--small" disabled={!filters.procedureId} onClick={() => void run('utf-8')}>{t({ ja: 'Excel用（UTF-8）', en: 'Excel (UTF-8)' })}</button>
      <button type="button" className="button button--small" disabled={!filters.procedureId} onClick={() => void run('cp932')}>Shift_JIS</button>
      {!filters.procedureId && <span className="field__hint">{t({ ja: '手続を選んで検索すると出力できます。', en: 'Choose a procedure first.' })}</span>}
      <p className="export__result" role="status" aria-live="polite">{message}</p>
      {error && <p className="form-error" role="alert">{error}</p>}
    </div>
  );
}
