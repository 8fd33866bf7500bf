/**
 * A console page opened by its address by an account whose role may not use
 * it: a clear page instead of a form whose every action the server refuses.
 * The permission names are the server's (session.permissions, from the same
 * policy that checks every API call).
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession } from '../session';
import { useStaffText } from '../i18n';
import type { Action } from '../types';

export function RequirePermission({ permission, children }: { permission?: Action; children: ReactNode }) {
  const t = useStaffText();
  const { can } = useSession();
  if (!permission || can(permission)) return <>{children}</>;
  return (
    <section aria-labelledby="not-allowed-title">
      <h1 id="not-allowed-title">{t('permission.title')}</h1>
      <p>{t('permission.lead')}</p>
      <p>
        <Link to="/staff/">{t('permission.backToStart')}</Link>
      </p>
    </section>
  );
}
