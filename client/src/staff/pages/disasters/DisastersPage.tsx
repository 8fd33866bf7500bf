/**
 * 災害対応: the municipality's disasters (open or closed, declared when and
 * by whom), each leading to its triage and lent-staff pages. Admins with
 * disaster.manage declare, change and close them; other staff read the list.
 */
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Disaster } from '@madoguchi/shared';
import { warekiOf } from './disasterForm';
import { ApiError } from '../../api';
import { useSession } from '../../session';
import { useStaffText } from '../../i18n';
import { FormError } from '../../ui/FormError';
import { useConfirm } from '../../ui/ConfirmDialog';
import { DisasterForm } from './DisasterForm';
import { disastersApi } from './disastersApi';
import '../builder/builder.css';
import './disasters.css';

const at = (iso: string) => new Date(iso).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' });

export default function DisastersPage() {
  const t = useStaffText();
  const { session, can } = useSession();
  const code = session?.municipality?.code;
  const manage = can('disaster.manage');
  const [items, setItems] = useState<Disaster[] | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<Disaster | null>(null);
  const [confirmDialog, confirm] = useConfirm();
  const failed = (e: unknown) => setError(e instanceof ApiError ? e.message : String(e));

  const load = useCallback(() => {
    if (code) disastersApi.list(code).then((r) => setItems(r.items), failed);
  }, [code]);
  useEffect(load, [load]);
  useEffect(() => {
    // Who declared: names for those who may read the accounts; others see the account id.
    if (code && can('users.read'))
      disastersApi.users(code).then(
        (r) => setNames(Object.fromEntries(r.items.map((u) => [u.id, u.displayName]))),
        () => undefined,
      );
  }, [code]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!code) {
    return (
      <section>
        <h1>{t('nav.disasters')}</h1>
        <p>{t('disasters.onlyMunicipal')}</p>
      </section>
    );
  }
  const saved = (kind: 'declaredNotice' | 'amendedNotice') => (d: Disaster) => {
    setError(null);
    setEditing(null);
    setNotice(t(`disasters.${kind}`, { name: d.name }));
    load();
  };
  const close = async (d: Disaster) => {
    const ok = await confirm({ title: t('disasters.closeTitle', { name: d.name }), body: <p>{t('disasters.closeBody')}</p>, action: t('disasters.close'), cancel: t('disasters.cancel') });
    if (!ok) return;
    setError(null);
    try {
      await disastersApi.close(code, d.id);
      setNotice(t('disasters.closedNotice', { name: d.name }));
      if (editing?.id === d.id) setEditing(null);
      load();
    } catch (e) {
      failed(e);
    }
  };

  return (
    <section className="catalog-page" aria-labelledby="disasters-title">
      <h1 id="disasters-title">{t('nav.disasters')}</h1>
      <p>{t('disasters.lead')}</p>
      {!manage && <p className="notice">{t('disasters.readOnly')}</p>}
      <FormError message={error} />
      <p role="status" className="notice" hidden={!notice}>
        {notice}
      </p>
      {!items ? (
        <p>{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p>{t('disasters.none')}</p>
      ) : (
        <table className="table disaster-table">
          <thead>
            <tr>
              <th scope="col">{t('disasters.colDisaster')}</th>
              <th scope="col">{t('disasters.colState')}</th>
              <th scope="col">{t('disasters.colDeclared')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  {d.name}
                  <br />
                  <span className="field__hint">
                    {warekiOf(d.occurredOn)}・{d.kind}
                  </span>
                </th>
                <td>{d.status === 'open' ? t('disasters.open') : t('disasters.closedAt', { at: at(d.closedAt ?? d.updatedAt) })}</td>
                <td>{t('disasters.declaredRow', { at: at(d.declaredAt), by: names[d.declaredBy] ?? d.declaredBy })}</td>
                <td className="table__actions">
                  <Link to={`/staff/disasters/${encodeURIComponent(d.id)}/triage`}>{t('disasters.triage')}</Link>{' '}
                  <Link to={`/staff/disasters/${encodeURIComponent(d.id)}/grants`}>{t('disasters.grants')}</Link>
                  {manage && d.status === 'open' && (
                    <>
                      {' '}
                      <button type="button" className="button button--small" onClick={() => setEditing(d)} aria-label={`${t('disasters.amend')}：${d.name}`}>
                        {t('disasters.amend')}
                      </button>{' '}
                      <button type="button" className="button button--small button--danger" onClick={() => void close(d)} aria-label={`${t('disasters.close')}：${d.name}`}>
                        {t('disasters.close')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {manage &&
        (editing ? (
          <DisasterForm key={editing.id} code={code} editing={editing} onSaved={saved('amendedNotice')} onCancel={() => setEditing(null)} />
        ) : (
          <DisasterForm key="new" code={code} editing={null} onSaved={saved('declaredNotice')} />
        ))}
      {confirmDialog}
    </section>
  );
}
