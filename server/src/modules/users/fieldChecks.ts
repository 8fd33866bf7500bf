/** Field checks for account forms, reported like form errors (422 with per-field messages). */
import type { FieldError, Language } from '@madoguchi/shared';
import { ValidationError } from '../../errors';
import { authText, type AuthMessageKey } from '../../auth/messages';
import { passwordProblem } from '../../auth/passwords';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const LABELS: Record<string, { ja: string; en: string }> = {
  email: { ja: 'メールアドレス', en: 'E-mail address' },
  displayName: { ja: '氏名', en: 'Name' },
  password: { ja: 'パスワード', en: 'Password' },
  newPassword: { ja: '新しいパスワード', en: 'New password' },
  role: { ja: '役割', en: 'Role' },
  municipalityCode: { ja: '自治体', en: 'Municipality' },
};

/** Collects field problems, then throws them together. */
export class FieldChecks {
  private readonly errors: FieldError[] = [];
  constructor(private readonly lang: Language) {}

  add(field: string, key: AuthMessageKey): this {
    const message = authText(this.lang, key);
    this.errors.push({ pointer: `/${field}`, property: `.${field}`, label: LABELS[field]?.[this.lang] ?? field, keyword: key, message });
    return this;
  }

  email(field: string, value: unknown): string {
    const v = typeof value === 'string' ? value.trim() : '';
    if (!EMAIL.test(v) || v.length > 254) this.add(field, 'emailInvalid');
    return v;
  }

  displayName(field: string, value: unknown): string {
    const v = typeof value === 'string' ? value.trim() : '';
    if (v === '' || v.length > 100) this.add(field, 'displayNameRequired');
    return v;
  }

  password(field: string, value: unknown, email: string): string {
    const problem = passwordProblem(value, email);
    if (problem) this.add(field, problem);
    return typeof value === 'string' ? value : '';
  }

  /** Throws 422 with every problem found so far. */
  done(): void {
    if (this.errors.length) throw new ValidationError(this.errors[0]!.message, this.errors);
  }
}
