/** 手続: placeholder until the catalog and builder issues fill it. */
import { useStaffText } from '../i18n';

export default function ProceduresPage() {
  const t = useStaffText();
  return (
    <section aria-labelledby="procedures-title">
      <h1 id="procedures-title">{t('common.procedures')}</h1>
      <p>{t('procedures.comingSoon')}</p>
    </section>
  );
}
