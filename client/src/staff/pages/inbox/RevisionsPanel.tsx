/** Earlier revisions of the answers (before each correction), readable on demand. */
import { useState } from 'react';
import { useStaffText } from '../../i18n';
import { getRevision, jst, type AnswerLine, type SubmissionView } from './inboxApi';
import { AnswersTable } from './AnswersTable';

export function RevisionsPanel({ view }: { view: SubmissionView }) {
  const t = useStaffText();
  const [open, setOpen] = useState<Record<number, AnswerLine[]>>({});
  if (view.revisions.length === 0) return null;
  const toggle = async (revision: number) => {
    if (open[revision]) return setOpen(({ [revision]: _gone, ...rest }) => rest);
    const r = await getRevision(view.municipalityCode, view.id, revision);
    setOpen((o) => ({ ...o, [revision]: r.answers }));
  };
  return (
    <section aria-labelledby="revisions-title">
      <h2 id="revisions-title">{t('inbox.revisions.earlierRevisions')}</h2>
      <ul className="plain-list">
        {view.revisions.map((r) => (
          <li key={r.revision}>
            {t('inbox.revisions.revision', { revision: r.revision, createdAt: jst(r.createdAt) })}{' '}
            <button type="button" className="button button--small" aria-expanded={!!open[r.revision]} onClick={() => void toggle(r.revision)}>
              {open[r.revision] ? t('inbox.revisions.hide') : t('common.show')}
            </button>
            {open[r.revision] && <AnswersTable answers={open[r.revision]!} caption={t('inbox.revisions.answersCaption', { revision: r.revision })} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
