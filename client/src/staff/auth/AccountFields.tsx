/** Name, (e-mail,) password and its confirmation: the fields of setup and of accepting an invitation. */
import type { UseFormReturn } from 'react-hook-form';
import { useStaffText } from '../i18n';
import { Field } from '../ui/Field';

export interface AccountValues {
  email: string;
  displayName: string;
  password: string;
  confirm: string;
}

export function AccountFields({ form, withEmail }: { form: UseFormReturn<AccountValues>; withEmail?: boolean }) {
  const t = useStaffText();
  const {
    register,
    formState: { errors },
    getValues,
  } = form;
  return (
    <>
      {withEmail && (
        <Field id="email" label={t('common.emailAddress')} type="email" autoComplete="username" error={errors.email?.message} {...register('email', { required: t('accountFields.emailRequired') })} />
      )}
      <Field id="displayName" label={t('common.name')} autoComplete="name" error={errors.displayName?.message} {...register('displayName', { required: t('accountFields.nameRequired') })} />
      <Field
        id="password"
        label={t('common.password')}
        type="password"
        autoComplete="new-password"
        hint={t('accountFields.passwordHelp')}
        error={errors.password?.message}
        {...register('password', { minLength: { value: 12, message: t('accountFields.passwordTooShort') } })}
      />
      <Field
        id="confirm"
        label={t('accountFields.passwordAgain')}
        type="password"
        autoComplete="new-password"
        error={errors.confirm?.message}
        {...register('confirm', { validate: (v) => v === getValues('password') || t('accountFields.passwordMismatch') })}
      />
    </>
  );
}
