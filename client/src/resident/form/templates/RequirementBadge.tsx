/** 「必須」/「任意」 next to a question, so nobody has to guess from an asterisk. */
import { useLanguage } from '../../../common/i18n/LanguageContext';

export function RequirementBadge({ required }: { required: boolean | undefined }) {
  const { t } = useLanguage();
  return required ? <span className="badge badge--required">{t('form.required')}</span> : <span className="badge badge--optional">{t('form.optional')}</span>;
}
