/**
 * Revisions of the answers (before each correction or counter edit): what each
 * one changed against the one before (the newest change open at once, as that
 * is what the clerk comes to check) and earlier answers, readable on demand.
 */
import { useEffect, useState } from 'react';
import { useStaffText } from '../../i18n';
import { getRevision, jst, type AnswerLine, type SubmissionView } from './inboxApi';
import { AnswersTable } from './AnswersTable';
import { getRevisionDiff, type RevisionDiffView } from './revisionDiffApi';
import { RevisionChanges } from './RevisionChanges';
import './revisionDiff.css';

export function RevisionsPanel({ view }: { view: SubmissionView }) {
  const t = useStaffText();
  const [open, setOpen] = useState<Record<number, AnswerLine[]>>({});
  const [diffs, setDiffs] = useState<Record<number, RevisionDiffView>>({});
  const toggleDiff = async (revision: number) => {
    if (diffs[revision]) return setDiffs(({ [revision]: _gone, ...rest }) => rest);
    const d = await getRevisionDiff(view.municipalityCode, view.id, revision);
    setDiffs((o) => ({ ...o, [revision]: d }));
  };
  useEffect(() => {
    setDiffs({});
    if (view.revision >= 2) void toggleDiff(view.revision);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per submission and revision
  }, [view.id, view.revision]);
  if (view.revisions.length === 0) return null;
  const toggle = async (revision: number) => {
    if (open[revision]) return setOpen(({ [revision]: _gone, ...rest }) => rest);
    const r = await getRevision(view.municipalityCode, view.id, revision);
    setOpen((o) => ({ ...o, [revision]: r.answers }));
  };
  const diffButton = (revision: number) => (
    <button type="button" className="button button--small" aria-expanded={!!diffs[revision]} onClick={() => void toggleDiff(revision)}>
      {diffs[revision] ? t('inbox.revisionDiff.hide') : t('inbox.revisionDiff.show', { revision, previous: revision - 1 })}
    </button>
  );
  return (
    <section aria-labelledby="revisions-title">
      <h2 id="revisions-title">{t('inbox.revisions.earlierRevisions')}</h2>
      <ul className="plain-list">
        <li>
          {t('inbox.revisionDiff.current', { revision: view.revision })} {diffButton(view.revision)}
          {diffs[view.revision] && <RevisionChanges diff={diffs[view.revision]!} />}
        </li>
        {[...view.revisions].reverse().map((r) => (
          <li key={r.revision}>
            {t('inbox.revisions.revision', { revision: r.revision, createdAt: jst(r.createdAt) })}{' '}
            <button type="button" className="button button--small" aria-expanded={!!open[r.revision]} onClick={() => void toggle(r.revision)}>
              {open[r.revision] ? t('inbox.revisions.hide') : t('common.show')}
            </button>{' '}
            {r.revision >= 2 && diffButton(r.revision)}
            {diffs[r.revision] && <RevisionChanges diff={diffs[r.revision]!} />}
            {open[r.revision] && <AnswersTable answers={open[r.revision]!} caption={t('inbox.revisions.answersCaption', { revision: r.revision })} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
