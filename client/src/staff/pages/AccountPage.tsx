/** My account: two-step verification (TOTP), password, recent sign-ins. */
import { useEffect, useState } from 'react';
import { staffApi } from '../api';
import { useSession } from '../session';
import { useStaffText, type StaffMessageKey } from '../i18n';
import { Field } from '../ui/Field';
import { FormError } from '../ui/FormError';
import { useApiForm } from '../ui/useApiForm';

interface SignIn {
  at: string;
  action: string;
  method?: string;
  ip: string;
  userAgent: string;
}

function TotpSection() {
  const t = useStaffText();
  const { session, refresh } = useSession();
  const [enrolment, setEnrolment] = useState<{ secret: string; uri: string; qrCode: string } | null>(null);
  const api = useApiForm<{ code: string }>();
  if (session!.user!.totpEnabled) return <p>{t('account.twoStep.on')}</p>;
  if (!enrolment) {
    return (
      <button type="button" className="button button--primary" onClick={() => void staffApi<{ secret: string; uri: string; qrCode: string }>('POST', '/me/totp').then(setEnrolment)}>
        {t('common.registerAuthenticatorApp')}
      </button>
    );
  }
  return (
    <form
      noValidate
      onSubmit={api.submit(async (v) => {
        await staffApi('POST', '/me/totp/confirm', v);
        setEnrolment(null);
        await refresh();
      })}
    >
      <p>{t('account.twoStep.scanLead')}</p>
      <img className="totp-qr" src={enrolment.qrCode} width={240} height={240} alt={t('account.twoStep.qrAlt')} />
      <label htmlFor="totp-secret">{t('account.twoStep.setupKey')}</label>
      <input id="totp-secret" className="link-box" readOnly value={enrolment.secret} />
      <p className="field__hint">
        <a href={enrolment.uri}>{t('account.twoStep.openApp')}</a>
      </p>
      <FormError message={api.formError} />
      <Field
        id="totp-code"
        label={t('account.twoStep.code')}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        error={api.form.formState.errors.code?.message}
        {...api.form.register('code', { required: true })}
      />
      <button type="submit" className="button button--primary">
        {t('account.twoStep.finish')}
      </button>
    </form>
  );
}

function PasswordSection() {
  const t = useStaffText();
  const api = useApiForm<{ currentPassword: string; newPassword: string }>();
  const [done, setDone] = useState(false);
  const {
    register,
    formState: { errors },
  } = api.form;
  return (
    <form
      noValidate
      onSubmit={api.submit(async (v) => {
        await staffApi('POST', '/me/password', v);
        api.form.reset();
        setDone(true);
      })}
    >
      <FormError message={api.formError} />
      {done && (
        <p className="notice" role="status">
          {t('account.passwordChanged')}
        </p>
      )}
      <Field id="current-password" label={t('account.currentPassword')} type="password" autoComplete="current-password" error={errors.currentPassword?.message} {...register('currentPassword')} />
      <Field id="new-password" label={t('account.newPassword')} type="password" autoComplete="new-password" error={errors.newPassword?.message} {...register('newPassword')} />
      <button type="submit" className="button">
        {t('account.changePassword')}
      </button>
    </form>
  );
}

const ACTION_LABELS: Record<string, StaffMessageKey> = {
  'auth.sign_in': 'account.action.signIn',
  'auth.sign_in_failed': 'account.action.signInFailed',
  'auth.lockout': 'account.action.lockout',
};

export default function AccountPage() {
  const t = useStaffText();
  const [signIns, setSignIns] = useState<SignIn[]>([]);
  useEffect(() => {
    void staffApi<{ items: SignIn[] }>('GET', '/me/sign-ins').then((r) => setSignIns(r.items));
  }, []);
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">{t('common.myAccount')}</h1>
      <h2>{t('account.twoStep.title')}</h2>
      <TotpSection />
      <h2>{t('common.password')}</h2>
      <PasswordSection />
      <h2>{t('account.recentSignIns')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('account.when')}</th>
            <th scope="col">{t('common.result')}</th>
            <th scope="col">IP</th>
            <th scope="col">{t('account.browser')}</th>
          </tr>
        </thead>
        <tbody>
          {signIns.map((s) => (
            <tr key={s.at + s.action}>
              <td>{new Date(s.at).toLocaleString()}</td>
              <td>
                {ACTION_LABELS[s.action] ? t(ACTION_LABELS[s.action]!) : s.action}
                {s.method ? `（${s.method}）` : ''}
              </td>
              <td>{s.ip}</td>
              <td className="table__ua">{s.userAgent}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
