/**
 * What changed in one revision against the one before: each changed answer with
 * its old and new value, answers added or removed, files added or removed.
 * A sensitive answer says only that it changed (the server never sends its value).
 */
import { useStaffText, type StaffMessageKey } from '../../i18n';
import type { RevisionDiffView } from './revisionDiffApi';

const KIND: Record<'changed' | 'added' | 'removed', StaffMessageKey> = {
  changed: 'inbox.revisionDiff.changed',
  added: 'inbox.revisionDiff.added',
  removed: 'inbox.revisionDiff.removed',
};

export function RevisionChanges({ diff }: { diff: RevisionDiffView }) {
  const t = useStaffText();
  const empty = diff.answers.length === 0 && diff.files.length === 0;
  return (
    <div className="revision-diff" aria-label={t('inbox.revisionDiff.title', { revision: diff.revision, previous: diff.previous })} role="group">
      <p className="revision-diff__title">{t('inbox.revisionDiff.title', { revision: diff.revision, previous: diff.previous })}</p>
      {empty && <p className="muted">{t('inbox.revisionDiff.none')}</p>}
      {diff.answers.length > 0 && (
        <ul className="revision-diff__list">
          {diff.answers.map((a) => (
            <li key={a.pointer} className={`revision-diff__item revision-diff__item--${a.change}`}>
              <span className={`tag revision-diff__kind revision-diff__kind--${a.change}`}>{t(KIND[a.change])}</span> <strong>{a.label}</strong>
              {a.sensitive ? (
                <p className="muted">{t('inbox.revisionDiff.sensitive')}</p>
              ) : (
                <dl className="revision-diff__values">
                  {a.before !== null && (
                    <>
                      <dt>{t('inbox.revisionDiff.before')}</dt>
                      <dd>
                        <del>{a.before}</del>
                      </dd>
                    </>
                  )}
                  {a.after !== null && (
                    <>
                      <dt>{t('inbox.revisionDiff.after')}</dt>
                      <dd>
                        <ins>{a.after}</ins>
                      </dd>
                    </>
                  )}
                </dl>
              )}
            </li>
          ))}
        </ul>
      )}
      {diff.files.length > 0 && (
        <>
          <p className="revision-diff__subtitle">{t('inbox.revisionDiff.files')}</p>
          <ul className="revision-diff__list">
            {diff.files.map((f) => (
              <li key={`${f.change}-${f.fileId}`} className={`revision-diff__item revision-diff__item--${f.change}`}>
                <span className={`tag revision-diff__kind revision-diff__kind--${f.change}`}>{t(f.change === 'added' ? 'inbox.revisionDiff.fileAdded' : 'inbox.revisionDiff.fileRemoved')}</span>{' '}
                {f.label}：{f.change === 'removed' ? <del>{f.fileName}</del> : <ins>{f.fileName}</ins>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
