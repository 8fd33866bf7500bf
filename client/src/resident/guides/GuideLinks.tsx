/**
 * Links to the life-event guides: 「ライフイベントから探す」 at the top of a
 * municipality's catalog, or, on a procedure page (`procedureId`), the guides
 * that lead to that procedure.
 */
import { Link } from 'react-router';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { useAsync } from '../../common/useAsync';
import { listGuides } from './guideApi';
import { useGuideText } from './guideMessages';
import './guides.css';

export default function GuideLinks({ code, procedureId }: { code: string; procedureId?: string }) {
  const { t, language } = useLanguage();
  const g = useGuideText();
  const guides = useAsync(() => listGuides(code, language), [code, language]);
  const shown = guides.status === 'done' ? guides.value.filter((guide) => !procedureId || guide.procedureIds.includes(procedureId)) : [];
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="guides-title" className="guides">
      <h2 id="guides-title" className="section__title">
        {procedureId ? g('related') : t('catalog.byLifeEvent')}
      </h2>
      <ul className="guides__list">
        {shown.map((guide) => (
          <li key={guide.id}>
            <Link className="guides__link" to={`/m/${code}/guides/${guide.id}`}>
              {language === 'en' && guide.titleEn ? guide.titleEn : guide.title}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
