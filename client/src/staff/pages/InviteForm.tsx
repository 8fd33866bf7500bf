/** Invite someone by e-mail; without SMTP the one-time link is shown here to pass on. */
import { useState } from 'react';
import { staffApi } from '../api';
import { ROLE_LABELS, useStaffText } from '../i18n';
import type { Invite, Role } from '../types';
import { Field } from '../ui/Field';
import { FormError } from '../ui/FormError';
import { useApiForm } from '../ui/useApiForm';

export function InviteForm({ municipalityCode, roles, onInvited }: { municipalityCode: string | null; roles: Role[]; onInvited: () => Promise<void> }) {
  const t = useStaffText();
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
      <h2 id="invite-title">{t('users.invite.title')}</h2>
      <FormError message={api.formError} />
      <Field id="invite-email" label={t('common.emailAddress')} type="email" error={errors.email?.message} {...register('email', { required: true })} />
      <div className="field">
        <label htmlFor="invite-role">{t('common.role')}</label>
        <select id="invite-role" {...register('role')} defaultValue={roles[0]}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(ROLE_LABELS[r]!)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--primary">
        {t('users.invite.invite')}
      </button>
      {result && (
        <div className="notice" role="status">
          {result.delivery === 'email' ? (
            <p>{t('users.invite.invitationSent', { email: result.invite.email })}</p>
          ) : (
            <>
              <p>{t('users.invite.noMail')}</p>
              <label htmlFor="invite-link">{t('users.invite.invitationLink')}</label>
              <input id="invite-link" className="link-box" readOnly value={result.link} onFocus={(e) => e.target.select()} />
            </>
          )}
        </div>
      )}
    </form>
  );
}
