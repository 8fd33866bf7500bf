/** 「ライフイベントから探す」 at the top of a municipality's catalog: one link per life-event guide. */
import { Link } from 'react-router';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { useAsync } from '../../common/useAsync';
import { listGuides } from './guideApi';
import './guides.css';

export default function GuideLinks({ code }: { code: string }) {
  const { t, language } = useLanguage();
  const guides = useAsync(() => listGuides(code, language), [code, language]);
  if (guides.status !== 'done' || guides.value.length === 0) return null;
  return (
    <section aria-labelledby="guides-title" className="guides">
      <h2 id="guides-title" className="section__title">
        {t('catalog.byLifeEvent')}
      </h2>
      <ul className="guides__list">
        {guides.value.map((g) => (
          <li key={g.id}>
            <Link className="guides__link" to={`/m/${code}/guides/${g.id}`}>
              {language === 'en' && g.titleEn ? g.titleEn : g.title}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
