/**
 * A console page opened by its address by an account whose role may not use
 * it: a clear page instead of a form whose every action the server refuses.
 * The permission names are the server's (session.permissions, from the same
 * policy that checks every API call).
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession } from '../session';
import { useT } from '../i18n';
import type { Action } from '../types';

export function RequirePermission({ permission, children }: { permission?: Action; children: ReactNode }) {
  const t = useT();
  const { can } = useSession();
  if (!permission || can(permission)) return <>{children}</>;
  return (
    <section aria-labelledby="not-allowed-title">
      <h1 id="not-allowed-title">{t({ ja: 'この画面を使う権限がありません', en: 'You are not allowed to use this page' })}</h1>
      <p>
        {t({
          ja: 'この画面の操作は、あなたの役割（権限）では行えません。必要な場合は、自治体の管理者に依頼してください。',
          en: 'Your role does not allow the actions on this page. Ask an administrator of your municipality if you need them.',
        })}
      </p>
      <p>
        <Link to="/staff/">{t({ ja: 'トップへ戻る', en: 'Back to the start' })}</Link>
      </p>
    </section>
  );
}
