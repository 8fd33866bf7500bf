/** Accounts of a municipality (or the platform): list, invite, disable, reset the second factor. */
import { useCallback, useEffect, useState } from 'react';
import { staffApi } from '../api';
import { useSession } from '../session';
import { ROLE_LABELS, useT } from '../i18n';
import type { Invite, Role, StaffUser } from '../types';
import { MunicipalityPicker } from '../ui/MunicipalityPicker';
import { InviteForm } from './InviteForm';

export default function UsersPage() {
  const t = useT();
  const { session } = useSession();
  const me = session!.user!;
  const isPlatform = me.role === 'platform-admin';
  // Platform admins look at platform accounts ('') or a chosen municipality; municipal admins at their own.
  const [code, setCode] = useState(isPlatform ? '' : me.municipalityCode!);
  const [data, setData] = useState<{ items: StaffUser[]; invites: Invite[] } | null>(null);
  const load = useCallback(async () => {
    setData(await staffApi('GET', code ? `/municipalities/${code}/users` : '/platform/users'));
  }, [code]);
  useEffect(() => {
    void load();
  }, [load]);

  const change = async (user: StaffUser, patch: object) => {
    await staffApi('PATCH', `/users/${user.id}`, patch);
    await load();
  };
  const roles: Role[] = code ? ['staff', 'municipal-admin'] : ['platform-admin'];

  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">{t({ ja: '職員アカウント', en: 'Staff accounts' })}</h1>
      {isPlatform && (
        <div className="toolbar">
          <MunicipalityPicker value={code} onChange={setCode} />
          {code && (
            <button type="button" className="button button--small" onClick={() => setCode('')}>
              {t({ ja: 'プラットフォーム管理者を表示', en: 'Show platform admins' })}
            </button>
          )}
        </div>
      )}
      <table className="table">
        <caption>{code ? t({ ja: `自治体 ${code} のアカウント`, en: `Accounts of ${code}` }) : t({ ja: 'プラットフォーム管理者', en: 'Platform administrators' })}</caption>
        <thead>
          <tr>
            <th scope="col">{t({ ja: '氏名', en: 'Name' })}</th>
            <th scope="col">{t({ ja: 'メールアドレス', en: 'E-mail' })}</th>
            <th scope="col">{t({ ja: '役割', en: 'Role' })}</th>
            <th scope="col">{t({ ja: '状態', en: 'Status' })}</th>
            <th scope="col">{t({ ja: '操作', en: 'Actions' })}</th>
          </tr>
        </thead>
        <tbody>
          {data?.items.map((u) => (
            <tr key={u.id}>
              <td>{u.displayName}</td>
              <td>{u.email}</td>
              <td>{t(ROLE_LABELS[u.role]!)}</td>
              <td>
                {u.disabled ? t({ ja: '無効', en: 'Disabled' }) : u.lockedUntil ? t({ ja: 'ロック中', en: 'Locked' }) : t({ ja: '有効', en: 'Active' })}
                {u.totpEnabled ? ` ・ ${t({ ja: '2段階認証', en: '2-step' })}` : ''}
              </td>
              <td className="table__actions">
                {u.id !== me.id && (
                  <button type="button" className="button button--small" onClick={() => void change(u, { disabled: !u.disabled })}>
                    {u.disabled ? t({ ja: '有効にする', en: 'Enable' }) : t({ ja: '無効にする', en: 'Disable' })}
                  </button>
                )}
                {u.totpEnabled && u.id !== me.id && (
                  <button type="button" className="button button--small" onClick={() => void staffApi('POST', `/users/${u.id}/reset-totp`).then(load)}>
                    {t({ ja: '2段階認証をリセット', en: 'Reset 2-step' })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!!data?.invites.length && (
        <>
          <h2>{t({ ja: '招待中', en: 'Pending invitations' })}</h2>
          <ul className="plain-list">
            {data.invites.map((i) => (
              <li key={i.id}>
                {i.email}（{t(ROLE_LABELS[i.role]!)}）{t({ ja: ' 有効期限 ', en: ' expires ' })}
                {new Date(i.expiresAt).toLocaleString()}{' '}
                <button type="button" className="button button--small" onClick={() => void staffApi('DELETE', `/invites/${i.id}`).then(load)}>
                  {t({ ja: '取り消す', en: 'Revoke' })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {(isPlatform || code) && <InviteForm municipalityCode={code || null} roles={roles} onInvited={load} />}
    </section>
  );
}
