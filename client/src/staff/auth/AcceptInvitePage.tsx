/** Accepting an invitation (`/staff/invite#<token>`): shows what it is for, then name and password. */
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, staffApi } from '../api';
import { useSession } from '../session';
import { ROLE_LABELS, useStaffText } from '../i18n';
import type { Role, StaffSession } from '../types';
import { AccountFields, type AccountValues } from './AccountFields';
import { FormError } from '../ui/FormError';
import { useApiForm } from '../ui/useApiForm';

interface InviteInfo {
  email: string;
  role: Role;
  municipalityName: string | null;
  expiresAt: string;
}

export default function AcceptInvitePage() {
  const t = useStaffText();
  const navigate = useNavigate();
  const { session, update } = useSession();
  const api = useApiForm<AccountValues>();
  const token = window.location.hash.slice(1);
  const [info, setInfo] = useState<InviteInfo | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!session) return; // the CSRF token comes with the session
    staffApi<InviteInfo>('POST', '/invites/lookup', { token }).then(setInfo, (e: unknown) => setProblem(e instanceof ApiError ? e.message : String(e)));
  }, [session === null, token]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <main className="auth-page" aria-labelledby="invite-title">
      <h1 id="invite-title">{t('invite.title')}</h1>
      <FormError message={problem} />
      {info && (
        <>
          <dl className="facts">
            <dt>{t('common.email')}</dt>
            <dd>{info.email}</dd>
            <dt>{t('common.role')}</dt>
            <dd>
              {t(ROLE_LABELS[info.role]!)}
              {info.municipalityName ? `（${info.municipalityName}）` : ''}
            </dd>
          </dl>
          <form
            noValidate
            onSubmit={api.submit(async (v) => {
              update(await staffApi<StaffSession>('POST', '/invites/accept', { token, displayName: v.displayName, password: v.password }));
              await navigate('/staff/', { replace: true });
            })}
          >
            <FormError message={api.formError} />
            <AccountFields form={api.form} />
            <button type="submit" className="button button--primary">
              {t('invite.submit')}
            </button>
          </form>
        </>
      )}
    </main>
  );
}
