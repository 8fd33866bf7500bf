/** Name, (e-mail,) password and its confirmation: the fields of setup and of accepting an invitation. */
import type { UseFormReturn } from 'react-hook-form';
import { useT } from '../i18n';
import { Field } from '../ui/Field';

export interface AccountValues {
  email: string;
  displayName: string;
  password: string;
  confirm: string;
}

export function AccountFields({ form, withEmail }: { form: UseFormReturn<AccountValues>; withEmail?: boolean }) {
  const t = useT();
  const {
    register,
    formState: { errors },
    getValues,
  } = form;
  return (
    <>
      {withEmail && (
        <Field
          id="email"
          label={t({ ja: 'メールアドレス', en: 'E-mail address' })}
          type="email"
          autoComplete="username"
          error={errors.email?.message}
          {...register('email', { required: t({ ja: 'メールアドレスを入力してください。', en: 'Enter an e-mail address.' }) })}
        />
      )}
      <Field
        id="displayName"
        label={t({ ja: '氏名', en: 'Name' })}
        autoComplete="name"
        error={errors.displayName?.message}
        {...register('displayName', { required: t({ ja: '氏名を入力してください。', en: 'Enter a name.' }) })}
      />
      <Field
        id="password"
        label={t({ ja: 'パスワード', en: 'Password' })}
        type="password"
        autoComplete="new-password"
        hint={t({ ja: '12文字以上。長い文章のようなものがおすすめです。', en: 'At least 12 characters; a long phrase works well.' })}
        error={errors.password?.message}
        {...register('password', { minLength: { value: 12, message: t({ ja: 'パスワードは12文字以上にしてください。', en: 'Use at least 12 characters.' }) } })}
      />
      <Field
        id="confirm"
        label={t({ ja: 'パスワード（確認）', en: 'Password again' })}
        type="password"
        autoComplete="new-password"
        error={errors.confirm?.message}
        {...register('confirm', { validate: (v) => v === getValues('password') || t({ ja: 'パスワードが一致しません。', en: 'The passwords do not match.' }) })}
      />
    </>
  );
}
