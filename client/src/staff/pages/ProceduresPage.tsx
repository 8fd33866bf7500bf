/** 手続: placeholder until the catalog and builder issues fill it. */
import { useT } from '../i18n';

export default function ProceduresPage() {
  const t = useT();
  return (
    <section aria-labelledby="procedures-title">
      <h1 id="procedures-title">{t({ ja: '手続', en: 'Procedures' })}</h1>
      <p>{t({ ja: '手続の一覧と編集画面はこれから作られます。', en: 'The procedure catalog and builder are coming.' })}</p>
    </section>
  );
}
