/** Earlier revisions of the answers (before each correction), readable on demand. */
import { useState } from 'react';
import { useT } from '../../i18n';
import { getRevision, jst, type AnswerLine, type SubmissionView } from './inboxApi';
import { AnswersTable } from './AnswersTable';

export function RevisionsPanel({ view }: { view: SubmissionView }) {
  const t = useT();
  const [open, setOpen] = useState<Record<number, AnswerLine[]>>({});
  if (view.revisions.length === 0) return null;
  const toggle = async (revision: number) => {
    if (open[revision]) return setOpen(({ [revision]: _gone, ...rest }) => rest);
    const r = await getRevision(view.municipalityCode, view.id, revision);
    setOpen((o) => ({ ...o, [revision]: r.answers }));
  };
  return (
    <section aria-labelledby="revisions-title">
      <h2 id="revisions-title">{t({ ja: '以前の申請内容', en: 'Earlier revisions' })}</h2>
      <ul className="plain-list">
        {view.revisions.map((r) => (
          <li key={r.revision}>
            {t({ ja: `第${r.revision}版（${jst(r.createdAt)} 提出）`, en: `Revision ${r.revision} (${jst(r.createdAt)})` })}{' '}
            <button type="button" className="button button--small" aria-expanded={!!open[r.revision]} onClick={() => void toggle(r.revision)}>
              {open[r.revision] ? t({ ja: '閉じる', en: 'Hide' }) : t({ ja: '表示', en: 'Show' })}
            </button>
            {open[r.revision] && <AnswersTable answers={open[r.revision]!} caption={t({ ja: `第${r.revision}版の回答`, en: `Answers of revision ${r.revision}` })} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
