/** The correction messages so far, and earlier versions of the application (readable on demand). */
import { useState } from 'react';
import { loadRevision, type CorrectionView, type Lang } from './correctionApi';
import { dateTime, text } from './correctionText';

type Answers = Awaited<ReturnType<typeof loadRevision>>['answers'];

export function CorrectionHistory({ view, secret, language }: { view: CorrectionView; secret: string; language: Lang }) {
  const [open, setOpen] = useState<Record<number, Answers>>({});
  const toggle = async (n: number) => {
    if (open[n]) return setOpen(({ [n]: _gone, ...rest }) => rest);
    const r = await loadRevision(view.receiptNumber, secret, n, language);
    setOpen((o) => ({ ...o, [n]: r.answers }));
  };
  return (
    <>
      {view.messages.length > 0 && (
        <section className="correction__history" aria-labelledby="correction-history-title">
          <h3 id="correction-history-title">{text(language, 'history')}</h3>
          <ol className="correction__messages">
            {view.messages.map((m, i) => (
              <li key={i} className={`correction__message correction__message--${m.kind}`}>
                <p className="correction__meta">
                  {text(language, m.kind === 'correction-request' ? 'fromMunicipality' : 'fromYou')}・{dateTime(m.at, language)}
                </p>
                {m.body && <p className="correction__body">{m.body}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}
      {view.revisions.length > 0 && (
        <section aria-labelledby="correction-revisions-title">
          <h3 id="correction-revisions-title">{text(language, 'revisions')}</h3>
          <ul className="correction__revisions">
            {view.revisions.map((r) => (
              <li key={r.revision}>
                {text(language, 'revision', { n: r.revision, at: dateTime(r.createdAt, language) })}{' '}
                <button type="button" className="button button--tertiary" aria-expanded={!!open[r.revision]} onClick={() => void toggle(r.revision)}>
                  {text(language, open[r.revision] ? 'hide' : 'show')}
                </button>
                {open[r.revision] && (
                  <table className="correction__answers">
                    <caption className="visually-hidden">{text(language, 'revision', { n: r.revision, at: dateTime(r.createdAt, language) })}</caption>
                    <tbody>
                      {open[r.revision]!.map((a) =>
                        a.isGroup ? (
                          <tr key={a.pointer}>
                            <th colSpan={2} scope="colgroup" className="correction__answers-group">
                              {a.label}
                            </th>
                          </tr>
                        ) : (
                          <tr key={a.pointer}>
                            <th scope="row">{a.label}</th>
                            <td>{a.value}</td>
                          </tr>
                        ),
                      )}
                    </tbody>
                  </table>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
