/** The first platform admin's account, from the one-time link printed at first start (`/staff/setup#<token>`). */
import { useNavigate } from 'react-router';
import { staffApi } from '../api';
import { useSession } from '../session';
import { useStaffText } from '../i18n';
import type { StaffSession } from '../types';
import { AccountFields, type AccountValues } from './AccountFields';
import { FormError } from '../ui/FormError';
import { useApiForm } from '../ui/useApiForm';

export default function SetupPage() {
  const t = useStaffText();
  const navigate = useNavigate();
  const { update } = useSession();
  const api = useApiForm<AccountValues>();
  // The token is in the fragment, which browsers never send to the server.
  const token = window.location.hash.slice(1);

  return (
    <main className="auth-page" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      <p>{t('setup.lead')}</p>
      <form
        noValidate
        onSubmit={api.submit(async (v) => {
          const next = await staffApi<StaffSession>('POST', '/setup', { token, email: v.email, displayName: v.displayName, password: v.password });
          update(next);
          await navigate('/staff/', { replace: true });
        })}
      >
        <FormError message={api.formError} />
        <AccountFields form={api.form} withEmail />
        <button type="submit" className="button button--primary">
          {t('setup.submit')}
        </button>
      </form>
    </main>
  );
}
