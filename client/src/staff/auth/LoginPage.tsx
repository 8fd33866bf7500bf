/** Sign-in: e-mail and password, then a TOTP code when the account has one; or the external ID provider. */
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { staffApi } from '../api';
import { useSession } from '../session';
import { OIDC_ERRORS, useStaffText } from '../i18n';
import type { StaffSession } from '../types';
import { Field } from '../ui/Field';
import { FormError } from '../ui/FormError';
import { useApiForm } from '../ui/useApiForm';

export default function LoginPage() {
  const t = useStaffText();
  const { session, update } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [step, setStep] = useState<'password' | 'totp'>(session?.pendingTotp ? 'totp' : 'password');
  const password = useApiForm<{ email: string; password: string }>();
  const totp = useApiForm<{ code: string }>();
  const oidcError = params.get('error');

  const done = (next: StaffSession) => {
    update(next);
    if (next.status === 'totp_required') setStep('totp');
    else void navigate('/staff/', { replace: true });
  };

  return (
    <main className="auth-page" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      {session?.expired && <p className="notice">{t('login.signedOutIdle')}</p>}
      {session?.setupRequired && <p className="notice">{t('login.noAdministratorYet')}</p>}
      {oidcError && <FormError message={t(OIDC_ERRORS[oidcError] ?? OIDC_ERRORS.oidc_failed!)} />}

      {step === 'password' ? (
        <form noValidate onSubmit={password.submit(async (v) => done(await staffApi<StaffSession>('POST', '/login', v)))}>
          <FormError message={password.formError} />
          <Field
            id="email"
            label={t('common.emailAddress')}
            type="email"
            autoComplete="username"
            required
            error={password.form.formState.errors.email?.message}
            {...password.form.register('email', { required: true })}
          />
          <Field
            id="password"
            label={t('common.password')}
            type="password"
            autoComplete="current-password"
            required
            error={password.form.formState.errors.password?.message}
            {...password.form.register('password', { required: true })}
          />
          <button type="submit" className="button button--primary" disabled={password.form.formState.isSubmitting}>
            {t('login.submit')}
          </button>
        </form>
      ) : (
        <form noValidate onSubmit={totp.submit(async (v) => done(await staffApi<StaffSession>('POST', '/login/totp', v)))}>
          <FormError message={totp.formError} />
          <Field
            id="code"
            label={t('login.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            autoFocus
            hint={t('login.codeHelp')}
            error={totp.form.formState.errors.code?.message}
            {...totp.form.register('code', { required: true })}
          />
          <button type="submit" className="button button--primary">
            {t('login.verify')}
          </button>
        </form>
      )}

      {session?.oidc && step === 'password' && (
        <p className="auth-page__alt">
          <a className="button" href={session.oidc.loginUrl}>
            {session.oidc.label}
          </a>
        </p>
      )}
    </main>
  );
}
