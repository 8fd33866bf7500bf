/** Invite someone by e-mail; without SMTP the one-time link is shown here to pass on. */
import { useState } from 'react';
import { staffApi } from '../api';
import { ROLE_LABELS, useT } from '../i18n';
import type { Invite, Role } from '../types';
import { Field } from '../ui/Field';
import { FormError } from '../ui/FormError';
import { useApiForm } from '../ui/useApiForm';

export function InviteForm({ municipalityCode, roles, onInvited }: { municipalityCode: string | null; roles: Role[]; onInvited: () => Promise<void> }) {
  const t = useT();
  const api = useApiForm<{ email: string; role: Role }>();
  const [result, setResult] = useState<{ delivery: 'email' | 'link'; link?: string; invite: Invite } | null>(null);
  const {
    register,
    formState: { errors },
  } = api.form;

  return (
    <form
      className="panel"
      noValidate
      aria-labelledby="invite-title"
      onSubmit={api.submit(async (v) => {
        setResult(await staffApi('POST', '/invites', { email: v.email, role: v.role, municipalityCode }));
        api.form.reset();
        await onInvited();
      })}
    >
      <h2 id="invite-title">{t({ ja: 'アカウントに招待する', en: 'Invite someone' })}</h2>
      <FormError message={api.formError} />
      <Field id="invite-email" label={t({ ja: 'メールアドレス', en: 'E-mail address' })} type="email" error={errors.email?.message} {...register('email', { required: true })} />
      <div className="field">
        <label htmlFor="invite-role">{t({ ja: '役割', en: 'Role' })}</label>
        <select id="invite-role" {...register('role')} defaultValue={roles[0]}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(ROLE_LABELS[r]!)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--primary">
        {t({ ja: '招待する', en: 'Invite' })}
      </button>
      {result && (
        <div className="notice" role="status">
          {result.delivery === 'email' ? (
            <p>{t({ ja: `${result.invite.email} に招待メールを送りました。`, en: `Invitation sent to ${result.invite.email}.` })}</p>
          ) : (
            <>
              <p>
                {t({ ja: 'メールは設定されていません。次の招待リンクを本人に伝えてください（一度だけ表示されます）。', en: 'E-mail is not set up. Pass this invitation link on (shown only once).' })}
              </p>
              <label htmlFor="invite-link">{t({ ja: '招待リンク', en: 'Invitation link' })}</label>
              <input id="invite-link" className="link-box" readOnly value={result.link} onFocus={(e) => e.target.select()} />
            </>
          )}
        </div>
      )}
    </form>
  );
}
