/**
 * ライフイベントガイド: the national guides (as they are, or adopted with the
 * municipality's changes, or hidden) and the municipality's own, with what
 * residents see now; each leads to the editor, national ones can be hidden.
 */
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api';
import { useSession } from '../../session';
import { useStaffText, type StaffT } from '../../i18n';
import { FormError } from '../../ui/FormError';
import { guidesApi, type GuideListEntry } from './guidesApi';
import { NewGuideForm } from './NewGuideForm';
import '../builder/builder.css';

function shownText(e: GuideListEntry, t: StaffT): string {
  if (!e.shown) return e.published ? t('guides.hiddenState') : t('guides.notPublished');
  return e.published ? t('guides.shownVersion', { version: e.published.version }) : t('guides.shownNational');
}

export default function GuidesPage() {
  const t = useStaffText();
  const { session, can } = useSession();
  const code = session?.municipality?.code;
  const [entries, setEntries] = useState<GuideListEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const load = useCallback(() => {
    if (code)
      guidesApi.list(code).then(
        (r) => setEntries(r.items),
        (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)),
      );
  }, [code]);
  useEffect(load, [load]);

  if (!code) {
    return (
      <section>
        <h1>{t('guides.title')}</h1>
        <p>{t('guides.onlyMunicipal')}</p>
      </section>
    );
  }
  const toggle = async (e: GuideListEntry) => {
    setBusy(e.id);
    setError(null);
    try {
      await guidesApi.setHidden(code, e.id, e.shown);
      load();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="catalog-page" aria-labelledby="guides-title">
      <h1 id="guides-title">{t('guides.title')}</h1>
      <p>{t('guides.lead')}</p>
      <FormError message={error} />
      {can('catalog.edit') && <NewGuideForm code={code} />}
      {!entries ? (
        <p>{t('common.loading')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('guides.colGuide')}</th>
              <th scope="col">{t('guides.colState')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <th scope="row">
                  {e.title}
                  <br />
                  <span className="field__hint">
                    {e.lifeEvent}・{t(`guides.source.${e.source}`)}・<code>{e.id}</code>
                  </span>
                </th>
                <td>
                  {shownText(e, t)}
                  {e.draft && <span className="badge">{t('guides.draftBadge')}</span>}
                </td>
                <td>
                  <div className="table__actions">
                    <Link className="button button--small" to={`/staff/guides/${encodeURIComponent(e.id)}`} aria-label={t('guides.editNamed', { title: e.title })}>
                      {t('guides.edit')}
                    </Link>
                    {e.source !== 'own' && can('catalog.publish') && !e.draft && (
                      <button
                        type="button"
                        className="button button--small"
                        disabled={busy === e.id}
                        onClick={() => void toggle(e)}
                        aria-label={t(e.shown ? 'guides.hideNamed' : 'guides.showNamed', { title: e.title })}
                      >
                        {t(e.shown ? 'guides.hide' : 'guides.show')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
