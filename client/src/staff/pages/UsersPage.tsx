/** Accounts of a municipality (or the platform): list, invite, disable, reset the second factor. */
import { useCallback, useEffect, useState } from 'react';
import { staffApi } from '../api';
import { useSession } from '../session';
import { ROLE_LABELS, useStaffText } from '../i18n';
import type { Invite, Role, StaffUser } from '../types';
import { MunicipalityPicker } from '../ui/MunicipalityPicker';
import { InviteForm } from './InviteForm';

export default function UsersPage() {
  const t = useStaffText();
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
      <h1 id="users-title">{t('users.staffAccounts')}</h1>
      {isPlatform && (
        <div className="toolbar">
          <MunicipalityPicker value={code} onChange={setCode} />
          {code && (
            <button type="button" className="button button--small" onClick={() => setCode('')}>
              {t('users.showPlatformAdmins')}
            </button>
          )}
        </div>
      )}
      <table className="table">
        <caption>{code ? t('users.accounts', { code }) : t('users.platformAdministrators')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('common.name')}</th>
            <th scope="col">{t('common.email')}</th>
            <th scope="col">{t('common.role')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {data?.items.map((u) => (
            <tr key={u.id}>
              <td>{u.displayName}</td>
              <td>{u.email}</td>
              <td>{t(ROLE_LABELS[u.role]!)}</td>
              <td>
                {u.disabled ? t('users.disabled') : u.lockedUntil ? t('users.locked') : t('users.active')}
                {u.totpEnabled ? ` ・ ${t('users.twoStep')}` : ''}
              </td>
              <td className="table__actions">
                {u.id !== me.id && (
                  <button type="button" className="button button--small" onClick={() => void change(u, { disabled: !u.disabled })}>
                    {u.disabled ? t('users.enable') : t('users.disable')}
                  </button>
                )}
                {u.totpEnabled && u.id !== me.id && (
                  <button type="button" className="button button--small" onClick={() => void staffApi('POST', `/users/${u.id}/reset-totp`).then(load)}>
                    {t('users.resetTwoStep')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!!data?.invites.length && (
        <>
          <h2>{t('users.pendingInvitations')}</h2>
          <ul className="plain-list">
            {data.invites.map((i) => (
              <li key={i.id}>
                {i.email}（{t(ROLE_LABELS[i.role]!)}）{t('users.expires')}
                {new Date(i.expiresAt).toLocaleString()}{' '}
                <button type="button" className="button button--small" onClick={() => void staffApi('DELETE', `/invites/${i.id}`).then(load)}>
                  {t('users.revoke')}
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
