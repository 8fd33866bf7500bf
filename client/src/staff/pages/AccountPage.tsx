/** My account: two-step verification (TOTP), password, recent sign-ins. */
import { useEffect, useState } from 'react';
import { staffApi } from '../api';
import { useSession } from '../session';
import { useT } from '../i18n';
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
  const t = useT();
  const { session, refresh } = useSession();
  const [enrolment, setEnrolment] = useState<{ secret: string; uri: string; qrCode: string } | null>(null);
  const api = useApiForm<{ code: string }>();
  if (session!.user!.totpEnabled) return <p>{t({ ja: '2段階認証は有効です。', en: 'Two-step verification is on.' })}</p>;
  if (!enrolment) {
    return (
      <button type="button" className="button button--primary" onClick={() => void staffApi<{ secret: string; uri: string; qrCode: string }>('POST', '/me/totp').then(setEnrolment)}>
        {t({ ja: '認証アプリを登録する', en: 'Register an authenticator app' })}
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
      <p>
        {t({
          ja: '認証アプリ（Google Authenticator、Microsoft Authenticator など）で次のQRコードを読み取るか、キーを入力してください。どちらも今だけ表示されます。',
          en: 'Scan this QR code with your authenticator app, or type the key. Both are shown only now.',
        })}
      </p>
      <img
        className="totp-qr"
        src={enrolment.qrCode}
        width={240}
        height={240}
        alt={t({
          ja: '認証アプリで読み取るQRコード（読み取れない場合は下のセットアップキーを入力してください）',
          en: 'QR code for your authenticator app (if it cannot be scanned, type the setup key below)',
        })}
      />
      <label htmlFor="totp-secret">{t({ ja: 'セットアップキー', en: 'Setup key' })}</label>
      <input id="totp-secret" className="link-box" readOnly value={enrolment.secret} />
      <p className="field__hint">
        <a href={enrolment.uri}>{t({ ja: 'この端末の認証アプリで開く', en: 'Open in an authenticator app on this device' })}</a>
      </p>
      <FormError message={api.formError} />
      <Field
        id="totp-code"
        label={t({ ja: 'アプリに表示された6桁のコード', en: 'The 6-digit code from the app' })}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        error={api.form.formState.errors.code?.message}
        {...api.form.register('code', { required: true })}
      />
      <button type="submit" className="button button--primary">
        {t({ ja: '登録を完了する', en: 'Finish' })}
      </button>
    </form>
  );
}

function PasswordSection() {
  const t = useT();
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
          {t({ ja: 'パスワードを変更しました。', en: 'Password changed.' })}
        </p>
      )}
      <Field
        id="current-password"
        label={t({ ja: '現在のパスワード', en: 'Current password' })}
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        {...register('currentPassword')}
      />
      <Field
        id="new-password"
        label={t({ ja: '新しいパスワード（12文字以上）', en: 'New password (12+ characters)' })}
        type="password"
        autoComplete="new-password"
        error={errors.newPassword?.message}
        {...register('newPassword')}
      />
      <button type="submit" className="button">
        {t({ ja: 'パスワードを変更', en: 'Change password' })}
      </button>
    </form>
  );
}

const ACTION_LABELS: Record<string, { ja: string; en: string }> = {
  'auth.sign_in': { ja: 'ログイン', en: 'Signed in' },
  'auth.sign_in_failed': { ja: 'ログイン失敗', en: 'Failed sign-in' },
  'auth.lockout': { ja: 'ロック', en: 'Locked' },
};

export default function AccountPage() {
  const t = useT();
  const [signIns, setSignIns] = useState<SignIn[]>([]);
  useEffect(() => {
    void staffApi<{ items: SignIn[] }>('GET', '/me/sign-ins').then((r) => setSignIns(r.items));
  }, []);
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">{t({ ja: 'アカウント', en: 'My account' })}</h1>
      <h2>{t({ ja: '2段階認証', en: 'Two-step verification' })}</h2>
      <TotpSection />
      <h2>{t({ ja: 'パスワード', en: 'Password' })}</h2>
      <PasswordSection />
      <h2>{t({ ja: '最近のログイン', en: 'Recent sign-ins' })}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t({ ja: '日時', en: 'When' })}</th>
            <th scope="col">{t({ ja: '結果', en: 'Result' })}</th>
            <th scope="col">IP</th>
            <th scope="col">{t({ ja: 'ブラウザ', en: 'Browser' })}</th>
          </tr>
        </thead>
        <tbody>
          {signIns.map((s) => (
            <tr key={s.at + s.action}>
              <td>{new Date(s.at).toLocaleString()}</td>
              <td>
                {t(ACTION_LABELS[s.action] ?? { ja: s.action, en: s.action })}
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
